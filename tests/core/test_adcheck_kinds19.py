"""Round ad19 (issue 15; set 16 missed a passport handover and rated three honest ads above low):
what the tables of tests/data/adcheck_kinds/ad19.yaml cannot say.

- A friend's chat message forwarded to the bot (money to a named woman "for a bus seat and the
  paperwork", the passport given to her to take to the embassy herself) is offered its check,
  and the check shows the fee and the passport handover, each quoting the message's own words,
  with the offer of a person (a passport handover is a trafficking sign); the calm side (a copy
  of the passport, the worker at the consulate in person, no fees) is rated low.
- The sentence model and the cue words read one negation scope (`adnegation.negation_scopes`):
  the words the model marks "¬" are exactly those a cue word does not count in.
"""

from __future__ import annotations

import re

import pytest

from bot.core.admodel import prepare
from bot.core.adnegation import WORD, negation_scopes
from bot.core.adtext import in_cyrillic, normalize
from bot.core.events import Response
from bot.core.letters import FOLD
from tests.helpers.chat import Chat, all_payloads, texts

# (lang, the forwarded message, the fee's words, the passport's words, the two titles)
FORWARDED = [
    ("ru", "Привет! Ну что, узнала я про ту работу 😊 Всё нормально, люди им ещё нужны. Надо "
     "только перевести 100$ Алёне за место в автобусе и оформление, и отдать ей паспорт, она сама "
     "отнесёт в посольство и потом вернёт. Пиши ей в телеграм @alena_example 👍",
     "Алёне за место", "отдать ей паспорт", ("Плата за работу", "Паспорт нужно отдать")),
    ("be", "Прывітанне! Я даведалася пра тую працу 😊 Усё добра, людзі ім яшчэ патрэбныя. Трэба "
     "толькі скінуць 100 долараў Алене за месца ў аўтобусе і дакументы, і аддаць ёй пашпарт, яна "
     "сама занясе ў амбасаду і потым верне. Пішы ёй у тэлеграм @alena_example 👍",
     "Алене за месца", "аддаць ёй пашпарт", ("Плата за працу", "Пашпарт трэба аддаць")),
    ("en", "Hi! So I asked about that job 😊 It's fine, they still need people. You just need to "
     "send $100 to Alyona for a bus seat and the paperwork, and give her your passport, she'll "
     "take it to the embassy herself and give it back. Write to her on Telegram @alena_example 👍",
     "Alyona for a bus seat", "give her your passport",
     ("You pay to get the job", "You must hand over your passport")),
    ("ru", "Privet! Uznala pro tu rabotu 😊 Vse normalno, lyudi im eshche nuzhny. Nado tolko "
     "perevesti 100$ Alene za mesto v avtobuse i oformlenie, i otdat ej pasport, ona sama otneset "
     "v posolstvo i vernet. Pishi ej v telegram @alena_example 👍",
     "Alene za mesto", "otdat ej pasport", ("Плата за работу", "Паспорт нужно отдать")),
]
CALM = [
    ("ru", "Склад в Чехии через лицензированное агентство. Для анкеты нужна копия паспорта, "
     "оригинал остаётся у вас. В консульство вы идёте сами со своим паспортом. Никаких сборов с "
     "кандидатов. Договор до выезда."),
    ("be", "Склад у Чэхіі праз ліцэнзаванае агенцтва. Для анкеты патрэбна копія пашпарта, "
     "арыгінал застаецца ў вас. У консульства вы ідзяце самі са сваім пашпартам. Ніякіх збораў з "
     "кандыдатаў. Дамова да выезду."),
    ("en", "Warehouse work in Czechia through a licensed agency. We need a copy of your passport "
     "for the application; the original stays with you. You go to the consulate yourself with "
     "your passport. No fees of any kind. Contract before departure."),
]
NONE_FOUND = ("не нашёл известных", "не знайшоў вядомых", "I found no known red flags")


def _joined(response: Response) -> str:
    return "\n".join(texts(response))


def _offer(response: Response) -> str:
    [payload] = [p for p in all_payloads(response) if p.startswith("ad:check:")]
    return payload


@pytest.mark.parametrize(("lang", "message", "fee", "passport", "titles"), FORWARDED,
                         ids=["ru", "be", "en", "translit"])
async def test_a_forwarded_friends_message_shows_its_fee_and_passport_handover(
    chat: Chat, lang: str, message: str, fee: str, passport: str, titles: tuple[str, str],
) -> None:
    chat.language_code = "ru" if lang == "translit" else lang
    await chat.command("/start")
    report = _joined(await chat.press(_offer(await chat.say(message, forwarded=True))))
    assert all(title in report for title in titles)
    assert fee in report and passport in report  # each flag quotes the message's words
    assert "h:yes" in all_payloads(chat.log[-1])  # a trafficking sign: a person is offered


@pytest.mark.parametrize(("lang", "ad"), CALM, ids=["ru", "be", "en"])
async def test_a_copy_of_the_passport_and_the_consulate_in_person_are_calm(
    chat: Chat, lang: str, ad: str,
) -> None:
    chat.language_code = lang
    await chat.command("/start")
    await chat.command("/checkad")
    report = _joined(await chat.say(ad))
    assert any(words in report for words in NONE_FOUND)


@pytest.mark.parametrize(("sentence", "cyrillic"), [
    ("Никаких сборов и оплат, билет не вычитается.", False),
    ("Пашпарт нікому не аддаеце, без збораў.", False),
    ("Nothing is deducted from your pay, no fees.", False),
    ("Вычетов нет, жильё за счёт работодателя.", False),
    ("Pasport nikomu ne otdaete, vse bez oplaty.", True),
])
def test_the_model_marks_negated_exactly_the_words_the_cue_words_skip(
    sentence: str, cyrillic: bool,
) -> None:
    low = normalize(sentence)
    low = in_cyrillic(low) if cyrillic else low
    scopes = negation_scopes(low)
    skipped = [w.group() for w in WORD.finditer(low)
               if any(start <= w.start() < end for start, end in scopes)]
    marked = [w[1:] for w in prepare(sentence, cyrillic=cyrillic).split() if w.startswith("¬")]
    assert skipped and marked == [re.sub(r"\d", "0", w.translate(FOLD)) for w in skipped]
