"""Which warning signs an alert carries and how operators read them (issue 10, item 6): the
code word's silent alert after a danger taken back or a job ad checked, the case record that
takes a later alert's signs, and the marks' wording in every operator language."""

from __future__ import annotations

import pytest

from bot.config import REPO_ROOT
from bot.core.events import OperatorAlert
from bot.core.signs import FROM_AD, TAKEN_BACK
from bot.handoff.case import Case
from bot.handoff.case_facts import merged
from bot.handoff.labels import OperatorTexts
from bot.i18n import I18n
from tests.core.test_offer_wording import AD
from tests.core.test_silent_alarm import _set_word
from tests.helpers.chat import Chat, alerts

PASSPORT = "risk_documents_withheld"


async def _alarm(chat: Chat) -> tuple[str, ...]:
    await _set_word(chat)
    [alert] = alerts(await chat.say("Драники с грибами"))
    return alert.indicators


async def test_code_word_after_a_danger_taken_back_marks_it(chat: Chat) -> None:
    chat.language_code = "ru"
    await chat.command("/start")
    await chat.press("c:PL")
    await chat.say("у меня забрали паспорт")
    await chat.say("нет, я в безопасности, это был просто вопрос")
    signs = await _alarm(chat)
    assert TAKEN_BACK + PASSPORT in signs and PASSPORT not in signs
    assert "silent-alarm" in signs  # the alarm itself is current, whatever was taken back


async def test_code_word_after_a_danger_kept_shows_it_current(chat: Chat) -> None:
    chat.language_code = "ru"
    await chat.command("/start")
    await chat.press("c:PL")
    await chat.say("у меня забрали паспорт")
    await chat.say("как восстановить паспорт?")  # a question: nothing taken back
    signs = await _alarm(chat)
    assert PASSPORT in signs and TAKEN_BACK + PASSPORT not in signs


async def test_a_forwarded_taking_back_is_someone_elses_and_takes_nothing_back(
    chat: Chat,
) -> None:
    chat.language_code = "ru"
    await chat.command("/start")
    await chat.press("c:PL")
    await chat.say("у меня забрали паспорт")
    await chat.say("нет, я в безопасности, это был просто вопрос", forwarded=True)
    signs = await _alarm(chat)
    assert PASSPORT in signs and TAKEN_BACK + PASSPORT not in signs


async def test_code_word_after_an_ad_check_marks_its_flags_as_the_ads(chat: Chat) -> None:
    chat.language_code = "ru"
    await chat.command("/start")
    await chat.command("/checkad")
    await chat.say(AD)
    await chat.press("h:no")
    signs = await _alarm(chat)
    flags = [s for s in signs if s != "silent-alarm"]
    assert flags and all(s.startswith(FROM_AD + "rf-") for s in flags)


def _case(*signs: str) -> Case:
    return Case(id="1", user_key="k", pseudonym="P", reason="risk", language="ru",
                indicators=list(signs))


def _alert(*signs: str) -> OperatorAlert:
    return OperatorAlert(user_key="k", chat_key="c", reason="request", language="ru",
                         indicators=signs)


def test_the_case_record_takes_the_latest_form_of_a_sign_and_keeps_the_rest() -> None:
    taken = merged(_case(PASSPORT, "risk_wages_withheld"), _alert(TAKEN_BACK + PASSPORT))
    assert taken["indicators"].split("\n") == [TAKEN_BACK + PASSPORT, "risk_wages_withheld"]
    again = merged(_case(TAKEN_BACK + PASSPORT), _alert(PASSPORT, "emergency_now"))
    assert again["indicators"].split("\n") == [PASSPORT, "emergency_now"]
    assert merged(_case(PASSPORT), _alert(PASSPORT)) == {}  # nothing new: no note
    assert merged(_case(PASSPORT), _alert()) == {}  # never loses a sign


@pytest.mark.parametrize(("language", "taken", "ad"), [
    ("en", "Documents withheld (they took this back)",
     "rf-rush/rush (in a job ad they checked, not their own situation)"),
    ("ru", "(потом человек взял эти слова назад)", "(в объявлении о работе, которое"),
    ("be", "(потым чалавек узяў гэтыя словы назад)", "(у аб’яве пра працу, якую"),
])
def test_the_marks_read_in_every_operator_language(language: str, taken: str, ad: str) -> None:
    texts = OperatorTexts(I18n(REPO_ROOT / "locales").translator(language))
    assert taken in texts.indicator(TAKEN_BACK + PASSPORT)
    assert ad in texts.indicator(FROM_AD + "rf-rush/rush")
    assert texts.indicator(PASSPORT) in texts.indicator(TAKEN_BACK + PASSPORT)
