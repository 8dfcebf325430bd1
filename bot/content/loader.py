"""Read the NGO-edited YAML in `content/` into a checked `Content`; problems as file:line."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from bot.content.adflags import FILE_NAME as AD_CHECK_FILE
from bot.content.adflags import read_ad_check
from bot.content.checkin import FILE_NAME as CHECKIN_FILE
from bot.content.checkin import read_checkin
from bot.content.checks import cross_check
from bot.content.facts import (
    find_facts_dir,
    missing_facts,
    read_facts,
    repo_facts_dir,
    shared_facts_dir,
    stale_copies,
)
from bot.content.firstscreens import check_country_pages
from bot.content.models import Answer, Content, Country, DangerPhrase, Flow, Hotline, Messages
from bot.content.parsed import Parsed
from bot.content.problems import ContentError, Problem
from bot.content.silent_alarm import FILE_NAME as SILENT_ALARM_FILE
from bot.content.silent_alarm import read_silent_alarm
from bot.content.yamlfile import Where, display_name, read_yaml, validation_problems
from bot.core.triage import DangerMatchers
from bot.i18n import I18n

__all__ = ["ContentError", "ContentHolder", "Problem", "check_content", "load_content"]

log = logging.getLogger(__name__)
LOCALES = Path(__file__).resolve().parents[2] / "locales"
M = TypeVar("M", bound=BaseModel)


def load_content(
    directory: Path, *, facts_dir: Path | None = None, i18n: I18n | None = None
) -> Content:
    """Load and check all content; raise ContentError if anything is an error.

    `i18n`: the catalogs screens are measured with (see `check_content`).
    """
    # A server without the facts copy still starts (with a loud warning): the numbers were
    # checked when the content was committed; `content check` makes the same gap an error.
    content, problems = check_content(directory, facts_dir=facts_dir, require_facts=False,
                                      i18n=i18n)
    if content is None:
        raise ContentError(problems)
    for problem in problems:
        log.warning("content: %s", problem)
    return content


def check_content(
    directory: Path,
    *,
    facts_dir: Path | None = None,
    today: date | None = None,
    require_facts: bool = True,
    i18n: I18n | None = None,
) -> tuple[Content | None, list[Problem]]:
    """Every problem in the content, and the Content itself when there is no error.

    Without the facts files (data/facts/) the number and indicator checks cannot run: that is
    an error with `require_facts`, else a warning, never silence.

    `i18n`: the UI catalogs button labels and screen lengths are measured with, as the caller
    shows them (the bot passes its own); by default the repository's locales/, read now.
    """
    i18n = i18n or I18n(LOCALES)
    reader = _Reader()
    parsed = Parsed(display_name(directory / "answers"), display_name(directory / "flows"))
    if not directory.is_dir():
        reader.error(display_name(directory), "the content directory does not exist")
        return None, reader.problems
    reader.read_messages(directory / "messages.yaml", parsed)
    for path in _files(directory / "answers", reader):
        reader.read_answers(path, parsed)
    reader.read_list(directory / "hotlines.yaml", "hotlines", Hotline, parsed)
    reader.read_list(directory / "countries.yaml", "countries", Country, parsed)
    for path in _files(directory / "flows", reader):
        reader.read_flow(path, parsed)
    reader.read_danger_phrases(directory / "danger_phrases.yaml", parsed)

    facts = None
    found_dir = find_facts_dir(directory, facts_dir)
    if found_dir is not None:
        facts, facts_problems = read_facts(found_dir)
        reader.problems += facts_problems
        if found_dir.resolve() == repo_facts_dir().resolve():
            reader.problems += stale_copies(found_dir, shared_facts_dir())
    reader.problems += missing_facts(found_dir, facts, "error" if require_facts else "warning")
    reader.problems += cross_check(parsed, facts, today or date.today(), i18n)
    ad_check, ad_problems = read_ad_check(directory / AD_CHECK_FILE, facts)
    reader.problems += ad_problems
    silent_alarm, alarm_problems = read_silent_alarm(directory / SILENT_ALARM_FILE)
    reader.problems += alarm_problems
    checkin, checkin_problems = read_checkin(directory / CHECKIN_FILE)
    reader.problems += checkin_problems

    problems = sorted(reader.problems, key=lambda p: (p.file, p.line or 0))
    if parsed.messages is None or any(p.severity == "error" for p in problems):
        return None, problems
    content = Content(
        messages=parsed.messages[0],
        answers={k: v[0] for k, v in parsed.answers.items()},
        hotlines={k: v[0] for k, v in parsed.hotlines.items()},
        countries={k: v[0] for k, v in parsed.countries.items()},
        flows={k: v[0] for k, v in parsed.flows.items()},
        danger_phrases={k: [p for p, _ in v] for k, v in parsed.danger_phrases.items()},
        ad_check=ad_check,
        silent_alarm=silent_alarm,
        checkin=checkin,
    )
    # What needs the loaded content to be measured: a country page's first screen.
    pages = list(check_country_pages(content, parsed, i18n))
    if pages:
        return None, sorted([*problems, *pages], key=lambda p: (p.file, p.line or 0))
    return content, problems


class ContentHolder:
    """The content the bot answers with; a reload with errors keeps the last good content.

    `matchers`: the danger-phrase matcher of each content it has held, built on first use and
    shared by everything answering with this holder (the engine's triage, the handoff's relay
    check, the group desk).
    """

    def __init__(
        self, directory: Path, *, facts_dir: Path | None = None, i18n: I18n | None = None
    ) -> None:
        self.directory = directory
        self.facts_dir = facts_dir
        # Every reload is checked with the same catalogs (the bot's, when it passes them).
        self.i18n = i18n or I18n(LOCALES)
        self.matchers = DangerMatchers()
        # Fail loudly at start.
        self._content = load_content(directory, facts_dir=facts_dir, i18n=self.i18n)

    @property
    def content(self) -> Content:
        """The current (last good) content."""
        return self._content

    def reload(self) -> list[Problem]:
        """Load again; on errors keep the current content. Returns the problems found."""
        content, problems = check_content(
            self.directory, facts_dir=self.facts_dir, require_facts=False, i18n=self.i18n
        )
        if content is None:
            log.error(
                "content reload failed, keeping the previous content:\n%s",
                "\n".join(str(p) for p in problems if p.severity == "error"),
            )
        else:
            self._content = content
        return problems


def _files(directory: Path, reader: _Reader) -> list[Path]:
    if not directory.is_dir():
        reader.error(display_name(directory), "the directory is missing")
        return []
    files = sorted([*directory.glob("*.yml"), *directory.glob("*.yaml")])
    if not files:
        reader.error(display_name(directory), "no .yml files here")
    return files


class _Reader:
    """Reads files into models, collecting problems instead of stopping at the first one."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def error(self, file: str, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(file, line, "error", message))

    def section(self, path: Path, key: str, kind: type, parsed: Parsed) -> tuple[Any, Where] | None:
        """The value under the one top-level `key:` of a file, checked to be a list or mapping."""
        found = self._section(path, key, kind)
        if found is None:
            parsed.failed.add(key)
        return found

    def _section(self, path: Path, key: str, kind: type) -> tuple[Any, Where] | None:
        if not path.is_file():
            self.error(display_name(path), "the file is missing")
            return None
        doc, problems = read_yaml(path)
        self.problems += problems
        if doc is None:
            return None
        if not isinstance(doc.data, dict) or key not in doc.data:
            self.error(doc.file, f"the file must start with `{key}:`", 1)
            return None
        for other in doc.data:
            if other != key:
                self.error(doc.file, f"unknown top-level key '{other}'", doc.line((other,)))
        value = doc.data[key]
        if not isinstance(value, kind):
            shape = "a list (items start with -)" if kind is list else "a mapping (key: value)"
            self.error(doc.file, f"`{key}:` must be {shape}", doc.line((key,)))
            return None
        return value, Where(doc, (key,))

    def validate(self, model: type[M], data: Any, where: Where) -> M | None:
        """The model, or None with the problems recorded at their lines."""
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            self.problems += validation_problems(exc, where)
            return None

    def read_messages(self, path: Path, parsed: Parsed) -> None:
        found = self.section(path, "messages", dict, parsed)
        if found:
            messages = self.validate(Messages, found[0], found[1])
            parsed.messages = (messages, found[1]) if messages else None

    def read_answers(self, path: Path, parsed: Parsed) -> None:
        found = self.section(path, "answers", dict, parsed)
        if not found:
            return
        for intent, data in found[0].items():
            where = found[1] / str(intent)
            answer = self.validate(Answer, data, where)
            if answer is None:
                parsed.failed.add(f"answers:{intent}")
                continue
            if intent in parsed.answers:
                other = parsed.answers[intent][1].location
                self.problems.append(
                    where.problem("error", f"'{intent}' is answered twice ({other})")
                )
                continue
            parsed.answers[str(intent)] = (answer, where)

    def read_list(self, path: Path, key: str, model: type[M], parsed: Parsed) -> None:
        into: dict[str, tuple[M, Where]] = getattr(parsed, key)
        found = self.section(path, key, list, parsed)
        if not found:
            return
        for index, data in enumerate(found[0]):
            where = found[1] / index
            item = self.validate(model, data, where)
            if item is None:
                if isinstance(data, dict):
                    parsed.failed.add(f"{key}:{data.get('id')}")
                continue
            item_id = str(getattr(item, "id"))  # noqa: B009 - every listed model has an id
            if item_id in into:
                self.problems.append(where.problem("error", f"id '{item_id}' is used twice", "id"))
                continue
            into[item_id] = (item, where)

    def read_flow(self, path: Path, parsed: Parsed) -> None:
        doc, problems = read_yaml(path)
        self.problems += problems
        if doc is None:
            parsed.failed.add("flows")
            return
        where = Where(doc, ())
        data = doc.data
        if isinstance(data, dict) and set(data) == {"flow"}:  # also accept a `flow:` wrapper
            data, where = data["flow"], where / "flow"
        flow = self.validate(Flow, data, where)
        if flow is None:
            parsed.failed.add(f"flows:{data.get('id') if isinstance(data, dict) else None}")
            return
        if flow.id in parsed.flows:
            self.problems.append(where.problem("error", f"flow id '{flow.id}' is used twice", "id"))
            return
        parsed.flows[flow.id] = (flow, where)

    def read_danger_phrases(self, path: Path, parsed: Parsed) -> None:
        found = self.section(path, "danger_phrases", dict, parsed)
        if not found:
            return
        for language, phrases in found[0].items():
            where = found[1] / str(language)
            if not isinstance(phrases, list):
                self.problems.append(where.problem("error", f"`{language}:` must be a list"))
                continue
            into = parsed.danger_phrases.setdefault(str(language), [])
            for index, data in enumerate(phrases):
                phrase = self.validate(DangerPhrase, data, where / index)
                if phrase is not None:
                    into.append((phrase, where / index))


def read_danger_phrases_file(path: Path) -> dict[str, list[DangerPhrase]]:
    """The danger phrases of one YAML file (`danger_phrases: {lang: [...]}`), without the loader."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        str(lang): [DangerPhrase.model_validate(item) for item in items or []]
        for lang, items in (data or {}).get("danger_phrases", {}).items()
    }
