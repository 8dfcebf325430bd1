"""Read the NGO-edited YAML in `content/` into a checked `Content`; problems as file:line."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from bot.content.adflags import FILE_NAME as AD_CHECK_FILE
from bot.content.adflags import read_ad_check
from bot.content.checkin import FILE_NAME as CHECKIN_FILE
from bot.content.checkin import KEY as CHECKIN_KEY
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
from bot.content.models import Checkin, Content, Country, Hotline, SilentAlarm
from bot.content.parsed import Parsed
from bot.content.place_names import FILE_NAME as PLACES_FILE
from bot.content.place_names import read_places
from bot.content.problems import ContentError, Problem
from bot.content.reader import Reader, content_files
from bot.content.silent_alarm import FILE_NAME as SILENT_ALARM_FILE
from bot.content.silent_alarm import KEY as SILENT_ALARM_KEY
from bot.content.silent_alarm import read_silent_alarm
from bot.content.triage_frames import FILE_NAME as TRIAGE_FRAMES_FILE
from bot.content.triage_frames import read_triage_frames
from bot.content.triage_words import FILE_NAME as TRIAGE_WORDS_FILE
from bot.content.triage_words import read_triage_words
from bot.content.yamlfile import display_name, read_optional_section
from bot.core.adcheckers import AdCheckers
from bot.core.danger_matchers import DangerMatchers
from bot.i18n import I18n

__all__ = ["ContentError", "ContentHolder", "Problem", "check_content", "load_content"]

log = logging.getLogger(__name__)
LOCALES = Path(__file__).resolve().parents[2] / "locales"


def load_content(
    directory: Path, *, facts_dir: Path | None = None, i18n: I18n | None = None,
    ad_checkers: AdCheckers | None = None,
) -> Content:
    """Load and check all content; raise ContentError if anything is an error.

    `i18n`: the catalogs screens are measured with; `ad_checkers`: where the ad check's
    checker is built (see `check_content`).
    """
    # A server without the facts copy still starts (with a loud warning): the numbers were
    # checked when the content was committed; `content check` makes the same gap an error.
    content, problems = check_content(directory, facts_dir=facts_dir, require_facts=False,
                                      i18n=i18n, ad_checkers=ad_checkers)
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
    ad_checkers: AdCheckers | None = None,
) -> tuple[Content | None, list[Problem]]:
    """Every problem in the content, and the Content itself when there is no error.

    Without the facts files (data/facts/) the number and indicator checks cannot run: that is
    an error with `require_facts`, else a warning, never silence.

    `i18n`: the UI catalogs button labels and screen lengths are measured with, as the caller
    shows them (the bot passes its own); by default the repository's locales/, read now.

    `ad_checkers`: where the ad check's checker (its sentence model trained, about a second) is
    built to try the flags' examples on; the bot passes its holder's, which then answers with
    that very checker. By default, one for this check alone.
    """
    i18n = i18n or I18n(LOCALES)
    reader = Reader()
    parsed = Parsed(display_name(directory / "answers"), display_name(directory / "flows"))
    if not directory.is_dir():
        reader.error(display_name(directory), "the content directory does not exist")
        return None, reader.problems
    reader.read_messages(directory / "messages.yaml", parsed)
    for path in content_files(directory / "answers", reader):
        reader.read_answers(path, parsed)
    reader.read_list(directory / "hotlines.yaml", "hotlines", Hotline, parsed)
    reader.read_list(directory / "countries.yaml", "countries", Country, parsed)
    for path in content_files(directory / "flows", reader):
        reader.read_flow(path, parsed)
    reader.read_danger_phrases(directory / "danger_phrases.yaml", parsed)
    for file_name, key, model in ((CHECKIN_FILE, CHECKIN_KEY, Checkin),
                                  (SILENT_ALARM_FILE, SILENT_ALARM_KEY, SilentAlarm)):
        # For the one-spelling check; their problems are reported by their readers below.
        section, where, _ = read_optional_section(directory / file_name, key, model, "")
        if section is not None and where is not None:
            parsed.sections.append((section, where))

    facts = None
    found_dir = find_facts_dir(directory, facts_dir)
    if found_dir is not None:
        facts, facts_problems = read_facts(found_dir)
        reader.problems += facts_problems
        if found_dir.resolve() == repo_facts_dir().resolve():
            reader.problems += stale_copies(found_dir, shared_facts_dir())
    reader.problems += missing_facts(found_dir, facts, "error" if require_facts else "warning")
    reader.problems += cross_check(parsed, facts, today or date.today(), i18n)
    ad_check, ad_problems = read_ad_check(directory / AD_CHECK_FILE, facts, ad_checkers)
    reader.problems += ad_problems
    silent_alarm, alarm_problems = read_silent_alarm(directory / SILENT_ALARM_FILE)
    reader.problems += alarm_problems
    checkin, checkin_problems = read_checkin(
        directory / CHECKIN_FILE, silent_alarm.giveaway_words if silent_alarm else None)
    reader.problems += checkin_problems
    triage_words, triage_words_problems = read_triage_words(directory / TRIAGE_WORDS_FILE)
    reader.problems += triage_words_problems
    triage_frames, triage_frames_problems = read_triage_frames(directory / TRIAGE_FRAMES_FILE)
    reader.problems += triage_frames_problems
    countries = {k: v[0] for k, v in parsed.countries.items()}
    places, places_problems = read_places(directory / PLACES_FILE, countries)
    reader.problems += places_problems

    problems = sorted(reader.problems, key=lambda p: (p.file, p.line or 0))
    if parsed.messages is None or any(p.severity == "error" for p in problems):
        return None, problems
    content = Content(
        messages=parsed.messages[0],
        answers={k: v[0] for k, v in parsed.answers.items()},
        hotlines={k: v[0] for k, v in parsed.hotlines.items()},
        countries=countries,
        flows={k: v[0] for k, v in parsed.flows.items()},
        danger_phrases={k: [p for p, _ in v] for k, v in parsed.danger_phrases.items()},
        ad_check=ad_check,
        silent_alarm=silent_alarm,
        checkin=checkin,
        triage_words=triage_words,
        triage_frames=triage_frames,
        places=places,
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

    `ad_checkers`: the ad check's checker of each content, built when the content is checked
    (load and reload) and shared the same way (the engine's ad check, the group desk): the
    sentence model is trained once per content, not once per user of it. By default its own;
    tests pass one shared by the whole session.
    """

    def __init__(
        self, directory: Path, *, facts_dir: Path | None = None, i18n: I18n | None = None,
        ad_checkers: AdCheckers | None = None,
    ) -> None:
        self.directory = directory
        self.facts_dir = facts_dir
        # Every reload is checked with the same catalogs (the bot's, when it passes them).
        self.i18n = i18n or I18n(LOCALES)
        self.matchers = DangerMatchers()
        self.ad_checkers = ad_checkers or AdCheckers()
        # Fail loudly at start.
        self._content = load_content(directory, facts_dir=facts_dir, i18n=self.i18n,
                                     ad_checkers=self.ad_checkers)

    @property
    def content(self) -> Content:
        """The current (last good) content."""
        return self._content

    def reload(self) -> list[Problem]:
        """Load again; on errors keep the current content. Returns the problems found."""
        content, problems = self.prepare()
        self.install(content)
        return problems

    def prepare(self) -> tuple[Content | None, list[Problem]]:
        """The blocking half of a reload (YAML, checks, the ad check's model, the danger-phrase
        matcher), safe in a worker thread: the content in use is not touched. Returns the new
        content (None with errors, which are logged) and the problems found."""
        content, problems = check_content(
            self.directory, facts_dir=self.facts_dir, require_facts=False, i18n=self.i18n,
            ad_checkers=self.ad_checkers,
        )
        if content is None:
            log.error(
                "content reload failed, keeping the previous content:\n%s",
                "\n".join(str(p) for p in problems if p.severity == "error"),
            )
        else:
            self.matchers.for_content(content)  # built here, not by the first message after
        return content, problems

    def install(self, content: Content | None) -> None:
        """Answer with `content` from now on (one assignment); None keeps the current one."""
        if content is not None:
            self._content = content
