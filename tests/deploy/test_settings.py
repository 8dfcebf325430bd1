"""The ship-it settings: Sentinel addresses, the health listener, the log format."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import REPO_ROOT, ConfigError, load_settings
from tests.helpers.model_cache import run_model_cache


@pytest.fixture(autouse=True)
def no_env_file(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    monkeypatch.chdir(tmp_path)  # type: ignore[arg-type]  # no developer's .env is read


def test_sentinels_are_parsed_into_addresses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDIS_SENTINELS", "10.0.0.1:26379, sentinel-2.example.org:26380")
    monkeypatch.setenv("REDIS_SENTINEL_MASTER", "smb")
    redis = load_settings().redis
    assert redis.sentinel_addresses == [("10.0.0.1", 26379), ("sentinel-2.example.org", 26380)]
    assert redis.sentinel_master == "smb"


def test_without_sentinels_redis_url_is_used_directly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDIS_SENTINELS", raising=False)
    assert load_settings().redis.sentinel_addresses == []


@pytest.mark.parametrize(("name", "value"), [
    ("REDIS_SENTINELS", "10.0.0.1"),  # no port
    ("REDIS_SENTINELS", "10.0.0.1:26379,:1"),
    ("BOT_HEALTH_LISTEN", "8081"),
    ("BOT_LOG_FORMAT", "xml"),
])
def test_a_malformed_setting_is_one_line_naming_it(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=f"^{name}: "):
        load_settings()


def _run_bot(env: dict[str, str], cwd: object) -> subprocess.CompletedProcess[str]:
    """`python -m bot run` as an operator starts it, with only `env` set (and the run's model
    cache: tests/helpers/model_cache.py)."""
    return subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        env={"PATH": os.environ["PATH"], **run_model_cache(), **env},
        cwd=cwd, capture_output=True, text=True, timeout=240, check=False,  # type: ignore[arg-type]
    )


START = {"TELEGRAM_BOT_TOKEN": "123456:" + "A" * 35, "BOT_PSEUDONYM_KEY": "k" * 32}


@pytest.mark.parametrize(("env", "named"), [
    ({"OPERATOR_TIMEZONE": "Minsk"}, "OPERATOR_TIMEZONE: "),
    ({"TELEGRAM_BOT_TOKEN": "123456:short"}, "TELEGRAM_BOT_TOKEN: "),
])
def test_a_wrong_setting_at_start_is_one_line_no_traceback(
    tmp_path: Path, env: dict[str, str], named: str
) -> None:
    done = _run_bot({**START, **env}, tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"configuration error: {named}")
    if "TOKEN" in named:
        assert "20" in done.stderr  # the real rule: a secret of 20 or more characters


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
def test_telegram_unreachable_at_start_is_one_clear_line(tmp_path: Path, framework: str) -> None:
    with socket.socket() as closed:  # a port nobody listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    done = _run_bot({**START, "TELEGRAM_FRAMEWORK": framework,
                     "TELEGRAM_API_BASE": f"http://127.0.0.1:{port}"}, tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and "Telegram Bot API unreachable" in errors[0]


def test_content_check_defaults_to_the_configured_content_dir(tmp_path: Path) -> None:
    """From a production venv (cwd without content/): BOT_CONTENT_DIR is what gets checked."""
    content = tmp_path / "srv" / "content"
    shutil.copytree(REPO_ROOT / "content", content)
    cwd = tmp_path / "elsewhere"
    cwd.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "bot", "content", "check"], cwd=cwd, capture_output=True,
        text=True, timeout=240, check=False,
        env={"PATH": os.environ["PATH"], "BOT_CONTENT_DIR": str(content), **run_model_cache()},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1].endswith(f"in {content}: content OK")
