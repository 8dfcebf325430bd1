"""One spelling per word across the content and the catalogs (adflow17): a fresh tester saw
"экстранай" (a hotline's name) next to "экстраннай" (a catalog text) and ’ next to ' in
Belarusian. The standard narkamauka spelling is "экстранны"; the apostrophe is ’."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from bot.content.loader import check_content
from bot.content.spellingchecks import catalog_strings
from bot.core.adcheckers import AdCheckers
from bot.i18n import I18n
from tests.content.conftest import REAL_CONTENT, replace_once

LOCALES = REAL_CONTENT.parent / "locales"


def _warnings(directory: Path, ad_checkers: AdCheckers, locales: Path = LOCALES) -> list[str]:
    _, problems = check_content(directory, ad_checkers=ad_checkers, i18n=I18n(locales))
    return [str(p) for p in problems if p.severity == "warning"]


def _spelling(warnings: list[str]) -> list[str]:
    return [w for w in warnings if "is also written" in w or "apostrophe" in w]


def test_the_repository_spells_each_word_one_way_in_content_and_catalogs(
    ad_checkers: AdCheckers,
) -> None:
    assert _spelling(_warnings(REAL_CONTENT, ad_checkers)) == []
    shown = [text for _, _, text in catalog_strings(LOCALES, "be")]
    assert any("экстранн" in text for text in shown)  # the catalog's spelling, as content's
    assert not [text for text in shown if re.search(r"[^\W\d_]'[^\W\d_]", text)]


def test_a_content_word_spelled_unlike_the_catalogs_is_flagged(
    content_dir: Path, ad_checkers: AdCheckers,
) -> None:
    """The tester's pair: the content says "экстранай" everywhere (as it did) while a catalog
    text says "экстраннай": flagged at the catalog's line, naming the content's."""
    for path in content_dir.rglob("*.y*ml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("экстранн", "экстран"), encoding="utf-8")
    warnings = _spelling(_warnings(content_dir, ad_checkers))
    assert any("'экстраннай' is also written 'экстранай'" in w and "messages.po" in w
               and ".yaml:" in w for w in warnings), warnings


def test_an_ascii_apostrophe_in_belarusian_is_flagged_in_content_and_catalogs(
    content_dir: Path, ad_checkers: AdCheckers, tmp_path: Path,
) -> None:
    """And the calm side in the same content: "don't" in English is not Belarusian."""
    line = replace_once(content_dir / "countries.yaml", "Аб’яднаныя", "Аб'яднаныя")
    english = replace_once(content_dir / "countries.yaml", 'en: "United Kingdom"',
                           'en: "United Kingdom (don\'t)"')
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES, locales)
    po = locales / "be" / "LC_MESSAGES" / "messages.po"
    po_line = replace_once(po, "з’явілася", "з'явілася")
    warnings = _spelling(_warnings(content_dir, ad_checkers, locales))
    assert any(f"countries.yaml:{line}" in w and "’" in w for w in warnings), warnings
    # Babel numbers a message by its msgid's line, just above the msgstr.
    assert any(f"messages.po:{po_line - 1}" in w and "’" in w for w in warnings), warnings
    assert len(warnings) == 2 and not any(f"countries.yaml:{english}:" in w for w in warnings)


def test_a_check_in_text_spelled_unlike_the_catalogs_is_flagged(
    content_dir: Path, ad_checkers: AdCheckers,
) -> None:
    """checkin.yaml and silent_alarm.yaml are read too (break15b): "экстранай" typed there
    is flagged, naming checkin.yaml."""
    replace_once(content_dir / "checkin.yaml", "нумары экстраннай", "нумары экстранай")
    warnings = _spelling(_warnings(content_dir, ad_checkers))
    assert any("'экстранай'" in w and "checkin.yaml" in w for w in warnings), warnings
