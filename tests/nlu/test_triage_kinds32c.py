"""Round 32c of issue 10: the last false alarms of an unseen set, all jokes full of scary words,
and Belarusian typed on the Latin keys read as Russian. Wordings are ours, never the set's.

1. A message told as a joke as a whole (bot/nlu/told_joke.py, content `joke_frame.told`): an
   anecdote opened as one ("анекдот:", "жарт:", "joke:", "here's a joke"), a pet or a small
   child at the start laughed at ("мой кот держит меня в заложниках 😂"), someone's joke
   reported ("муж шутит, что ..."). Laughter alone lets nothing off: a passport taken, a group
   locked in, a beating or unpaid wages with 😂, 😅 or ")))" stay at risk, and so does an
   employer or a workplace named beside a pet, or a harm told in a clause after the pet's.
2. Belarusian on the Latin keys: the o key is ў where щ cannot stand ("z o gfcnws" is "я ў
   пастцы"), and ад-, пагр- are Belarusian spellings, so the language comes out be; Russian on
   the same keys stays ru.
"""

from __future__ import annotations

import pytest

from bot.core.danger_phrases import DangerPhraseMatcher
from bot.nlu.language import detect_language, restore_layout
from bot.nlu.layout import belarusian_key_votes
from tests.helpers.triage_tables import phrases, sides_test

CALM = {
    "a_pet_or_a_child_holds_me_hostage_laughed_at": [
        "мой кот держит меня в заложниках, не даёт встать с дивана 😂",
        "ребёнок взял меня в заложники, не отпускает от мультиков 🤣",
        "мой пёс не выпускает меня из кровати уже час )))",
        "сабака трымае мяне ў закладніках, не дае ўстаць з канапы 😂",
        "дзіця ўзяла мяне ў закладнікі, не адпускае ад мультфільмаў )))",
        "my cat is holding me hostage, won't let me get up from the sofa 😂",
        "my toddler took me hostage again, no getting off the couch 🤣",
        "my cat won't let me leave the bed 😂",  # a danger phrase in the pet's own clause
        "мой кот опять запер меня в ванной 😂",
        "moj kot derzhit menya v zalozhnikah 😂",
        "sobaka ne vypuskaet menya s divana )))",
    ],
    "an_anecdote_opened_as_one": [
        "анекдот: начальник забрал у работника паспорт, а тот ему говорит...",
        "анекдот про шефа, который забрал паспорт у гастарбайтера",
        "байка: хозяин запер работника на складе, а тот съел весь сыр",
        "жарт: шэф забраў у работніка пашпарт, а той кажа...",
        "joke: a boss takes a worker's passport and the worker says...",
        "here's a joke: the boss locked the intern in the warehouse and...",
        "anekdot: nachalnik zabral pasport u rabotnika",
    ],
    "someone_keeps_joking_that": [
        "муж шутит, что заставит меня отрабатывать этот ужин вечно",
        "жена всё шутит, что я у неё в рабстве, потому что мою посуду",
        "муж жартуе, што прымусіць мяне адпрацоўваць гэты абед вечна",
        "my husband keeps joking he'll make me work it off forever",
        "my friend keeps joking that his wife holds him hostage",
    ],
}

AT_RISK = {
    "laughter_beside_a_real_danger": [
        "забрали паспорт и не отдают 😂 что делать",
        "нас закрыли на складе 😅 помогите",
        "работодатель забрал паспорт 😂",
        "нас заперли на складе )))",
        "начальник бьёт нас 🤣 и не платит третий месяц",
        "забралі пашпарт і не аддаюць 😂 што рабіць",
        "нас зачынілі на складзе 😅",
        "they took my passport and won't give it back 😂 what do I do",
        "the agency locked us in the warehouse lol",
        "zabrali pasport i ne otdayut 😂 chto delat",
    ],
    "a_pet_named_beside_an_employer_a_workplace_or_a_group": [
        "мой кот и я заперты, хозяин закрыл нас в комнате 😂",
        "мой кот голодный, нас заперли в квартире 😂",
        "ребёнок дома, а меня заперли на складе 😅",
        "my cat is alone at home, the boss locked me in the warehouse 😂",
        "мой кот дома адзін, а нас зачынілі ў інтэрнаце 😂",
    ],
    "a_pet_first_then_a_harm_in_another_clause": [
        "мой ребёнок плачет, меня заперли 😅",
        "мой кот смотрит, как меня бьют 😂",
        "сабака галодная, мяне зачынілі 😅",
        "my dog is barking, they locked me in 😂",
        "мой кот спит, а нас заперли на ночь 😂",
    ],
    "a_spouse_without_a_joke_named": [
        "муж забрал мой паспорт и не выпускает из дома 😂",
        "my husband took my passport and won't let me out 😅",
    ],
    "an_anecdote_word_that_opens_no_anecdote": [
        "анекдот не до смеха: хозяин забрал паспорт и не отдаёт",
        "анекдот, а не работа: нас заперли на складе и не платят",
    ],
    "a_joke_reported_then_said_in_earnest": [
        "шеф шутит, что заберёт паспорт, а сам уже забрал и не отдаёт",
    ],
}


test_a_joke_is_let_off_and_laughter_beside_a_danger_is_not = sides_test(CALM, AT_RISK)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("анекдот: шеф забрал паспорт и не отдаёт", False),
        ("here's a joke: the boss locked us in", False),
        ("моя жена шутит, что заставит меня отрабатывать вечно", False),
        # the phrases before someone's joke are no part of it
        ("хозяин забрал паспорт, а друзья шутят, что я теперь крепостной", True),
        ("забрали паспорт и не отдают 😂", True),
    ],
)
def test_only_the_words_told_as_a_joke_are_let_off(
    matcher: DangerPhraseMatcher, text: str, fires: bool
) -> None:
    assert bool(phrases(matcher, text)) is fires


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("vzyt pfxsybkb o gfrjb", "мяне зачынілі ў пакоі"),
        ("z o gfcnws", "я ў пастцы"),  # ў alone: no Russian word is щ
        ("pf,hfkb oct lfrevtyns", "забралі ўсе дакументы"),  # ў before a consonant
        ("vs o gfldfkt", "мы ў падвале"),
        ("ufcgflfh gfuhf;ft", "гаспадар пагражае"),  # no key differs: the spelling decides
        ("yt flgecrft lfljve", "не адпускае дадому"),
    ],
)
def test_belarusian_on_the_latin_keys_reads_as_belarusian(typed: str, meant: str) -> None:
    assert restore_layout(typed) == meant
    assert detect_language(typed) == "be"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("tot yt gkfnzn", "еще не платят"),  # щ before a vowel: no ў stands there
        ("gjvjom ye;yf", "помощь нужна"),
        ("pf,hfkb gfcgjhn b yt jnlf.n", "забрали паспорт и не отдают"),
        ("jnlf.n ljrevtyns", "отдают документы"),
    ],
)
def test_russian_on_the_latin_keys_stays_russian(typed: str, meant: str) -> None:
    assert restore_layout(typed) == meant
    assert detect_language(typed) == "ru"


def test_the_keys_that_differ_vote_for_the_layout_that_spells_them() -> None:
    assert belarusian_key_votes("pf,hfo") > 0  # забраў, not забращ
    assert belarusian_key_votes("tot") < 0  # еще, not еўе
    assert belarusian_key_votes("cv]z") > 0  # сям'я: ' after м, never ъ
    assert belarusian_key_votes("c]tk") < 0  # съел: ъ after с
    assert belarusian_key_votes("pfgthkb") == 0  # заперли: no key differs
