"""scripts/redis-restore-online.sh: a backup restored into a running, password-protected
Redis over the network (Kubernetes' restore job, a managed Redis), between two real
redis-servers: every kind of the bot's data arrives with its expiry, and a target that holds
data is replaced only when asked."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from redis import Redis

from tests.deploy.test_backup import DurableRedis, run
from tests.helpers.ha import MASTER, SentinelRedis

ROOT = Path(__file__).resolve().parents[2]


def restore(backup: Path, url: str, **env: str) -> subprocess.CompletedProcess[str]:
    # The caller's REDISCLI_AUTH (compose and Kubernetes pods set one) must not leak in.
    with backup.open("rb") as stdin:
        return subprocess.run(["bash", str(ROOT / "scripts" / "redis-restore-online.sh"), "-"],
                              stdin=stdin, capture_output=True, text=True, timeout=300,
                              env={**os.environ, "REDIS_URL": url, "REDISCLI_AUTH": "wrong",
                                   **env})


def test_an_online_restore_brings_every_kind_of_data_with_its_expiry(
    servers: tuple[DurableRedis, DurableRedis], tmp_path: Path
) -> None:
    source, target = servers
    with Redis.from_url(source.url, decode_responses=True) as redis:
        redis.hset("smb:case:c1", mapping={"status": "open", "pseudonym": "Fox-12"})
        redis.xadd("smb:handoff:alerts", {"case": "c1"})
        redis.xgroup_create("smb:handoff:alerts", "posters", id="0")
        redis.set("smb:session:k1", "{}", ex=3600)
        redis.zadd("smb:checkin:due", {"k1": 1.5})
        for n in range(250):  # more than one MIGRATE batch
            redis.set(f"smb:dedup:{n}", "1", ex=86400)
    backups = tmp_path / "backups"
    run("redis-backup.sh", str(backups), env={"REDIS_URL": source.url})
    (made,) = backups.glob("smb-redis-*.rdb")

    with Redis.from_url(target.url, decode_responses=True) as redis:
        redis.set("smb:session:written-after-the-backup", "{}")
    refused = restore(made, target.url)
    assert refused.returncode == 1 and "set RESTORE_FLUSH=yes" in refused.stderr
    with Redis.from_url(target.url, decode_responses=True) as redis:
        assert redis.keys("*") == ["smb:session:written-after-the-backup"]  # untouched

    done = restore(made, target.url, RESTORE_FLUSH="yes")
    assert done.returncode == 0, done.stderr
    assert "backup-test-password" not in done.stdout + done.stderr
    assert "AUTH" not in done.stderr
    with Redis.from_url(target.url, decode_responses=True) as redis:
        assert redis.dbsize() == 254
        assert redis.exists("smb:session:written-after-the-backup") == 0
        assert redis.hgetall("smb:case:c1") == {"status": "open", "pseudonym": "Fox-12"}
        assert redis.xinfo_groups("smb:handoff:alerts")[0]["name"] == "posters"
        assert 3000 < redis.ttl("smb:session:k1") <= 3600
        assert 0 < redis.ttl("smb:dedup:7") <= 86400
        assert redis.zscore("smb:checkin:due", "k1") == 1.5


def test_an_online_restore_refuses_a_broken_backup_and_touches_nothing(
    servers: tuple[DurableRedis, DurableRedis], tmp_path: Path
) -> None:
    _, target = servers
    with Redis.from_url(target.url, decode_responses=True) as redis:
        redis.set("smb:session:k1", "{}")
    broken = tmp_path / "broken.rdb"
    broken.write_bytes(b"not a snapshot")
    result = restore(broken, target.url, RESTORE_FLUSH="yes")
    assert result.returncode == 1 and "failed its check" in result.stderr
    with Redis.from_url(target.url, decode_responses=True) as redis:
        assert redis.get("smb:session:k1") == "{}"


def test_with_sentinel_the_restore_writes_to_the_primary(tmp_path: Path) -> None:
    """The Kubernetes restore job with the sentinel overlay: REDIS_URL's host is not the
    primary (a Service over every node, here a closed port); the sentinels name it."""
    source = DurableRedis()
    ha = SentinelRedis()
    try:
        source.up()
        with Redis.from_url(source.url, decode_responses=True) as redis:
            redis.set("smb:session:k1", "{}", ex=3600)
        backups = tmp_path / "backups"
        run("redis-backup.sh", str(backups), env={"REDIS_URL": source.url})
        (made,) = backups.glob("smb-redis-*.rdb")
        ha.up()
        done = restore(made, ha.replica_url(), REDIS_SENTINELS=ha.sentinels,
                       REDIS_SENTINEL_MASTER=MASTER)
        assert done.returncode == 0, done.stderr
        primary = ha.primary_port()
        assert primary is not None and f":{primary} " in done.stdout
        with Redis(port=primary, decode_responses=True) as redis:
            assert redis.get("smb:session:k1") == "{}" and redis.ttl("smb:session:k1") > 3000
        ha.in_sync()
        replica = next(p for p in ha.ports.values() if p != primary)
        with Redis(port=replica, decode_responses=True) as redis:
            assert redis.get("smb:session:k1") == "{}"  # replicated, not written there
    finally:
        source.close()
        ha.close()
