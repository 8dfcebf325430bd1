"""Checks that a text agrees with the screen it is on: the buttons it names, the counts it
states, and the same structure in every language.

- A button a text names in quotes ("нажмите «Горячие линии»") must be on that screen: the
  buttons of an answer are its `menu:` and "Main menu"; the labels come from the gettext
  catalogs in locales/, in the text's language.
- A questionnaire's level text is chosen by the score, not by how many answers were warning
  signs, and the count is said under it by a plural form (locales/); so a level text must not
  state a count of its own ("several", "один").
- A plural message in locales/ has exactly the forms Babel's plural rule for that language
  has, each with its `{n}`.
- Translation drift: an answer whose languages differ in paragraphs, bullets, links or phone
  numbers is flagged for an editor (a warning).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from bot.content.models import LocalizedText
from bot.content.parsed import Parsed
from bot.content.problems import Problem
from bot.content.textchecks import sources, texts
from bot.content.yamlfile import Where, display_name
from bot.core.labels import MENU_LABELS
from bot.i18n import I18n
from bot.nlu.base import LANGUAGES

# A quoted text: «…», “…” or "…".
_QUOTED = re.compile(r"«([^»]{2,60})»|“([^”]{2,60})”|\"([^\"]{2,60})\"")
# Words that make a quote a button reference even when it matches no label exactly.
_PRESS = re.compile(
    r"(нажмите|нажми|выберите|кнопк\w*|націсніце|націсні|абярыце|кнопк\w*|press|tap|choose|"
    r"button)\W*$",
    re.IGNORECASE,
)
# Words that state a count; a level text must leave the count to the plural line under it.
COUNT_WORDS: dict[str, re.Pattern[str]] = {
    "ru": re.compile(r"\b(несколько|нескольких|один|одна|одно|два|две|три)\b", re.IGNORECASE),
    "be": re.compile(r"\b(некалькі|некалькіх|адзін|адна|адно|два|дзве|тры)\b", re.IGNORECASE),
    "en": re.compile(r"\b(several|one|two|three|a few|some)\b", re.IGNORECASE),
}
_BULLET = re.compile(r"^\s*[•\-–*]\s", re.MULTILINE)
_LINK = re.compile(r"https?://\S+|\b[\w.-]+\.(?:by|com|org|gov|int|eu|net)\b")
_PHONE = re.compile(r"(?<![\w.,])\+?\d[\d \-()]{1,}\d(?![\w.,])")

Labels = Mapping[str, Mapping[str, str]]  # language -> action -> button label

def menu_labels(i18n: I18n) -> dict[str, dict[str, str]]:
    """Each menu action's button label in each language, from the gettext catalogs."""
    labels: dict[str, dict[str, str]] = {}
    for language in LANGUAGES:
        tr = i18n.translator(language)
        labels[language] = {action: tr.gettext(msgid) for action, msgid in MENU_LABELS.items()}
    return labels


def check_screens(parsed: Parsed, labels: Labels) -> Iterator[Problem]:
    """Quoted buttons that are not on the screen, and level texts that state a count."""
    for _intent, (answer, where) in parsed.answers.items():
        on_screen = {*answer.menu, "menu"}
        yield from _quoted_buttons(answer.text, on_screen, labels, where, "text")
    for flow, where in parsed.flows.values():
        # The result screen: level text, next_steps, and the flow's `menu:` buttons.
        on_screen = {*flow.menu, "menu"}
        yield from _quoted_buttons(flow.next_steps, on_screen, labels, where, "next_steps")
        for index, level in enumerate(flow.levels):
            yield from _quoted_buttons(
                level.text, on_screen, labels, where, "levels", index, "text"
            )
        for index, level in enumerate(flow.levels):
            for language, pattern in COUNT_WORDS.items():
                found = pattern.search(getattr(level.text, language) or "")
                if found:
                    yield where.problem(
                        "error",
                        f"levels.{index}.text.{language}: '{found.group()}' states a count, but "
                        "the level is chosen by the score and the count is said under it; "
                        "write the text without a number",
                        "levels",
                        index,
                        "text",
                        language,
                    )


def _quoted_buttons(
    text: LocalizedText, on_screen: set[str], labels: Labels, where: Where, *path: str | int
) -> Iterator[Problem]:
    for language in LANGUAGES:
        value = getattr(text, language) or ""
        by_label = {label.casefold(): action for action, label in labels[language].items()}
        shown = {labels[language][a] for a in on_screen if a in labels[language]}
        for match in _QUOTED.finditer(value):
            quoted = next(g for g in match.groups() if g)
            action = by_label.get(quoted.casefold())
            pressed = _PRESS.search(value[max(0, match.start() - 30) : match.start()])
            if action is None and not pressed:
                continue  # a quotation, not a button
            if action in on_screen:
                continue
            yield where.problem(
                "error",
                f"{'.'.join(map(str, path))}.{language}: names the button «{quoted}», which is "
                f"not on this screen (its buttons: {', '.join(sorted(shown))}); add the "
                "action to `menu:` or change the text",
                *path,
                language,
            )


def check_plural_forms(locales_dir: Path) -> Iterator[Problem]:
    """Plural messages with the wrong number of forms for the language, or a form without {n}.

    Reads the catalogs' sources (messages.po) under `locales_dir`, the directory the bot's
    translations come from; where one is missing, a warning says that language was not checked.
    """
    for language in LANGUAGES:
        path = locales_dir / language / "LC_MESSAGES" / "messages.po"
        if not path.is_file():
            yield Problem(
                display_name(path), None, "warning",
                f"plural forms of {language} not checked: the catalog's source is not here "
                "(set --locales or BOT_LOCALES_DIR to the locales/ of a clone)",
            )
            continue
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=language)
        wanted = get_plural(language).num_plurals
        for message in catalog:
            if not message.pluralizable or not message.id:
                continue
            strings = list(message.string) if isinstance(message.string, tuple | list) else []
            forms = [s for s in strings if s]
            if not forms:
                continue  # untranslated: gettext falls back to English
            line = message.lineno
            if len(strings) != wanted or len(forms) != wanted:
                yield Problem(
                    display_name(path),
                    line,
                    "error",
                    f"'{message.id[0]}' has {len(forms)} plural form(s); {language} needs "
                    f"{wanted} (Babel's plural rule: {get_plural(language).plural_expr})",
                )
            for form in forms:
                if "{n}" in message.id[0] and "{n}" not in form:
                    yield Problem(
                        display_name(path), line, "error", f"plural form '{form}' lacks {{n}}"
                    )


def check_drift(parsed: Parsed) -> Iterator[Problem]:
    """Answers whose languages differ in paragraphs, bullets, links or phone numbers."""
    for _intent, (answer, where) in parsed.answers.items():
        for field in ("text", "more"):
            text = getattr(answer, field)
            if text is None:
                continue
            shapes = {
                language: _shape(getattr(text, language) or "")
                for language in LANGUAGES
                if getattr(text, language)
            }
            if len(set(shapes.values())) <= 1:
                continue
            described = "; ".join(
                f"{lang}: {p} paragraph(s), {b} bullet(s), {len(links)} link(s), "
                f"{len(phones)} number(s)"
                for lang, (p, b, links, phones) in shapes.items()
            )
            yield where.problem(
                "warning", f"{field}: the languages differ in structure ({described})", field
            )


def _shape(text: str) -> tuple[int, int, tuple[str, ...], tuple[str, ...]]:
    paragraphs = len([p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()])
    bullets = len(_BULLET.findall(text))
    links = tuple(sorted(m.group().rstrip(".,;)") for m in _LINK.finditer(text)))
    phones = tuple(sorted(re.sub(r"\D", "", m.group()) for m in _PHONE.finditer(text)))
    return paragraphs, bullets, links, phones


_DOUBLED_STOP = re.compile(r"(?<!\.)(?:\.\.|,\.|\.,|,,)(?!\.)")


def check_punctuation(parsed: Parsed) -> Iterator[Problem]:
    """A doubled stop ("2026 г..", "поделиться,."), usually left behind by an edit."""
    for model, where, _ in sources(parsed):
        for path, text in texts(model, ()):
            for language in LANGUAGES:
                found = _DOUBLED_STOP.search(getattr(text, language) or "")
                if found:
                    yield where.problem(
                        "error", f"'{found.group()}': a doubled stop", *path, language
                    )
