"""UI strings through gettext catalogs in `locales/`, and Babel formatting in the user's locale.

Compiled `.mo` files are used when present; otherwise the `.po` file is compiled in memory, so a
fresh clone works before `pybabel compile` has run. Source language of msgids: English.
"""

from __future__ import annotations

import gettext
import io
import logging
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_time
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from bot.nlu.base import LANGUAGES  # the supported languages (also used by the NLU)

log = logging.getLogger(__name__)

DOMAIN = "messages"
DEFAULT_LANGUAGE = "ru"


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet (translated where it is shown)."""
    return message


def normalize_language(code: str | None) -> str | None:
    """Map a client language code ("be-BY", "en_US", "RU") to a supported language, else None."""
    if not code:
        return None
    base = code.replace("_", "-").split("-", 1)[0].lower()
    return base if base in LANGUAGES else None


@dataclass(frozen=True, slots=True)
class Translator:
    """One language's catalog and Babel locale."""

    language: str
    catalog: gettext.NullTranslations
    locale: Locale

    def gettext(self, message: str) -> str:
        """The translation of `message` (the English msgid when there is none)."""
        return self.catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The plural form for `n` (Russian and Belarusian have three)."""
        return self.catalog.ngettext(singular, plural, n)

    def number(self, value: float | int) -> str:
        """A number as this locale writes it."""
        return format_decimal(value, locale=self.locale)

    def date(self, value: date | datetime, fmt: str = "long") -> str:
        """A date as this locale writes it, e.g. "12 марта 2026 г."."""
        return format_date(value, format=fmt, locale=self.locale)

    def time(self, value: time | datetime, fmt: str = "short") -> str:
        """A time of day as this locale writes it."""
        return format_time(value, format=fmt, locale=self.locale)


def _load_catalog(locales_dir: Path, language: str) -> gettext.NullTranslations:
    folder = locales_dir / language / "LC_MESSAGES"
    mo_path = folder / f"{DOMAIN}.mo"
    po_path = folder / f"{DOMAIN}.po"
    # A .mo older than its .po is stale (an edit not yet compiled): the .po is the truth.
    if mo_path.exists() and (
        not po_path.exists() or mo_path.stat().st_mtime >= po_path.stat().st_mtime
    ):
        with mo_path.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    if po_path.exists():
        with po_path.open("rb") as fh:
            catalog = read_po(fh, locale=language)
        buffer = io.BytesIO()
        write_mo(buffer, catalog)
        buffer.seek(0)
        return gettext.GNUTranslations(buffer)
    log.warning("no catalog for %s in %s: UI strings stay in English", language, locales_dir)
    return gettext.NullTranslations()


class I18n:
    """Every language's translator, read from `locales_dir` when built.

    Build one at each composition root (the bot's assembly, the dashboard, a content command)
    and pass it down: nothing here is cached per process, so a new I18n reads the catalogs as
    they are now, and two I18n never share state.
    """

    def __init__(self, locales_dir: Path) -> None:
        self.locales_dir = locales_dir  # where the catalogs were read (the content check's too)
        self._translators = {
            lang: Translator(lang, _load_catalog(locales_dir, lang), Locale.parse(lang))
            for lang in LANGUAGES
        }

    def translator(self, language: str | None) -> Translator:
        """The translator for `language`; unknown languages get the default one."""
        return (
            self._translators.get(language or DEFAULT_LANGUAGE)
            or self._translators[DEFAULT_LANGUAGE]
        )

