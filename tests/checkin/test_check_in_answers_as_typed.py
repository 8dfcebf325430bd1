"""A check-in answered as people type on a phone ("Hi! How are things, all fine?"), through the
fake Bot API, a real redis-server and a fake clock: "👍", "+", "да всё ок", "vse norm", "так,
усё добра" are All fine, "хватит уже", "не пиши мне больше", "stop pls", "не пішы мне больш"
are Stop (content/checkin.yaml `typed_ok`, `typed_stop`, with `words.courtesy` after them and
a typed yes before All fine). Once so answered, the wait runs out with no "missed check-in"
alert to the night shift (break15's walk of issue 15: these were left unanswered, and for
"не пішы мне больш" the emergency screen came)."""

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


@pytest.mark.parametrize(("lang", "answer"), [
    ("ru", "👍"), ("ru", "👍🏻"), ("ru", "+"), ("ru", "да всё ок"), ("ru", "vse norm"),
    ("be", "так, усё добра"),
])
async def test_a_short_all_fine_is_an_answer(  # type: ignore[no-untyped-def]
    bot, fake_api, clock, lang: str, answer: str
) -> None:
    assert not await _team_alerted_after(bot, fake_api, clock, lang, answer)


@pytest.mark.parametrize(("lang", "answer"), [
    ("ru", "хватит уже"), ("ru", "не пиши мне больше"), ("en", "stop pls"),
    ("be", "не пішы мне больш"),
])
async def test_asking_to_stop_in_own_words_raises_no_missed_alert(  # type: ignore[no-untyped-def]
    bot, fake_api, clock, lang: str, answer: str
) -> None:
    assert not await _team_alerted_after(bot, fake_api, clock, lang, answer)


@pytest.mark.parametrize(("lang", "answer"), [
    ("ru", "🤔"), ("en", "?"), ("ru", "да всё ок, а как получить визу?"),
])
async def test_a_sign_or_a_question_that_answers_nothing_leaves_the_check_in_open(  # type: ignore[no-untyped-def]
    bot, fake_api, clock, lang: str, answer: str
) -> None:
    """The other side: no answer, so the wait runs out as for silence and the team is told."""
    assert await _team_alerted_after(bot, fake_api, clock, lang, answer)
