"""One spelling per word across everything the bot says: the content's texts and the gettext
catalogs (locales/<lang>/LC_MESSAGES/messages.po) together, since a person reads both on one
screen ("экстраннай" in a button's catalog text, "экстранай" in a hotline's name: adflow17).

- A word written both with and without a doubled letter in one language is a misspelling
  (a warning where the doubled one is, or at the catalog's line).
- Belarusian writes the apostrophe as ’ (docs/EDITORS.md, "Belarusian"): an ASCII ' between
  letters is flagged. Patterns and phrases matched against what people type (danger phrases,
  place names, the ad check's rules) are not texts shown and are not read here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from babel.messages.pofile import read_po

from bot.content.parsed import Parsed
from bot.content.problems import Problem
from bot.content.textchecks import sources, texts
from bot.content.yamlfile import display_name

_WORD = re.compile(r"[^\W\d_]+")
_DOUBLE = re.compile(r"([^\W\d_])\1")
_ASCII_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])")
APOSTROPHE = "’"  # the Belarusian apostrophe in texts shown (docs/EDITORS.md)

def catalog_strings(locales_dir: Path, language: str,
                    ) -> Iterator[tuple[Path, int | None, str]]:
    """Every translated string of `language`'s catalog source: (path, line, text); none when
    the catalog's source is not there (the plural-forms check warns about that)."""
    path = locales_dir / language / "LC_MESSAGES" / "messages.po"
    if not path.is_file():
        return
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple | list) else [message.string]
        for string in strings:
            if string:
                yield path, message.lineno, string


def _shown(parsed: Parsed, locales_dir: Path | None, language: str,
           ) -> Iterator[tuple[str, Problem]]:
    """Each text shown in `language`, with a problem template pointing at where it is."""
    shown = [(model, where) for model, where, _ in sources(parsed)] + parsed.sections
    for model, where in shown:
        for path, text in texts(model, ()):
            value = getattr(text, language) or ""
            if value:
                yield value, where.problem("warning", "", *path, language)
    if locales_dir is not None:
        for po, line, value in catalog_strings(locales_dir, language):
            yield value, Problem(display_name(po), line, "warning", "")


def _at(template: Problem, message: str) -> Problem:
    return Problem(template.file, template.line, "warning", message)


def check_spellings(parsed: Parsed, locales_dir: Path | None = None) -> Iterator[Problem]:
    """A word written both with and without a doubled letter ("экстраннай" and "экстранай")
    in one language, in the content or the catalogs under `locales_dir`; an ASCII apostrophe
    in a Belarusian text.

    Only Russian and Belarusian words of six letters or more: in English "off"/"of" and
    "choose"/"chose" are different words."""
    for language in ("ru", "be"):
        first_seen: dict[str, Problem] = {}
        for value, template in _shown(parsed, locales_dir, language):
            for word in _WORD.findall(value.lower()):
                first_seen.setdefault(word, template)
            if language == "be" and _ASCII_APOSTROPHE.search(value):
                yield _at(template, f"write the Belarusian apostrophe as {APOSTROPHE}, "
                                    "not ' (docs/EDITORS.md)")
        for word, template in sorted(first_seen.items()):
            for match in _DOUBLE.finditer(word):
                single = word[: match.start()] + word[match.start() + 1 :]
                if len(single) >= 6 and single in first_seen:
                    other = first_seen[single]
                    yield _at(template, f"'{word}' is also written '{single}' in {language} "
                              f"texts ({other.location}); use one spelling")
