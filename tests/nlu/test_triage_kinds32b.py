"""Round 32b of issue 10: the kinds of a new unseen set. Wordings are ours, never the set's.

1. Someone else taken by force or hiding from captors now, told by a relative or a friend ("men
   are dragging girls into a van, she's hiding", "девушек тащат в машину, она прячется", "цягнуць
   у машыну, яна хаваецца") (content/danger_phrases.yaml, emergency_now). The same words in a
   film, a series or the news, or a sofa dragged into a van, stay calm.
2. A negation with a contraction before an advice question ("nobody's holding my documents or
   anything like that", "no one's threatening me", "there ain't anyone", "nothing's wrong")
   (bot/nlu/negation.py `NEGATORS`, a negated list closed by "or anything like that"). A harm
   that is itself a negation ("nobody's giving me my passport back", "no one's paying us") stays
   at risk, in ru and be too ("никто не отдаёт паспорт", "ніхто не аддае пашпарт").
3. Overtime asked about against the hours in the contract: contract advice. Overtime unpaid for
   months stays at risk.
4. Pay held back on a stay abroad that is over, told from home with a wish to complain
   (content/triage_frames.yaml `report_later.back_from`). Pay held back now, abroad, stays at
   risk.
5. Intents the model confused (nlu/data/<lang>/kinds32b.yml).
"""

from __future__ import annotations

import pytest

from bot.core.danger_phrases import DangerPhraseMatcher
from bot.nlu.embedded import EmbeddedRecognizer
from tests.helpers.triage_tables import phrases, sides_test, table

CALM = {
    "abduction_words_in_a_film_or_the_news": [
        "In a movie I saw, men drag girls into a van and one of them hides from them. Was it based "
        "on real events?",
        "в фильме девушек тащат в машину, а одна прячется от них — так бывает на самом деле?",
        "у фільме дзяўчат цягнуць у машыну, а адна хаваецца ад іх — так бывае насамрэч?",
        "the news showed men forcing women into a van at a border town, how often does that "
        "happen?",
        "we're dragging the old sofa into the van while the kids hide in the boxes, any tips for "
        "the move?",
    ],
    "negation_with_a_contraction_before_advice": [
        "Nobody's holding my passport or anything like that, I only want to know if a student "
        "visa lets me work in Poland",
        "I'm not in any danger and no one's threatening me, I just want to know how to check a "
        "recruiter",
        "nobody's taken my papers or threatened me or anything like that, which visa do I need "
        "for Czechia?",
        "there ain't anyone keeping my documents, just asking how long a work permit takes",
        "nothing's wrong and nobody's forcing me, I'd like the hotline number before I leave",
        "никто ничего не забирал и никто не угрожает, я просто хочу узнать про рабочую визу",
        "ніхто нічога не забіраў і ніхто не пагражае, я проста хачу даведацца пра працоўную візу",
    ],
    "overtime_asked_against_the_contract": [
        "v dogovore 40 chasov v nedelyu, a brigadir govorit budem po 60, kak oplachivayutsya "
        "pererabotki?",
        "в договоре 40 часов в неделю, а мастер говорит, что будет 60 — как платят за переработки?",
        "у дамове 40 гадзін на тыдзень, а майстар кажа, што будзе 60 — як плацяць за звышурочныя?",
        "the contract says 40 hours a week but the manager says it'll be 60, how is the extra "
        "time paid?",
    ],
    "pay_held_on_a_stay_that_is_over_reported_from_home": [
        "сусед вярнуўся з Расіі, яму не заплацілі за паўгода, ён дома, як паскардзіцца на фірму?",
        "Сусед вярнуўся з Польшчы, яму так і не заплацілі за сезон, цяпер ён дома, куды "
        "скардзіцца на наймальніка?",
        "сосед вернулся из России, ему не заплатили за полгода, сейчас он дома, как пожаловаться "
        "на фирму?",
        "my neighbour came back from Russia, they never paid him for half a year, he's home now, "
        "how does he complain about the firm?",
        "sosed vernulsya iz rossii, emu ne zaplatili za polgoda, on doma, kak pozhalovatsya na "
        "firmu",
    ],
}

AT_RISK = {
    "someone_taken_by_force_or_hiding_now_told_by_a_relative": [
        "my cousin just texted that men are dragging girls into a van outside her flat and she's "
        "hiding in the bathroom, what do I do?",
        "my sister says two guys are forcing the girls into a car downstairs, she is hiding from "
        "them, what should I do",
        "сестра пишет, что у её дома девушек тащат в машину, она прячется в ванной, что мне "
        "делать?",
        "подруга пишет: девчонок заталкивают в бус у общежития, она прячется от них, что делать",
        "сястра піша, што каля яе дома дзяўчат цягнуць у машыну, яна хаваецца ў ванным пакоі, "
        "што рабіць?",
        "sestra pishet chto devushek tashchat v mashinu, ona pryachetsya, chto delat",
    ],
    "negated_harm_that_is_the_harm": [
        "nobody's giving me my passport back and I can't leave",
        "no one's paying us for three months now",
        "nobody's letting us out of the farm",
        "никто не отдаёт мне паспорт, что делать",
        "ніхто не аддае мне пашпарт",
    ],
    "a_negated_list_without_an_advice_tail": [
        "nobody's helping me, they threatened me and took my passport",
    ],
    "overtime_unpaid_for_months": [
        "за переработки не платят уже два месяца",
        "за звышурочныя не плацяць ужо два месяцы",
        "they haven't paid us for overtime for two months",
        "za pererabotki ne platyat uzhe dva mesyatsa",
    ],
    "pay_held_now_abroad": [
        "Сусед цяпер у Расіі, яму паўгода не плацяць, як паскардзіцца?",
        "мне полгода не платят в Польше, я ещё тут, как пожаловаться?",
        "I'm still in Poland, they haven't paid me for six months, how do I complain?",
        "я вернулся из Польши, но брат ещё там, ему не платят полгода, как пожаловаться?",
    ],
}

INTENTS = {
    "hotline_request": [
        "nothing's happened, no one threatens me, I just want a hotline number saved before the "
        "trip",
        "нічога не здарылася, ніхто не пагражае, проста хачу мець нумар гарачай лініі перад "
        "паездкай",
    ],
    "bot_capabilities": [
        "can this bot check an agency for me or does it only give tips?",
        "гэты бот можа праверыць фірму ці толькі дае парады?",
    ],
    "out_of_scope": [
        "I lost my passport at home, where in Minsk can I get a new one?",
        "згубіў пашпарт дома, дзе ў Мінску атрымаць новы?",
    ],
}


# Each row: text, and whether a danger phrase alone fires on it.
PHRASES = [
    (text, True) for text in AT_RISK["someone_taken_by_force_or_hiding_now_told_by_a_relative"]
] + [
    (text, False)
    for kind in (
        "abduction_words_in_a_film_or_the_news",
        "negation_with_a_contraction_before_advice",
    )
    for text in CALM[kind]
]


test_each_kind_gets_its_decision = sides_test(CALM, AT_RISK)


@pytest.mark.parametrize(("text", "fires"), PHRASES)
def test_the_danger_phrases_fire_on_an_abduction_now_not_in_a_story_or_a_negation(
    matcher: DangerPhraseMatcher, text: str, fires: bool
) -> None:
    assert bool(phrases(matcher, text)) is fires, phrases(matcher, text)


@pytest.mark.parametrize(("intent", "text"), table(INTENTS))
def test_the_confused_service_questions_get_their_intent(
    model: EmbeddedRecognizer, intent: str, text: str
) -> None:
    assert model.parse_sync(text).intent == intent
