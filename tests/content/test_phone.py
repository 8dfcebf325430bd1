"""Written for a phone: short first screens, the rest behind buttons that work, each number
once, police lines named as such, and every destination with its own emergency numbers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.content.facts import phone_key
from bot.content.loader import check_content
from bot.content.models import Content
from bot.core.adcheckers import AdCheckers
from bot.core.engine import DialogueEngine
from bot.core.replies import Replies
from bot.core.session_store import InMemorySessionStore
from bot.factory import build_triage
from bot.i18n import LANGUAGES
from tests.content.conftest import replace_once
from tests.helpers.chat import Chat, payloads, plain_settings
from tests.helpers.engine import shared_content, shared_recognizer

FIRST_SCREEN = 700
NEW_PAGES = {"IT", "ES", "NL", "SK", "FI", "EE", "KZ", "GE", "AM"}
NATIONAL_EMERGENCY = {"RU": "112", "TR": "112", "IL": "100", "GB": "999", "US": "911"}
# EU member states (ISO 3166): where "112 works in every EU country" is true.
EU = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
      "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"}  # fmt: skip


@pytest.fixture(scope="module")
def content() -> Content:
    return shared_content().content


def replies(content: Content, language: str) -> Replies:
    return Replies(content, shared_content().i18n.translator(language))


def test_the_new_destinations_have_pages(content: Content) -> None:
    assert set(content.countries) >= NEW_PAGES | {"BY", "PL", "RU"}
    for code in NEW_PAGES:
        assert content.countries[code].emergency, code


@pytest.mark.parametrize(("code", "number"), sorted(NATIONAL_EMERGENCY.items()))
@pytest.mark.parametrize("language", LANGUAGES)
def test_national_emergency_numbers_come_first(
    content: Content, code: str, number: str, language: str
) -> None:
    page = replies(content, language).country_page(content.countries[code]).text
    first_number = re.search(r"\n(\+?\d[\d \-]*)(?: —|\n|$)", page)
    assert first_number and phone_key(first_number.group(1)) == number, page


def test_the_eu_112_entry_is_only_on_eu_pages(content: Content) -> None:
    for code, country in content.countries.items():
        regions = {content.hotlines[ref].country for ref in country.emergency}
        if "EU" in regions:
            assert code in EU, f"{code} shows '112 works in every EU country' but is not in the EU"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_first_screen_fits_a_phone(content: Content, language: str) -> None:
    r = replies(content, language)
    too_long = {
        code: len(r.country_page(country).text)
        for code, country in content.countries.items()
        if len(r.country_page(country).text) > FIRST_SCREEN
    }
    too_long |= {
        intent: len(r.answer(answer).text)
        for intent, answer in content.answers.items()
        if len(r.answer(answer).text) > FIRST_SCREEN
    }
    assert too_long == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_number_is_shown_once_and_one_line_each(content: Content, language: str) -> None:
    r = replies(content, language)
    for code, country in content.countries.items():
        for screen in (r.country_page(country), r.hotlines_page(country)):
            numbers = [
                phone_key(line.split(" — ")[0])
                for line in screen.text.splitlines()
                if re.match(r"^\+?[\d(][\d \-()]+\d( —|$)", line)
            ]
            assert len(numbers) == len(set(numbers)), (code, numbers)
    poland = r.country_page(content.countries["PL"]).text
    assert re.findall(r"(?m)^112\b", poland) == ["112"]


def test_police_lines_say_so_on_the_page(content: Content) -> None:
    # The facts call these police lines or say they pass callers' words to the police.
    for hotline_id in ("es-policia-trata", "es-a21-act-line", "am-police-trafficking-line",
                       "nl-emergency-police-reporting", "ru-emergency"):  # fmt: skip
        hotline = content.hotlines[hotline_id]
        for language in LANGUAGES:
            said = " ".join(
                [hotline.note.get(language) if hotline.note else ""]
                + [p.label.get(language) for p in hotline.phones if p.label]
            ).lower()
            assert re.search(r"полиц|паліц|police", said), (hotline_id, language)


def test_only_one_or_two_sources_are_shown_and_as_short_links(content: Content) -> None:
    r = replies(content, "ru")
    for answer in content.answers.values():
        assert len(answer.sources) <= 2
        reply = r.answer(answer)  # where the person is not known: no country's own page
        links = [b for row in reply.buttons for b in row if b.url]
        assert [b.url for b in links] == [s.url for s in answer.sources if s.country is None]
        for code in {s.country for s in answer.sources if s.country}:  # a person there: theirs
            there = [b.url for row in r.answer(answer, where=code).buttons for b in row if b.url]
            assert there == [s.url for s in answer.sources if s.country in (None, code)]
        assert all(len(b.label) <= 40 for b in links)
        assert "http" not in reply.text.split("\n")[-1]


async def test_the_page_buttons_open_their_part() -> None:
    settings = plain_settings()
    engine = DialogueEngine(
        shared_content(),
        shared_recognizer(),
        build_triage(settings, shared_content().matchers),
        InMemorySessionStore(),
        shared_content().i18n,
        settings,
    )
    chat = Chat(engine, language_code="be")
    await chat.command("/start")
    page = shared_content().content.countries["ES"]
    shown = replies(shared_content().content, "be").country_page(page)
    assert {"cp:ES:legal", "cp:ES:sources", "i:contract_advice", "m:hotlines"} <= set(
        payloads(shown)
    )
    legal = await chat.press("cp:ES:legal")
    assert page.legal_work.get("be").split()[0] in legal.replies[0].text
    sources = await chat.press("cp:ES:sources")
    assert any(b.url == page.sources[0].url for row in sources.replies[0].buttons for b in row)
    more = await chat.press("a:travel_safety_plan")
    travel = shared_content().content.answers["travel_safety_plan"]
    assert travel.more is not None
    assert more.replies[0].text == travel.more.get("be").strip()


def test_a_police_line_without_saying_so_is_an_error(
    content_dir: Path, ad_checkers: AdCheckers
) -> None:
    # The facts: A21's line passes what callers say to the police.
    replace_once(
        content_dir / "hotlines.yaml",
        "НКО, но полученные сведения передаются в полицию (по соглашению с Национальной полицией)."
        " Знайте это до звонка.",
        "НКО.",
    )
    _, problems = check_content(content_dir, ad_checkers=ad_checkers)
    assert [p.message for p in problems if p.severity == "error"] == [
        "the facts say this is a police line or that what callers say reaches the police; "
        "say so plainly in `note:` (ru)"
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_checked_on_is_said_only_of_lines_an_editor_checked(
    content: Content, language: str
) -> None:
    # `last_checked` of an unverified line is when the facts were compiled from stored pages,
    # not a check: the page must not say "Checked on" then (a fresh tester read it as one).
    checked_on = shared_content().i18n.translator(language).gettext("Checked on {date}.")
    prefix = checked_on.split("{date}")[0]
    poland = content.countries["PL"]
    page = replies(content, language).hotlines_page(poland).text
    assert prefix not in page
    assert content.messages.unverified_hotlines.get(language) in page
    verified = {i: h.model_copy(update={"verified_by_editor": True})
                for i, h in content.hotlines.items()}
    edited = content.model_copy(update={"hotlines": verified})
    page = replies(edited, language).hotlines_page(poland).text
    assert prefix in page and content.messages.unverified_hotlines.get(language) not in page
