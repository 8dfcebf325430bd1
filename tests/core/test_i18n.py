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
from bot.core.session_store import InMemorySessionStore
from bot.factory import build_engine
from bot.i18n import I18n, normalize_language
from tests.helpers.chat import Chat, plain_settings
from tests.helpers.engine import shared_content, shared_recognizer

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


def _edit_ru(locales: Path, msgstr: str, new: str) -> None:
    """Change one Russian translation in the .po, as an editor would (no .mo compiled)."""
    po = locales / "ru" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    assert text.count(f'msgstr "{msgstr}"') == 1
    po.write_text(text.replace(f'msgstr "{msgstr}"', f'msgstr "{new}"'), encoding="utf-8")


def test_two_i18n_never_share_state(tmp_path: Path) -> None:
    # One catalog directory edited between two builds, and a second directory beside it: each
    # I18n answers from the files as they were when it was built, nothing is kept per process.
    first_dir, second_dir = tmp_path / "a", tmp_path / "b"
    for copy in (first_dir, second_dir):
        shutil.copytree(LOCALES, copy, ignore=shutil.ignore_patterns("*.mo"))
    _edit_ru(second_dir, "Главное меню", "Меню (каталог Б)")
    old = I18n(first_dir)
    _edit_ru(first_dir, "Главное меню", "Меню (после правки)")
    new, other = I18n(first_dir), I18n(second_dir)
    assert old.translator("ru").gettext("Main menu") == "Главное меню"
    assert new.translator("ru").gettext("Main menu") == "Меню (после правки)"
    assert other.translator("ru").gettext("Main menu") == "Меню (каталог Б)"
    # Numbers too are formatted by each translator in its own locale, with no shared memo.
    assert old.translator("en").number(1234) == "1,234"
    assert new.translator("be").number(1234).replace("\xa0", " ") == "1 234"


async def test_a_new_engine_answers_from_the_catalogs_as_edited(tmp_path: Path) -> None:
    # The process-wide `load_i18n` cache gave every engine built for the same BOT_LOCALES_DIR
    # the first one's catalogs: a rebuilt bot kept showing the text an editor had corrected.
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES, locales, ignore=shutil.ignore_patterns("*.mo"))
    settings = plain_settings(bot={"locales_dir": locales})

    async def menu_prompt() -> str:
        engine = await build_engine(settings, store=InMemorySessionStore(),
                                    recognizer=shared_recognizer(), content=shared_content())
        response = await Chat(engine, language_code="ru").command("/start")
        return response.replies[-1].text

    assert await menu_prompt() == "Что Вы хотите сделать?"
    _edit_ru(locales, "Что Вы хотите сделать?", "Чем я могу помочь?")
    assert await menu_prompt() == "Чем я могу помочь?"
