"""Fixtures for content tests: a private copy of the real content that a test may break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REAL_CONTENT = Path(__file__).resolve().parents[2] / "content"
# The repository's copy of the facts: every number check runs against it, in every clone.
REAL_FACTS = Path(__file__).resolve().parents[2] / "data" / "facts"


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A copy of the real content directory, safe to edit."""
    if not (REAL_CONTENT / "messages.yaml").is_file():
        pytest.skip("the real content is not written yet")
    target = tmp_path / "content"
    shutil.copytree(REAL_CONTENT, target)
    return target


def replace_once(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in the file with `new`; return the 1-based line of the change."""
    text = path.read_text(encoding="utf-8")
    index = text.index(old)  # a ValueError here means the real content changed shape
    path.write_text(text[:index] + new + text[index + len(old) :], encoding="utf-8")
    return text.count("\n", 0, index) + 1
