"""`python -m bot erase NAME`: after a restore, erase again people who had sent /delete.

On a real redis-server: two people with a key of every kind /delete erases (USER_KEY_KINDS,
so a new kind is covered here at once), a place in every person set, and an open case with
its pseudonym reservation and waiting-list place. The command, run as an operator would
(settings from the environment), erases the one named by pseudonym or by the `user=` of the
bot's log line, and leaves the other person alone.
"""

from __future__ import annotations

import logging
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
from bot.privacy import Pseudonymizer, log_erasure
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
        pseudonym = await cases.pseudonyms.reserve(PSEUDONYMS.pseudonyms(user_key),
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


def erasure_list(*args: str, stdin: str = "", **env: str) -> str:
    result = subprocess.run(["bash", str(ROOT / "scripts" / "erasure-list.sh"), *args],
                            input=stdin, capture_output=True, text=True, timeout=60,
                            env={**os.environ, **env})
    assert result.returncode == 0, result.stderr
    return result.stdout


def logged(user_key: str) -> str:
    """The message of the bot's own erasure log line (`log_erasure`), for this person."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("bot.erasure")
    logger.addHandler(handler)
    level, logger.level = logger.level, logging.INFO
    try:
        log_erasure(user_key)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    (record,) = records
    return record.getMessage()


async def test_the_erasure_list_outlives_the_logs_and_feeds_erase_after_a_restore(
    redis_server: RedisServer, tmp_path: Path
) -> None:
    """The restore's erasure read the logs at restore time, and they were gone after an
    upgrade (a new container, new pods) or rotated. The list is recorded from the logs as they
    come, in each log source's format, kept apart (mode 600) and bounded; after a restore it
    gives the people who sent /delete since the backup, and only them, to `erase`."""
    before, after_docker, after_journal = (PSEUDONYMS.user_key(n) for n in (5101, 5102, 5103))
    after_kubectl = PSEUDONYMS.user_key(5104)
    old = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 9 * 86400))
    # The day of the logs: two days ago, inside the shipped retention whatever today is (the
    # dates were written into the test once, and it would have failed a week later).
    day = time.strftime("%Y-%m-%d", time.gmtime(time.time() - 2 * 86400))
    logs = "\n".join([
        f"{old} {logged(PSEUDONYMS.user_key(5100))}",  # past the retention: dropped
        # journalctl -o short-iso, text logs
        f"{day}T03:10:00+0000 vps safe-migration-bot[812]: INFO bot.core.steps "
        f"{logged(before)}",
        # docker compose logs -t --no-log-prefix, JSON logs
        f'{day}T03:20:00.123456789Z {{"time": "{day}T03:20:00Z", "level": "INFO", '
        f'"logger": "bot.core.steps", "message": "{logged(after_docker)}"}}',
        f"{day}T04:00:00+00:00 vps safe-migration-bot[812]: {logged(after_journal)}",
        # kubectl logs --timestamps
        f"{day}T05:00:00.000000001Z INFO bot.core.steps {logged(after_kubectl)}",
        f"{day}T05:00:01Z INFO handled update",  # not an erasure
    ]) + "\n"
    listed = tmp_path / "backups" / "erasures.txt"
    listed.parent.mkdir()
    # Recorded every 15 minutes with an hour's overlap: each erasure is kept once.
    erasure_list("record", str(listed), stdin=logs, ERASURE_RETENTION_DAYS="100000")
    erasure_list("record", str(listed), stdin=logs, ERASURE_RETENTION_DAYS="100000")
    assert oct(listed.stat().st_mode & 0o777) == "0o600"
    assert len(listed.read_text().splitlines()) == 5
    erasure_list("record", str(listed))  # the shipped retention (BACKUP_RETENTION_DAYS + 1)
    assert len(listed.read_text().splitlines()) == 4  # ... and the entry 9 days old went
    names = erasure_list("since", str(listed), f"{day}T03:15:00Z").split()
    assert names == sorted(k[:12] for k in (after_docker, after_journal, after_kubectl))

    with Redis.from_url(redis_server.url, decode_responses=True) as redis:
        for user_key in (before, after_docker, after_journal, after_kubectl):
            redis.set(user_keys(user_key)[0], "x", ex=3600)
    done = erase(redis_server.url, *names)  # what `... since ... | xargs -r ... erase` runs
    assert done.returncode == 0, done.stdout + done.stderr
    with Redis.from_url(redis_server.url, decode_responses=True) as redis:
        for user_key in (after_docker, after_journal, after_kubectl):
            assert left_of(redis, user_key) == []
        # Erased before the backup and back since: their new data is theirs to keep.
        assert left_of(redis, before) == [user_keys(before)[0]]


def test_deploy_md_erases_through_the_list_without_a_shared_file() -> None:
    """The names went through /tmp/smb-erased, readable by every user of the server."""
    deploy = (ROOT / "docs" / "DEPLOY.md").read_text()
    assert "/tmp/smb-erased" not in deploy.replace("the old `/tmp/smb-erased`", "")
    erases = [line for line in deploy.splitlines() if re.search(r"\berase\b", line)
              and "xargs" in line]
    assert len(erases) == 2 and all("erasure-list.sh since " in x for x in erases), erases
    records = [line for line in deploy.splitlines() if "erasure-list.sh record" in line]
    sources = {"journalctl -u safe-migration-bot -o short-iso", "docker compose logs -t",
               "kubectl -n safe-migration-bot logs"}
    assert {s for s in sources if any(s in line for line in records)} == sources
    # The Kubernetes erasure: names in a private temporary directory, never in /tmp itself.
    assert 'work=$(mktemp -d)' in deploy and '> "$work/names"' in deploy


def run_erase_job(command: list[str], url: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The smb-erase job's command as the image runs it: this venv's PATH, the settings of the
    Secret (REDIS_URL, BOT_PSEUDONYM_KEY) and nothing else of ours. It must succeed."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "REDIS_"))}
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=cwd,
                          env={**env, "PATH": f"{Path(sys.executable).parent}:{env['PATH']}",
                               "REDIS_URL": url, "BOT_PSEUDONYM_KEY": SECRET})
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def test_the_kubernetes_erase_job_runs_erase_on_the_names_file(
    redis_server: RedisServer, tmp_path: Path
) -> None:
    """The smb-erase template's command, with its ConfigMap's file made as DEPLOY.md makes it
    (`erasure-list.sh since ... > names`), runs the real command (no cluster here: the file is
    a directory of the test, the image's PATH this venv's)."""
    import yaml

    job = yaml.safe_load((ROOT / "deploy" / "kubernetes" / "components" / "backup" /
                          "erase.yaml").read_text())
    (container,) = job["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"]
    (mount,) = [m for m in container["volumeMounts"] if m["name"] == "names"]
    user_key = PSEUDONYMS.user_key(5201)
    listed = tmp_path / "erasures.txt"
    erasure_list("record", str(listed), stdin=f"2026-11-30T05:00:00Z {logged(user_key)}\n",
                 ERASURE_RETENTION_DAYS="100000")
    names = tmp_path / "erase"
    names.mkdir()
    (names / "names").write_text(erasure_list("since", str(listed), "2026-11-30T03:15:00Z"))
    with Redis.from_url(redis_server.url, decode_responses=True) as redis:
        redis.set(user_keys(user_key)[0], "x", ex=3600)
    command = [part.replace(mount["mountPath"], str(names)) for part in container["command"]]
    done = run_erase_job(command, redis_server.url, tmp_path)
    assert f"{user_key[:12]}: erased" in done.stdout
    # The job's log line, which DEPLOY.md records into the list (`kubectl logs --timestamps`).
    assert f"INFO bot.erasure: data erased user={user_key[:12]}" in done.stderr
    with Redis.from_url(redis_server.url, decode_responses=True) as redis:
        assert left_of(redis, user_key) == []
