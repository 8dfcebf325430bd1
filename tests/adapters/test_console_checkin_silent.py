"""`python -m bot chat` in-process (ConsoleChat over the real engine, no Redis, as the console
runs): check-ins asked for (typed, /checkin, the menu button) are said to be unavailable here,
in the person's language, with what to do instead; after a silent alarm, with no case to relay
to, every text gets the ordinary `later_reply` (a danger phrase the numbers), never a refusal.
ru, be, en; the calm other side: questions that do not ask for check-ins get no such notice."""

from __future__ import annotations

import io

import pytest

from bot.adapters.console import ConsoleChat
from tests.checkin.helpers import engine
from tests.checkin.test_setup_typed_without_command import ASKED, CALM, HOTLINES, NOT_HERE
from tests.handoff.test_silent_alarm_how_are_you import DANGER, HOW_ARE_YOU, LATER, WORD
from tests.helpers.chat import Chat, all_payloads, texts

LANGUAGES = pytest.mark.parametrize("language", ["ru", "be", "en"])


@LANGUAGES
async def test_console_asking_for_checkins_is_told_they_are_not_available_here(
    language: str,
) -> None:
    """The console (`python -m bot chat`) has no Redis: typed, by /checkin or by the menu
    button, the person hears that check-ins are not available here and what to do instead."""
    out = io.StringIO()
    console = ConsoleChat(engine(None), out, language)
    for line in (ASKED[language], "/checkin", "/checkin каждые 2 дня"):
        out.seek(0), out.truncate()
        await console.send(line)
        shown = out.getvalue()
        assert NOT_HERE[language] in shown, (line, shown)
        assert f"] {HOTLINES[language]}" in shown  # the hotlines button instead
    chat = Chat(engine(None), language_code=language)
    [reply] = (await chat.press("m:checkin")).replies
    assert NOT_HERE[language] in reply.text and "m:hotlines" in all_payloads(
        await chat.press("m:checkin"))
    for text in CALM[language]:  # nothing about check-ins to those who did not ask
        assert not any(NOT_HERE[language] in t for t in texts(await chat.say(text))), text


@pytest.mark.parametrize("language", ["ru", "be", "en"])
async def test_console_after_the_silent_alarm_how_are_you_is_ordinary(
    language: str,
) -> None:
    """No Redis, no case: the engine itself answers as the case's relay would."""
    out = io.StringIO()
    console = ConsoleChat(engine(None), out, language)
    for line in ("/start", "/codeword", WORD[language], "2", WORD[language]):
        await console.send(line)
    # A check-in setup typed there would name check-ins: ordinary too.
    for text in (HOW_ARE_YOU[language], "привет / hi", "what is the weather there?",
                 "проверяй меня каждые 2 дня 3 недели"):
        out.seek(0), out.truncate()
        await console.send(text)
        shown = out.getvalue().strip()
        assert shown == LATER[language], (text, shown)
    out.seek(0), out.truncate()
    await console.send(DANGER[language])  # the other side: danger still gets the numbers
    assert "112" in out.getvalue()
