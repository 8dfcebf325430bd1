"""The breaker-10 tester's remaining false alarms and miss, as kinds (issue 10, 2026-11-30).

477 messages of a fresh tester through the real engine sent 32 benign ones down the emergency
path and missed "no passport no money no way out". The kinds: a one-word topic question
("зарплата?", "passport?"), a debt to a bank or a friend, keys locked in a room, a landlord's
curfew, a passport given back after a check, the law on long shifts, and hypothetical or
general legal questions ("а если вдруг не заплатят, куда обращаться?", "is it legal for an
employer to hold your passport?"). Every kind has the tester's lines and lines of our own in
ru, be, en and transliteration, and its risk side said with the same words.

The two triage tables are run by test_triage_lookalikes.py with those of the other rounds.
Real content (danger phrases, content/triage_words.yaml), the real embedded model.
"""

from __future__ import annotations

import pytest

from bot.core.danger_phrases import DangerPhraseMatcher


def _phrases(matcher: DangerPhraseMatcher, text: str) -> list[str]:
    return [match.phrase for match in matcher.find(text)]


# Benign, by kind: the tester's lines first, then ours.
NOT_AN_ALARM = {
    "topic_question": [
        "зарплата?", "а паспорт?", "passport?", "платно?", "ночью", "без выходных?",
        "1200 zł netto",
        "а виза?", "документы?", "смены?", "а жильё?", "пашпарт?", "а заробак?", "без выхадных?",
        "уначы", "salary?", "visa?", "overtime?", "at night", "zarplata?", "a pasport?",
        "в выходные", "900 евро нетто",
    ],
    "debt_to_a_bank_or_a_friend": [
        "я должна банку 2000, можно ли уехать работать?",
        "I owe my friend 200 euro for the ticket, fine, but how do taxes work?",
        "коллекторы звонят по кредиту, могут ли не выпустить из страны?",
        "debt collector calls me about a loan in Belarus, can they stop me leaving the country?",
        "dolg po kreditu, mozhno li vyehat za granicu?",
        "у меня кредит в банке, выпустят ли меня на границе?",
        "я вінны банку за машыну, ці можна працаваць у Польшчы?",
        "I have a credit card debt at home, can I still get a work visa?",
    ],
    "locked_out": [
        "заперла ключи в квартире, куда звонить в Вильнюсе",
        "I locked myself out of my room at the hostel, who do I call",
        "захлопнула дверь, ключи остались внутри, что делать",
        "зачыніў ключы ў пакоі, каму тэлефанаваць?",
        "left my keys inside and the door shut, who opens it",
    ],
    "landlord_curfew": [
        "my landlord locks the front door at midnight, is that ok?",
        "хозяйка закрывает подъезд в 12 ночи, так можно?",
        "у інтэрнаце дзверы зачыняюць апоўначы, гэта законна?",
        "the dorm door is locked at 11 but we all have keys, is that normal?",
    ],
    "passport_given_back": [
        "на границе забрали паспорт на проверку и через 10 минут отдали, это нормально?",
        "начальник отдал паспорт после регистрации, теперь надо ли его где-то хранить?",
        "Ребята спасибо, всё получилось, паспорт вернули, деньги заплатили, я уже дома в Минске",
        "пограничники забрали паспорт на проверку и быстро отдали",
        "на мяжы забралі пашпарт на праверку і праз пяць хвілін аддалі",
        "the border guard took my passport to check it and handed it back",
    ],
    "law_on_long_shifts": [
        "работа на складе, смены по 12 часов, это нормально по закону?",
        "my boss is killing me with overtime haha, are 50h weeks legal in Poland?",
        "can my employer make me work on Sundays in Poland?",
        "из зарплаты удерживают налоги и страховку, почему так много?",
        "смены по 12 часов на заводе, это законно в Литве?",
        "змены па 12 гадзін, ці законна гэта ў Польшчы?",
        "are 12 hour night shifts legal in the Netherlands?",
    ],
    "hypothetical_or_general_question": [
        "а если вдруг не заплатят, куда обращаться?",
        "is it legal for an employer to hold your passport? asking before I sign",
        "можно ли законно удерживать паспорт работника в Литве? я ещё не уехал",
        "как понять заранее что тебя хотят продать в рабство? еду первый раз",
        "што рабіць, калі на працы будуць крычаць ці пагражаць? проста каб ведаць",
        "my employer never touched my documents, but can he ask for my bank details?",
        "а если вдруг не отдадут зарплату, кому звонить?",
        "калі раптам не заплацяць, куды ісці?",
        "what if they don't pay me at the end? just preparing",
        "имеет ли право работодатель удерживать паспорт работника?",
        "ці законна агенцтву трымаць пашпарт работніка?",
        "esli vdrug ne zaplatyat, kuda obrashatsya?",
    ],
    "no_way_out_of_a_contract": [
        "is there no way out of this contract?",
        "is there no way out of a lease before a year?",
    ],
}  # fmt: skip

# The risk side of the same kinds: the same words where the harm is real and current.
STILL_AT_RISK = {
    "debt_to_the_boss": [
        "хозяин говорит я должен за дорогу и не отпускает",
        "I owe the boss for the ticket and he won't let me leave until it's paid",
        "гаспадар кажа, што я вінен за дарогу, і не адпускае",
        "hozyain govorit ya dolzhen za dorogu",
    ],
    "locked_in": [
        "хозяин запирает нас на ночь снаружи",
        "the landlord locks us in at night, we have no key",
        "нас зачыняюць на ноч звонку",
        "locked in",
        "my sister says the agency locks the girls in the hostel at night",
    ],
    "passport_not_given_back": [
        "забрали паспорт на проверку и не отдают уже неделю",
        "забрали паспорт и отдали хозяину",
        "they took my passport for a check and never gave it back",
        "забралі пашпарт на праверку і не вяртаюць",
    ],
    "long_shifts_with_coercion": [
        "заставляют работать по 16 часов и бьют",
        "we work 12 hours with no days off and they don't pay",
        "зарплата? какая зарплата, два месяца ничего не платят",
    ],
    "a_real_risk_said_as_a_question_or_hypothetical": [
        "законно ли, что у меня забрали паспорт?",
        "is it legal that my employer has kept my passport for a month?",
        "как понять, что меня продали в рабство",
        "не платят, а если вдруг уволят, куда идти?",
        "что делать если не платят",
        "можно ли уйти если не платят?",
        "ці законна, што ў мяне забралі пашпарт?",
    ],
    "no_way_out": [
        "no passport no money no way out",
        "there is no way out for me here",
        "ни паспорта, ни денег, выхода нет",
        "ні пашпарта, ні грошай, выйсця няма",
        "trapped at the farm",
        "is there no way out for us? they took our passports",
    ],
    "third_person_violence": [
        "мой муж на заработках, ему разбили лицо бригадиры, что делать",
    ],
}  # fmt: skip


# The danger phrases alone, both sides of each rule (bot.nlu.general_question, bot.nlu.negation).
@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # a general question (a cue opening the clause, no first person) names no one's harm
        ("можно ли законно удерживать паспорт работника в Литве?", False),
        ("как понять заранее что тебя хотят продать в рабство?", False),
        ("is there no way out of this contract?", False),
        ("а можно ли удерживать паспорт работника?", False),
        ("законно ли, что у меня забрали паспорт?", True),  # first person
        ("как понять, что меня продали в рабство", True),  # the phrase in its own clause
        ("is there no way out for me", True),
        ("можно ли уйти если не платят?", True),  # written with a negation: never let off
        ("работаю законно но хозяин забрал паспорт", True),  # no cue opens the clause
        # a hypothetical right before a withheld duty ("если вдруг не заплатят")
        ("а если вдруг не заплатят, куда обращаться?", False),
        ("what if they don't let me leave", False),
        ("не платят, а если вдруг уволят?", True),
        ("they don't let me leave", True),
        ("если не платят что делать", True),  # "если" alone is no hypothetical
        # a passport handed back at the end of its clause was given back
        ("на границе забрали паспорт на проверку и через 10 минут отдали, это нормально?", False),
        ("забрали паспорт и отдали хозяину", True),  # handed to someone else
        ("забрали паспорт и не отдали", True),
        # "no way out", "выхода нет": trapped, in the person's own words
        ("no passport no money no way out", True),
        ("денег нет, паспорта нет, выхода нет", True),
        ("нет выхода в интернет", False),
    ],
)
def test_danger_phrase_frames(matcher: DangerPhraseMatcher, text: str, fires: bool) -> None:
    assert bool(_phrases(matcher, text)) == fires, (text, _phrases(matcher, text))
