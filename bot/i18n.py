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
# CLDR's order of plural categories: a counted text lists its forms in this order, one for each
# category a whole number takes in its language (`whole_number_categories`).
CATEGORY_ORDER = ("zero", "one", "two", "few", "many", "other")
# Whole numbers enough to meet every category one takes: the rules read at most the last three
# digits, and a few languages the millions.
_SAMPLES = (*range(1000), 1_000_000)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet (translated where it is shown)."""
    return message


def whole_number_categories(locale: Locale) -> tuple[str, ...]:
    """The plural categories whole numbers take in `locale` by Babel's (CLDR) rule, in CLDR order:
    the forms a counted text lists ("one", "few", "many" for ru and be; "one", "other" for en)."""
    taken = {locale.plural_form(n) for n in _SAMPLES}
    return tuple(category for category in CATEGORY_ORDER if category in taken)


def normalize_language(code: str | None) -> str | None:
    """Map a client language code ("be-BY", "en_US", "RU") to a supported language, else None."""
    if not code:
        return None
    base = code.replace("_", "-").split("-", 1)[0].lower()
    return base if base in LANGUAGES else None


@dataclass(frozen=True, slots=True)
class Translator:
    """One language's catalog and Babel locale; `categories`: `whole_number_categories(locale)`."""

    language: str
    catalog: gettext.NullTranslations
    locale: Locale
    categories: tuple[str, ...]

    def gettext(self, message: str) -> str:
        """The translation of `message` (the English msgid when there is none)."""
        return self.catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The plural form for `n` (Russian and Belarusian have three)."""
        return self.catalog.ngettext(singular, plural, n)

    def counted(self, forms: str, n: int) -> str:
        """`n` with the word its number takes, from a counted text of content: `forms` is one
        form per plural category of this language, in CLDR order, split by "|", each with "{n}"
        ("{n} день|{n} дня|{n} дней" for one|few|many; "{n} day|{n} days" for one|other).
        Babel's rule picks the form, "{n}" is `n` as this locale writes it: 21 -> "21 день".
        A text with too few forms (content check refuses it) gets its last one."""
        options = forms.split("|")
        category = self.locale.plural_form(n)
        index = (self.categories.index(category) if category in self.categories
                 else len(options) - 1)
        return options[min(index, len(options) - 1)].strip().replace("{n}", self.number(n))

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


def _translator(locales_dir: Path, language: str) -> Translator:
    locale = Locale.parse(language)
    return Translator(language, _load_catalog(locales_dir, language), locale,
                      whole_number_categories(locale))


class I18n:
    """Every language's translator, read from `locales_dir` when built.

    Build one at each composition root (the bot's assembly, the dashboard, a content command)
    and pass it down: nothing here is cached per process, so a new I18n reads the catalogs as
    they are now, and two I18n never share state.
    """

    def __init__(self, locales_dir: Path) -> None:
        self.locales_dir = locales_dir  # where the catalogs were read (the content check's too)
        self._translators = {
            lang: _translator(locales_dir, lang) for lang in LANGUAGES
        }

    def translator(self, language: str | None) -> Translator:
        """The translator for `language`; unknown languages get the default one."""
        return (
            self._translators.get(language or DEFAULT_LANGUAGE)
            or self._translators[DEFAULT_LANGUAGE]
        )

