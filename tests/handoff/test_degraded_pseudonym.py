"""During a Redis outage a person's message in an open case is posted with "Storage degraded",
and an alert that could not be queued is posted directly; neither ever carries another
person's pseudonym.

A pseudonym is the first free candidate, reserved in Redis (issue 19 item 6): when the
person's first candidate belongs to someone else, their case has the next one. Without Redis
the bot cannot know which, and before it wrote the first candidate: operators read the words
of one person under the name of another. Real redis-server, fake Bot API, both adapters.
"""

from __future__ import annotations

import asyncio

from redis.asyncio import Redis

from bot.config import REPO_ROOT, OperatorSettings
from bot.core.session import Session
from bot.handoff.service import build_handoff
from bot.i18n import I18n
from bot.privacy import Pseudonymizer
from tests.handoff.conftest import (
    OPERATOR,
    OPS_CHAT,
    PSEUDONYMS,
    OutageCase,
    RecordingMessenger,
    minimal_content,
)
from tests.handoff.conftest import alert as make_alert
from tests.handoff.telegram import (
    FRAMEWORKS,
    OPS,
    HandoffBot,
    case_of,
    reach_consent,
    sent_to,
    settings_for,
)
from tests.helpers.fake_bot_api import FakeBotAPI, callback_update, message_update
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import PSEUDONYM_KEY, Person


@FRAMEWORKS
async def test_a_message_posted_during_an_outage_never_shows_another_persons_pseudonym(
    framework: str, fake_api: FakeBotAPI, durable_redis: RedisServer, outage_case: OutageCase
) -> None:
    user_id = 919
    names = Pseudonymizer(PSEUDONYM_KEY)
    user_key = names.user_key(f"tg:{user_id}")
    first, second = names.pseudonym(user_key), names.pseudonym(user_key, 1)
    client = Redis.from_url(durable_redis.url, decode_responses=True)
    try:  # someone else's open case already has this person's first candidate
        await client.set(f"smb:handoff:pseudonym:{first}", "someone-else", ex=3600)
    finally:
        await client.aclose()

    case = await outage_case(framework, user_id)  # posted, then taken
    person, alert = case.person, case.alert
    assert second in alert.text and first not in alert.text
    await fake_api.quiet(1.0, within=30)

    await asyncio.to_thread(durable_redis.stop)
    mark = len(fake_api.calls)
    await fake_api.push(message_update(fake_api, person.user, text="они снова пришли"))
    (post,) = await sent_to(fake_api, OPS, "они снова пришли", since=mark, within=30)
    assert first not in post.text, post.text
    assert case_of(alert) in post.text


@FRAMEWORKS
async def test_an_alert_posted_without_the_queue_never_shows_another_persons_pseudonym(
    framework: str, fake_api: FakeBotAPI, durable_redis: RedisServer, bots
) -> None:
    user_id = 921
    names = Pseudonymizer(PSEUDONYM_KEY)
    first = names.pseudonym(names.user_key(f"tg:{user_id}"))
    client = Redis.from_url(durable_redis.url, decode_responses=True)
    try:  # someone else's open case has this person's first candidate
        await client.set(f"smb:handoff:pseudonym:{first}", "someone-else", ex=3600)
    finally:
        await client.aclose()
    bot = await bots(HandoffBot(settings_for(fake_api, framework, durable_redis.url)))
    person = Person(bot, fake_api, user_id, "ru")
    await reach_consent(person)

    await asyncio.to_thread(durable_redis.stop)  # the queue is down when they agree
    mark = len(fake_api.calls)
    await fake_api.push(callback_update(fake_api, person.user, "h:yes"))
    (posted,) = await sent_to(fake_api, OPS, "Queue degraded", since=mark, within=30)
    assert first not in posted.text, posted.text
    assert "unsaved-" in posted.text and "temporary name" in posted.text


class KnownCase:
    """The person's session as the fallback store still has it: their case is open."""

    async def load(self, user_key: str) -> Session | None:
        return Session(language="ru", handoff_case="0a1b2c3d4e")


async def test_an_alert_posted_without_the_queue_names_the_case_the_session_knows(
    durable_redis: RedisServer,
) -> None:
    user_key = "k" * 32
    first = PSEUDONYMS.pseudonym(user_key)
    tg = RecordingMessenger()
    client = Redis.from_url(durable_redis.url, decode_responses=True)
    try:
        handoff = build_handoff(
            OperatorSettings(_env_file=None, chat_id=OPS_CHAT, ids=str(OPERATOR)),  # type: ignore[call-arg]
            redis=client, messenger=tg, pseudonymizer=PSEUDONYMS,
            content=minimal_content, i18n=I18n(REPO_ROOT / "locales"), case_ttl=3600,
            store=KnownCase())
        await client.set(f"smb:handoff:pseudonym:{first}", "someone-else", ex=3600)
        await asyncio.to_thread(durable_redis.stop)
        await handoff.queue_alert(make_alert(user_key, "5559"))
    finally:
        await client.aclose()
    (posted,) = [s for s in tg.to(OPS_CHAT) if "Queue degraded" in s.reply.text]
    assert first not in posted.reply.text, posted.reply.text
    assert "#0a1b2c3d4e" in posted.reply.text
