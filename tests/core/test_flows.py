"""The questionnaires run to their end over the real content, with buttons and typed answers."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.content.branches import for_team
from bot.content.check import main as check_main
from bot.content.loader import ContentHolder
from bot.content.models import Content, Flow
from bot.core.adcheckers import AdCheckers
from bot.core.engine import DialogueEngine
from bot.core.flows import JOB_CHECK, SELF_CHECK
from bot.core.labels import MENU_LABELS
from bot.i18n import I18n
from tests.helpers.chat import Chat, alerts, payloads, texts


@pytest.fixture
def content(content_holder: ContentHolder) -> Content:
    return content_holder.content


def option(flow: Flow, question_index: int, option_id: str) -> str:
    question = flow.questions[question_index]
    assert any(o.id == option_id for o in question.options)
    return f"f:{flow.id}:{question.id}:{option_id}"


def level_text(flow: Flow, level: str, lang: str) -> str:
    return next(
        for_team(lv.text.get(lang), True).strip() for lv in flow.levels if lv.level == level
    )


async def run(chat: Chat, flow: Flow, answer: str) -> list[str]:
    """Answer every question with `answer`; return the texts of the last response."""
    response = await chat.press("m:job_check" if flow.id == JOB_CHECK else "m:self_check")
    assert payloads(response.replies[-1])[0].startswith(f"f:{flow.id}:")
    for index in range(len(flow.questions)):
        response = await chat.press(option(flow, index, answer))
    return texts(response)


def test_every_payload_fits_in_telegram_callback_data(content: Content) -> None:
    for flow in content.flows.values():
        for question in flow.questions:
            for opt in question.options:
                assert len(f"f:{flow.id}:{question.id}:{opt.id}".encode()) <= 64


@pytest.mark.parametrize("lang", ["ru", "be", "en"])
async def test_job_check_all_clear_ends_low(chat: Chat, content: Content, lang: str) -> None:
    chat.language_code = lang
    flow = content.flows[JOB_CHECK]
    said = await run(chat, flow, "no")
    assert said[-1].startswith(level_text(flow, "low", lang))
    assert for_team(flow.next_steps.get(lang), True).strip() in said[-1]


async def test_job_check_every_warning_ends_high_with_each_explanation(
    chat: Chat, content: Content
) -> None:
    chat.language_code = "en"
    flow = content.flows[JOB_CHECK]
    said = (await run(chat, flow, "yes"))[-1]
    assert said.startswith(level_text(flow, "high", "en"))
    flagged = [o for q in flow.questions for o in q.options if o.id == "yes" and o.score > 0]
    assert f"{len(flagged)} warning signs found" in said
    # The explanations are one tap away, so the first screen stays one phone screen.
    why = await chat.press(f"fw:{JOB_CHECK}")
    for opt in flagged:
        assert opt.explain is not None and opt.explain.get("en").strip() not in said
        assert opt.explain.get("en").strip() in why.replies[0].text


async def test_job_check_medium_with_russian_plural(chat: Chat, content: Content) -> None:
    chat.language_code = "ru"
    flow = content.flows[JOB_CHECK]
    await chat.press("m:job_check")
    # Two "not sure" answers (1 point each) and the rest "no": medium, two warning signs.
    for index in range(len(flow.questions)):
        await chat.press(option(flow, index, "unsure" if index < 2 else "no"))
    said = texts(chat.log[-1])[-1]
    assert said.startswith(level_text(flow, "medium", "ru"))
    assert "Найдено 2 тревожных признака" in said


async def test_typed_answers_by_number_and_label(chat: Chat, content: Content) -> None:
    chat.language_code = "ru"
    flow = content.flows[JOB_CHECK]
    await chat.press("m:job_check")
    second = await chat.say("2")
    assert second.replies[0].text.startswith("Вопрос 2 из 13")
    third = await chat.say("Нет")
    assert third.replies[0].text.startswith("Вопрос 3 из 13")
    unclear = await chat.say("ну как сказать")
    assert unclear.replies[-1].text.startswith("Вопрос 3 из 13")
    assert chat.engine is not None and flow.questions[2].id in payloads(unclear.replies[-1])[0]


async def test_self_check_all_clear_ends_low_without_alarm(chat: Chat, content: Content) -> None:
    chat.language_code = "be"
    flow = content.flows[SELF_CHECK]
    said = await run(chat, flow, "no")
    assert said[-1].startswith(level_text(flow, "low", "be"))
    assert "Знойдзена 0 трывожных прыкмет" in said[-1]


async def test_self_check_unsure_answers_offer_a_person(chat: Chat, content: Content) -> None:
    chat.language_code = "en"
    flow = content.flows[SELF_CHECK]
    await run(chat, flow, "unsure")
    last = chat.log[-1]
    assert payloads(last.replies[-1]) == ["h:yes", "h:no"]
    [alert] = alerts(await chat.press("h:yes"))
    assert alert.reason == "self_check"
    assert alert.risk_level in ("medium", "high")
    assert len(alert.summary) == len(flow.questions)
    assert {q.indicator for q in flow.questions} <= set(alert.indicators)


@pytest.mark.parametrize("lang", ["ru", "be", "en"])
async def test_strong_self_check_answer_opens_the_at_risk_path(
    chat: Chat, content: Content, lang: str
) -> None:
    chat.language_code = lang
    flow = content.flows[SELF_CHECK]
    await chat.command("/hotlines")
    await chat.press("c:DE")  # where the person is
    await chat.press("m:self_check")
    strong = next(o for o in flow.questions[0].options if o.strong)
    response = await chat.press(option(flow, 0, strong.id))
    first = response.replies[0].text
    assert first.startswith(content.messages.risk_intro.get(lang).strip())
    assert "112" in first
    assert payloads(response.replies[-1]) == ["h:yes", "h:no"]
    [alert] = alerts(await chat.press("h:yes"))
    assert alert.reason == "self_check" and alert.risk_level == "high"
    assert alert.indicators == (flow.questions[0].indicator,)
    assert alert.user_text is None


async def test_strong_answer_with_country_unknown_asks_the_country_then_offers(
    chat: Chat, content: Content
) -> None:
    flow = content.flows[SELF_CHECK]
    await chat.press("m:self_check")
    response = await chat.say("1")  # "Да" to the documents question
    assert "c:PL" in payloads(response.replies[1])
    chosen = await chat.press("c:CZ")
    assert payloads(chosen.replies[-1]) == ["h:yes", "h:no"]
    assert any(level_text(flow, "high", "ru") in t for t in texts(chosen))


async def test_an_old_button_does_not_derail_the_flow(chat: Chat, content: Content) -> None:
    flow = content.flows[JOB_CHECK]
    await chat.press("m:job_check")
    await chat.press(option(flow, 0, "no"))
    again = await chat.press(option(flow, 0, "yes"))  # pressed twice on question 1
    assert again.replies[0].text.startswith("Вопрос 2 из 13")


# ---------------------------------------------------------------------- the result's buttons
BUTTON_NAMED = re.compile(r"[«\"“]([^»\"”]+)[»\"”]")


@pytest.mark.parametrize("flow_id", [JOB_CHECK, SELF_CHECK])
@pytest.mark.parametrize("lang", ["ru", "be", "en"])
async def test_every_button_the_result_names_is_under_it(
    chat: Chat, content: Content, i18n: I18n, flow_id: str, lang: str
) -> None:
    chat.language_code = lang
    flow = content.flows[flow_id]
    await run(chat, flow, "no")
    result = chat.log[-1].replies[0]
    under = {b.label for row in result.buttons for b in row}
    menu = {i18n.translator(lang).gettext(label) for label in MENU_LABELS.values()}
    # "Нажмите «Горячие линии»" needs that button on the same screen.
    named = {n for n in BUTTON_NAMED.findall(flow.next_steps.get(lang)) if n in menu}
    assert named and named <= under, (named, under)


async def test_the_result_buttons_come_from_the_flow_yaml(
    make_engine: Callable[..., DialogueEngine], content_dir: Path, tmp_path: Path,
    ad_checkers: AdCheckers,
) -> None:
    copy = tmp_path / "content"
    shutil.copytree(content_dir, copy)
    path = copy / "flows" / "situation_check.yml"
    text = path.read_text(encoding="utf-8")
    assert "\nmenu: [hotlines, human, menu]\n" in text
    edited = "\nmenu: [hotlines, human, before_go]\n"
    path.write_text(text.replace("\nmenu: [hotlines, human, menu]\n", edited))
    holder = ContentHolder(copy, ad_checkers=ad_checkers)
    chat = Chat(make_engine(holder=holder), language_code="en")
    await run(chat, holder.content.flows[SELF_CHECK], "no")
    assert payloads(chat.log[-1].replies[0]) == ["m:hotlines", "m:human", "m:before_go", "m:menu"]


def test_a_typo_in_a_flow_menu_is_a_content_error(
    content_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "content"
    shutil.copytree(content_dir, copy)
    path = copy / "flows" / "job_offer_check.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\nmenu: [hotlines,", "\nmenu: [hotline,"), encoding="utf-8")
    assert check_main(["--dir", str(copy)]) == 1
    assert "unknown menu action 'hotline'" in capsys.readouterr().out
