"""An ad pasted as HTML is read as a browser shows it, every offset kept (bot.core.adhtml)."""

from __future__ import annotations

import pytest

from bot.core.adhtml import untagged


def test_block_tags_end_lines_inline_tags_are_spaces_and_offsets_are_kept() -> None:
    ad = "<p><b>ВАКАНСИЯ</b> Склад<br>Оплата за регистрацию 50&euro; &amp; виза</p>"
    shown = untagged(ad)
    assert len(shown) == len(ad)
    assert shown.split() == ["ВАКАНСИЯ", "Склад", "Оплата", "за", "регистрацию", "50€", "&",
                             "виза"]
    assert shown.index("Оплата") == ad.index("Оплата")
    assert shown[ad.index("<br>")] == "\n" and shown[0] == "\n"


@pytest.mark.parametrize("text", [
    "Зарплата <50€> в час?", "I <3 this job", "a < b and c > d", "Tom & Jerry; R&D",
    "&notanentity; &#99999999;", "",
])
def test_text_without_html_stays_as_written(text: str) -> None:
    assert untagged(text) == text
