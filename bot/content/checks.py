"""Checks across content files: ids that must exist, translations, numbers against the facts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from bot.content.choicechecks import check_choice_texts
from bot.content.countedchecks import check_counted_forms
from bot.content.facts import Facts, phone_key
from bot.content.firstscreens import check_answer_screens, check_result_screens
from bot.content.models import Answer, Country, Flow, Hotline
from bot.content.notechecks import check_shown_notes
from bot.content.parsed import Parsed
from bot.content.problems import Problem
from bot.content.screenchecks import (
    check_drift,
    check_plural_forms,
    check_punctuation,
    check_screens,
    menu_labels,
)
from bot.content.spellingchecks import check_spellings
from bot.content.textchecks import check_numbers_in_texts, check_translations
from bot.content.yamlfile import Where
from bot.core.flows import FLOW_FOR_ACTION
from bot.core.labels import MENU_LABELS
from bot.i18n import I18n
from bot.nlu.base import ALL_INTENTS, LANGUAGES, RISK_INTENTS

# Every `m:<action>` button has a label (docs/ARCHITECTURE.md, "Button payloads"); a menu
# button with another action does nothing.
MENU_ACTIONS = frozenset(MENU_LABELS)
REQUIRED_FLOWS = tuple(FLOW_FOR_ACTION.values())  # the flows behind the menu's buttons
NON_COUNTRY_IDS = frozenset({"EU", "INT"})
CALLBACK_LIMIT = 64  # bytes: Telegram's callback_data limit
STALE_AFTER = timedelta(days=365)
MAX_SHOWN_SOURCES = 2
POLICE_WORDS = re.compile(r"полиц|паліц|міліц|милиц|police", re.IGNORECASE)


def cross_check(parsed: Parsed, facts: Facts | None, today: date, i18n: I18n) -> list[Problem]:
    """Every problem that needs more than one item (or the facts files) to see; button labels
    and screen lengths in `i18n`'s catalogs."""
    problems: list[Problem] = []
    problems += _check_answers(parsed)
    problems += _check_shown_sources(parsed)
    problems += _check_hotlines(parsed, facts, today)
    problems += _check_countries(parsed)
    problems += _check_flows(parsed, facts)
    problems += _check_danger_phrases(parsed)
    problems += check_translations(parsed)
    problems += check_screens(parsed, menu_labels(i18n))
    problems += check_answer_screens(parsed, i18n)
    problems += check_result_screens(parsed, i18n)
    problems += check_plural_forms(i18n.locales_dir)  # the catalogs the bot translates with
    problems += check_counted_forms(parsed)  # and the content's counted texts
    problems += check_drift(parsed)
    problems += check_spellings(parsed, i18n.locales_dir)  # content and catalogs together
    problems += check_choice_texts(parsed)
    problems += check_shown_notes(parsed)
    problems += check_punctuation(parsed)
    if facts is not None and facts.numbers is not None:
        problems += check_numbers_in_texts(parsed, facts)
    return problems


def _check_shown_sources(parsed: Parsed) -> Iterator[Problem]:
    # A phone shows one or two short official or NGO links; news, copies and directories
    # stay in `references:` for editors.
    items: list[tuple[Answer | Country | Flow, Where]] = [
        *parsed.answers.values(),
        *parsed.countries.values(),
        *parsed.flows.values(),
    ]
    for model, where in items:
        if len(model.sources) > MAX_SHOWN_SOURCES:
            yield where.problem(
                "error",
                f"{len(model.sources)} sources are shown to people; show one or two official or "
                "NGO pages and move the rest to `references:` (editors only)",
                "sources",
                MAX_SHOWN_SOURCES,
            )


def _check_answers(parsed: Parsed) -> Iterator[Problem]:
    for intent in sorted(ALL_INTENTS - parsed.answers.keys()):
        if parsed.readable("answers", intent):
            yield Problem(parsed.answers_dir, None, "error", f"no answer for the intent '{intent}'")
    for intent, (answer, where) in sorted(parsed.answers.items()):
        if intent not in ALL_INTENTS:
            yield where.problem("warning", f"'{intent}' is not a known intent; never shown")
        for index, action in enumerate(answer.menu):
            if action not in MENU_ACTIONS:
                yield where.problem(
                    "error",
                    f"unknown menu action '{action}' (known: {_list(MENU_ACTIONS)})",
                    "menu",
                    index,
                )


def _check_hotlines(parsed: Parsed, facts: Facts | None, today: date) -> Iterator[Problem]:
    known = facts.numbers if facts else None
    for hotline_id, (hotline, where) in parsed.hotlines.items():
        country = hotline.country
        if (
            country not in parsed.countries
            and country not in NON_COUNTRY_IDS
            and parsed.readable("countries", country)
        ):
            yield where.problem(
                "error", f"country '{hotline.country}' is not in countries.yaml", "country"
            )
        if today - hotline.last_checked > STALE_AFTER:
            yield where.problem(
                "warning",
                f"check this entry again: last checked {hotline.last_checked}",
                "last_checked",
            )
        if hotline.last_checked > today:
            yield where.problem("warning", "last_checked is in the future", "last_checked")
        if facts is not None and hotline_id in facts.police_ids:
            yield from _check_says_police(hotline, where)
        if known is None:
            continue
        if hotline_id not in known:
            yield where.problem(
                "error", f"hotline id '{hotline_id}' is not in the facts file", "id"
            )
            continue
        for index, phone in enumerate(hotline.phones):
            if phone_key(phone.number) not in known[hotline_id]:
                yield where.problem(
                    "error",
                    f"number not found in the facts file: '{phone.number}' (entry {hotline_id})",
                    "phones",
                    index,
                    "number",
                )


def _check_says_police(hotline: Hotline, where: Where) -> Iterator[Problem]:
    # A person without papers must know before calling that the police will hear it.
    for language in LANGUAGES:
        said = " ".join(
            text.get(language)
            for text in (hotline.name, hotline.note, *(p.label for p in hotline.phones))
            if text is not None and getattr(text, language)
        )
        if not POLICE_WORDS.search(said):
            yield where.problem(
                "error",
                f"the facts say this is a police line or that what callers say reaches the "
                f"police; say so plainly in `note:` ({language})",
                "note",
            )


def _check_countries(parsed: Parsed) -> Iterator[Problem]:
    alias_owner: dict[str, str] = {}
    for country_id, (country, where) in parsed.countries.items():
        if not re.fullmatch(r"[A-Z]{2}", country_id):
            yield where.problem("error", f"country id '{country_id}' must be two capitals", "id")
        for field_name in ("emergency", "hotlines"):
            for index, ref in enumerate(getattr(country, field_name)):
                if ref not in parsed.hotlines:
                    if not parsed.readable("hotlines", ref):
                        continue
                    yield where.problem(
                        "error", f"hotline '{ref}' is not in hotlines.yaml", field_name, index
                    )
                elif field_name == "emergency" and parsed.hotlines[ref][0].kind != "emergency":
                    yield where.problem(
                        "warning",
                        f"'{ref}' is listed as emergency but its kind is not",
                        field_name,
                        index,
                    )
        # Only when every line could be read: a broken line or file is reported once already,
        # and a wall of "no line offered" warnings after it would hide the one real error.
        readable = all(ref in parsed.hotlines for ref in country.hotlines)
        if country.hotlines and readable and not any(
            parsed.hotlines[ref][0].offered for ref in country.hotlines
        ):
            yield where.problem(
                "warning",
                f"{country_id}: no line here is offered yet (all unverified or low "
                "confidence); verify one in hotlines.yaml",
                "hotlines",
            )
        for index, alias in enumerate(country.aliases):
            if alias != alias.lower().strip():
                yield where.problem(
                    "error", f"alias '{alias}' must be lower case", "aliases", index
                )
            owner = alias_owner.setdefault(alias.lower(), country_id)
            if owner != country_id:
                yield where.problem(
                    "error", f"alias '{alias}' is also used by {owner}", "aliases", index
                )


def _check_flows(parsed: Parsed, facts: Facts | None) -> Iterator[Problem]:
    for flow_id in REQUIRED_FLOWS:
        if flow_id not in parsed.flows and parsed.readable("flows", flow_id):
            yield Problem(parsed.flows_dir, None, "error", f"the flow '{flow_id}' is missing")
    indicators = facts.indicator_ids if facts else None
    for flow_id, (flow, where) in parsed.flows.items():
        yield from _duplicates([q.id for q in flow.questions], where, "question", "questions")
        for qi, question in enumerate(flow.questions):
            if indicators is not None and question.indicator not in indicators:
                yield where.problem(
                    "error",
                    f"indicator '{question.indicator}' is not in facts/indicators.yaml",
                    "questions",
                    qi,
                    "indicator",
                )
            yield from _duplicates(
                [o.id for o in question.options], where / "questions" / qi, "option", "options"
            )
            for oi, option in enumerate(question.options):
                payload = f"f:{flow_id}:{question.id}:{option.id}"
                if len(payload.encode()) > CALLBACK_LIMIT:
                    yield where.problem(
                        "error",
                        f"button data '{payload}' is longer than {CALLBACK_LIMIT} bytes; "
                        "use shorter ids",
                        "questions",
                        qi,
                        "options",
                        oi,
                        "id",
                    )
        if flow.levels and min(level.min_score for level in flow.levels) > 0:
            yield where.problem(
                "error", "no level has min_score 0: a low score gets no result", "levels"
            )
        for index, action in enumerate(flow.menu):  # the buttons under the result
            if action not in MENU_ACTIONS:
                yield where.problem(
                    "error",
                    f"unknown menu action '{action}' (known: {_list(MENU_ACTIONS)})",
                    "menu",
                    index,
                )


def _check_danger_phrases(parsed: Parsed) -> Iterator[Problem]:
    for language, phrases in parsed.danger_phrases.items():
        for phrase, where in phrases:
            if language not in LANGUAGES:
                yield where.problem("error", f"unknown language '{language}' (use ru, be or en)")
            if phrase.indicator not in RISK_INTENTS:
                yield where.problem(
                    "error",
                    f"'{phrase.indicator}' is not a risk intent ({_list(RISK_INTENTS)})",
                    "indicator",
                )
            if not phrase.phrase.strip():
                yield where.problem("error", "empty phrase", "phrase")
            elif phrase.phrase != phrase.phrase.lower():
                yield where.problem("error", "phrases must be lower case to match", "phrase")


def _duplicates(ids: list[str], where: Where, what: str, key: str) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, item in enumerate(ids):
        if item in seen:
            yield where.problem("error", f"{what} id '{item}' is used twice", key, index, "id")
        seen.add(item)


def _list(names: frozenset[str]) -> str:
    return ", ".join(sorted(names))
