"""scripts/redis-restore.sh refuses while a Redis still uses the data directory.

A fresh ops tester's "stop Redis" step silently failed: the restore ran against the files of a
RUNNING server, said "restored 23 keys ... start Redis now", and the live server, stopped with
SIGTERM, wrote its own dump.rdb over the restored one on its way out. Here a real redis-server
with deploy/redis.conf (AOF and RDB) runs on the directory: every way the script can see it
(its working directory, its pidfile, its address) refuses with exit 3 and leaves every file as
it was; once it is stopped, the same command restores and the restored data survives a start.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from redis import Redis

from bot.storage.redis import connect
from tests.deploy.argv_check import documented_commands
from tests.deploy.test_backup import DurableRedis, durable, run  # noqa: F401 (fixture)
from tests.deploy.test_backup_online import restore as online_restore
from tests.helpers.ha import wait_until

ROOT = Path(__file__).resolve().parents[2]
RESTORE = str(ROOT / "scripts" / "redis-restore.sh")


def files(data: Path) -> dict[str, tuple[str, int]]:
    """Every file under `data`: its content's hash and modification time (ns)."""
    return {str(path.relative_to(data)): (hashlib.sha256(path.read_bytes()).hexdigest(),
                                          path.stat().st_mtime_ns)
            for path in sorted(data.rglob("*")) if path.is_file()}


def restore(backup: Path, data: Path, *, stdin: bool = False, as_nobody: bool = False,
            **env: str) -> subprocess.CompletedProcess[str]:
    argv = ["bash", RESTORE, "-" if stdin else str(backup), str(data)]
    if as_nobody:
        argv = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *argv]
    with backup.open("rb") as snapshot:
        result = subprocess.run(argv, stdin=snapshot if stdin else subprocess.DEVNULL,
                                capture_output=True, timeout=120,
                                env={"PATH": os.environ["PATH"], **env})
    return subprocess.CompletedProcess(result.args, result.returncode,
                                       result.stdout.decode(), result.stderr.decode())


@pytest.fixture
def backed_up(durable: DurableRedis,  # noqa: F811 (the fixture)
              tmp_path: Path) -> Iterator[tuple[DurableRedis, Path]]:
    """A running Redis whose backup holds `smb:case:restored`; written after it:
    `smb:case:live`, which a successful restore takes away."""
    with Redis.from_url(durable.url, decode_responses=True) as redis:
        redis.hset("smb:case:restored", mapping={"state": "open"})
    run("redis-backup.sh", str(tmp_path / "backups"), env={"REDIS_URL": durable.url})
    (backup,) = (tmp_path / "backups").glob("smb-redis-*.rdb")
    with Redis.from_url(durable.url, decode_responses=True) as redis:
        redis.hset("smb:case:live", mapping={"state": "open"})
        # The live server's files, as a stop would leave them (once the backup's own
        # background save is over: SAVE refuses during one).
        wait_until("no background save", lambda: not any(
            redis.info("persistence")[k] for k in ("rdb_bgsave_in_progress",
                                                   "aof_rewrite_in_progress")))
        redis.save()
    yield durable, backup


def assert_restored(server: DurableRedis) -> None:
    server.up()
    with Redis.from_url(server.url, decode_responses=True) as redis:
        assert redis.hgetall("smb:case:restored") == {"state": "open"}
        assert not redis.exists("smb:case:live")


def test_a_restore_into_a_running_redis_is_refused_and_changes_nothing(
    backed_up: tuple[DurableRedis, Path],
) -> None:
    server, backup = backed_up
    before = files(server.data)
    for stdin in (False, True):  # the file, and the documented `- < backup` form
        refused = restore(backup, server.data, stdin=stdin)
        assert refused.returncode == 3, refused.stderr
        assert refused.stdout == ""
        assert refused.stderr.startswith("restore: REFUSED, nothing was changed: process ")
        assert f"(redis-server) works in {server.data}" in refused.stderr
        assert files(server.data) == before  # no dump.rdb, no aside, no incoming copy
    # The tester's step that silently failed, done: SIGTERM, and the server's last save.
    server.down()
    done = restore(backup, server.data, stdin=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("restored ")
    assert_restored(server)


def test_a_server_this_user_cannot_see_is_found_by_its_pidfile_or_address(
    backed_up: tuple[DurableRedis, Path],
) -> None:
    """In compose the restore runs in a container of its own, where the live server's process
    is not even listed; run as another user its working directory cannot be read. Its
    pidfile (systemd's) or its address (compose sets RESTORE_PING) still give it away."""
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("running the restore as another user needs root and setpriv")
    server, backup = backed_up
    with Redis.from_url(server.url) as redis:
        pidfile = Path(tempfile.mkdtemp(prefix="smb-pid-")) / "redis-server.pid"
        pidfile.write_text(f"{redis.info('server')['process_id']}\n")
    place = Path(tempfile.mkdtemp(prefix="smb-restore-guard-"))
    try:
        place.chmod(0o755)
        pidfile.parent.chmod(0o755)
        copy = place / "backup.rdb"
        shutil.copy(backup, copy)
        os.chown(copy, 65534, 65534)
        server.data.parent.chmod(0o755)
        for path in [server.data, *server.data.rglob("*")]:
            os.chown(path, 65534, 65534)
        before = files(server.data)
        address = f"127.0.0.1:{server.port}"
        for env, said in [({"RESTORE_PIDFILES": str(pidfile)}, f"the Redis of {pidfile}"),
                          ({"RESTORE_PING": f"127.0.0.1:1 {address}"},
                           f"a Redis answers at {address} (NOAUTH")]:
            refused = restore(copy, server.data, as_nobody=True, **env)
            assert refused.returncode == 3, refused.stderr
            assert said in refused.stderr
            assert files(server.data) == before
        server.down()
        done = restore(copy, server.data, as_nobody=True, RESTORE_PIDFILES=str(pidfile),
                       RESTORE_PING=address)
        assert done.returncode == 0, done.stderr
    finally:
        shutil.rmtree(place)
        shutil.rmtree(pidfile.parent)
    assert_restored(server)


def test_each_documented_restore_can_see_the_live_redis() -> None:
    """compose: the one-off restore container has the redis service's environment, and
    `redis` is the live server's name on the compose network (gone once it is stopped);
    systemd: the documented line names the server's address as well."""
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    redis = compose["services"]["redis"]
    assert redis["environment"]["RESTORE_PING"] == "redis:6379"
    assert "--bind 0.0.0.0" in redis["command"][0]  # answers on the network, port 6379
    deploy = (ROOT / "docs" / "DEPLOY.md").read_text()
    lines = [c for _, c in documented_commands(deploy) if "redis-restore.sh -" in c]
    systemd = [c for c in lines if "/var/lib/redis" in c]
    assert systemd and all("RESTORE_PING=127.0.0.1:6379" in c for c in systemd), lines


async def test_an_online_restore_waits_for_the_bot_to_go_then_refuses(
    servers: tuple[DurableRedis, DurableRedis], tmp_path: Path
) -> None:
    """Kubernetes: `kubectl scale --replicas=0` returns at once and the pods drain for up to
    30 s, still writing; the restore job started right after replaced the data under them.
    The bot's connections carry its name: the restore waits RESTORE_WAIT_S for them to go,
    then refuses with the target unchanged; with the bot gone it restores."""
    source, target = servers
    with Redis.from_url(source.url) as redis:
        redis.set("smb:session:restored", "{}", ex=3600)
    run("redis-backup.sh", str(tmp_path / "backups"), env={"REDIS_URL": source.url})
    (backup,) = (tmp_path / "backups").glob("smb-redis-*.rdb")
    bot = connect(target.url)  # the bot's own client: bot/storage/redis.py
    try:
        await bot.set("smb:session:live", "{}", ex=3600)
        refused = online_restore(backup, target.url, RESTORE_FLUSH="yes", RESTORE_WAIT_S="2")
        assert refused.returncode == 3, refused.stderr
        assert "REFUSED, nothing was changed: 1 connection(s) of the bot" in refused.stderr
        assert await bot.keys("smb:*") == ["smb:session:live"]
    finally:
        await bot.aclose()
    done = online_restore(backup, target.url, RESTORE_FLUSH="yes")
    assert done.returncode == 0, done.stderr
    with Redis.from_url(target.url, decode_responses=True) as redis:
        assert redis.keys("smb:session:*") == ["smb:session:restored"]
