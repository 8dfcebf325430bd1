"""`python -m bot chat` over a pipe: one message per line, numbers press buttons, EOF exits."""

from __future__ import annotations

import os
import subprocess
import sys

from bot.config import REPO_ROOT
from tests.helpers.model_cache import run_model_cache


def chat(lines: list[str], *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDIS_", "BOT_", "NLU_"))}
    env.update(run_model_cache())
    return subprocess.run(
        [sys.executable, "-m", "bot", "chat", *args],
        input="".join(f"{line}\n" for line in lines),
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO_ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def test_numbers_press_buttons_and_end_of_input_exits_cleanly() -> None:
    # /start shows the menu; "1" is "Check a job offer"; "2" answers "No" to question 1.
    done = chat(["/start", "1", "2"], "--lang", "en")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Hello! I am a bot" in out
    assert "[1] Check a job offer" in out
    assert "Question 1 of 13" in out and "Question 2 of 13" in out
    assert "> " not in out  # no prompts when stdin is a pipe


def test_at_risk_message_gets_numbers_and_quit_stops_reading() -> None:
    done = chat(["у меня забрали паспорт", "/quit", "/start"], "--lang", "ru")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "112" in out
    assert "Здравствуйте" not in out  # nothing after /quit was read


def test_consent_prints_the_operator_alert_effect() -> None:
    done = chat(["/start", "7", "1"], "--lang", "be")  # "Talk to a person", then "Yes"
    assert done.returncode == 0, done.stderr
    assert "Пагаварыць з чалавекам" in done.stdout
    assert "[effect: operator alert, reason=request" in done.stdout
