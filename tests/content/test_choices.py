"""Texts that depend on a choice are chosen by it (bot/content/choicechecks.py): on every branch
of every choice the person sees no promise that branch does not keep. Each branch through the
real engine (with and without an operators' chat, each consent answer), and each rule of the
check on an edited copy of the content.

Tests that break a file other than the job-ad check check a copy of the content without
it (`content_dir_without_ad_check`, tests/content/conftest.py): the ad check reads none of
those files, so it could add no problem and take none away.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from bot.content.branches import TEAM_MARK, for_team
from bot.content.choicechecks import CLAIMS
from bot.content.loader import check_content
from bot.content.preview import main as preview_main
from bot.core.adcheckers import AdCheckers
from bot.core.engine import DialogueEngine
from bot.core.events import Response
from bot.core.flows import SELF_CHECK
from bot.core.session_store import InMemorySessionStore
from bot.factory import build_triage
from bot.i18n import LANGUAGES
from tests.content.conftest import replace_once
from tests.helpers.chat import Chat, alerts, all_payloads, plain_settings, texts
from tests.helpers.engine import shared_content, shared_recognizer

AT_RISK = {
    "ru": "мне не платят зарплату и забрали паспорт",
    "be": "у мяне забралі пашпарт і не плацяць заробак",
    "en": "my employer took my passport and does not pay me",
}
PERSON = CLAIMS[0]  # "a person from our team is involved"
MESSAGES = CLAIMS[1]  # "the team sees what the person wrote"


def new_chat(language: str, *, team: bool) -> Chat:
    settings = plain_settings()
    engine = DialogueEngine(
        shared_content(),
        shared_recognizer(),
        build_triage(settings, shared_content().matchers),
        InMemorySessionStore(),
        shared_content().i18n,
        settings,
        handoff_available=team,
    )
    return Chat(engine, language_code=language)


async def walk(chat: Chat) -> list[Response]:
    """Every screen that names the team when there is one: onboarding, the situation check with
    warning signs, a risk answer, a country without a page, the capabilities."""
    await chat.command("/start")
    await chat.press("m:self_check")
    for question in shared_content().content.flows[SELF_CHECK].questions:
        await chat.press(f"f:{SELF_CHECK}:{question.id}:unsure")
    await chat.press(f"fw:{SELF_CHECK}")
    await chat.press("i:risk_wages_withheld")
    await chat.press("c:other")
    await chat.press("i:bot_capabilities")
    await chat.press("c:RU")
    await chat.press("m:menu")
    return chat.log


@pytest.mark.parametrize("language", LANGUAGES)
async def test_without_a_team_nothing_promises_a_person(language: str) -> None:
    chat = new_chat(language, team=False)
    log = await walk(chat)
    shown = [t for response in log for t in texts(response)]
    promises = [PERSON.words.search(t) for t in shown]
    assert [m.group() for m in promises if m] == []
    payloads = [p for response in log for p in all_payloads(response)]
    assert not any(p in ("m:human", "h:yes", "h:text", "i:human_operator") for p in payloads)
    assert [a for response in log for a in alerts(response)] == []
    # What is true either way is still said: the police warning on the "Other country" page.
    police = {"ru": "Звонок в полицию", "be": "Званок у паліцыю", "en": "Calling the police"}
    assert any(police[language] in t for t in shown)
    assert not any(TEAM_MARK in t for t in shown)


@pytest.mark.parametrize("language", LANGUAGES)
async def test_with_a_team_the_team_lines_and_button_are_there(language: str) -> None:
    chat = new_chat(language, team=True)
    log = await walk(chat)
    shown = [t for response in log for t in texts(response)]
    content = shared_content().content
    notice = for_team(content.messages.privacy_notice.get(language), True).strip()
    assert notice in shown and TEAM_MARK not in notice
    assert any(PERSON.words.search(t) for t in shown)
    assert not any(TEAM_MARK in t for t in shown)
    payloads = [p for response in log for p in all_payloads(response)]
    assert "m:human" in payloads and "h:yes" in payloads


@pytest.mark.parametrize("language", LANGUAGES)
async def test_the_privacy_notice_tells_what_check_ins_keep_and_for_how_long(
    language: str,
) -> None:
    # Before: "I keep only your language, your country and where you are in a questionnaire
    # ... deleted after 30 days", while a check-in plan keeps the employer's name and a contact
    # the person typed for up to 12 weeks and 3 days. Check-ins need the team: a [team] line.
    with_team = texts(await new_chat(language, team=True).command("/start"))
    assert any("/checkin" in t for t in with_team)
    without = texts(await new_chat(language, team=False).command("/start"))
    assert not any("/checkin" in t for t in without)


async def test_an_old_consent_button_without_a_team_raises_no_alert() -> None:
    # The offer was made while an operators' chat was set; the bot restarted without one.
    chat = new_chat("ru", team=False)
    pressed = await chat.press("h:yes")
    assert alerts(pressed) == []
    unreachable = shared_content().content.messages.handoff_unreachable.get("ru").strip()
    assert pressed.replies[0].text.startswith(unreachable)
    declined = await chat.press("h:no")
    assert alerts(declined) == [] and "m:human" not in all_payloads(declined)
    assert not any(PERSON.words.search(t) for t in texts(declined))


@pytest.mark.parametrize("language", LANGUAGES)
async def test_each_consent_answer_gets_the_text_of_its_branch(language: str) -> None:
    content = shared_content().content
    requested = content.messages.human_requested.get(language).strip()
    for choice, shares_text in (("yes", False), ("text", True)):
        chat = new_chat(language, team=True)
        await chat.say(AT_RISK[language])
        offer = await chat.press("c:PL")  # where the person is; then the offer
        assert "h:text" in all_payloads(offer)
        answered = await chat.press(f"h:{choice}")
        [alert] = alerts(answered)
        assert (alert.user_text is not None) is shares_text
        assert answered.replies[0].text.startswith(requested)
        assert not MESSAGES.words.search(answered.replies[0].text)  # true on both branches
    chat = new_chat(language, team=True)
    await chat.say(AT_RISK[language])
    await chat.press("c:PL")
    declined = await chat.press("h:no")
    assert alerts(declined) == [] and not declined.replies[0].text.startswith(requested)


# ------------------------------------------------------------------------ the check, rule by rule
def _errors(content_dir: Path, ad_checkers: AdCheckers) -> list[str]:
    _, problems = check_content(content_dir, ad_checkers=ad_checkers)
    return [f"{p.file}:{p.line}: {p.message}" for p in problems if p.severity == "error"]


def test_a_team_promise_shown_either_way_is_an_error(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    line = replace_once(
        content_dir_without_ad_check / "messages.yaml",
        "[team] • Не пишите своё имя",
        "• Не пишите своё имя",
    )
    errors = _errors(content_dir_without_ad_check, ad_checkers)
    assert len(errors) == 1, errors
    assert f"messages.yaml:{line - 6}: privacy_notice.ru: 'человек из нашей команды'" in errors[0]
    assert "shown on the branch 'no team'" in errors[0] and "[team]" in errors[0]


def test_a_team_promise_in_a_flow_level_is_an_error(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    replace_once(
        content_dir_without_ad_check / "flows" / "situation_check.yml",
        "Talk to a hotline.\\n[team] Or to a person from our team.",
        "Talk to a hotline or to a person from our team.",
    )
    errors = _errors(content_dir_without_ad_check, ad_checkers)
    assert len(errors) == 1 and "levels.1.text.en: 'person from our team'" in errors[0], errors


def test_a_team_promise_in_the_ad_checks_result_is_an_error(
    content_dir: Path, ad_checkers: AdCheckers
) -> None:
    """Single-section files (ad_check, silent_alarm, checkin) follow the same rule: the high
    risk level of a pasted ad must not promise a person where no operators' chat is set."""
    line = replace_once(
        content_dir / "ad_check.yaml",
        "\\n[team] You can talk this offer over with a person from our team.",
        " You can talk this offer over with a person from our team.",
    )
    errors = _errors(content_dir, ad_checkers)
    assert len(errors) == 1, errors
    assert f"ad_check.yaml:{line}: levels.2.text.en: 'person from our team'" in errors[0], errors


def test_out_of_hours_may_not_promise_a_soon_answer(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    replace_once(
        content_dir_without_ad_check / "messages.yaml",
        "Our team is not working right now. Your messages will be read on {when}.",
        "Our team is not working right now. A person will answer soon.",
    )
    errors = _errors(content_dir_without_ad_check, ad_checkers)
    assert len(errors) == 1 and "handoff_out_of_hours.en: 'soon'" in errors[0], errors
    assert "'closed'" in errors[0]


def test_the_queue_message_may_not_say_the_team_is_closed(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    replace_once(
        content_dir_without_ad_check / "messages.yaml",
        "Ваш запрос передан нашей команде. Ваш номер в очереди: {place}.",
        "Ваш запрос передан нашей команде, но она сейчас не работает. Номер в очереди: {place}.",
    )
    errors = _errors(content_dir_without_ad_check, ad_checkers)
    assert len(errors) == 1 and "handoff_queued.ru: 'не работает'" in errors[0], errors
    assert "'open'" in errors[0]


def test_the_unknown_country_page_may_not_claim_the_country(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    replace_once(
        content_dir_without_ad_check / "messages.yaml",
        "Ніжэй — міжнародныя каталогі, дзе можна знайсці лінію дапамогі ў Вашай краіне.",
        "Ніжэй — нумары для Вашай краіны.",
    )
    errors = _errors(content_dir_without_ad_check, ad_checkers)
    assert len(errors) == 1 and "other_country.be: 'для Вашай краіны'" in errors[0], errors
    assert "'country unknown'" in errors[0]


def test_without_a_team_a_marked_line_is_left_out() -> None:
    text = "Позвоните на горячую линию.\n[team] • Или нажмите «Поговорить с человеком».\nВсё."
    assert for_team(text, False) == "Позвоните на горячую линию.\nВсё."
    assert for_team(text, True) == (
        "Позвоните на горячую линию.\n• Или нажмите «Поговорить с человеком».\nВсё."
    )


@pytest.mark.parametrize("team", [True, False])
def test_preview_shows_either_branch(team: bool, capsys: pytest.CaptureFixture[str]) -> None:
    args = argparse.Namespace(target="situation_check", lang="ru", dir=None, no_team=not team)
    assert preview_main(args) == 0
    out = capsys.readouterr().out
    assert "[Чаму" not in out and "[Почему: тревожные признаки]" in out
    assert TEAM_MARK not in out
    assert ("[Поговорить с человеком]" in out) is team
    assert ("Или нажмите «Поговорить с человеком»" in out) is team


def test_a_team_mark_inside_a_line_is_an_error(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    replace_once(
        content_dir_without_ad_check / "messages.yaml",
        "      [team] • Do not write your name",
        "      • [team] Do not write your name",
    )
    errors = _errors(content_dir_without_ad_check, ad_checkers)
    # Misplaced, the mark would be shown, and the line it was meant to hide is shown too.
    assert len(errors) == 2, errors
    assert "privacy_notice.en: [team] is not at the start" in errors[0]
    assert "privacy_notice.en: 'person from our team'" in errors[1]
