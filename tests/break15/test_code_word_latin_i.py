"""break15, walk of issue 15 part 3 (the silent alarm) as a Belarusian on a phone: many type
the Belarusian "і" with the Latin "i" (a Russian layout has no "і"; "дранiкi" is common
writing). The code word "дранікі" typed so raised no alarm, while "драники" (Russian "и")
did: a person who cannot write openly sent their word and nobody was told."""

from __future__ import annotations

import pytest

from bot.core.silent_alarm import INDICATOR
from tests.checkin.helpers import engine
from tests.helpers.chat import Chat, alerts

CYRILLIC_I = "дран\u0456к\u0456"  # дранікі, as a Belarusian layout types it
LATIN_I = "дран\u0069к\u0069"  # the same word with the Latin "i", as a Russian layout types it
RUSSIAN_I = "драники"


async def _alarm_after(set_as: str, typed: str, *, inside: bool = False) -> bool:
    chat = Chat(engine(None), language_code="be")
    await chat.command("/start")
    await chat.command("/codeword")
    await chat.say(set_as)
    await chat.press("sa:in:yes" if inside else "sa:in:no")
    response = await chat.say(typed)
    return any(INDICATOR in alert.indicators and alert.silent for alert in alerts(response))


async def test_the_word_typed_with_russian_i_raises_the_alarm() -> None:
    """The side that works: "и" for "і" is read as the same word."""
    assert await _alarm_after(CYRILLIC_I, RUSSIAN_I)


@pytest.mark.xfail(strict=True, reason="break15: a Latin 'i' for the Belarusian 'і' is not read "
                   "as the same letter in the code word: no silent alarm")
@pytest.mark.parametrize(("set_as", "typed", "inside"), [
    (CYRILLIC_I, LATIN_I, False),
    (LATIN_I, CYRILLIC_I, False),
    (CYRILLIC_I, f"я ела {LATIN_I} ўчора", True),
], ids=["set-cyrillic-typed-latin", "set-latin-typed-cyrillic", "inside-a-sentence"])
async def test_the_word_typed_with_latin_i_raises_the_alarm(
    set_as: str, typed: str, inside: bool
) -> None:
    assert await _alarm_after(set_as, typed, inside=inside)
