"""Round 11 of issue 10: the development set nlu_heldout10's miss and false alarms, as kinds.

* A story-frame word in another sense: "the book is at zero" (a gangmaster's debt ledger),
  "книга" / "кніга" as a ledger, "no movies" when the phone was taken, plastic "film", a
  "series" of fines. Set 10's one miss: the word raised the classifier's bar to 0.7 for the
  whole message. A frame word counts only when it frames the message (`bot.nlu.story_frame`):
  "watched a film about", "reading a book where", "for my essay", "в сериале".
* A contract's written deductions asked about ("в договоре написано, что вычитают за жильё, это
  нормально?"): contract advice (`bot.nlu.written_terms`); "вычитают столько, что ничего не
  остаётся" stays risk.
* A boss's joke said as one ("запрёт нас в офисе до релиза 😂", "это же шутка"): the classifier
  alone needs more evidence (`bot.nlu.joke_frame`); "нас заперли, не смешно", "locked us in lol
  help" stay caught.

The wordings are our own: not the sets' lines, and not in nlu/data. Both tables run in
test_triage_lookalikes.py with the other rounds'.
"""

from __future__ import annotations

import pytest

from bot.core.danger_phrases import DangerPhraseMatcher
from bot.nlu.normalize import clean
from bot.nlu.reassured import reassured
from tests.helpers.engine import content_jokes
from tests.helpers.triage_tables import phrases

NOT_AN_ALARM = {
    "a_story_that_frames_the_message": [
        "watched a film about trafficking yesterday, who made it?",
        "вчера смотрела фильм про торговлю людьми, кто режиссёр?",
        "reading a book where the heroine is locked in a factory, is it based on real events?",
        "ў серыяле гераіню трымаюць узаперці, чым скончыцца?",
        "глядзела фільм пра рабства на фермах, ці гэта праўда?",
        "smotrel film pro rabstvo, gde takoe byvaet?",
        "for my essay: how do traffickers take passports from workers?",
        "пишу эссе про принудительный труд, как забирают паспорта?",
        "saw on tv that people get locked in at farms, is it true in Poland?",
        "по телевизору показывали, что людей запирают на фермах, это правда?",
    ],
    "written_deductions_asked_about": [
        "в договоре написано, что вычитают 300 евро за жильё, это нормально?",
        "у дамове напісана, што вылічваюць за жыллё 200 еўра, гэта законна?",
        "v dogovore napisano chto vychitayut za zhilye 250 evro, eto normalno?",
        "по договору вычитают за жильё 200 евро в месяц, это законно?",
        "my contract says they deduct 90 a week for the room, is that legal here?",
    ],
    "a_joke_said_as_one": [
        "шеф сказал, что запрёт нас в офисе до релиза 😂",
        "тимлид сказал, что запрёт нас в переговорке до дедлайна ахах",
        "шэф жартуе, што зачыніць нас у офісе да рэлізу 😂",
        "boss jokes he'll lock us in until the deadline, jk, all fine",
        "the boss said he'd lock us all in the office until the release haha jk",
        "shef skazal chto zapret nas v ofise do reliza haha",
    ],
}  # fmt: skip

STILL_AT_RISK = {
    "a_frame_word_in_another_sense": [
        "the gangmaster says I can leave when the book is at zero, but every week he adds more",
        "гаспадар вядзе кнігу даўгоў, кажа, паеду дадому, калі ў кнізе будзе нуль",
        "бригадир записывает долг за жильё в свою книгу и говорит, что уеду, когда в книге "
        "будет ноль",
        "brigadir zapisyvaet dolg v svoyu knigu, skazal uedu kogda v knige budet nol",
        "they took my phone so no movies and no calls home",
        "we wrap pallets in film twelve hours a day and the boss keeps our passports",
        "серия штрафов, теперь я должен агентству больше чем зарабатываю",
        "like in that film, they took our passports and lock us in at night",
        "как в кино: паспорта забрали и не выпускают",
    ],
    "deductions_that_leave_nothing": [
        "вычитают за жильё столько, что ничего не остаётся",
        "в договоре написано 1500, а вычитают за жильё половину, это нормально?",
        "вылічваюць за жыллё столькі, што нічога не застаецца",
        "каждый месяц я должен всё больше",
    ],
    "a_cry_with_a_smile": [
        "нас заперли, не смешно",
        "locked us in lol help",
        "нас заперли в офисе 😂",
        "boss locked us in the warehouse lol",
        "нас заперли в офисе до релиза 😂 помогите",
        "I'm not joking, they locked us in until the deadline",
        "меня бьют, не шучу",
        "бригадир сказал, что мне не жить, если уйду. не знаю, шутит он или нет",
        "майстар кажа, што заб'е, калі паскарджуся, не ведаю, жартуе ці не",
        "he says he'll kill me if I quit, jk I guess?",
    ],
}  # fmt: skip

# (message, whether it reassures the classifier through a story frame: its bar rises to 0.7).
FRAMES = [
    ("I can go home when the book is at zero", False),
    ("he writes the debt in a book, I leave when it's paid", False),
    ("в книге записано, сколько я должен", False),
    ("у кнізе запісана, колькі я вінен", False),
    ("they took my phone so no movies", False),
    ("we wrap pallets in film all day", False),
    ("a series of fines every week", False),
    ("забрали телевизор и телефон", False),
    ("за оплату курсов вычитают из зарплаты", False),
    ("like in a movie, they lock us in", False),
    ("watched a film about forced labour", True),
    ("reading a book where they lock people in", True),
    ("читала книгу про рабство", True),
    ("в сериале героиню держат взаперти", True),
    ("у фільме іх трымаюць на ферме", True),
    ("for my essay on trafficking", True),
    ("a documentary on debt bondage", True),
    ("по телевизору показывали ферму", True),
    ("the film I watched last night", True),
]


@pytest.mark.parametrize(("text", "frames"), FRAMES)
def test_a_story_word_reassures_only_when_it_frames_the_message(text: str, frames: bool) -> None:
    tokens = clean(text).split()
    assert reassured(tokens, text) is frames, tokens


# (message, whether a deduction phrase fires): written and asked about, or the harm itself.
DEDUCTIONS = [
    ("в договоре написано, что вычитают 300 евро за жильё, это нормально?", False),
    ("у дамове напісана, што вылічваюць за жыллё, гэта нармальна?", False),
    ("вычитают за жильё 400 евро, это нормально?", True),  # not written in the contract
    ("в договоре написано 1500, а вычитают за жильё половину?", True),  # against it
    ("в договоре написано, что вычитают за жильё, а на руки ничего, это законно?", True),
    ("вылічваюць за жыллё і нічога не застаецца", True),
]


@pytest.mark.parametrize(("text", "fires"), DEDUCTIONS)
def test_a_written_deduction_asked_about_fires_no_deduction_phrase(
    matcher: DangerPhraseMatcher, text: str, fires: bool
) -> None:
    deductions = [p for p in phrases(matcher, text) if p.startswith(("вычита", "вылічва"))]
    assert bool(deductions) is fires, deductions


JOKES = [
    ("шеф сказал, что запрёт нас в офисе до релиза 😂", True),
    ("это же шутка, да?", True),
    ("he said he'd lock us in jk", True),
    ("нас заперли в офисе 😂", False),  # laughter alone frames nothing
    ("нас заперли, не смешно", False),
    ("locked us in until the release lol help", False),
    ("не шучу, нас заперли до релиза", False),
    ("no joke, they lock us in till the deadline haha", False),
    ("сказал, что мне не жить, не знаю, шутит или нет", False),  # a doubt is no joke
    ("he jokes he'll lock us in till the deadline, do you help with jobs?", True),
]


@pytest.mark.parametrize(("text", "joke"), JOKES)
def test_a_joke_frame_needs_a_marker_and_no_cry(text: str, joke: bool) -> None:
    tokens = clean(text).split()
    assert content_jokes().frame(tokens, text) is joke, tokens
