"""Editors change content/ while the bot runs: SIGHUP reloads it; broken YAML is refused."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from bot.adapters.telegram.runner import reload_content
from bot.config import REPO_ROOT
from bot.content.loader import ContentHolder
from bot.core.adcheckers import AdCheckers


@pytest.fixture
def holder(tmp_path: Path, ad_checkers: AdCheckers) -> ContentHolder:
    directory = tmp_path / "content"
    shutil.copytree(REPO_ROOT / "content", directory)
    return ContentHolder(directory, ad_checkers=ad_checkers)


def test_a_good_edit_is_applied(holder: ContentHolder) -> None:
    messages = holder.directory / "messages.yaml"
    text = messages.read_text(encoding="utf-8")
    old = holder.content.messages.deleted.en
    assert old and old in text
    messages.write_text(text.replace(old, "Everything is erased now."), encoding="utf-8")

    reload_content(holder)

    assert holder.content.messages.deleted.en == "Everything is erased now."


def test_broken_yaml_keeps_the_last_good_content(
    holder: ContentHolder, caplog: pytest.LogCaptureFixture
) -> None:
    before = holder.content
    (holder.directory / "messages.yaml").write_text("messages: [unclosed\n", encoding="utf-8")

    with caplog.at_level(logging.ERROR):
        reload_content(holder)

    assert holder.content is before
    assert "content reload rejected" in caplog.text
