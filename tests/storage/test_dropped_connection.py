"""A dropped Redis connection or a short outage never strips an alert or blanks a session."""

from __future__ import annotations

from collections.abc import Callable

from redis.asyncio import Redis

from bot.core.engine import DialogueEngine
from bot.core.session import Session
from bot.storage.fallback import FallbackSessionStore
from bot.storage.keys import UserKey
from tests.handoff.conftest import OPS_CHAT, RecordingMessenger
from tests.handoff.conftest import alert as make_alert
from tests.helpers.chat import Chat, alerts
from tests.helpers.redis_server import RedisServer, running_redis
from tests.storage.conftest import handoff_on, run_until

AT_RISK = "my employer took my passport and will not give it back"
USER = "3f6c0a9e1b2d4c5e8f7a6b5c4d3e2f10"


async def stored(client: Redis, user_key: str = USER) -> Session | None:
    raw = await client.get(str(UserKey("session", user_key)))
    return None if raw is None else Session.model_validate_json(raw)


async def kill_bot_connections(client: Redis) -> int:
    """CLIENT KILL every connection but the test's own, as a proxy or a failover would."""
    return int(await client.execute_command("CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes"))


async def test_a_dropped_connection_mid_conversation_keeps_the_alerts_risk_and_country(
    redis_server: RedisServer, redis_client: Redis,
    make_engine: Callable[[FallbackSessionStore], DialogueEngine],
    fallback_store: Callable[[str], FallbackSessionStore],
) -> None:
    chat = Chat(make_engine(fallback_store(redis_server.url)), user_key=USER)
    await chat.press("c:PL")
    await chat.say(AT_RISK)
    assert await kill_bot_connections(redis_client) >= 1

    [alert] = alerts(await chat.press("h:yes"))

    assert alert.reason == "risk" and alert.risk_level == "high"
    assert alert.country == "PL" and "risk_documents_withheld" in alert.indicators
    session = await stored(redis_client)
    assert session is not None and session.at_risk and session.country == "PL"


async def test_a_failed_read_keeps_what_this_process_knew_for_the_alert(
    make_engine: Callable[[FallbackSessionStore], DialogueEngine],
    fallback_store: Callable[[str], FallbackSessionStore],
) -> None:
    with running_redis() as server:
        chat = Chat(make_engine(fallback_store(server.url)), user_key=USER)
        await chat.press("c:PL")
        await chat.say(AT_RISK)
        server.stop()  # gone for longer than one retry

        response = await chat.press("h:yes")

    [alert] = alerts(response)
    assert alert.risk_level == "high" and alert.country == "PL"
    assert "risk_documents_withheld" in alert.indicators
    assert response.replies  # the person is answered


async def test_a_session_unknown_during_an_outage_is_never_written_over_the_stored_one(
    make_engine: Callable[[FallbackSessionStore], DialogueEngine],
    fallback_store: Callable[[str], FallbackSessionStore],
) -> None:
    # Persistence on, so the stored session survives the restart; a fresh process knows nothing.
    with running_redis({"appendonly": "yes", "appendfsync": "always"}) as server:
        before = Chat(make_engine(fallback_store(server.url)), user_key=USER)
        await before.press("c:PL")
        await before.say(AT_RISK)
        chat = Chat(make_engine(fallback_store(server.url)), user_key=USER)  # a new replica
        server.stop()

        answered = await chat.say("hello")
        assert answered.replies

        server.start()
        await chat.say("hello")  # Redis is back: the blind session meets the stored one
        client = Redis.from_url(server.url, decode_responses=True)
        session = await stored(client)
        await client.aclose()
    assert session is not None
    assert session.at_risk and session.country == "PL"
    assert "risk_documents_withheld" in session.risk_indicators


async def test_a_dropped_connection_does_not_turn_an_alert_into_an_unqueued_one(
    redis_server: RedisServer, redis_client: Redis,
) -> None:
    messenger = RecordingMessenger()
    bots = Redis.from_url(redis_server.url, decode_responses=True)
    handoff = handoff_on(bots, messenger)
    await handoff.alert(make_alert(user_key="e" * 32))  # the handoff's connection is pooled
    assert await kill_bot_connections(redis_client) >= 1

    await handoff.alert(make_alert(user_key="f" * 32, country="LT"))

    places = [s.reply.text for s in messenger.sent if s.chat_id != OPS_CHAT]
    assert len(places) == 2 and all("номер в очереди" in text for text in places)
    assert not [s for s in messenger.to(OPS_CHAT) if "Queue degraded" in s.reply.text]
    await run_until(handoff, lambda: len(messenger.to(OPS_CHAT)) == 2)
    assert len(messenger.to(OPS_CHAT)) == 2
    await bots.aclose()
