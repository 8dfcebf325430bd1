import pytest
from redis.asyncio import Redis

from bot.core.session import FlowState, Session
from bot.storage.keys import UserKey
from bot.storage.redis import MAX_SESSION_BYTES, RedisSessionStore, SessionTooLarge


async def test_session_round_trip_with_ttl(redis_client: Redis) -> None:
    store = RedisSessionStore(redis_client, ttl_seconds=3600)
    session = Session(language="be", country="PL", flow=FlowState(flow_id="job_offer_check"))
    await store.save("u1", session)

    loaded = await store.load("u1")
    assert loaded is not None
    assert loaded.language == "be" and loaded.country == "PL"
    assert loaded.flow is not None and loaded.flow.flow_id == "job_offer_check"
    ttl = await redis_client.ttl(str(UserKey("session", "u1")))
    assert 3500 < ttl <= 3600


async def test_every_user_key_has_a_ttl(redis_client: Redis) -> None:
    store = RedisSessionStore(redis_client, ttl_seconds=60)
    await store.save("u2", Session())
    keys = await redis_client.keys("smb:*")
    assert keys
    for key in keys:
        assert await redis_client.ttl(key) > 0, key


async def test_delete_user_erases_every_kind(redis_client: Redis) -> None:
    store = RedisSessionStore(redis_client, ttl_seconds=60)
    await store.save("u3", Session(language="ru"))
    await redis_client.set(str(UserKey("rate", "u3")), 1, ex=60)
    await store.save("other", Session(language="en"))

    await store.delete_user("u3")

    assert await store.load("u3") is None
    assert await redis_client.exists(str(UserKey("rate", "u3"))) == 0
    assert await store.load("other") is not None


async def test_unreadable_session_starts_afresh(redis_client: Redis) -> None:
    store = RedisSessionStore(redis_client)
    await redis_client.set(str(UserKey("session", "u4")), "{not json", ex=60)
    assert await store.load("u4") is None


async def test_a_runaway_session_is_refused_and_the_stored_one_kept(redis_client: Redis) -> None:
    store = RedisSessionStore(redis_client)
    await store.save("u5", Session(language="ru", country="PL"))
    runaway = Session(language="ru", risk_indicators=[f"x{n}" for n in range(MAX_SESSION_BYTES)])
    with pytest.raises(SessionTooLarge):
        await store.save("u5", runaway)
    kept = await store.load("u5")
    assert kept is not None and kept.country == "PL" and kept.risk_indicators == []
