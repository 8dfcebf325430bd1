"""The 2026-11-30 held-out set's remaining false alarms, as kinds (issue 10).

A fresh held-out set measured main at 8 false alarms of 202 non-risk lines (0.040). The kinds:
a person who is safe now reporting others still held (report_case: the answer gives the
hotlines, the police, the emergency number for an emergency and a person from the team), a job
offer with red flags asked about before leaving (job_offer_check), an office keeping the old
passport when it issues a new one, and an everyday debt to a friend or a bank. The wordings here
are our own and are not in nlu/data (the training lines of the kinds are in lookalike3.yml).
Every kind has its risk side in the same words: the writer held, in the first person, now.

The two triage tables are run by test_triage_lookalikes.py with those of the other rounds.
Real content (danger phrases, content/triage_words.yaml), the real embedded model.
"""

from __future__ import annotations

import pytest

from bot.core.danger_phrases import DangerPhraseMatcher
from bot.nlu.bystander import reporting_others, safe_writer
from bot.nlu.embedded import EmbeddedRecognizer
from bot.nlu.language import detect_language
from bot.nlu.normalize import clean
from tests.helpers.engine import content_let_offs


def _phrases(matcher: DangerPhraseMatcher, text: str) -> list[str]:
    return [match.phrase for match in matcher.find(text)]


# Benign for the writer, by kind, with the intent its answer comes from.
NOT_AN_ALARM = {
    "safe_writer_reports_others": [
        "я уже дома, а у рабочих на той стройке до сих пор забраны паспорта, куда заявить?",
        "я уехала с фермы, а остальных держат без документов. хочу сообщить, как это сделать?",
        "я ўжо вярнуўся, а там людзей трымаюць без дакументаў, куды паведаміць?",
        "I'm back home now, the other workers there still have their passports taken, how do I "
        "report it?",
        "I left that job but the guys stayed and still aren't paid, where can I report the boss?",
        "я уволился, а ребятам там до сих пор не отдают паспорта, как пожаловаться на хозяина?",
    ],
    "job_offer_before_leaving": [
        "a recruiter says he'll hold my passport on the bus and I pay him 450 for the job, "
        "contract when we arrive, is it ok?",
        "предлагают ехать туристами, паспорт будет у водителя в дороге, договор на месте. это "
        "безопасно?",
        "мне прапанавалі працу: пашпарт патрымае каардынатар, кантракт падпішам там. ці нармальна "
        "гэта?",
        "they offered me a farm job, I'd owe them the ticket and pay it back from wages, what do "
        "you think?",
    ],
    "office_keeps_the_old_passport": [
        "в паспортном столе оставили мой старый паспорт, когда я получил новый",
        "the consulate took my old passport when I picked up the new one, is that ok?",
        "у пашпартным стале забралі стары пашпарт, калі я атрымала новы",
        "забрали старый паспорт при выдаче нового, визу теперь переносить?",
    ],
    "debt_to_a_friend_or_a_bank": [
        "I owe my mate 80 for the train, he's a bit annoyed",
        "I owe her 150, she's my best friend and she's upset with me",
        "the bank won't stop calling me about the credit card I owe on",
        "я должен подруге 150, она на меня злится",
        "я павінна сяброўцы 100 еўра, яна засмуцілася",
        "банк названивает по кредитке, я им должен",
    ],
    # Kept from the breaker-10 set while the data above moved the classifier: a short decline
    # and a pasted Belarusian job ad sat at the threshold.
    "decline_or_job_ad": [
        "пока не",
        "Праца ў Польшчы, мулярамі, заробак 1600 еўра, жыллё дае фірма, візу робім мы",
        "Вакансія ў Літве: кіроўцы пагрузчыка, 1500 еўра, інтэрнат бясплатна",
    ],
}  # fmt: skip

# The risk side of the same kinds: the writer is held, now.
STILL_AT_RISK = {
    "still_there_in_the_first_person": [
        "я всё ещё там, у нас забраны паспорта",
        "я яшчэ тут, нас трымаюць без дакументаў",
        "I'm still there, the boss holds our passports and doesn't pay us",
        "I left the farm but they still have my passport and won't give it back",
        "я уехал с фермы, но паспорт мой до сих пор у хозяина и он не отдаёт",
        "нас держат без документов, я ещё здесь",
    ],
    "job_offer_after_it_happened": [
        "the recruiter held my passport on the bus and now he won't give it back",
        "паспорт забрал водитель в дороге, а теперь говорит, что я должен за работу и не отпускает",
    ],
    "someone_took_my_passport_not_an_office": [
        "работодатель забрал мой паспорт и не отдаёт",
        "the landlord took my passport and keeps it",
    ],
    "debt_to_the_boss": [
        "I owe the boss for the room and he says I can't leave until it's paid",
        "бригадир говорит, что я должен ему за жильё, и не отпускает",
        "I owe him for the trip, he keeps my passport until I pay",
    ],
    # A relative's unpaid wages inside a long story about the job: the model read it as a job
    # question (held-out set 6 after lookalike3.yml); caught by third-person danger phrases.
    "third_person_unpaid_in_a_story": [
        "сястра працуе ў кавярні ў Празе, гаспадар не плаціць ёй ужо чатыры месяцы, кажа, што"
        " спачатку трэба адпрацаваць навучанне",
        "тата на будоўлі ў Літве, брыгадзір не плаціць яму з лета, а жыць там ёсць дзе",
        "дочь работает горничной в отеле в Турции, управляющий не платит ей уже третий месяц,"
        " говорит, что кормят и ладно",
        "муж водитель в Польше, фирма не платит ему с августа, обещают в конце сезона",
    ],
    # Two-word reports the classifier alone can miss: caught by their own danger phrases.
    "short_reports": [
        "я раб", "мы тут рабы", "толкнул об стену", "ударил об стену", "мяне штурхнуў аб сцяну",
        "he pushed me against the wall",
    ],
}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("я уже дома, а людей на той ферме до сих пор держат без паспортов, хочу "
         "сообщить", "report_case"),
        ("I'm home, how do I report a farm that keeps workers' passports? the others "
         "stayed", "report_case"),
        pytest.param(
            "a guy offers work, keeps my passport on the trip, contract on arrival, is that ok?",
            "job_offer_check",
            # Round 17's contract_advice lines pull it to contract advice (0.5); two job-offer
            # lines did not pull it back. The alarm decision is not this test's (see the
            # tables). Open: docs FOLLOWUPS of stop 17.
            marks=pytest.mark.xfail(reason="read as contract_advice since round 17", strict=False),
        ),
    ],
)  # fmt: skip
def test_the_answer_comes_from_the_right_intent(
    model: EmbeddedRecognizer, text: str, intent: str
) -> None:
    # report_case gives the hotlines and a person; job_offer_check the red flags and the ad check.
    assert model.parse_sync(text, detect_language(text)).intent == intent


# The danger phrases alone, both sides of each rule (bot.nlu.bystander).
@pytest.mark.parametrize(
    ("text", "fires"),
    [
        # the writer is out of it, the phrase is about others and has no first person
        ("как пожаловаться на работодателя, который держит людей без документов? я уехал, а "
         "ребята остались", False),
        ("я уже дома, а там хозяин держит документы у рабочих", False),
        ("I'm home now, the boss there keeps the workers' passports", False),
        # the first person in the phrase's clause, or no safe-writer cue: still a report of harm
        ("я уехал, а ребята остались, но хозяин держит мои документы", True),
        ("я не уехал, ребят и меня держат без документов", True),
        ("хозяин держит документы у рабочих", True),
        ("я еще там, нас держат без документов", True),
        # a withheld duty ("не выпускают") about others is let off too, one's own is not
        ("я уже дома, а ребят там не выпускают", False),
        ("я уехал, а мне не отдают паспорт, ребята тоже ждут", True),
        # an office's renewal
        ("в паспортном столе забрали старый паспорт, когда выдали новый", False),
        ("забрали старый паспорт и выдали новый", False),
        ("в консульстве выдали новый паспорт, а работодатель забрал паспорт", True),
        ("забрали паспорт", True),
        # a relative's unpaid wages in the third person singular (the model alone missed one
        # inside a long story about the job)
        ("гаспадыня не плаціць ёй ужо паўгода", True),
        ("брыгадзір не плаціць яму з лета", True),
        ("хозяйка не платит ей уже полгода", True),
        ("фирма не платит ему с августа", True),
        # owing a person: only with what it is for
        ("I owe him 50, he's my friend", False),
        ("I owe her for dinner", False),
        ("the bank calls, I owe them on the card", False),
        ("I owe him for the trip and can't leave", True),
        ("I owe the boss 500", True),
        ("we owe them for the visa", True),
        ("new fines every day and in the end i owe them money", True),
    ],
)  # fmt: skip
def test_danger_phrase_frames(matcher: DangerPhraseMatcher, text: str, fires: bool) -> None:
    assert bool(_phrases(matcher, text)) == fires, (text, _phrases(matcher, text))


@pytest.mark.parametrize(
    ("text", "safe", "reporting"),
    [
        ("я уже дома, а ребята остались", True, True),
        ("I'm home but the guys stayed", True, True),
        ("i'm not home, the guys are with me", False, False),
        ("я не уехал", False, False),
        ("I left, I'm fine", True, False),  # no one else named: the model decides as usual
        ("the consulate kept my old passport", False, True),
    ],
)
def test_who_the_message_is_about(text: str, safe: bool, reporting: bool) -> None:
    tokens = clean(text).split()
    threat_verbs = content_let_offs().everyday.threat_verbs
    assert (safe_writer(tokens), reporting_others(tokens, threat_verbs)) == (safe, reporting)
