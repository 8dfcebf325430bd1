"""Every erasure writes the same log line, `data erased user=<12 hex>`, through one function
(`bot.privacy.log_erasure`), so the erasure list (scripts/erasure-list.sh), the fallback a
restore reads when Redis was lost, holds every erasure. Only /delete wrote it: an erasure by
`safe-migration-bot erase NAME` or `erase --pending` after a restore left no line, and a later
restore of an older backup brought that person back.

On a real redis-server: /delete through the real engine and its Redis store, the command line
by pseudonym and `--pending`, each recorded into the list through `erasure-list.sh run` as
DEPLOY.md runs them; the lines hold the keyed hash's start only, never an id or the whole key.
"""

from __future__ import annotations

import ast
import logging
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from redis import Redis
from redis.asyncio import Redis as AsyncRedis

from bot.config import REPO_ROOT
from bot.core.engine import DialogueEngine
from bot.factory import build_triage
from bot.i18n import I18n
from bot.privacy import log_erasure
from bot.storage.keys import ERASE_PENDING, user_keys
from bot.storage.redis import RedisSessionStore
from tests.deploy.test_erase_cli import (
    PSEUDONYMS,
    SECRET,
    erasure_list,
    left_of,
    person_with_a_case,
)
from tests.helpers.chat import Chat, plain_settings
from tests.helpers.engine import shared_ad_checkers, shared_content, shared_recognizer
from tests.helpers.redis_server import RedisServer, running_redis

ROOT = Path(__file__).resolve().parents[2]
LINE = re.compile(r"^(\S+) INFO bot\.erasure: data erased user=([0-9a-f]{12})$")
# Callers of `delete_user` that are not an erasure of their own: the store's layers, and the
# effect of a /delete the engine logged already (bot/core/steps.py).
NOT_AN_ERASURE_OF_THEIR_OWN = {
    ("bot/storage/fallback.py", "*"),  # the store itself, and its replay after an outage
    ("bot/adapters/telegram/answering.py", "_erase"),  # carries out steps.delete's effect
}


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    with running_redis() as server:
        yield server


def erase_recorded(url: str, listed: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`scripts/erasure-list.sh run LIST safe-migration-bot erase ...`, as DEPLOY.md runs it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "REDIS_"))}
    return subprocess.run(
        ["bash", str(ROOT / "scripts" / "erasure-list.sh"), "run", str(listed),
         sys.executable, "-m", "bot", "erase", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**env, "REDIS_URL": url, "BOT_PSEUDONYM_KEY": SECRET, "PYTHONPATH": str(ROOT)})


def listed_hashes(listed: Path) -> list[str]:
    return [line.split()[1] for line in listed.read_text().splitlines()]


def test_an_id_never_reaches_the_erasure_line(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="bot.erasure")
    log_erasure(PSEUDONYMS.user_key(5301))
    log_erasure("tg:123456789")  # not a keyed hash: maybe an id
    first, second = (record.getMessage() for record in caplog.records)
    assert first == f"data erased user={PSEUDONYMS.user_key(5301)[:12]}"
    assert "123456789" not in second and not re.search(r"user=[0-9a-f]{12}", second)


def test_every_erasure_path_logs_through_the_one_function() -> None:
    """The line's words live in one place; every function that erases a person's keys
    (`delete_user`) calls `log_erasure` itself, or carries out an erasure logged already. A
    new erasure path fails here until it logs."""
    sources = {str(path.relative_to(ROOT)): path.read_text()
               for path in sorted((ROOT / "bot").rglob("*.py"))}
    assert [name for name, text in sources.items() if "\"data erased" in text] == [
        "bot/privacy.py"]
    callers = set()
    for name, text in sources.items():
        for function in ast.walk(ast.parse(text)):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            calls = {node.func.attr if isinstance(node.func, ast.Attribute) else
                     getattr(node.func, "id", "") for node in ast.walk(function)
                     if isinstance(node, ast.Call)}
            if "delete_user" in calls and function.name != "delete_user":
                callers.add((name, function.name))
                exempt = {(name, function.name), (name, "*")} & NOT_AN_ERASURE_OF_THEIR_OWN
                assert "log_erasure" in calls or exempt, f"{name}: {function.name} erases " \
                    "a person without log_erasure"
    assert {("bot/core/steps.py", "delete"), ("bot/erasure.py", "erase")} <= callers


async def test_delete_on_redis_writes_the_line_the_list_records(
    redis_server: RedisServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = plain_settings()
    holder = shared_content()
    redis = AsyncRedis.from_url(redis_server.url, decode_responses=True)
    engine = DialogueEngine(holder, shared_recognizer(), build_triage(settings, holder.matchers),
                            RedisSessionStore(redis), I18n(REPO_ROOT / "locales"), settings,
                            ad_checkers=shared_ad_checkers())
    chat = Chat(engine, user_key=PSEUDONYMS.user_key(5302))
    caplog.set_level(logging.INFO, logger="bot.erasure")
    try:
        await chat.command("/start")
        assert left_of(Redis.from_url(redis_server.url, decode_responses=True), chat.user_key)
        await chat.command("/delete")
    finally:
        await redis.aclose()
    with Redis.from_url(redis_server.url, decode_responses=True) as sync:
        assert left_of(sync, chat.user_key) == []
    lines = [f"2026-11-30T05:00:00Z INFO {r.name}: {r.getMessage()}" for r in caplog.records]
    listed = tmp_path / "erasures.txt"
    erasure_list("record", str(listed), stdin="\n".join(lines) + "\n",
                 ERASURE_RETENTION_DAYS="100000")
    assert listed_hashes(listed) == [chat.user_key[:12]]


async def test_the_command_line_erasures_are_logged_and_recorded_in_the_list(
    redis_server: RedisServer, tmp_path: Path
) -> None:
    """By pseudonym, then `--pending` (a restore's leftovers): each erasure's line, on stderr
    with its UTC time first, goes into the list; the report stays on stdout."""
    gone, name, _ = await person_with_a_case(redis_server.url, 5303)
    pending = PSEUDONYMS.user_key(5304)
    with Redis.from_url(redis_server.url, decode_responses=True) as redis:
        redis.set(user_keys(pending)[0], "x", ex=3600)
        redis.sadd(ERASE_PENDING, pending)
    listed = tmp_path / "backups" / "erasures.txt"
    listed.parent.mkdir()

    done = erase_recorded(redis_server.url, listed, name)
    assert done.returncode == 0, done.stderr
    assert f"{name}: erased" in done.stdout
    (line,) = [line for line in done.stderr.splitlines() if "data erased" in line]
    when, logged = LINE.fullmatch(line).groups()  # type: ignore[union-attr]
    assert logged == gone[:12] and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", when)
    assert listed_hashes(listed) == [gone[:12]]
    assert oct(listed.stat().st_mode & 0o777) == "0o600"

    done = erase_recorded(redis_server.url, listed, "--pending")
    assert done.returncode == 0, done.stderr
    assert f"{pending[:12]}: erased after the restore" in done.stdout
    assert sorted(listed_hashes(listed)) == sorted([gone[:12], pending[:12]])
    for output in (done.stdout, done.stderr, listed.read_text()):
        assert pending not in output and gone not in output  # never the whole key
        assert "5303" not in output and "5304" not in output  # nor the id

    # A name it cannot erase: the command's own exit status, and nothing recorded.
    done = erase_recorded(redis_server.url, listed, "12345")
    assert done.returncode == 1 and "12345: not erased" in done.stdout
    assert len(listed_hashes(listed)) == 2


def test_every_documented_erasure_reaches_the_list() -> None:
    """DEPLOY.md's erase commands: names taken from the list (`erasure-list.sh since`) are in
    it already; every other erasure (by hand, `--pending` after a restore) runs through
    `erasure-list.sh run`, and the Kubernetes erase job's log is recorded before the job goes."""
    deploy = (ROOT / "docs" / "DEPLOY.md").read_text()
    blocks = re.findall(r"```(?:sh|bash)\n(.*?)```", deploy, re.S)
    commands = [line.split(" #")[0] for block in blocks for line in block.splitlines()
                if not line.lstrip().startswith("#")]
    erasures = [line for line in commands
                if re.search(r"(safe-migration-bot|\bbot) erase\b", line)]
    assert len(erasures) >= 6, erasures
    for line in erasures:
        assert "erasure-list.sh since " in line or re.search(
            r"erasure-list\.sh run \S+ ", line), f"not recorded in the erasure list: {line}"
    for job in re.findall(r"create job (smb-erase-\d+) ", deploy):
        assert f"logs job/{job} --timestamps | scripts/erasure-list.sh record" in deploy, job


def test_run_says_so_when_the_list_was_not_written(tmp_path: Path) -> None:
    """The erasure is done but not listed (a wrong path, a full disk): said, and exit 1."""
    line = "2026-11-30T05:00:00Z INFO bot.erasure: data erased user=0123456789ab"
    listed = tmp_path / "missing" / "erasures.txt"
    done = subprocess.run(
        ["bash", str(ROOT / "scripts" / "erasure-list.sh"), "run", str(listed),
         "sh", "-c", f"echo 'x: erased'; echo '{line}' >&2"],
        capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and done.stdout == "x: erased\n"
    assert line in done.stderr and f"the erasures were NOT recorded in {listed}" in done.stderr
