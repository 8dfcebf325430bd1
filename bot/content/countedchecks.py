"""Counted texts ("{n} день|{n} дня|{n} дней", `CountedText`) with exactly the forms their
language needs: one for each plural category a whole number takes by Babel's rule, each with
"{n}". An editor's "{n} дней" alone would read "21 дней"; the check says which forms are due."""

from __future__ import annotations

from collections.abc import Iterator

from babel import Locale

from bot.content.models import CountedText
from bot.content.parsed import Parsed
from bot.content.problems import Problem
from bot.content.textchecks import sources, texts
from bot.content.yamlfile import Where, YamlPath
from bot.i18n import whole_number_categories
from bot.nlu.base import LANGUAGES

# The numbers tried for a category's example ("as for 5"): the smallest whole one, 0 last.
_EXAMPLES = (*range(1, 1000), 0)


def check_counted_forms(parsed: Parsed) -> Iterator[Problem]:
    """Every counted text in content (messages, answers, flows and the other files' sections)
    whose forms in a language are more or fewer than the language's plural categories, or
    lack "{n}"; an error at that language's line."""
    needed = {language: _categories(language) for language in LANGUAGES}
    shown = [(model, where) for model, where, _ in sources(parsed)] + parsed.sections
    for model, where in shown:
        for path, text in texts(model, ()):
            if isinstance(text, CountedText):
                yield from _text_problems(text, where, path, needed)


def _categories(language: str) -> list[tuple[str, int]]:
    """The language's categories for whole numbers, in order, each with its smallest number."""
    locale = Locale.parse(language)
    return [(category, next(n for n in _EXAMPLES if locale.plural_form(n) == category))
            for category in whole_number_categories(locale)]


def _text_problems(text: CountedText, where: Where, path: YamlPath,
                   needed: dict[str, list[tuple[str, int]]]) -> Iterator[Problem]:
    label = ".".join(str(p) for p in (*where.path, *path))
    for language in LANGUAGES:
        value = getattr(text, language) or ""
        if not value:
            continue  # a missing translation is its own check's error
        forms = value.split("|")
        categories = needed[language]
        if len(forms) != len(categories):
            order = ", ".join(f"{category} (as for {n})" for category, n in categories)
            yield where.problem(
                "error",
                f"{label}: the {language} text has {len(forms)} form(s); {language} needs "
                f"{len(categories)}, split by \"|\", in this order: {order} (Babel's plural "
                "rule), e.g. \"{n} день|{n} дня|{n} дней\", \"{n} day|{n} days\"",
                *path, language)
        for index, form in enumerate(forms, start=1):
            if "{n}" not in form:
                yield where.problem(
                    "error",
                    f"{label}: form {index} of the {language} text ({form.strip()!r}) lacks "
                    "{n}, where the number goes",
                    *path, language)
