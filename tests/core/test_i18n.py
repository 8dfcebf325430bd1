"""UI strings through gettext: catalogs, plural forms, Babel formatting, fresh-clone fallback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from bot.config import REPO_ROOT
from bot.i18n import I18n, normalize_language

LOCALES = REPO_ROOT / "locales"
SIGNS = ("{n} warning sign found", "{n} warning signs found")


@pytest.fixture(scope="module")
def po_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the catalogs without any compiled .mo, as in a fresh clone."""
    copy = tmp_path_factory.mktemp("locales") / "locales"
    shutil.copytree(LOCALES, copy, ignore=shutil.ignore_patterns("*.mo"))
    return copy


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "ru",
            [
                "Найдено 0 тревожных признаков",
                "Найден 1 тревожный признак",
                "Найдено 3 тревожных признака",
                "Найдено 5 тревожных признаков",
                "Найдено 11 тревожных признаков",
                "Найден 21 тревожный признак",
            ],
        ),
        (
            "be",
            [
                "Знойдзена 0 трывожных прыкмет",
                "Знойдзена 1 трывожная прыкмета",
                "Знойдзена 3 трывожныя прыкметы",
                "Знойдзена 5 трывожных прыкмет",
                "Знойдзена 11 трывожных прыкмет",
                "Знойдзена 21 трывожная прыкмета",
            ],
        ),
        (
            "en",
            [
                "0 warning signs found",
                "1 warning sign found",
                "3 warning signs found",
                "5 warning signs found",
                "11 warning signs found",
                "21 warning signs found",
            ],
        ),
    ],
)
def test_plural_forms_from_the_po_files(po_only: Path, lang: str, expected: list[str]) -> None:
    tr = I18n(po_only).translator(lang)
    got = [tr.ngettext(*SIGNS, n).format(n=n) for n in (0, 1, 3, 5, 11, 21)]
    assert got == expected


def test_every_msgid_is_translated_in_every_language() -> None:
    for lang in ("ru", "be", "en"):
        with (LOCALES / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        missing = [
            m.id
            for m in catalog
            if m.id and not all(m.string if isinstance(m.string, tuple) else [m.string])
        ]
        assert missing == [], (lang, missing)


def test_belarusian_is_belarusian(po_only: Path) -> None:
    tr = I18n(po_only).translator("be")
    assert tr.gettext("What this bot can do") == "Што ўмее гэты бот"
    assert tr.gettext("I need help now") == "Патрэбна дапамога зараз"
    assert tr.gettext("Question {n} of {total}").format(n=1, total=11) == "Пытанне 1 з 11"


def test_compiled_catalogs_match_the_po_files(tmp_path: Path) -> None:
    copy = tmp_path / "locales"
    shutil.copytree(LOCALES, copy, ignore=shutil.ignore_patterns("*.mo"))
    pybabel = Path(sys.executable).with_name("pybabel")
    subprocess.run([str(pybabel), "-q", "compile", "-d", str(copy), "-D", "messages"], check=True)
    assert (copy / "ru" / "LC_MESSAGES" / "messages.mo").exists()
    compiled, source = I18n(copy).translator("ru"), I18n(LOCALES).translator("ru")
    assert compiled.gettext("Main menu") == source.gettext("Main menu") == "Главное меню"


def test_babel_formats_in_the_locale(po_only: Path) -> None:
    i18n = I18n(po_only)
    # CLDR puts a (narrow) no-break space before "г.": compare the words only.
    assert i18n.translator("ru").date(date(2026, 3, 5)).split() == ["5", "марта", "2026", "г."]
    assert i18n.translator("be").date(date(2026, 3, 5)).split() == ["5", "сакавіка", "2026", "г."]
    assert i18n.translator("en").date(date(2026, 3, 5)) == "March 5, 2026"
    assert i18n.translator("ru").number(12345).replace("\xa0", " ") == "12 345"
    assert i18n.translator("en").number(12345) == "12,345"
    assert i18n.translator("ru").time(time(9, 0)) == "09:00"


def test_unknown_language_falls_back(po_only: Path) -> None:
    assert I18n(po_only).translator("de").language == "ru"
    assert normalize_language("be-BY") == "be"
    assert normalize_language("en_US") == "en"
    assert normalize_language("uk") is None


def test_missing_catalog_falls_back_to_english_msgids(tmp_path: Path) -> None:
    assert I18n(tmp_path).translator("ru").gettext("Main menu") == "Main menu"
