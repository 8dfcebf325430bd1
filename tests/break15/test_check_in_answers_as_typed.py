"""break15, walk of issue 15 part 2 (check-ins) as a person answering "Hi! How are things, all
fine?" on a phone, through the fake Bot API, a real redis-server and a fake clock. These
answers did not count: the person was told "I can't help with that" (or got an unrelated
answer, or for "не пішы мне больш" the emergency screen), the question stayed open, and when
the wait ran out the night shift got a "missed check-in" alert (and the phone turned quiet)
for someone who had answered "👍", "vse norm" (README: "vse ok" counts) or asked to stop."""

from __future__ import annotations

import pytest

from tests.checkin.helpers import GRACE, INTERVAL, idle, set_up
from tests.handoff.telegram import OPS, sent_to
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

QUESTION = {"ru": "Как дела, всё в порядке?", "be": "Як справы, усё ў парадку?",
            "en": "How are things, all fine?"}


async def _team_alerted_after(bot, fake_api: FakeBotAPI, clock, lang: str,  # type: ignore[no-untyped-def]
                              answer: str) -> bool:
    person = Person(bot, fake_api, 9701, lang)
    await person.say("/start")
    await set_up(person)
    clock.advance(INTERVAL + 1)
    await sent_to(fake_api, person.chat_id, QUESTION[lang])
    await person.say(answer)
    mark = len(fake_api.calls)
    clock.advance(GRACE + 1)
    await idle(1.0)
    return any(c.method == "sendMessage" and c.chat_id == OPS and "Case #" in c.text
               for c in fake_api.calls[mark:])


async def test_a_plain_all_fine_is_an_answer(bot, fake_api, clock) -> None:  # type: ignore[no-untyped-def]
    """The side that works: "всё хорошо" answers the question; nobody is alerted."""
    assert not await _team_alerted_after(bot, fake_api, clock, "ru", "всё хорошо")


@pytest.mark.xfail(strict=True, reason="break15: a thumbs-up, '+', 'да всё ок', translit "
                   "'vse norm' or 'так, усё добра' is not read as All fine: a missed alert follows")
@pytest.mark.parametrize(("lang", "answer"), [
    ("ru", "👍"), ("ru", "+"), ("ru", "да всё ок"), ("ru", "vse norm"), ("be", "так, усё добра"),
])
async def test_a_short_all_fine_is_an_answer(bot, fake_api, clock, lang: str,  # type: ignore[no-untyped-def]
                                             answer: str) -> None:
    assert not await _team_alerted_after(bot, fake_api, clock, lang, answer)


@pytest.mark.xfail(strict=True, reason="break15: 'хватит уже', 'не пиши мне больше', 'stop pls', "
                   "'не пішы мне больш' typed under the question neither stop nor answer it")
@pytest.mark.parametrize(("lang", "answer"), [
    ("ru", "хватит уже"), ("ru", "не пиши мне больше"), ("en", "stop pls"),
    ("be", "не пішы мне больш"),
])
async def test_asking_to_stop_in_own_words_raises_no_missed_alert(  # type: ignore[no-untyped-def]
    bot, fake_api, clock, lang: str, answer: str
) -> None:
    assert not await _team_alerted_after(bot, fake_api, clock, lang, answer)
