"""break15, walk of issue 15 part 3: the code word is to be one "you would never write by
chance", and the bot refuses "да", "нет", "yes" and a check-in's answers for that reason. A
greeting or a thanks ("привет", "спасибо большое", "hello there", "як справы") was taken as
the code word with no word of warning: the next "Привет" to the bot raises a high-priority
alarm and turns the chat quiet (ordinary replies only) until the team writes."""

from __future__ import annotations

import pytest

from tests.checkin.helpers import engine
from tests.helpers.chat import Chat, all_payloads

ASKED_INSIDE = ("sa:in:yes", "sa:in:no")  # the word was taken: next comes "count it inside?"


async def _taken(language: str, word: str) -> bool:
    chat = Chat(engine(None), language_code=language)
    await chat.command("/start")
    await chat.command("/codeword")
    response = await chat.say(word)
    return any(p in ASKED_INSIDE for p in all_payloads(response))


async def test_an_unusual_word_is_taken() -> None:
    """The side that works: a word nobody writes by chance is taken."""
    assert await _taken("ru", "голубцы")


@pytest.mark.xfail(strict=True, reason="break15: a greeting or a thanks is taken as the code word "
                   "without a warning; it would raise the alarm the next time they greet the bot")
@pytest.mark.parametrize(("language", "word"), [
    ("ru", "привет"), ("ru", "спасибо большое"), ("be", "як справы"), ("en", "hello there"),
])
async def test_a_greeting_is_not_taken_as_the_code_word(language: str, word: str) -> None:
    assert not await _taken(language, word)
