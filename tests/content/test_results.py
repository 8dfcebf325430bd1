"""A questionnaire's result is written for a phone: the essentials on the first screen (the
risk level, the count of warning signs, what to do now, the flow's buttons) and why each answer
is a warning sign behind "Why: warning signs". Driven through the real engine in ru, be, en.

Tests that break a file other than the job-ad check check a copy of the content without
it (`content_dir_without_ad_check`, tests/content/conftest.py): the ad check reads none of
those files, so it could add no problem and take none away.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content.branches import for_team
from bot.content.loader import check_content
from bot.content.models import Content, Flow
from bot.core.adcheckers import AdCheckers
from bot.core.engine import DialogueEngine
from bot.core.flows import FIRST_SCREEN, JOB_CHECK, SELF_CHECK
from bot.core.session_store import InMemorySessionStore
from bot.factory import build_triage
from bot.i18n import LANGUAGES
from tests.content.conftest import replace_once
from tests.helpers.chat import Chat, payloads, plain_settings
from tests.helpers.engine import shared_content, shared_recognizer

COUNT_11 = {
    "ru": "Найдено 11 тревожных признаков",
    "be": "Знойдзена 11 трывожных прыкмет",
    "en": "11 warning signs found",
}
WHY_LABEL = {
    "ru": "Почему: тревожные признаки",
    "be": "Чаму: трывожныя прыкметы",
    "en": "Why: warning signs",
}
OVER = {
    "ru": "Эта анкета уже завершена.",
    "be": "Гэтая анкета ўжо скончана.",
    "en": "This questionnaire is over.",
}


@pytest.fixture
def content() -> Content:
    return shared_content().content


def new_chat(language: str, *, handoff: bool = True) -> Chat:
    settings = plain_settings()
    engine = DialogueEngine(
        shared_content(),
        shared_recognizer(),
        build_triage(settings, shared_content().matchers),
        InMemorySessionStore(),
        shared_content().i18n,
        settings,
        handoff_available=handoff,
    )
    return Chat(engine, language_code=language)


async def answer_all(chat: Chat, flow: Flow, option_id: str) -> None:
    await chat.press("m:self_check" if flow.id == SELF_CHECK else "m:job_check")
    for question in flow.questions:
        await chat.press(f"f:{flow.id}:{question.id}:{option_id}")


def explanations(flow: Flow, option_id: str, language: str) -> list[str]:
    found = []
    for question in flow.questions:
        option = next(o for o in question.options if o.id == option_id)
        assert option.explain is not None
        found.append(option.explain.get(language).strip())
    return found


@pytest.mark.parametrize("language", LANGUAGES)
async def test_every_sign_flagged_keeps_the_first_screen_short(
    content: Content, language: str
) -> None:
    # Every answer "Not sure": eleven warning signs, each with its explanation. Before, each
    # explanation was on the first screen: 2,000 characters, three phone screens.
    flow = content.flows[SELF_CHECK]
    chat = new_chat(language)
    await answer_all(chat, flow, "unsure")
    result, offer = chat.log[-1].replies
    high = next(lv for lv in flow.levels if lv.level == "high")
    assert len(result.text) <= FIRST_SCREEN
    assert result.text.startswith(for_team(high.text.get(language), True).strip())
    assert COUNT_11[language] in result.text
    assert for_team(flow.next_steps.get(language), True).strip() in result.text
    assert not any(e in result.text for e in explanations(flow, "unsure", language))
    assert payloads(result) == [f"fw:{SELF_CHECK}", "m:hotlines", "m:human", "m:menu"]
    assert result.buttons[0][0].label == WHY_LABEL[language]
    assert payloads(offer) == ["h:yes", "h:no"]  # the offer of a person follows, as before

    why = (await chat.press(f"fw:{SELF_CHECK}")).replies
    assert len(why) == 1
    shown = why[0].text
    assert shown.startswith(COUNT_11[language])
    positions = [shown.index(e) for e in explanations(flow, "unsure", language)]
    assert positions == sorted(positions)  # in the order of the questions
    assert payloads(why[0]) == ["m:hotlines", "m:human", "m:menu"]


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_strong_answer_result_has_the_why_button(content: Content, language: str) -> None:
    flow = content.flows[SELF_CHECK]
    chat = new_chat(language)
    await chat.command("/hotlines")
    await chat.press("c:PL")  # where the person is
    await chat.press("m:self_check")
    response = await chat.press(f"f:{SELF_CHECK}:documents:yes")
    result = next(r for r in response.replies if f"fw:{SELF_CHECK}" in payloads(r))
    assert len(result.text) <= FIRST_SCREEN
    assert "m:human" not in payloads(result)  # the offer of a person follows at once
    why = (await chat.press(f"fw:{SELF_CHECK}")).replies[0].text
    assert explanations(flow, "yes", language)[0] in why


async def test_no_warning_sign_no_why_button(content: Content) -> None:
    chat = new_chat("be")
    await answer_all(chat, content.flows[SELF_CHECK], "no")
    [result] = chat.log[-1].replies
    assert "Знойдзена 0 трывожных прыкмет" in result.text
    assert payloads(result) == ["m:hotlines", "m:human", "m:menu"]


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_why_button_of_a_forgotten_questionnaire_says_it_is_over(
    content: Content, language: str
) -> None:
    chat = new_chat(language)
    await answer_all(chat, content.flows[JOB_CHECK], "yes")
    assert f"fw:{JOB_CHECK}" in payloads(chat.log[-1].replies[0])
    await chat.press("m:self_check")  # another questionnaire started: the old answers are gone
    stale = await chat.press(f"fw:{JOB_CHECK}")
    assert stale.replies[0].text == OVER[language]
    assert "m:self_check" in payloads(stale.replies[0])  # the main menu


def test_a_result_screen_past_one_phone_screen_is_an_error(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    # An editor lengthens the advice: with every warning sign found the Russian first screen
    # passes 700 characters; the check measures the worst case, whatever the answers were.
    line = replace_once(
        content_dir_without_ad_check / "flows" / "situation_check.yml",
        "    • Сначала — Ваша безопасность: работодателю ничего говорить не нужно.\n",
        "    • Сначала — Ваша безопасность: работодателю ничего говорить не нужно, "
        "даже если он спрашивает, куда Вы идёте и с кем говорите.\n",
    )
    assert line > 0
    _, problems = check_content(content_dir_without_ad_check, ad_checkers=ad_checkers)
    errors = [p.message for p in problems if p.severity == "error"]
    assert len(errors) == 3, errors  # low, medium and high, Russian only
    assert all(", ru: the first screen of the result is" in e for e in errors)
    assert errors[0].startswith("levels.0 (low), ru:")


def test_explanations_longer_than_one_message_are_an_error(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    replace_once(
        content_dir_without_ad_check / "flows" / "job_offer_check.yml",
        "Несколько платежей подряд — тоже тревожный знак.",
        "Несколько платежей подряд — тоже тревожный знак. " + "Подробности важны. " * 200,
    )
    _, problems = check_content(content_dir_without_ad_check, ad_checkers=ad_checkers)
    assert any(
        "ru: the explanations of all warning signs are" in p.message and p.severity == "error"
        for p in problems
    ), problems


def test_a_country_page_past_one_phone_screen_is_an_error(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    # The country pages' first screen was checked only by a test; now by `content check` too.
    replace_once(
        content_dir_without_ad_check / "countries.yaml",
        "        Ваш выбор, а не обязанность.\n",
        "        Ваш выбор, а не обязанность." + " Это важно знать до отъезда." * 20 + "\n",
    )
    content, problems = check_content(content_dir_without_ad_check, ad_checkers=ad_checkers)
    errors = [p.message for p in problems if p.severity == "error"]
    assert content is None
    assert len(errors) == 1 and errors[0].startswith("BY, ru: the first screen of the page is")


@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_strong_answer_result_names_only_buttons_it_shows(language: str) -> None:
    # Before: the result said 'Or press "Talk to a person"' while that button was left out (the
    # offer of a person follows at once, with "Yes"/"No"): a frightened person looks for a
    # button that is not there. Every menu button the result names in quotes must be under it.
    chat = new_chat(language)
    menu = (await chat.command("/start")).replies[-1]
    labels = [b.label for row in menu.buttons for b in row]
    await chat.command("/hotlines")
    await chat.press("c:PL")
    await chat.press("m:self_check")
    response = await chat.press(f"f:{SELF_CHECK}:documents:yes")
    result = next(r for r in response.replies if f"fw:{SELF_CHECK}" in payloads(r))
    shown = [b.label for row in result.buttons for b in row]
    named = [label for label in labels
             if f"«{label}»" in result.text or f'"{label}"' in result.text]
    assert named and set(named) <= set(shown), (named, shown)
