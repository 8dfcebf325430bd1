"""A long ad pasted in two messages (ad31): Telegram splits a text over 4,096 characters into two
messages, so an ad pasted after /checkad may arrive as two. The first part waits (in memory,
never in the session) for its rest, and the person sees one report with the red flags of both
parts, each quoting the ad's words; "That is the whole ad" checks the first part alone; after a
few minutes the first part is gone and the next text is read on its own. Through the real
engine, content and checker.

break15: an ad of over 8,192 characters comes in three parts, all joined (never "low" on the
first two); a short ad checked after /checkad and its rest pasted next are checked again as
one, while a question or a cry after the check is not taken for a rest.
"""

from __future__ import annotations

import time

import pytest

from bot.core.adparts import PART
from bot.core.engine import DialogueEngine
from tests.core.test_adcheck_flow8 import FLAG_WORDS, LEVEL_WORDS, _emergency_first, _joined
from tests.helpers.ad_paste import at_checkad
from tests.helpers.chat import Chat, all_payloads
from tests.helpers.long_ad import TAIL_RU, body

# (language, a duty line repeated to the length of Telegram's first part with a fee in it,
#  the rest with papers made after arrival; the fee's and the papers' words as quoted)
ADS = [
    ("ru",
     "Склад в Познани, смена {n}: сортировка посылок, упаковка товара, уборка рабочего места.",
     "Оплата за оформление анкеты — 150 евро.",
     "Разрешение на работу сделаем после приезда. Звоните +48 600 000 000.",
     "150 евро", "после приезда"),
    ("be",
     "Склад у Познані, змена {n}: сартаванне пасылак, упакоўка тавару, прыборка працоўнага месца.",
     "Аплата за афармленне анкеты — 150 еўра.",
     "Дазвол на працу зробім пасля прыезду. Тэлефануйце +48 600 000 000.",
     "150 еўра", "пасля прыезду"),
    ("en",
     "Warehouse in Poznan, shift {n}: sorting parcels, packing goods, keeping the workplace tidy.",
     "Registration fee for your application: 150 EUR.",
     "Your work permit is made after arrival. Call +48 600 000 000.",
     "150 EUR", "after arrival"),
]
IDS = ["ru", "be", "en"]


def _first_part(line: str, fee: str) -> str:
    """A first part as long as Telegram cuts one (about 4,000 characters), the fee inside."""
    lines = [line.format(n=n) for n in range(1, 60)]
    lines.insert(20, fee)
    text = "\n".join(lines)
    while len(text) < 4000:
        lines.append(line.format(n=len(lines)))
        text = "\n".join(lines)
    return text[:4090]


def _reported(text: str) -> bool:
    return any(w in text for w in LEVEL_WORDS) or any(w in text for w in FLAG_WORDS)


@pytest.mark.parametrize(("lang", "line", "fee", "rest", "fee_words", "papers_words"), ADS,
                         ids=IDS)
async def test_ad31_an_ad_in_two_messages_gets_one_report_with_both_parts_flags(
    chat: Chat, engine: DialogueEngine, lang: str, line: str, fee: str, rest: str,
    fee_words: str, papers_words: str,
) -> None:
    chat.language_code = lang
    await chat.command("/checkad")
    first = _first_part(line, fee)
    waiting = await chat.say(first)
    assert not _reported(_joined(waiting))  # no half report: the rest is asked for
    assert any(p.startswith(f"{PART}:") for p in all_payloads(waiting))
    session = await engine.store.load(chat.user_key)
    assert session is not None and session.ad_part is not None
    stored = session.model_dump_json()
    assert fee not in stored and line.format(n=1) not in stored  # the session holds no text
    report = _joined(await chat.say(rest))
    assert report.count(LEVEL_WORDS[IDS.index(lang)]) == 1  # one report
    assert fee_words in report and papers_words in report  # quotes from both parts
    session = await engine.store.load(chat.user_key)  # the checked ad waits for more: no text
    assert session is not None and session.ad_part is not None and session.ad_part.checked
    assert fee not in session.model_dump_json()


@pytest.mark.parametrize(("lang", "line", "fee", "rest", "fee_words", "papers_words"), ADS,
                         ids=IDS)
async def test_ad31_that_is_the_whole_ad_checks_the_first_part_alone(
    chat: Chat, lang: str, line: str, fee: str, rest: str, fee_words: str, papers_words: str,
) -> None:
    chat.language_code = lang
    await chat.command("/checkad")
    waiting = await chat.say(_first_part(line, fee))
    [button] = [p for p in all_payloads(waiting) if p.startswith(f"{PART}:")]
    report = _joined(await chat.press(button))
    assert _reported(report)
    assert fee_words in report and papers_words not in report
    again = _joined(await chat.press(button))  # the part was taken: nothing is left to check
    assert not _reported(again)


async def test_ad31_the_first_part_expires_and_the_next_text_is_read_alone(
    chat: Chat, monkeypatch: pytest.MonkeyPatch,
) -> None:
    lang, line, fee, rest, fee_words, papers_words = ADS[0]
    chat.language_code = lang
    await chat.command("/checkad")
    await chat.say(_first_part(line, fee))
    later = time.time() + 600
    monkeypatch.setattr("bot.core.adparts.time.time", lambda: later)
    report = _joined(await chat.say(rest + " Работа на складе, зарплата 1200 евро в месяц."))
    assert _reported(report)
    assert papers_words in report and fee_words not in report


async def test_ad31_delete_drops_the_waiting_first_part(chat: Chat) -> None:
    lang, line, fee = ADS[2][:3]
    chat.language_code = lang
    await chat.command("/checkad")
    waiting = await chat.say(_first_part(line, fee))
    [button] = [p for p in all_payloads(waiting) if p.startswith(f"{PART}:")]
    await chat.command("/hide")
    assert not _reported(_joined(await chat.press(button)))


async def test_ad31_a_short_ad_is_checked_at_once(chat: Chat) -> None:
    chat.language_code = "en"
    await chat.command("/checkad")
    report = _joined(await chat.say(
        "Warehouse workers needed in Poland, 1200 EUR a month. Registration fee 150 EUR. "
        "Your work permit is made after arrival. Call +48 600 000 000."))
    assert _reported(report) and "after arrival" in report


@pytest.mark.parametrize(("lang", "line", "fee", "rest", "fee_words", "papers_words"), ADS,
                         ids=IDS)
async def test_ad31_a_long_ad_pasted_in_two_messages_without_checkad_is_offered_as_one(
    chat: Chat, lang: str, line: str, fee: str, rest: str, fee_words: str, papers_words: str,
) -> None:
    chat.language_code = lang
    await chat.command("/start")
    first = await chat.say(_first_part(line, fee))
    [early] = [p for p in all_payloads(first) if p.startswith("ad:check:")]
    second = await chat.say(rest)
    [latest] = [p for p in all_payloads(second) if p.startswith("ad:check:")]
    assert latest != early  # the offer now holds both parts
    report = _joined(await chat.press(latest))
    assert report.count(LEVEL_WORDS[IDS.index(lang)]) == 1
    assert fee_words in report and papers_words in report


async def test_ad31_checkad_again_starts_a_new_ad(chat: Chat) -> None:
    lang, line, fee, rest, fee_words, papers_words = ADS[1]
    chat.language_code = lang
    await chat.command("/checkad")
    await chat.say(_first_part(line, fee))
    await chat.command("/checkad")
    report = _joined(await chat.say(rest + " Праца на складзе, заробак 1200 еўра ў месяц."))
    assert papers_words in report and fee_words not in report


# An ad pasted paragraph by paragraph: the lure first, the terms (credit, passport, messenger)
# in its rest.
FIRST_HALF = ("Срочно требуются девушки 18-25 лет, привлекательной внешности, на работу в Дубай "
              "хостесс. Зарплата от 3000$ в неделю. Опыт не нужен!")
SECOND_HALF = ("Визу и билеты оформим сами, стоимость вычтем из первой зарплаты. Паспорт сдаёте "
               "координатору. Пишите только в Telegram @job_dubai")
PASSPORT_FLAG = "Паспорт нужно отдать"
LOW_RU = "Уровень риска: низкий"


async def test_break15_an_ad_in_three_parts_is_checked_whole_and_never_told_low(
    chat: Chat,
) -> None:
    await at_checkad(chat, "ru")
    told = [_joined(await chat.say(body(4090))),
            _joined(await chat.say(body(4090, 3))),
            _joined(await chat.say(body(1500, 1) + " " + TAIL_RU))]
    assert not any(LOW_RU in text for text in told)
    assert not _reported(told[0]) and not _reported(told[1])  # the next part asked for twice
    assert "несколько сообщений" in told[0] and "следующую часть" in told[1]
    assert PASSPORT_FLAG in told[2] and told[2].count(LEVEL_WORDS[0]) == 1


async def test_break15_the_rest_pasted_after_a_checked_first_half_is_checked_with_it(
    chat: Chat,
) -> None:
    await at_checkad(chat, "ru")
    first = _joined(await chat.say(FIRST_HALF))
    assert FLAG_WORDS[0] in first and PASSPORT_FLAG not in first
    whole = _joined(await chat.say(SECOND_HALF))
    assert "вместе с предыдущим" in whole
    assert PASSPORT_FLAG in whole and "хостесс" in whole  # quotes from both halves


@pytest.mark.parametrize("after", [
    "Что мне делать? Они хотят ответ сегодня",  # a question about the offer: answered about it
    "меня заперли, помогите",  # the person's own cry: the numbers
], ids=["question", "cry"])
async def test_break15_a_question_or_a_cry_after_a_check_is_no_rest_of_the_ad(
    chat: Chat, after: str,
) -> None:
    await at_checkad(chat, "ru")
    await chat.say(FIRST_HALF)
    response = await chat.say(after)
    assert "вместе с предыдущим" not in _joined(response)
    if after.startswith("меня"):
        assert _emergency_first(response)
