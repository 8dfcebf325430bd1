"""Fixtures for content tests: a private copy of the real content that a test may break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REAL_CONTENT = Path(__file__).resolve().parents[2] / "content"
# The repository's copy of the facts: every number check runs against it, in every clone.
REAL_FACTS = Path(__file__).resolve().parents[2] / "data" / "facts"
# The job-ad check: its rules, its flags' directory and its sentence model's training.
# Checking them (about 3,000 patterns compiled, every example tried on the trained model) is
# most of a content check's time, and they read no other content file: only themselves and the
# facts' indicators (bot/content/adflags.py `read_ad_check`).
AD_CHECK_FILES = ("ad_check.yaml", "ad_flags", "ad_check_sentences.yaml")


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A copy of the real content directory, safe to edit."""
    if not (REAL_CONTENT / "messages.yaml").is_file():
        pytest.skip("the real content is not written yet")
    target = tmp_path / "content"
    shutil.copytree(REAL_CONTENT, target)
    return target


@pytest.fixture
def content_dir_without_ad_check(tmp_path: Path) -> Path:
    """A copy of the real content directory without the job-ad check (AD_CHECK_FILES), safe
    to edit: for a test that breaks another file, whose problems the ad check cannot change.
    Without it the bot runs with the ad check off (a warning, never an error);
    tests/content/test_broken_yaml.py checks that the copy is otherwise good content."""
    return copy_without_ad_check(tmp_path / "content")


def copy_without_ad_check(target: Path) -> Path:
    """Copy the real content to `target` (a new directory) leaving out AD_CHECK_FILES."""
    if not (REAL_CONTENT / "messages.yaml").is_file():
        pytest.skip("the real content is not written yet")
    shutil.copytree(REAL_CONTENT, target, ignore=shutil.ignore_patterns(*AD_CHECK_FILES))
    return target


def replace_once(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in the file with `new`; return the 1-based line of the change."""
    text = path.read_text(encoding="utf-8")
    index = text.index(old)  # a ValueError here means the real content changed shape
    path.write_text(text[:index] + new + text[index + len(old) :], encoding="utf-8")
    return text.count("\n", 0, index) + 1
