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
import yaml
from prometheus_client.parser import text_string_to_metric_families
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
    """Run scripts/SCRIPT as docs/DEPLOY.md does: by its relative path, from the clone."""
    result = subprocess.run(["bash", f"scripts/{script}", *args], cwd=ROOT,
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
    assert run("redis-backup.sh", str(backups),
               env={"REDIS_URL": durable.url, "BACKUP_RETENTION_DAYS": "7"}) == ""
    (made,) = backups.glob("smb-redis-*.rdb")
    assert made.stat().st_size > 0
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
    # Nothing at all: it printed the backup's path, and cron mailed it every night.
    assert ok.returncode == 0 and ok.stderr == "" and ok.stdout == ""
    wrong = durable.url.replace("backup-test-password", "wrong-password")
    failed = subprocess.run(["bash", script, str(tmp_path / "failed")], capture_output=True,
                            text=True, env={**os.environ, "REDIS_URL": wrong}, timeout=120)
    assert failed.returncode != 0 and "backup: FAILED: redis-cli failed" in failed.stderr
    assert not list((tmp_path / "failed").glob("*.rdb"))
    # A metrics file it cannot write (node_exporter's directory, another owner) fails the run,
    # but says the backup itself was written: it is.
    metrics = tmp_path / "no-such-dir" / "smb_backup.prom"
    late = subprocess.run(["bash", script, str(tmp_path / "late")], capture_output=True,
                          text=True, env={**os.environ, "REDIS_URL": durable.url,
                                          "BACKUP_METRICS_FILE": str(metrics)}, timeout=120)
    assert late.returncode != 0 and "was written" in late.stderr, late.stderr
    assert "no new backup" not in late.stderr and list((tmp_path / "late").glob("*.rdb"))


def check(directory: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(ROOT / "scripts" / "redis-backup-check.sh"),
                           str(directory)], capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=60)


def test_a_failed_or_missing_nightly_backup_is_noticed_the_next_day(
    durable: DurableRedis, tmp_path: Path
) -> None:
    """A failure mailed to nobody, or a cron that never ran, wrote no file: the check reports
    the newest backup's age, and the metrics file the alert rule reads holds the last success."""
    backups, metrics = tmp_path / "backups", tmp_path / "smb_backup.prom"
    missing = check(backups)
    assert missing.returncode == 1 and missing.stderr.startswith("backup: MISSING")
    started = time.time()
    run("redis-backup.sh", str(backups),
        env={"REDIS_URL": durable.url, "BACKUP_METRICS_FILE": str(metrics)})
    fresh = check(backups)
    assert (fresh.returncode, fresh.stdout, fresh.stderr) == (0, "", "")
    (family,) = text_string_to_metric_families(metrics.read_text())
    (sample,) = family.samples
    assert sample.name == "smb_backup_last_success_timestamp_seconds"
    assert started - 5 <= sample.value <= time.time() + 5
    rules = yaml.safe_load((ROOT / "deploy" / "prometheus" / "backup-rules.yml").read_text())
    exprs = " ".join(r["expr"] for g in rules["groups"] for r in g["rules"])
    assert sample.name in exprs and 'cronjob="smb-redis-backup"' in exprs
    # Last night's run failed (nothing written): the newest is from two nights ago.
    (made,) = backups.glob("smb-redis-*.rdb")
    two_nights = time.time() - 50 * 3600
    os.utime(made, (two_nights, two_nights))
    stale = check(backups)
    assert stale.returncode == 1 and stale.stdout == ""
    assert re.fullmatch(r"backup: STALE: the newest backup, \S+, is 50 h old \(limit 26 h\)\n",
                        stale.stderr), stale.stderr
    assert check(backups, BACKUP_MAX_AGE_HOURS="72").returncode == 0


def test_a_backup_directory_made_by_root_fails_with_the_documented_lines(
    durable: DurableRedis,
) -> None:
    """Docker makes a missing ./backups as root; the backup, as deploy, then cannot make it
    private. It says so in one line (it was chmod's "Operation not permitted" while DEPLOY.md
    said "Permission denied"), and DEPLOY.md quotes that line word for word."""
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("running the script as another user needs root and setpriv")
    place = Path(tempfile.mkdtemp(prefix="smb-root-backups-"))
    try:
        place.chmod(0o755)
        backups = place / "backups"
        backups.mkdir(mode=0o777)  # root's, even writable: chmod is the owner's alone
        backups.chmod(0o777)
        result = subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "bash",
             str(ROOT / "scripts" / "redis-backup.sh"), str(backups)],
            capture_output=True, text=True, timeout=120,
            env={"PATH": os.environ["PATH"], "REDIS_URL": durable.url})
        assert result.returncode != 0 and not list(backups.glob("smb-redis-*"))
        lines = result.stderr.replace(str(backups), "/backups").splitlines()
        assert lines == ["backup: FAILED: /backups must belong to the user the backup runs as "
                         "(uid 65534), to be made private (chmod 700); no new backup was "
                         "written"]
        deploy = (ROOT / "docs" / "DEPLOY.md").read_text()
        assert f"`{lines[0].replace('65534', '1000')}`" in deploy
    finally:
        shutil.rmtree(place)


def compose_restore_line() -> str:
    deploy = (ROOT / "docs" / "DEPLOY.md").read_text()
    (line,) = [x for x in deploy.splitlines()
               if x.startswith("docker compose run") and "redis-restore.sh" in x]
    return line


def test_the_compose_restore_runs_as_redis_and_says_nothing_false(
    durable: DurableRedis, tmp_path: Path
) -> None:
    """It ran as root (root's files in /data) and printed "AUTH failed": the container's
    REDISCLI_AUTH was sent to the script's password-less temporary server. The documented
    command, run here as an unprivileged user with that variable set and the backup on stdin
    (the container's /data and /scripts are directories of the test; no Docker here)."""
    line = compose_restore_line()
    found = re.fullmatch(r"docker compose run (.*) redis (/scripts/redis-restore\.sh - /data) "
                         r"< (backups/smb-redis-<time>\.rdb)", line)
    assert found, line
    assert "--user redis" in found[1] and "--no-deps" in found[1] and "-T" in found[1].split()
    with Redis.from_url(durable.url, decode_responses=True) as redis:
        redis.hset("smb:case:c9", mapping={"status": "open"})
    backups = tmp_path / "backups"
    run("redis-backup.sh", str(backups), env={"REDIS_URL": durable.url})
    (made,) = backups.glob("smb-redis-*.rdb")
    durable.down()
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("running the command as another user needs root and setpriv")
    uid = gid = 65534
    place = Path(tempfile.mkdtemp(prefix="smb-compose-restore-"))
    try:
        place.chmod(0o755)
        data = place / "data"
        shutil.copytree(durable.data, data)
        for path in [data, *data.rglob("*")]:
            os.chown(path, uid, gid)
        command = found[2].replace("/scripts/", f"{ROOT}/scripts/").replace("/data", str(data))
        with made.open("rb") as stdin:
            result = subprocess.run(
                ["setpriv", f"--reuid={uid}", f"--regid={gid}", "--clear-groups", "bash",
                 *command.split()], stdin=stdin, capture_output=True, text=True, timeout=120,
                env={"PATH": os.environ["PATH"], "REDISCLI_AUTH": "backup-test-password"})
        assert result.returncode == 0, result.stderr
        assert "AUTH" not in result.stderr + result.stdout
        assert result.stdout.startswith("restored ")
        assert {(p.stat().st_uid, p.stat().st_gid) for p in [data, *data.rglob("*")]} == {
            (uid, gid)}
        shutil.rmtree(durable.data)
        shutil.copytree(data, durable.data)
    finally:
        shutil.rmtree(place)
    durable.up()
    with Redis.from_url(durable.url, decode_responses=True) as redis:
        assert redis.hgetall("smb:case:c9") == {"status": "open"}


def test_backups_are_kept_the_retention_not_a_night_more(
    durable: DurableRedis, tmp_path: Path
) -> None:
    """`find -mtime +6` counts whole days: the backup of 7 nights ago, finished half an hour
    later than tonight's, was 6 days and 23.5 hours old and stayed an 8th day."""
    backups = tmp_path / "backups"
    backups.mkdir()
    day = 24 * 3600
    ages = {"seven_nights": 7 * day - 1800, "six_nights": 6 * day + 1800, "one_night": day}
    for n, (name, age) in enumerate(ages.items()):
        path = backups / f"smb-redis-2026010{n}T031500Z.rdb"
        path.write_bytes(b"REDIS0011")
        os.utime(path, (time.time() - age, time.time() - age))
        ages[name] = n
    run("redis-backup.sh", str(backups),
        env={"REDIS_URL": durable.url, "BACKUP_RETENTION_DAYS": "7"})
    kept = {path.name for path in backups.glob("smb-redis-2026010*.rdb")}
    assert kept == {f"smb-redis-2026010{ages[name]}T031500Z.rdb"
                    for name in ("six_nights", "one_night")}
    assert len(list(backups.glob("smb-redis-*.rdb"))) == 3  # tonight's too
