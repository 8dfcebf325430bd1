"""A reply that fails never costs the person their alert, nor holds their next message.

Each Telegram failure kind is scripted on the person's chat only (the operators' chat works),
over real HTTP, for both adapters; the send budget is shortened to keep the tests quick.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.handoff.telegram import OPS, HandoffBot, pseudonym, reach_consent, sent_to
from tests.helpers.fake_bot_api import (
    BLOCKED,
    CANT_PARSE,
    SERVER_ERROR,
    FakeBotAPI,
    message_update,
)
from tests.helpers.telegram_bot import Person

SEND_BUDGET = 2.0
SAID = "у меня забрали паспорт и не отпускают"

# How sending to the person's chat fails from now on, every time it is tried.
FAILURES: dict[str, Callable[[FakeBotAPI, int], None]] = {
    "400 can't parse entities": lambda api, chat: api.fail(
        "sendMessage", *CANT_PARSE, chat_id=chat, times=100),
    "403 blocked": lambda api, chat: api.fail("sendMessage", *BLOCKED, chat_id=chat, times=100),
    "500 on every try": lambda api, chat: api.fail("sendMessage", *SERVER_ERROR, chat_id=chat,
                                                   times=100),
    "429 on every try": lambda api, chat: api.fail("sendMessage", 429, retry_after=1,
                                                   chat_id=chat, times=100),
    "a hang": lambda api, chat: api.hang("sendMessage", chat_id=chat, times=100),
}


@pytest.fixture
def send_budget_s() -> float:
    """`handoff_bot` (tests/adapters/conftest.py) with the short budget."""
    return SEND_BUDGET


@pytest.mark.parametrize("failure", list(FAILURES))
async def test_the_alert_is_queued_whatever_the_reply_to_consent_meets(
    handoff_bot: HandoffBot, fake_api: FakeBotAPI, failure: str
) -> None:
    uid = 610 + list(FAILURES).index(failure)
    person = Person(handoff_bot, fake_api, uid, "ru")
    await reach_consent(person, SAID)
    FAILURES[failure](fake_api, person.chat_id)

    await person.press("h:text", replies=0)

    [alert] = await sent_to(fake_api, OPS, pseudonym(uid), within=30)
    assert SAID in alert.text  # with the words the person agreed to share


async def test_a_stuck_send_does_not_hold_the_next_danger_message(
    handoff_bot: HandoffBot, fake_api: FakeBotAPI
) -> None:
    person = Person(handoff_bot, fake_api, 630, "ru")
    await person.say("/start")
    # Every try of an answer without the emergency number hangs (PTB's own read timeout is
    # 5 s, aiogram's 60 s, and each retries).
    fake_api.hang("sendMessage", chat_id=person.chat_id, times=100,
                  when=lambda params: "112" not in str(params.get("text")))
    mark = len(fake_api.calls)
    await fake_api.push(message_update(fake_api, person.user, text="/help"))
    await fake_api.wait_calls("sendMessage", 1, person.chat_id, since=mark)  # in hand, stuck

    replies = await person.say("меня бьют, помогите")

    assert "112" in replies[0].text  # answered while the first send still hangs
