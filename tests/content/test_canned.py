"""content/canned_replies.yaml: read per use, checked by `content check` with file:line problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import REPO_ROOT
from bot.content.canned import canned_path, read_canned
from bot.content.check import main as content_check


def test_the_shipped_canned_replies_are_complete() -> None:
    found = read_canned(canned_path(REPO_ROOT / "content"))
    assert found.problems == []
    assert len(found.replies) >= 4
    for reply in found.replies.values():
        assert reply.ru and reply.be and reply.en and reply.title
        assert not any(ch.isdigit() for ch in reply.ru + reply.be + reply.en)  # no numbers here


@pytest.mark.parametrize(("body", "line", "says"), [
    ("replies:\n  ok:\n    title: T\n    ru: р\n    be: б\n", 2, "the key 'en' is missing"),
    ("replies:\n  ok:\n    title: T\n    ru: р\n    be: б\n    en: \"\"\n", 6, "is empty"),
    ("replies:\n  Bad-Id:\n    title: T\n    ru: р\n    be: б\n    en: e\n", 2, "reply id"),
    ("replies:\n  ok:\n    title: T\n    ru: р\n    be: б\n    en: e\n    de: d\n", 7,
     "unknown key 'de'"),
    ("replies:\n  ok:\n\ttitle: T\n", 3, "broken YAML"),
])
def test_problems_point_at_the_line(tmp_path: Path, body: str, line: int, says: str) -> None:
    path = tmp_path / "canned_replies.yaml"
    path.write_text(body, encoding="utf-8")
    found = read_canned(path)
    assert "ok" not in found.replies
    (problem,) = [p for p in found.problems if says in p.message]
    assert problem.line == line and problem.severity == "error"


def test_one_bad_reply_leaves_the_others(tmp_path: Path) -> None:
    path = tmp_path / "canned_replies.yaml"
    path.write_text("replies:\n  good:\n    title: T\n    ru: р\n    be: б\n    en: e\n"
                    "  bad:\n    title: T\n", encoding="utf-8")
    found = read_canned(path)
    assert list(found.replies) == ["good"] and found.problems


def test_no_file_means_no_canned_replies(tmp_path: Path) -> None:
    assert read_canned(tmp_path / "canned_replies.yaml").replies == {}


def test_content_check_reports_a_broken_canned_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    content = tmp_path / "content"
    shutil.copytree(REPO_ROOT / "content", content)
    (content / "canned_replies.yaml").write_text(
        "replies:\n  ok:\n    title: T\n    ru: р\n", encoding="utf-8")
    assert content_check(["--dir", str(content)]) == 1
    out = capsys.readouterr().out
    assert "canned_replies.yaml:2: error: replies.ok.be: the key 'be' is missing" in out
