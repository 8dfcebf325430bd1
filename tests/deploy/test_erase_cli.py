"""`python -m bot erase NAME`: after a restore, erase again people who had sent /delete.

On a real redis-server: two people with a key of every kind /delete erases (USER_KEY_KINDS,
so a new kind is covered here at once), a place in every person set, and an open case with
its pseudonym reservation and waiting-list place. The command, run as an operator would
(settings from the environment), erases the one named by pseudonym or by the `user=` of the
bot's log line, and leaves the other person alone.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from redis import Redis
from redis.asyncio import Redis as AsyncRedis

from bot.core.events import OperatorAlert
from bot.handoff.blocks import owner_of
from bot.handoff.cases import CaseStore, case_key
from bot.handoff.escalation import WAITING, WaitingList
from bot.privacy import Pseudonymizer
from bot.storage.keys import PERSON_SETS, USER_KEY_KINDS, global_key, user_keys
from tests.helpers.redis_server import RedisServer, running_redis

ROOT = Path(__file__).resolve().parents[2]
SECRET = "erase-test-pseudonym-key"
PSEUDONYMS = Pseudonymizer(SECRET)


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    with running_redis() as server:
        yield server


async def person_with_a_case(url: str, telegram_id: int) -> tuple[str, str, str]:
    """Everything /delete erases, for one person: (user key, pseudonym, case id)."""
    user_key = PSEUDONYMS.user_key(telegram_id)
    redis = AsyncRedis.from_url(url, decode_responses=True)
    try:
        for key in user_keys(user_key):
            await redis.set(key, "x", ex=3600)
        for name in PERSON_SETS:
            await redis.zadd(name, {user_key: time.time()})
        cases = CaseStore(redis, ttl_seconds=3600)
        pseudonym = await cases.reserve_pseudonym(PSEUDONYMS.pseudonyms(user_key),
                                                  owner_of(PSEUDONYMS, user_key))
        alert = OperatorAlert(user_key=user_key, chat_key=str(telegram_id), reason="risk",
                              language="ru")
        case = await cases.open(alert, pseudonym)
        assert case is not None
        await WaitingList(redis, 600.0).add(case.id, time.time())
    finally:
        await redis.aclose()
    return user_key, pseudonym, case.id


def erase(url: str, *names: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "REDIS_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", "erase", *names], cwd=ROOT, capture_output=True,
        text=True, timeout=120,
        env={**env, "REDIS_URL": url, "BOT_PSEUDONYM_KEY": SECRET, "PYTHONPATH": str(ROOT)},
    )


def left_of(redis: Redis, user_key: str) -> list[str]:
    """What is still in Redis about the person."""
    keys = [key for key in user_keys(user_key) if redis.exists(key)]
    keys += [name for name in PERSON_SETS if redis.zscore(name, user_key) is not None]
    return keys


async def test_erase_by_pseudonym_does_what_delete_does(redis_server: RedisServer) -> None:
    gone, name, case_id = await person_with_a_case(redis_server.url, 5001)
    kept, other_name, other_case = await person_with_a_case(redis_server.url, 5002)
    assert name != other_name
    with Redis.from_url(redis_server.url, decode_responses=True) as redis:
        assert len(left_of(redis, gone)) == len(USER_KEY_KINDS) + len(PERSON_SETS)

    done = erase(redis_server.url, name)
    assert done.returncode == 0, done.stderr
    assert f"{name}: erased" in done.stdout

    with Redis.from_url(redis_server.url, decode_responses=True) as redis:
        assert left_of(redis, gone) == []
        case = redis.hgetall(case_key(case_id))
        assert case["state"] == "closed" and case["closed_by"] == "erased"
        assert "user_key" not in case  # the case no longer leads to the person
        assert redis.zscore(WAITING, case_id) is None
        assert redis.get(global_key("handoff", "pseudonym", name)) is None
        # The other person is untouched.
        assert len(left_of(redis, kept)) == len(USER_KEY_KINDS) + len(PERSON_SETS)
        assert redis.hget(case_key(other_case), "state") == "new"
        assert redis.get(global_key("handoff", "pseudonym", other_name))


async def test_erase_by_the_logged_key_of_a_person_without_a_case(
    redis_server: RedisServer,
) -> None:
    """People without a case have no pseudonym an operator saw: the bot's log line for their
    /delete ("command user=<12 characters> /delete") names them."""
    user_key = PSEUDONYMS.user_key(5003)
    kept = PSEUDONYMS.user_key(5004)
    with Redis.from_url(redis_server.url, decode_responses=True) as redis:
        for key in user_keys(user_key)[:3] + user_keys(kept)[:3]:
            redis.set(key, "x", ex=3600)
    done = erase(redis_server.url, user_key[:12])
    assert done.returncode == 0, done.stderr
    with Redis.from_url(redis_server.url, decode_responses=True) as redis:
        assert left_of(redis, user_key) == []
        assert len(left_of(redis, kept)) == 3


async def test_names_it_cannot_erase_are_said_and_nothing_else_is_touched(
    redis_server: RedisServer,
) -> None:
    kept, _, _ = await person_with_a_case(redis_server.url, 5005)
    done = erase(redis_server.url, "calm-heron-999", "12345")
    assert done.returncode == 1  # the malformed name
    assert "calm-heron-999: not erased: no data about this person in Redis" in done.stdout
    assert "12345: not erased: neither a pseudonym" in done.stdout
    with Redis.from_url(redis_server.url, decode_responses=True) as redis:
        assert len(left_of(redis, kept)) == len(USER_KEY_KINDS) + len(PERSON_SETS)


async def test_deploy_md_pipes_the_logged_keys_into_the_command(redis_server: RedisServer) -> None:
    """DEPLOY.md's grep, on the bot's own /delete log line, gives what `erase` takes."""
    deploy = (ROOT / "docs" / "DEPLOY.md").read_text()
    patterns = set(re.findall(r"grep -o '([^']+)' \| cut -d= -f2", deploy))
    assert len(patterns) == 1, patterns
    steps = (ROOT / "bot" / "core" / "steps.py").read_text()
    (logged,) = re.findall(r'log\.info\("(data erased user=%s)"', steps)
    user_key = PSEUDONYMS.user_key(5006)
    with Redis.from_url(redis_server.url, decode_responses=True) as redis:
        redis.set(user_keys(user_key)[0], "x", ex=3600)
    line = logged % user_key[:12]
    (match,) = re.findall(patterns.pop(), line)
    done = erase(redis_server.url, match.split("=", 1)[1])
    assert done.returncode == 0 and "erased" in done.stdout, done.stdout + done.stderr
    with Redis.from_url(redis_server.url, decode_responses=True) as redis:
        assert left_of(redis, user_key) == []
