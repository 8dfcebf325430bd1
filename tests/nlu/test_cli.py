"""`python -m bot nlu parse|eval` as a person at a terminal runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bot.config import REPO_ROOT


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "nlu", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO_ROOT,
        timeout=120,
        check=False,
    )


def _rows(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_parse_classifies_each_argument() -> None:
    done = _run("parse", "у меня забрали паспорт", "прывітанне, як справы")
    assert done.returncode == 0, done.stderr
    first, second = _rows(done.stdout)
    assert first == {
        "text": "у меня забрали паспорт",
        "language": "ru",
        "intent": "risk_documents_withheld",
        "confidence": first["confidence"],
        "at_risk": True,
    }
    assert second["language"] == "be" and second["at_risk"] is False
    assert "паспорт" in done.stdout  # printed as UTF-8, not as \\u escapes


def test_parse_reads_one_utterance_per_line_from_a_pipe() -> None:
    done = _run("parse", stdin="u menya zabrali pasport\n\nhello\n")
    assert done.returncode == 0, done.stderr
    rows = _rows(done.stdout)
    assert [r["text"] for r in rows] == ["u menya zabrali pasport", "hello"]
    assert rows[0]["at_risk"] is True and rows[0]["language"] == "ru"
    assert rows[1]["at_risk"] is False and rows[1]["intent"] == "greet"


def test_eval_prints_metrics_and_writes_a_report(tmp_path: Path) -> None:
    test_file = tmp_path / "test_nlu.yml"
    test_file.write_text(
        "nlu:\n"
        "- intent: risk_documents_withheld\n  metadata: {language: ru}\n  examples: |\n"
        "    - у меня забрали паспорт\n    - работодатель не отдаёт документы\n"
        "- intent: greet\n  metadata: {language: en}\n  examples: |\n    - hello\n    - hi there\n",
        encoding="utf-8",
    )
    report = tmp_path / "report"
    done = _run("eval", str(test_file), "--report", str(report))
    assert done.returncode == 0, done.stderr
    assert "| local | all | 4 |" in done.stdout
    assert "at-risk recall" in done.stdout
    text = (report / "report.md").read_text(encoding="utf-8")
    assert "| local | ru | 2 |" in text and "| local | en | 2 |" in text
    assert (report / "confusion.png").read_bytes()[:4] == b"\x89PNG"
