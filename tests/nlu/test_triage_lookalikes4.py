"""Held-out set 7's remaining false alarms, as kinds (issue 10, 2026-11-30).

Set 7 (270 messages, now development data) measured 9 false alarms of 163 non-risk lines
(0.055). The kinds: a question asked in advance with an "if" or a negation ("а если не
заплатят?", "if they threaten me, who do I call there? asking before I go"), a witness
reporting an agency ("сама видела", "I saw their ad"), an office keeping the old passport in
transliteration, a training-cost clause in a contract, keys locked inside, a news story about
trafficking, a contract question from someone who says all is well, a debt to a bank. The
wordings here are our own, not set 7's lines and not in nlu/data (the training lines of the
kinds are in nlu/data/<lang>/lookalike4.yml). Every kind has its risk side in the same words:
it is happening to the writer now. The two triage tables are run by test_triage_lookalikes.py
with those of rounds 2 and 3.

Real content (danger phrases, content/triage_words.yaml), the real embedded model.
"""

from __future__ import annotations

import pytest

from bot.core.danger_phrases import DangerPhraseMatcher

# Benign for the writer, by kind.
NOT_AN_ALARM = {
    "asked_in_advance_with_if": [
        "а если там не заплатят за первый месяц, к кому идти?",
        "калі не заплацяць у канцы сезона, куды пісаць?",
        "Heading to a farm in Poland in June. If the foreman threatens me, what number do I "
        "ring there? asking before I go",
        "nothing wrong yet, just curious: if my boss takes my phone, how do I call home?",
        "esli ne otdadut pasport posle registracii, chto delat?",
    ],
    "witness_reports_an_agency": [
        "хочу сообщить о фирме, я видела их рекламу: они вывозят людей и не платят им",
        "хачу паведаміць пра агенцтва, сама бачыла, як яны забіраюць у людзей пашпарты",
        "I saw their posts, this agency takes people's passports at the border, I want to "
        "report it",
        "hochu pozhalovatsya na firmu, videla kak oni derzhat lyudey bez deneg",
    ],
    "office_keeps_the_old_passport_translit": [
        "v pasportnom stole zabrali staryy pasport kogda ya poluchil novyy",
        "staryi pasport ostavili v konsulstve pri vydache novogo",
    ],
    "training_cost_clause": [
        "в контракте: если уйду раньше 4 месяцев, должна вернуть им деньги за курсы, так можно?",
        "the contract says if I quit early I'll owe them for the forklift training, legal?",
        "у кантракце: калі звольнюся раней, буду павінна вярнуць грошы за навучанне, гэта "
        "законна?",
        "v dogovore: esli uydu ran'she, dolzhna budu vernut' im den'gi za kursy",
    ],
    "keys_locked_inside": [
        "ключы засталіся ў кватэры, дзверы зачыніліся, чакаю гаспадыню",
        "закрыла дверь, а ключи внутри, жду хозяина до вечера",
        "locked my keys in the room, waiting for the landlady to come back",
    ],
    "news_film_or_essay": [
        "there was a report on TV about a trafficking gang in Greece, were any Belarusians "
        "among the victims?",
        "прочитала новость про рабство на фермах в Италии, это правда?",
        "пішу эсэ пра гандаль людзьмі, дзе ўзяць статыстыку?",
    ],
    "contract_question_all_is_well": [
        "паспорт у меня, штрафов нет, просто вопрос: чем отличается договор подряда от "
        "трудового?",
        "I have my passport and get paid on time, I just don't understand my notice period",
    ],
    "debt_to_a_bank": [
        "my bank says I owe 1,500 on the loan, can I pay it from abroad?",
        "банк говорит, что я должна 3000 по кредиту, как платить из Польши?",
    ],
}  # fmt: skip

# The risk side of the same kinds: it is happening to the writer now.
STILL_AT_RISK = {
    "happening_now_asked_with_if": [
        "что делать, если не отпускают с завода? я здесь",
        "што рабіць, калі мяне не адпускаюць з фермы?",
        "what do I do if they won't let me leave the house",
        "they won't give my passport back, what do I do?",
        "if he hits me again what do I do? he hit me yesterday",
    ],
    "the_writer_is_the_victim": [
        "хочу пожаловаться на агентство, у меня забрали паспорт",
        "I want to report them, they took my passport and I'm still there",
        "хачу паскардзіцца: нас трымаюць без грошай і дакументаў",
    ],
    "employer_took_the_passport_translit": [
        "hozyain zabral moy pasport i derzhit u sebya",
    ],
    "held_by_the_training_debt": [
        "хозяин говорит, что я должен ему деньги за курсы, и держит паспорт",
        "I owe them for the training, they won't let me go until it's paid",
        "кажуць, я павінен ім грошы за навучанне, і не адпускаюць",
    ],
    "locked_in_from_outside": [
        "хозяйка заперла меня снаружи и ушла с ключами",
        "гаспадар зачыніў нас звонку",
        "they locked me in the room and took the keys",
    ],
    "own_story_like_the_news": [
        "как в новостях: нас держат на ферме и не выпускают",
        "like in that film, they took our passports and lock us in at night",
    ],
    "debt_to_the_boss_not_the_bank": [
        "the boss says I owe him 2000 for the visa",
        "банк тут ни при чём, бригадир говорит, что я должен ему за жильё и не отпускает",
    ],
}  # fmt: skip


def _phrases(matcher: DangerPhraseMatcher, text: str) -> list[str]:
    return [match.phrase for match in matcher.find(text)]


# The danger phrases alone, both sides of each rule (bot.nlu.conditional, bot.nlu.bystander).
@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # an if-clause with a perfective future, or asked in advance
        ("а если не заплатят?", False),
        ("esli na rabote zaberut telefon, kak svyazatsya s rodnymi?", False),
        ("If they threaten me, who do I call there? Asking before I go", False),
        # the same in the present, with "again", or with no if: the harm is happening
        ("что делать, если не платят?", True),
        ("калі не плацяць, што рабіць?", True),
        ("if they threaten me, who do I call?", True),
        ("just asking: if they threaten me again, who do I call?", True),
        ("не заплатят, сказали прямо", True),
        # a training-cost clause: leaving early costs the course; a debt that holds the writer
        ("если уволюсь раньше, должен буду вернуть им деньги за обучение", False),
        ("я должен им деньги за обучение", True),
        ("the boss says i owe him for the training course, if i quit early it doubles", True),
        # a bank's debt; the boss's debt
        ("my bank says I owe 3,000 on my card", False),
        ("the boss says I owe 3,000", True),
        # a witness's report on an agency; a report of one's own harm
        ("хочу пожаловаться на агентство, они отправляют людей в рабство, сама видела", False),
        ("I left and I'm back in Minsk. They never paid the last month but I'm fine, I want "
         "to report them", False),
        ("хочу пожаловаться, забрали паспорт", True),
        ("хочу пожаловаться на агентство, нас держат без документов", True),
        # transliterated: an office's renewal, a negated "in danger"
        ("staryi pasport zabrali v pasportnom stole kogda vydali novyi", False),
        ("zabrali pasport", True),
        ("ya ne v opasnosti", False),
        ("ya v opasnosti", True),
    ],
)  # fmt: skip
def test_danger_phrase_frames(matcher: DangerPhraseMatcher, text: str, fires: bool) -> None:
    assert bool(_phrases(matcher, text)) == fires, (text, _phrases(matcher, text))
