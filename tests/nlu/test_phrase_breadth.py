"""`content check` warns about a danger phrase that fires on held-out advice or service lines."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from bot.config import REPO_ROOT
from bot.nlu.phrase_breadth import breadth_problems

HELD_OUT = [REPO_ROOT / "nlu" / "tests"]


def _content_with(tmp_path: Path, extra_phrase: str) -> Path:
    content = tmp_path / "content"
    shutil.copytree(REPO_ROOT / "content", content)
    phrases = content / "danger_phrases.yaml"
    text = phrases.read_text(encoding="utf-8").replace(
        "  ru:\n",
        f'  ru:\n    - {{phrase: "{extra_phrase}", indicator: risk_documents_withheld}}\n',
        1,
    )
    phrases.write_text(text, encoding="utf-8")
    return content


def test_the_real_phrases_fire_on_no_held_out_advice_or_service_line() -> None:
    assert breadth_problems(REPO_ROOT / "content" / "danger_phrases.yaml", HELD_OUT) == []


def test_a_too_broad_phrase_is_a_warning_naming_the_phrase_and_an_example(tmp_path: Path) -> None:
    content = _content_with(tmp_path, "паспорт*")
    problems = breadth_problems(content / "danger_phrases.yaml", HELD_OUT)
    assert len(problems) == 1
    problem = problems[0]
    assert problem.severity == "warning"
    assert problem.line is not None and problem.file.endswith("danger_phrases.yaml")
    assert "'паспорт*'" in problem.message and "e.g. [" in problem.message


def test_content_check_prints_the_breadth_warning_and_still_passes(tmp_path: Path) -> None:
    content = _content_with(tmp_path, "паспорт*")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "content", "check", "--dir", str(content)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO_ROOT,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr  # a warning, not an error
    assert "danger phrase 'паспорт*' fires on" in done.stdout


def test_no_held_out_files_means_no_warning(tmp_path: Path) -> None:
    content = _content_with(tmp_path, "паспорт*")
    assert breadth_problems(content / "danger_phrases.yaml", [tmp_path / "missing"]) == []
