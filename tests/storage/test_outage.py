"""During a Redis outage nothing is dropped silently: the case side is told, an operator's reply
is held and passed on when Redis is back, progress is kept."""

from __future__ import annotations

from collections.abc import Callable

from redis.asyncio import Redis

from bot.core.engine import DialogueEngine
from bot.core.events import EventKind, IncomingEvent
from bot.core.session import Session
from bot.storage.fallback import FallbackSessionStore
from bot.storage.keys import UserKey
from tests.handoff.conftest import OPERATOR, OPS_CHAT, OpInput, RecordingMessenger
from tests.handoff.conftest import alert as make_alert
from tests.helpers.chat import Chat, payloads
from tests.helpers.redis_server import running_redis
from tests.storage.conftest import handoff_on, run_until

USER = "d" * 32
DURABLE = {"appendonly": "yes", "appendfsync": "always"}  # what deploy/redis.conf keeps


async def test_messages_in_an_open_case_during_an_outage_are_passed_on_or_reported(
    make_engine: Callable[[FallbackSessionStore], DialogueEngine],
    fallback_store: Callable[[str], FallbackSessionStore],
) -> None:
    with running_redis(DURABLE) as server:
        client = Redis.from_url(server.url, decode_responses=True)
        store = fallback_store(server.url)
        await store.save(USER, Session(language="ru", country="PL", at_risk=True))
        messenger = RecordingMessenger()
        handoff = handoff_on(client, messenger, store=store)
        queued = await handoff.queue_alert(make_alert(user_key=USER))
        assert queued.case is not None
        # The engine, not the handoff, keeps the case in the session (under the person's lock).
        await make_engine(store).keep_case(USER, queued.case)
        await run_until(handoff, lambda: bool(messenger.to(OPS_CHAT)))
        [posted] = messenger.to(OPS_CHAT)
        topic = posted.thread_id
        assert topic
        case_id = (await store.load(USER) or Session()).handoff_case
        assert case_id

        server.stop()
        words = "алло, вы тут? меня бьют, помогите"
        event = IncomingEvent(USER, "5551", EventKind.TEXT, text=words)
        assert await handoff.user_event(event) is False  # the bot answers the person too
        reported = messenger.to(OPS_CHAT)[-1]
        assert "Storage degraded" in reported.reply.text and f"#{case_id}" in reported.reply.text
        assert words in reported.reply.text
        # Named by its case, never by a pseudonym guessed without Redis (it may be another
        # person's: tests/handoff/test_degraded_pseudonym.py).
        assert f"💬 #{case_id}: {words}" in reported.reply.text

        reply = OpInput(chat_id=OPS_CHAT, user_id=OPERATOR, kind=EventKind.TEXT,
                        text="Мы здесь, звоните 112", message_id=900, thread_id=topic)
        await handoff.handle_operator_update(reply)
        told = messenger.to(OPS_CHAT)[-1]
        # Held by this process (bot/handoff/held.py), said so in the case at once.
        assert "held" in told.reply.text and "passed on" in told.reply.text
        assert told.thread_id == topic and told.reply_to == 900
        assert not any("Мы здесь" in s.reply.text for s in messenger.to(5551))

        server.start()
        await run_until(handoff, lambda: any("Мы здесь" in s.reply.text
                                             for s in messenger.to(5551)))
        assert [s.reply.text for s in messenger.to(5551)].count("Мы здесь, звоните 112") == 1
        sent = messenger.to(OPS_CHAT)[-1]
        assert "Storage is back" in sent.reply.text and sent.reply_to == 900
        await client.aclose()


async def test_questionnaire_progress_survives_an_outage(
    make_engine: Callable[[FallbackSessionStore], DialogueEngine],
    fallback_store: Callable[[str], FallbackSessionStore],
) -> None:
    with running_redis(DURABLE) as server:
        chat = Chat(make_engine(fallback_store(server.url)), user_key=USER)
        question = (await chat.press("m:job_check")).replies[-1]
        question = (await chat.press(payloads(question)[0])).replies[-1]
        server.stop()
        for _ in range(2):  # answered while Redis is gone
            response = await chat.press(payloads(question)[0])
            assert response.replies
            question = response.replies[-1]
        assert "4" in question.text  # question 4 of 13
        server.start()
        question = (await chat.press(payloads(question)[0])).replies[-1]
        assert "5" in question.text
        client = Redis.from_url(server.url, decode_responses=True)
        raw = await client.get(str(UserKey("session", USER)))
        await client.aclose()
    assert raw is not None
    session = Session.model_validate_json(raw)
    assert session.flow is not None and len(session.flow.answers) == 4
