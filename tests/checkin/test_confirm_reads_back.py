"""The setup's confirm screen reads back what it will use: how often, for how long and how
long an answer is waited for (a typed "каждые 3 дня на 2 недели" can be checked), and a typed
skip word at the name or contact step is "Skip", never the name the team would see. Fake Bot
API over real HTTP, real redis-server, fake clock, both adapters, ru/be/en."""

from __future__ import annotations

import pytest

from tests.checkin.helpers import DESTINATION, FakeClock, miss_check_in, untag
from tests.handoff.telegram import HandoffBot
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

QUESTION = {"ru": "Как дела, всё в порядке?", "be": "Як справы, усё ў парадку?",
            "en": "How are things, all fine?"}
SKIPS = {"ru": ("пропустить", "нет"), "be": ("няма", "прапусціць"), "en": ("skip", "no")}
NAME_LINES = {"ru": ("Работодатель", "Контакт:"), "be": ("Працадаўца", "Кантакт:"),
              "en": ("Employer", "Contact:")}
TYPED = {"ru": "каждые 3 дня на 2 недели", "be": "кожныя 3 дні на 2 тыдні",
         "en": "every 3 days for 2 weeks"}
READ_BACK = {"ru": ("Между проверками: 3 дня", "Как долго: 2 недели", "Ждать ответа: 6 часов"),
             "be": ("Паміж праверкамі: 3 дні", "Як доўга: 2 тыдні", "Чакаць адказу: 6 гадзін"),
             "en": ("Between check-ins: 3 days", "For: 2 weeks", "Wait for an answer: 6 hours")}
CASES = pytest.mark.parametrize(("framework", "language"),
                                [("aiogram", "ru"), ("ptb", "be"), ("aiogram", "en"),
                                 ("ptb", "ru")])


@CASES
async def test_typed_skip_words_skip_the_name_and_the_contact(
    framework: str, language: str, fake_api: FakeBotAPI, bot: HandoffBot, clock: FakeClock
) -> None:
    person = Person(bot, fake_api, 7901, language)
    await person.say("/start")
    for payload in ("m:checkin", "ci:i:2", "ci:d:2", "ci:g:12", "ci:c:PL", "ci:l:no"):
        await person.press(payload)
    employer, contact = SKIPS[language]
    [asked] = await person.say(employer)
    assert "ci:skip" in untag(asked.payloads)  # the contact step, as after "Skip"
    [confirm] = await person.say(contact)
    assert "ci:go" in untag(confirm.payloads)
    assert DESTINATION[language] in confirm.text
    assert not any(line in confirm.text for line in NAME_LINES[language])
    assert employer not in confirm.text.lower().split()
    await person.press("ci:go")
    await miss_check_in(person, fake_api, clock, QUESTION[language])
    [alert] = [c for c in fake_api.calls_to("sendMessage") if "Case #" in c.text]
    assert "Employer" not in alert.text and "Contact they gave" not in alert.text


@CASES
async def test_the_confirm_screen_reads_back_how_often_how_long_and_the_wait(
    framework: str, language: str, fake_api: FakeBotAPI, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 7902, language)
    await person.say("/start")
    await person.press("m:checkin")
    [grace] = await person.say(TYPED[language])
    assert "ci:g" in {p.split(":")[0] + ":" + p.split(":")[1] for p in untag(grace.payloads)}
    for payload in ("ci:g:6", "ci:c:PL", "ci:l:no", "ci:skip"):
        await person.press(payload)
    [confirm] = await person.press("ci:skip")
    for line in READ_BACK[language]:
        assert line in confirm.text, confirm.text
