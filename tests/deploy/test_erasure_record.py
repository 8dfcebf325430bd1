"""The erasure record: /delete records the person's keyed user key with the time in Redis
(smb:erased, bounded), and a restore reads the LIVE record first and erases again whoever the
backup brings back. Real redis-servers with deploy/redis.conf; the offline restore
(systemd, compose) and the online one (Kubernetes' restore job)."""

from __future__ import annotations

import logging
import os
import subprocess
import time
from pathlib import Path

import pytest
from redis import Redis
from redis.asyncio import Redis as AsyncRedis

from bot.handoff.cases import case_key
from bot.privacy import Pseudonymizer
from bot.storage.keys import (
    ERASE_PENDING,
    ERASED,
    ERASURE_RECORD_SECONDS,
    PERSON_SETS,
    UserKey,
    user_keys,
)
from bot.storage.redis import RedisSessionStore
from tests.deploy.test_backup import DurableRedis, durable, run
from tests.deploy.test_backup_online import restore
from tests.deploy.test_erase_cli import SECRET, erase, run_erase_job

__all__ = ["durable"]  # a pytest fixture, used by name (`servers`: tests/deploy/conftest.py)
ROOT = Path(__file__).resolve().parents[2]
PEOPLE = Pseudonymizer(SECRET)
GONE, KEPT, BACK = (PEOPLE.user_key(n) for n in (7001, 7002, 7003))


def from_clone(path: Path) -> str:
    """`path` relative to the clone's root, as a documented command names it."""
    return os.path.relpath(path, ROOT)


def write_person(url: str, user_key: str) -> None:
    with Redis.from_url(url, decode_responses=True) as redis:
        for key in user_keys(user_key):
            redis.set(key, "x", ex=3600)
        for name in PERSON_SETS:
            redis.zadd(name, {user_key: time.time()})


def left_of(url: str, user_key: str) -> int:
    with Redis.from_url(url, decode_responses=True) as redis:
        return sum(redis.exists(key) for key in user_keys(user_key)) + sum(
            redis.zscore(name, user_key) is not None for name in PERSON_SETS)


async def delete(url: str, user_key: str) -> None:
    """What /delete and `safe-migration-bot erase` call (bot/core/steps.py, bot/erasure.py)."""
    redis = AsyncRedis.from_url(url, decode_responses=True)
    try:
        await RedisSessionStore(redis).delete_user(user_key)
    finally:
        await redis.aclose()


def record(server: DurableRedis, path: Path, command: str = "save") -> str:
    """scripts/erasure-record.sh against the server, its password in REDISCLI_AUTH."""
    return run("erasure-record.sh", command, str(path), "--", "-h", "127.0.0.1", "-p",
               str(server.port), env={"REDISCLI_AUTH": "backup-test-password"})


async def test_delete_records_the_keyed_hash_with_its_time_and_the_record_is_bounded(
    durable: DurableRedis,
) -> None:
    with Redis.from_url(durable.url, decode_responses=True) as redis:
        redis.zadd(ERASED, {"0" * 32: time.time() - ERASURE_RECORD_SECONDS - 60})
    before = time.time()
    await delete(durable.url, GONE)
    with Redis.from_url(durable.url, decode_responses=True) as redis:
        entries = redis.zrange(ERASED, 0, -1, withscores=True)
        assert [member for member, _ in entries] == [GONE]  # the old entry is pruned
        assert before - 1 <= entries[0][1] <= time.time() + 1
        assert 0 < redis.ttl(ERASED) <= ERASURE_RECORD_SECONDS
    assert str(7001) not in GONE and len(GONE) == 32  # a keyed hash, never the id


async def test_an_offline_restore_erases_again_who_deleted_after_the_backup(
    durable: DurableRedis, tmp_path: Path
) -> None:
    """The systemd and compose restore: the live record saved before Redis stops, applied to
    the restored data (ERASURE_RECORD). Someone who deleted BEFORE the backup and came back
    keeps what they wrote since."""
    for person in (GONE, KEPT):
        write_person(durable.url, person)
    with Redis.from_url(durable.url, decode_responses=True) as redis:  # GONE asked for a person
        redis.hset(case_key("c0ffee0001"), mapping={
            "id": "c0ffee0001", "user_key": GONE, "state": "new", "pseudonym": "calm-pine-939"})
        redis.set(str(UserKey("case", GONE)), "c0ffee0001", ex=3600)
    await delete(durable.url, BACK)
    write_person(durable.url, BACK)  # came back after their /delete, before the backup
    backups = tmp_path / "backups"
    run("redis-backup.sh", str(backups), env={"REDIS_URL": durable.url})
    (backup,) = backups.glob("smb-redis-*.rdb")
    await delete(durable.url, GONE)  # after the backup: the backup still holds them

    saved = tmp_path / "erased"
    record(durable, saved)
    assert oct(saved.stat().st_mode & 0o777) == "0o600"
    durable.down()
    # As docs/DEPLOY.md runs it: the script and the record by paths relative to the clone.
    out = run("redis-restore.sh", str(backup), str(durable.data),
              env={"ERASURE_RECORD": from_clone(saved)})
    assert "restored" in out
    durable.up()
    # Everything of theirs is gone but the link to their case, which `erase --pending` needs to
    # close it (a restored case left open would be escalated to the operators again).
    assert left_of(durable.url, GONE) == 1
    assert left_of(durable.url, KEPT) == len(user_keys(KEPT)) + len(PERSON_SETS)
    assert left_of(durable.url, BACK) == len(user_keys(BACK)) + len(PERSON_SETS)
    with Redis.from_url(durable.url, decode_responses=True) as redis:
        assert redis.zscore(ERASED, GONE) is not None  # the record is back, for the next one
        assert redis.smembers(ERASE_PENDING) == {GONE}
        assert 0 < redis.ttl(ERASE_PENDING) <= ERASURE_RECORD_SECONDS
    done = erase(durable.url, "--pending")
    assert done.returncode == 0, done.stderr
    assert f"{GONE[:12]}: erased after the restore" in done.stdout
    assert left_of(durable.url, GONE) == 0
    with Redis.from_url(durable.url, decode_responses=True) as redis:
        assert not redis.exists(ERASE_PENDING)
        case = redis.hgetall(case_key("c0ffee0001"))
        assert case["state"] == "closed" and "user_key" not in case, case


async def test_an_online_restore_reads_the_live_record_before_replacing_it(
    servers: tuple[DurableRedis, DurableRedis], tmp_path: Path
) -> None:
    """Kubernetes' restore job: the target is the live Redis; nothing to do by hand but
    `erase --pending`."""
    source, target = servers
    for person in (GONE, KEPT):
        write_person(source.url, person)
    backups = tmp_path / "backups"
    run("redis-backup.sh", str(backups), env={"REDIS_URL": source.url})
    (backup,) = backups.glob("smb-redis-*.rdb")
    for person in (GONE, KEPT):
        write_person(target.url, person)
    await delete(target.url, GONE)
    done = restore(backup, target.url, RESTORE_FLUSH="yes")
    assert done.returncode == 0, done.stderr
    assert "1 person(s) erased after the backup erased again" in done.stdout
    assert left_of(target.url, GONE) == 1  # the case link, kept for `erase --pending`
    assert left_of(target.url, KEPT) == len(user_keys(KEPT)) + len(PERSON_SETS)
    with Redis.from_url(target.url, decode_responses=True) as redis:
        assert redis.zscore(ERASED, GONE) is not None
        assert redis.smembers(ERASE_PENDING) == {GONE}
    done = erase(target.url, "--pending")
    assert done.returncode == 0, done.stderr
    assert left_of(target.url, GONE) == 0


def test_without_the_live_redis_saving_the_record_says_to_use_the_log_list(
    tmp_path: Path,
) -> None:
    result = subprocess.run(
        ["bash", str(ROOT / "scripts" / "erasure-record.sh"), "save", str(tmp_path / "x"), "--",
         "-h", "127.0.0.1", "-p", "1"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "use the erasure list from the logs" in result.stderr


def test_the_script_knows_the_record_bounds_and_person_sets_the_bot_uses() -> None:
    script = (ROOT / "scripts" / "erasure-record.sh").read_text()
    assert f"record={ERASED} pending={ERASE_PENDING}" in script
    assert f"keep=$(({ERASURE_RECORD_SECONDS // 86400} * 24 * 3600))" in script
    assert f"person_sets=({' '.join(PERSON_SETS)})" in script




def test_the_kubernetes_erase_job_finishes_the_pending_erasures_without_a_names_file(
    durable: DurableRedis, tmp_path: Path
) -> None:
    """After the restore job, the smb-erase template's own command, with no smb-erase-names
    ConfigMap (optional: the live record made it unneeded)."""
    import yaml

    job = yaml.safe_load((ROOT / "deploy" / "kubernetes" / "components" / "backup" /
                          "erase.yaml").read_text())
    spec = job["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    (container,) = spec["containers"]
    (names,) = [v for v in spec["volumes"] if v["name"] == "names"]
    assert names["configMap"]["optional"] is True
    write_person(durable.url, GONE)
    with Redis.from_url(durable.url, decode_responses=True) as redis:
        redis.sadd(ERASE_PENDING, GONE)
    command = [part.replace("/erase/", f"{tmp_path}/") for part in container["command"]]
    done = run_erase_job(command, durable.url, tmp_path)
    assert f"{GONE[:12]}: erased after the restore" in done.stdout
    assert left_of(durable.url, GONE) == 0


async def test_delete_during_the_held_lock_logs_no_info_line(
    durable: DurableRedis, caplog: pytest.LogCaptureFixture
) -> None:
    """/delete erases the person's lock key while its update holds the lock: the release then
    found it gone and logged `person lock already gone (LockNotOwnedError)` at INFO on every
    /delete."""
    from bot.adapters.telegram.locks import PersonLocks
    from bot.storage.health import RedisHealth

    redis = AsyncRedis.from_url(durable.url, decode_responses=True)
    try:
        locks = PersonLocks(RedisHealth(redis), lease=5.0, wait=5.0, poll=0.02)
        with caplog.at_level(logging.INFO, logger="bot.adapters.telegram.locks"):
            async with locks.hold(GONE):
                assert await redis.exists(f"smb:lock:{GONE}")
                await RedisSessionStore(redis).delete_user(GONE)
        assert not [r for r in caplog.records if r.levelno >= logging.INFO], caplog.text
    finally:
        await redis.aclose()
