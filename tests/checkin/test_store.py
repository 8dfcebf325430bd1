"""The plan store on a real redis-server: TTLs, atomic claims, compare-and-set, leases."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from redis.asyncio import Redis

from bot.checkin.plan import DAY, HOUR, WEEK, CheckinPlan
from bot.checkin.store import PlanStore, plan_key
from bot.config import REPO_ROOT
from bot.storage.keys import CHECKIN_DUE
from bot.storage.redis import RedisSessionStore
from tests.checkin.helpers import SECRET_KEY
from tests.helpers.engine import check_with_shared_model

NOW = 1_800_000_000.0


def plan() -> CheckinPlan:
    p = CheckinPlan(chat_key="5551", language="ru", interval_s=2 * DAY, duration_s=2 * WEEK,
                    grace_s=12 * HOUR)
    p.start(NOW)
    return p


async def test_every_plan_key_lives_past_the_plan_end_and_grace(redis_client: Redis) -> None:
    store = PlanStore(redis_client, SECRET_KEY)
    await store.update("u1", lambda _: plan(), now=NOW)
    ttl = await redis_client.ttl(plan_key("u1"))
    assert ttl >= 2 * WEEK + 12 * HOUR
    draft = CheckinPlan(chat_key="5552", language="en")
    await store.update("u2", lambda _: draft, now=NOW)
    assert 0 < await redis_client.ttl(plan_key("u2")) <= DAY
    assert await store.due_at("u2") is None  # a setup is never scheduled


async def test_two_replicas_claiming_at_once_get_each_plan_exactly_once(
    redis_client: Redis, redis_server
) -> None:
    other = Redis.from_url(redis_server.url, decode_responses=True)
    try:
        a, b = PlanStore(redis_client, SECRET_KEY), PlanStore(other, SECRET_KEY)
        for i in range(40):
            await a.update(f"u{i}", lambda _: plan(), now=NOW)
        due = NOW + 2 * DAY
        got_a, got_b = await asyncio.gather(a.claim(due, 60, 100), b.claim(due, 60, 100))
        assert sorted(got_a + got_b) == sorted(f"u{i}" for i in range(40))
        assert not set(got_a) & set(got_b)
        # Claimed for the lease: nobody gets them again until it runs out (a crashed worker).
        assert await a.claim(due + 59, 60) == []
        assert len(await b.claim(due + 61, 60, 100)) == 40
    finally:
        await other.aclose()


async def test_a_stale_writer_cannot_overwrite_a_newer_plan(redis_client: Redis) -> None:
    store = PlanStore(redis_client, SECRET_KEY)
    await store.update("u", lambda _: plan(), now=NOW)
    stale = await store.load("u")
    assert stale is not None
    await store.update("u", lambda p: None, now=NOW)  # the person pressed stop
    assert not await store.save("u", stale, seq=stale.seq, now=NOW)
    assert await store.load("u") is None and await store.due_at("u") is None


async def test_delete_user_removes_the_plan_and_its_due_time(redis_client: Redis) -> None:
    await PlanStore(redis_client, SECRET_KEY).update("u", lambda _: plan(), now=NOW)
    await RedisSessionStore(redis_client).delete_user("u")
    assert await redis_client.exists(plan_key("u")) == 0
    assert await redis_client.zscore(CHECKIN_DUE, "u") is None


def test_content_check_refuses_numbers_in_what_someone_else_may_see(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(REPO_ROOT / "content", content)
    path = content / "checkin.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'en: "Hi! How are things, all fine?"', 'en: "Hi! Call 112 if not fine"'),
        encoding="utf-8")
    _, problems = check_with_shared_model(content, require_facts=False)
    assert any("checkin.yaml" in p.file and "no numbers" in p.message and p.severity == "error"
               for p in problems)
