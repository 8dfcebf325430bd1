"""Backups: scripts/redis-backup.sh and redis-restore.sh on a real redis-server with AOF on.

A snapshot is taken while the bot's kinds of data are there (an open case, the audit stream,
counters, a session with its TTL); Redis is wiped and stopped; the restore brings every one
back, and the TTLs still run. Old backups beyond the retention are removed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from redis import Redis

from tests.helpers.ha import Processes, redis_command, wait_until
from tests.helpers.redis_server import free_port, redis_server_binary

ROOT = Path(__file__).resolve().parents[2]
YEAR = 366 * 24 * 3600


class DurableRedis(Processes):
    """A redis-server with deploy/redis.conf's persistence (AOF + RDB) in a temporary dir."""

    def __init__(self) -> None:
        super().__init__("smb-backup-")
        self.port = free_port()
        self.data = self.dir / "data"
        self.data.mkdir()

    @property
    def url(self) -> str:
        return f"redis://:backup-test-password@127.0.0.1:{self.port}/0"

    def up(self) -> None:
        self.start("redis", [
            redis_server_binary(), str(ROOT / "deploy" / "redis.conf"), "--port", str(self.port),
            "--bind", "127.0.0.1", "--dir", str(self.data), "--requirepass",
            "backup-test-password",
        ])
        wait_until("redis", lambda: (redis_command(self.port, "PING") or "").startswith(
            "-NOAUTH"))

    def down(self) -> None:
        self.stop("redis")


@pytest.fixture
def durable() -> Iterator[DurableRedis]:
    server = DurableRedis()
    server.up()
    try:
        yield server
    finally:
        server.close()


def run(script: str, *args: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(["bash", str(ROOT / "scripts" / script), *args],
                            capture_output=True, text=True, env={**os.environ, **(env or {})},
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_backup_restores_cases_audit_counters_and_ttls(
    durable: DurableRedis, tmp_path: Path
) -> None:
    with Redis.from_url(durable.url, decode_responses=True) as redis:
        redis.hset("smb:case:c1", mapping={"status": "open", "pseudonym": "Fox-12"})
        redis.expire("smb:case:c1", 30 * 24 * 3600)
        redis.xadd("smb:handoff:audit", {"event": "taken", "case": "c1"})
        redis.xadd("smb:handoff:alerts", {"case": "c1"})
        redis.xgroup_create("smb:handoff:alerts", "posters", id="0")
        redis.hincrby("smb:stats:2026-11-29", "cases", 3)
        redis.expire("smb:stats:2026-11-29", YEAR)
        redis.set("smb:session:k1", "{}", ex=3600)

    backups = tmp_path / "backups"
    old = backups / "smb-redis-20200101T000000Z.rdb"
    backups.mkdir()
    old.write_bytes(b"REDIS0011")
    month_ago = time.time() - 30 * 24 * 3600
    os.utime(old, (month_ago, month_ago))
    made = Path(run("redis-backup.sh", str(backups),
                    env={"REDIS_URL": durable.url, "BACKUP_RETENTION_DAYS": "7"}))
    assert made.exists() and made.stat().st_size > 0
    assert not old.exists()  # past the retention: a /delete'd person is gone from backups too
    assert oct(backups.stat().st_mode & 0o777) == "0o700"

    # Disaster: everything wiped (and the AOF with it), Redis stopped.
    with Redis.from_url(durable.url) as redis:
        redis.flushall()
    durable.down()

    run("redis-restore.sh", str(made), str(durable.data))
    # The replaced files hold people's data past any /delete: no copy outlives the restore.
    assert not list(durable.data.glob("pre-restore-*"))
    durable.up()
    with Redis.from_url(durable.url, decode_responses=True) as redis:
        assert redis.hgetall("smb:case:c1") == {"status": "open", "pseudonym": "Fox-12"}
        assert [e[1] for e in redis.xrange("smb:handoff:audit")] == [
            {"event": "taken", "case": "c1"}]
        assert redis.xinfo_groups("smb:handoff:alerts")[0]["name"] == "posters"
        assert redis.hget("smb:stats:2026-11-29", "cases") == "3"
        assert 0 < redis.ttl("smb:session:k1") <= 3600  # TTLs still run after a restore
        assert 0 < redis.ttl("smb:stats:2026-11-29") <= YEAR
        # The restored data is in the new AOF: a restart keeps it.
        assert redis.config_get("appendonly")["appendonly"] == "yes"
    durable.down()
    durable.up()
    with Redis.from_url(durable.url, decode_responses=True) as redis:
        assert redis.hget("smb:stats:2026-11-29", "cases") == "3"


def test_a_restore_refuses_a_broken_backup(tmp_path: Path) -> None:
    broken = tmp_path / "broken.rdb"
    broken.write_bytes(b"not a snapshot")
    result = subprocess.run(["bash", str(ROOT / "scripts" / "redis-restore.sh"), str(broken),
                             str(tmp_path)], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "failed its check" in result.stderr
    assert not (tmp_path / "dump.rdb").exists()


def compose_backup_line() -> str:
    """DEPLOY.md's compose cron line: what the deploy user's cron runs every night."""
    deploy = (ROOT / "docs" / "DEPLOY.md").read_text()
    (line,) = [x for x in deploy.splitlines() if "docker compose exec" in x and
               "redis-backup.sh" in x and x.lstrip()[:1].isdigit()]
    return line


def test_compose_backups_belong_to_the_user_who_copies_them_off(
    durable: DurableRedis, tmp_path: Path
) -> None:
    """`docker compose exec` runs as root unless told otherwise: backups made that way were
    root's (600 in a 700 directory), and the deploy user could not copy them off the server.
    The documented line runs the backup as the cron job's own user; here its in-container
    command runs as an unprivileged user (no Docker engine on this machine) with the
    container's /backups and /scripts as directories of the test."""
    line = compose_backup_line()
    options = re.search(r"docker compose exec (.*?) redis bash -c '(.*)'$", line)
    assert options, line
    assert '--user "$(id -u):$(id -g)"' in options[1], "the backup would run as root"
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("running the command as another user needs root and setpriv")
    uid = gid = 65534  # nobody: no home, no groups, like an unknown uid in a container
    place = Path(tempfile.mkdtemp(prefix="smb-compose-backup-"))
    try:
        place.chmod(0o755)
        backups = place / "backups"
        backups.mkdir(mode=0o700)  # step 2's `install -d -m 700 backups`, by that user
        os.chown(backups, uid, gid)
        inner = (options[2].replace("/scripts/", f"{ROOT}/scripts/")
                 .replace(" /backups", f" {backups}").replace(":6379/", f":{durable.port}/"))
        env = {"PATH": os.environ["PATH"], "REDISCLI_AUTH": "backup-test-password",
               "BACKUP_RETENTION_DAYS": "7"}  # compose's environment and the -e option
        as_user = ["setpriv", f"--reuid={uid}", f"--regid={gid}", "--clear-groups"]
        result = subprocess.run([*as_user, "bash", "-c", inner], capture_output=True,
                                text=True, env=env, timeout=120)
        assert result.returncode == 0, result.stderr
        (made,) = backups.glob("smb-redis-*.rdb")
        assert (made.stat().st_uid, made.stat().st_gid) == (uid, gid)
        # That user can copy it off the server (rsync or scp read it as that user).
        copied = subprocess.run([*as_user, "cat", str(made)], capture_output=True, timeout=30)
        assert copied.returncode == 0 and copied.stdout[:5] == b"REDIS"
    finally:
        shutil.rmtree(place)


def test_the_compose_walk_makes_the_backup_directory_before_docker_does() -> None:
    """Docker makes a missing bind-mount source as root: made by the deploy user first."""
    deploy = (ROOT / "docs" / "DEPLOY.md").read_text()
    compose_part = deploy[deploy.index("## A small server with Docker Compose"):]
    made = compose_part.index("install -d -m 700 backups")
    assert made < compose_part.index("docker compose up -d --build")


def test_a_backup_is_quiet_when_it_works_and_says_why_when_it_fails(
    durable: DurableRedis, tmp_path: Path
) -> None:
    """Cron mails whatever a job prints on stderr: only failures may print there."""
    script = str(ROOT / "scripts" / "redis-backup.sh")
    ok = subprocess.run(["bash", script, str(tmp_path / "ok")], capture_output=True, text=True,
                        env={**os.environ, "REDIS_URL": durable.url}, timeout=120)
    assert ok.returncode == 0 and ok.stderr == ""
    wrong = durable.url.replace("backup-test-password", "wrong-password")
    failed = subprocess.run(["bash", script, str(tmp_path / "failed")], capture_output=True,
                            text=True, env={**os.environ, "REDIS_URL": wrong}, timeout=120)
    assert failed.returncode != 0 and "backup: redis-cli failed" in failed.stderr
    assert not list((tmp_path / "failed").glob("*.rdb"))
