"""The development set nlu_heldout8's false alarms, as kinds (issue 10).

An independent writer's set measured main at 11 false alarms of 175 non-risk lines (0.063). The
kinds: talk about the topic (news, a page, a friend's joke, "what to do so as not to end up in
slavery"), a job ad quoted and asked about from home, a bank or mortgage debt that "grows", a
robbery by strangers that took the passport, a joke about being "locked in" (the army, sick
leave), a contract question said "nobody forced me", and a past story of a misleading agency
told from home. The wordings here are our own: not the set's lines, and not in nlu/data (the
training lines of the kinds are in lookalike5.yml). Every kind has its risk side in the same
words: the writer held, in the first person, now.

Real content (danger phrases, content/triage_words.yaml), the real embedded model.
"""

from __future__ import annotations

import pytest

from bot.core.danger_phrases import DangerPhraseMatcher
from bot.core.triage import Triage
from bot.nlu.embedded import EmbeddedRecognizer
from bot.nlu.message_frames import mentioned_not_reported
from bot.nlu.normalize import clean
from tests.helpers.engine import content_let_offs
from tests.helpers.triage_tables import assess, phrases, table

# Benign for the writer, by kind.
NOT_AN_ALARM = {
    "talk_about_the_topic": [
        "в новостях рассказали про рабство на фермах. а как легально поехать в Польшу?",
        "коллега смеётся, что меня в Эмиратах продадут в рабство, а какие там правила для "
        "иностранцев?",
        "спасибо за страницу о долговой кабале, очень помогла",
        "что проверить до поездки, чтобы не попасть в рабство?",
        "u navinach raskazvali pra rabstva, jak lehalna pajechac u Litvu?",
        "дзякуй за артыкул пра рабства, перашлю маме",
        "thanks for the page on debt bondage, it really helped",
        "how can I make sure I don't end up in slavery when I go to work in Dubai?",
        "v novostyah pokazyvali syuzhet pro rabstvo, a kak oformit rabochuyu vizu?",
        "drug shutit chto menya v rabstvo prodadut v Emiratah, a kakie tam zakony?",
    ],
    "job_ad_quoted_from_home": [
        "в вакансии пишут «долг за дорогу отрабатывается за первый месяц», это нормально? я ещё "
        "дома",
        "у абвестцы напісана 'доўг за візу гасіцца з заробку', гэта пастка? я яшчэ дома",
        "the job ad says 'visa debt is paid off from your first wages', is this a scam? I'm "
        "still at home",
        "v vakansii napisano 'dolg za vizu gasitsya s pervoj zarplaty', eto lovushka? ya eshche "
        "doma",
    ],
    "bank_debt_grows": [
        "долг по кредиту растёт, хочу поехать в Литву на заработки. что смотреть в договоре?",
        "доўг па крэдыце ў банку расце, хачу паехаць на заробкі, на што глядзець у кантракце?",
        "my bank loan debt keeps growing, I want to work in Poland for a year, any advice on the "
        "contract?",
        "dolg po ipoteke rastet, hochu poehat na zarabotki v Chehiyu, chto proverit v kontrakte?",
    ],
    "robbed_by_strangers": [
        "меня ограбили в Тбилиси, забрали паспорт и деньги, это не работодатель, просто воры. "
        "как вернуться?",
        "мяне абрабавалі ў Празе, забралі пашпарт і грошы, проста злодзеі на вуліцы. як "
        "вярнуцца дадому?",
        "Mianie abrabavali ŭ Vilni, zabrali pašpart i hrošy, heta nie pracadaŭca. Jak "
        "viarnucca?",
        "I was robbed in Batumi, they took my passport and money, just thieves, not my "
        "employer. how do I get home?",
        "menya ograbili v Varshave, zabrali pasport i dengi, eto prosto vory. kak vernutsya?",
    ],
    "locked_in_joke": [
        "друга в армии заперли в казарме на все выходные, ахах. а вы помогаете с визами?",
        "сижу на больничном, мама никуда не выпускает ахах, скучно, расскажи что-нибудь",
        "сябра ў войску зачынілі ў казарме, ахах. а вы дапамагаеце з працай?",
        "my brother in the army got locked in the barracks for the weekend haha. do you help "
        "with work visas?",
    ],
    "not_forced_contract_question": [
        "no one forced me into anything, I just want to know if a contract can hold back 10% of "
        "my pay until the season ends",
        "меня никто ни к чему не принуждал, просто вопрос: может ли договор удерживать часть "
        "зарплаты до конца сезона?",
        "мяне ніхто не прымушаў, проста пытанне: ці можа дамова трымаць частку заробку да "
        "канца сезона?",
    ],
    "past_story_from_home": [
        "я вернулась из Чехии осенью, агентство обещало одно, а жили по двенадцать человек и "
        "штрафовали. я уже дома и ничего не должна, хочу, чтобы других предупредили. куда "
        "передать информацию?",
        "I came back from Lithuania in October, the agency lied about the housing and the "
        "fines. I'm home and owe them nothing, who can I give the details to?",
    ],
}  # fmt: skip

# The risk side of the same kinds: the writer held, now, in the same words.
STILL_AT_RISK = {
    "slavery_said_of_oneself": [
        "меня продали в рабство",
        "мяне прадалі ў рабства",
        "they sold me",
        "I'm in debt bondage here",
        "я в рабстве, помогите",
        "ya v rabstve, pomogite",
        "я попала в рабство к хозяину фермы",
    ],
    "debt_grows_at_work": [
        "долг за билет растёт, не отпускают",
        "доўг за білет расце, не адпускаюць",
        "the debt for the ticket keeps growing and they won't let me go",
        "в объявлении писали, что билет бесплатно, а тут долг за билет растёт",
        "dolg za bilet rastet, ne otpuskayut",
    ],
    "passport_taken_at_work": [
        "забрали паспорт на работе",
        "забралі пашпарт на працы",
        "меня не ограбили, это бригадир забрал паспорт",
        "they took my passport at work",
    ],
    "not_let_out": [
        "не выпускают из общежития",
        "не выпускаюць з інтэрната",
        "they don't let us out of the dorm",
        "нас заперли в вагончике на стройке",
        "ne vypuskayut iz obshchezhitiya",
    ],
}  # fmt: skip


@pytest.mark.parametrize(("kind", "text"), table(NOT_AN_ALARM))
def test_a_mention_is_not_at_risk(
    triage: Triage, model: EmbeddedRecognizer, kind: str, text: str
) -> None:
    decision = assess(triage, model, text)
    assert not decision.at_risk, (kind, decision)


@pytest.mark.parametrize(("kind", "text"), table(STILL_AT_RISK))
def test_the_same_words_as_a_real_risk_are_at_risk(
    triage: Triage, model: EmbeddedRecognizer, kind: str, text: str
) -> None:
    assert assess(triage, model, text).at_risk, kind


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # topic talk: the topic word alone after "про" / a page / "не попасть в", or in a joke
        ("читала новости про рабство", False),
        ("как не оказаться в кабале за границей", False),
        ("my friend jokes they'll sell me into slavery", False),
        ("Siabar žartuje, što mianie pradaduć u rabstva", False),
        ("watched a film on modern slavery last night", False),
        ("I work on a farm in slavery conditions", True),
        ("я читала про рабство, а теперь сама в рабстве", True),
        ("я в рабстве", True),
        ("я тут в рабстве ахах", True),  # laughing, but there now
        ("друг шутит, что я тут в рабстве", True),
        ("I'm in debt bondage", True),
        # a quote from an ad, asked about from home; outside the quotes it is the writer's
        ("в объявлении: 'долг за жильё вычитается из зарплаты', это норм?", False),
        ("они сказали «долг за жильё» и не отпускают", True),
        ("в объявлении было «долг за жильё», а я приехала и он растёт", True),
        ("в объявлении пишут что долг за билет гасится с зарплаты, я ещё дома", False),
        ("в объявлении пишут что долг за билет гасится с зарплаты", True),
        # locked in: laughter and a harmless setting, both
        ("брата заперли в казарме ахах", False),
        ("нас заперли ахах", True),
        ("нас заперли в казарме", True),
        # robbed: no employer, workplace or housing named (a negated one does not count)
        ("ограбили на улице, забрали паспорт", False),
        ("ограбили, забрали паспорт, это не работодатель", False),
        ("на работе ограбили, забрали паспорт", True),
        ("хозяин забрал паспорт, это грабёж", True),
        ("мяне не абрабавалі, гэта брыгадзір забраў пашпарт", True),
        ("I wasn't robbed, the coordinator took my passport", True),
    ],
)
def test_danger_phrase_frames(matcher: DangerPhraseMatcher, text: str, fires: bool) -> None:
    assert bool(phrases(matcher, text)) is fires, phrases(matcher, text)


@pytest.mark.parametrize(
    ("text", "mentioned"),
    [
        ("nobody forced me, I just want to know about the contract", True),
        ("никто меня не заставлял, вопрос про договор", True),
        ("меня заставляют работать бесплатно", False),
        ("сижу на больничном, никуда не выпускают, ахах", True),
        ("никуда не выпускают, ахах", False),
        ("в объявлении пишут про долг за билет, я ещё дома", True),
        ("меня ограбили, забрали паспорт", True),
        ("на работе забрали паспорт", False),
        ("my bank loan keeps growing", True),
        ("took a bank loan for the agency, now the boss says I owe more", False),
        ("в кредит дали жильё и еду, теперь не расплатиться", False),
    ],
)
def test_the_classifier_needs_more_evidence_for_a_mention(text: str, mentioned: bool) -> None:
    assert mentioned_not_reported(clean(text).split(), text, content_let_offs()) is mentioned
