"""`python -m bot run` with BOT_LOG_FORMAT=json: errors that stop the start are JSON lines too.

A log collector that reads JSON lines drops (or mangles) plain text, so a bot that never
started would leave nothing anyone sees. Each way a start can fail is driven for real: a
missing or invalid setting (also with BOT_LOG_FORMAT only in .env), an operators' chat that
Telegram refuses (the fake Bot API over HTTP), broken content. The lines hold no raw id
and no token; plain mode stays plain text.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path
from typing import Any

from tests.helpers.fake_bot_api import CHAT_NOT_FOUND, TOKEN, FakeBotAPI
from tests.helpers.model_cache import run_model_cache
from tests.helpers.redis_server import running_redis

ROOT = Path(__file__).resolve().parents[2]
OPERATORS = -1009876543210


async def start_bot(cwd: Path, env: dict[str, str], dotenv: str = "") -> tuple[int, str]:
    """Run `python -m bot run` in `cwd` (its own .env) until it exits: (exit code, stderr).
    The run's model cache is kept (tests/helpers/model_cache.py)."""
    (cwd / ".env").write_text(dotenv)
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("BOT_", "TELEGRAM_", "REDIS_", "OPERATOR", "WEBHOOK_"))}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=cwd,
        env={**clean, "PYTHONPATH": str(ROOT), **run_model_cache(), **env},
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )
    try:
        _, stderr = await asyncio.wait_for(proc.communicate(), timeout=240)
    finally:
        if proc.returncode is None:
            proc.kill()
    assert proc.returncode is not None
    return proc.returncode, stderr.decode()


def json_lines(stderr: str) -> list[dict[str, Any]]:
    """Every line of stderr as JSON; fails on the first that is not."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines, "nothing on stderr"
    parsed = []
    for line in lines:
        try:
            parsed.append(json.loads(line))
        except ValueError:
            raise AssertionError(f"not a JSON line: {line!r}") from None
    return parsed


async def test_a_missing_setting_is_a_json_line(tmp_path: Path) -> None:
    code, stderr = await start_bot(tmp_path, {"BOT_LOG_FORMAT": "json"})
    assert code == 2
    (line,) = json_lines(stderr)
    assert line["level"] == "CRITICAL" and "TELEGRAM_BOT_TOKEN" in line["message"]
    assert {"time", "logger"} <= set(line)


async def test_an_invalid_setting_is_a_json_line_with_the_format_set_in_dotenv(
    tmp_path: Path,
) -> None:
    """The settings fail to load at all; BOT_LOG_FORMAT from .env is still honoured."""
    code, stderr = await start_bot(tmp_path, {"BOT_SESSION_TTL_DAYS": "0"},
                                   dotenv="BOT_LOG_FORMAT=json\n")
    assert code == 2
    (line,) = json_lines(stderr)
    assert "BOT_SESSION_TTL_DAYS" in line["message"]


async def test_a_refused_operators_chat_is_a_json_line_without_its_id(tmp_path: Path) -> None:
    api = FakeBotAPI()
    await api.start()
    try:
        api.kill_chat(OPERATORS, *CHAT_NOT_FOUND)
        with running_redis() as redis:  # the handoff checks the chat at start
            code, stderr = await start_bot(tmp_path, {
                "BOT_LOG_FORMAT": "json", "TELEGRAM_BOT_TOKEN": TOKEN,
                "TELEGRAM_API_BASE": api.base_url, "BOT_PSEUDONYM_KEY": "fatal-log-test",
                "OPERATOR_CHAT_ID": str(OPERATORS), "OPERATOR_IDS": "4343",
                "REDIS_URL": redis.url,
            })
    finally:
        await api.stop()
    assert code == 2
    lines = json_lines(stderr)
    (fatal,) = [line for line in lines if line["level"] == "CRITICAL"]
    assert "OPERATOR_CHAT_ID" in fatal["message"] and "<id>" in fatal["message"]
    assert str(OPERATORS)[1:] not in stderr and TOKEN.split(":")[1] not in stderr


async def test_broken_content_is_json_lines(tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "messages.yaml").write_text("welcome: [unclosed\n")
    code, stderr = await start_bot(tmp_path, {
        "BOT_LOG_FORMAT": "json", "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE": "http://127.0.0.1:9", "BOT_PSEUDONYM_KEY": "fatal-log-test",
        "BOT_CONTENT_DIR": str(content),
    })
    assert code == 2
    lines = json_lines(stderr)
    assert any("messages.yaml" in line["message"] for line in lines)
    assert "not starting" in lines[-1]["message"]


async def test_plain_mode_still_prints_plain_text(tmp_path: Path) -> None:
    code, stderr = await start_bot(tmp_path, {})
    assert code == 2
    assert stderr.startswith("configuration error: TELEGRAM_BOT_TOKEN")
