"""Redis full under `noeviction`: nothing is evicted, no alert is lost, the person is answered."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest
from redis.asyncio import Redis

from bot.core.engine import DialogueEngine
from bot.core.events import EventKind, IncomingEvent
from bot.core.session import Session
from bot.handoff.queue import GROUP, STREAM
from bot.metrics import Metrics
from bot.storage.fallback import FallbackSessionStore
from bot.storage.health import RedisHealth
from bot.storage.keys import UserKey
from bot.storage.redis import connect
from tests.handoff.conftest import (
    OPERATOR,
    OPS_CHAT,
    OpInput,
    RecordingMessenger,
    alert,
)
from tests.helpers.chat import Chat, payloads
from tests.helpers.redis_server import RedisServer
from tests.storage.conftest import fill, handoff_on, make_room, run_until

USER = "3f6c0a9e1b2d4c5e8f7a6b5c4d3e2f10"


async def test_a_queued_alert_is_posted_while_redis_stays_full(small_client: Redis) -> None:
    messenger = RecordingMessenger()
    handoff = handoff_on(small_client, messenger)
    await handoff.alert(alert(user_key="a" * 32))
    assert await fill(small_client) > 0  # full from here on: every write is refused

    await run_until(handoff, lambda: bool(messenger.to(OPS_CHAT)))

    [posted] = messenger.to(OPS_CHAT)
    assert "Poland" in posted.reply.text  # the case's own alert, with what the person said
    info = await small_client.xpending(STREAM, GROUP)
    assert info["pending"] == 0  # acknowledged: not posted again after a restart
    assert (await small_client.info("stats"))["evicted_keys"] == 0


async def test_a_new_alert_when_redis_is_full_is_posted_directly_saying_the_queue_is_degraded(
    small_client: Redis, caplog: pytest.LogCaptureFixture,
) -> None:
    messenger = RecordingMessenger()
    handoff = handoff_on(small_client, messenger)
    await fill(small_client)

    await handoff.alert(alert(user_key="b" * 32))

    [posted] = messenger.to(OPS_CHAT)
    assert "Queue degraded" in posted.reply.text and "out of memory" in posted.reply.text
    assert "Poland" in posted.reply.text and posted.reply.buttons == []
    assert any("Redis out of memory" in r.getMessage() for r in caplog.records)


async def test_the_person_is_answered_and_keeps_questionnaire_progress_while_redis_is_full(
    small_redis: RedisServer, small_client: Redis,
    make_engine: Callable[[FallbackSessionStore], DialogueEngine],
    fallback_store: Callable[[str], FallbackSessionStore],
    caplog: pytest.LogCaptureFixture,
) -> None:
    chat = Chat(make_engine(fallback_store(small_redis.url)), user_key=USER)
    question = (await chat.press("m:job_check")).replies[-1]
    await fill(small_client)

    with caplog.at_level(logging.WARNING):
        for _ in range(3):  # three answers while every write is refused
            response = await chat.press(payloads(question)[0])
            assert response.replies, "the person must be answered"
            question = response.replies[-1]
    assert "4" in question.text  # question 4 of 13: the answers were kept

    full = [r for r in caplog.records if "out of memory" in r.getMessage()]
    assert len(full) == 1, "one line per state change, not one per write"

    await make_room(small_client)
    response = await chat.press(payloads(question)[0])
    assert "5" in response.replies[-1].text
    raw = await small_client.get(str(UserKey("session", USER)))
    assert raw is not None
    session = Session.model_validate_json(raw)
    assert session.flow is not None and len(session.flow.answers) == 4
    assert any("accepts writes again" in r.getMessage() for r in caplog.records)


async def test_oom_refusals_and_their_end_show_in_readiness_and_metrics(
    small_redis: RedisServer, small_client: Redis, caplog: pytest.LogCaptureFixture,
) -> None:
    metrics = Metrics()
    health = RedisHealth(connect(small_redis.url), metrics=metrics)
    await health.check()
    await fill(small_client)  # another client's writes are refused: this replica will be too

    with caplog.at_level(logging.WARNING):
        await health.refresh()
        await health.refresh()
        assert health.readiness()["redis"] == "oom"
        assert (metrics.registry.get_sample_value("smb_redis_oom_refusals_total") or 0) >= 1
        await make_room(small_client)
        await health.refresh()
    assert health.readiness()["redis"] == "up" and not health.oom
    messages = [r.getMessage() for r in caplog.records]
    assert sum("out of memory" in m for m in messages) == 1
    assert sum("accepts writes again" in m for m in messages) == 1
    await health.redis.aclose()


async def test_a_taken_case_keeps_relaying_both_ways_once_while_redis_is_full(
    small_client: Redis,
) -> None:
    messenger = RecordingMessenger()
    handoff = handoff_on(small_client, messenger)
    user = "c" * 32
    await handoff.alert(alert(user_key=user))
    await run_until(handoff, lambda: bool(messenger.to(OPS_CHAT)))
    [posted] = messenger.to(OPS_CHAT)
    case_id = posted.reply.buttons[0][0].payload.split(":")[2]
    await handoff.handle_operator_update(OpInput(
        chat_id=OPS_CHAT, user_id=OPERATOR, kind=EventKind.BUTTON, payload=f"op:take:{case_id}",
        callback_id="q1", message_id=posted.ids[0]))
    await fill(small_client)
    mark = len(messenger.sent)

    words = "они снова пришли"
    consumed = await handoff.user_event(IncomingEvent(user, "5551", EventKind.TEXT, text=words))
    await handoff.handle_operator_update(OpInput(
        chat_id=OPS_CHAT, user_id=OPERATOR, kind=EventKind.TEXT, text="Звоните 112, мы рядом",
        message_id=901, thread_id=posted.thread_id))

    new = messenger.sent[mark:]
    assert consumed is True
    assert [s.thread_id for s in new if words in s.reply.text] == [posted.thread_id]
    assert [s.chat_id for s in new if "Звоните 112" in s.reply.text] == [5551]
    assert not [s for s in new if "degraded" in s.reply.text]
