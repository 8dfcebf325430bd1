"""Edits: one whose text did not change is ignored; a real correction is triaged, and in a case
it reaches operators marked as an edit without escalating the case again."""

from __future__ import annotations

import time
from typing import Any

from redis.asyncio import Redis

from bot.privacy import Pseudonymizer
from bot.storage.keys import UserKey
from tests.handoff.telegram import (
    OPS,
    HandoffBot,
    consent,
    pseudonym,
    reach_consent,
    sent_to,
)
from tests.helpers.fake_bot_api import FakeBotAPI, message_update
from tests.helpers.telegram_bot import PSEUDONYM_KEY, Person

SAID = "у меня забрали паспорт и не отдают"


def edit_of(original: dict[str, Any], text: str) -> dict[str, Any]:
    """The `edited_message` update Telegram sends for `original` (same message id)."""
    return {"edited_message": {**original["message"], "text": text,
                               "edit_date": int(time.time())}}


async def test_an_unchanged_edit_is_ignored_and_a_correction_is_triaged(
    handoff_bot: HandoffBot, fake_api: FakeBotAPI, redis_client: Redis
) -> None:
    person = Person(handoff_bot, fake_api, 700, "ru")
    await person.say("/start")
    original = message_update(fake_api, person.user, text="как найти работу в Польше")
    await person._exchange(original)

    # Telegram sends the message again as an edit after a reaction: nothing was said.
    mark = len(fake_api.calls)
    await person._exchange(edit_of(original, "как найти работу в Польше"), replies=0)
    await fake_api.quiet(0.5)
    assert fake_api.calls_to("sendMessage", person.chat_id, since=mark) == []

    # The person corrects it into what really happened: triaged, numbers first.
    corrected = await person._exchange(edit_of(original, SAID))
    assert "112" in corrected[0].text

    # Only keyed hashes are kept, with an expiry; never the text.
    key = str(UserKey("edits", Pseudonymizer(PSEUDONYM_KEY).user_key("tg:700")))
    kept = await redis_client.hgetall(key)
    assert kept and await redis_client.ttl(key) > 0
    assert not any("паспорт" in v or "Польше" in v for v in kept.values())


async def test_an_at_risk_answer_is_not_repeated_for_an_unchanged_edit(
    handoff_bot: HandoffBot, fake_api: FakeBotAPI
) -> None:
    person = Person(handoff_bot, fake_api, 701, "ru")
    await person.say("/start")
    original = message_update(fake_api, person.user, text=SAID)
    first = await person._exchange(original)
    assert "112" in first[0].text

    mark = len(fake_api.calls)
    await person._exchange(edit_of(original, SAID), replies=0)
    await fake_api.quiet(0.5)

    assert fake_api.calls_to("sendMessage", person.chat_id, since=mark) == []


async def test_in_a_case_an_edit_is_relayed_once_marked_and_never_escalates_again(
    handoff_bot: HandoffBot, fake_api: FakeBotAPI
) -> None:
    person = Person(handoff_bot, fake_api, 702, "ru")
    await reach_consent(person, SAID)
    await consent(person)
    await sent_to(fake_api, OPS, pseudonym(702))
    danger = message_update(fake_api, person.user, text="меня бьют, помогите")
    await person._exchange(danger, replies=0)
    await sent_to(fake_api, OPS, "ESCALATED (1)")
    await fake_api.quiet(0.5)

    mark = len(fake_api.calls)
    await person._exchange(edit_of(danger, "меня бьют, помогите"), replies=0)
    await fake_api.quiet(1.0)
    assert fake_api.calls_to("sendMessage", OPS, since=mark) == []  # not relayed again

    await person._exchange(edit_of(danger, "меня бьют и не выпускают, помогите"), replies=0)
    [relayed] = await sent_to(fake_api, OPS, "не выпускают", since=mark)
    await fake_api.quiet(1.0)
    assert "✏️" in relayed.text
    assert not [c for c in fake_api.calls_to("sendMessage", OPS, since=mark)
                if "ESCALATED" in c.text]
