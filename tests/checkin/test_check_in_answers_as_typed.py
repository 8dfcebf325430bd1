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


@pytest.mark.parametrize(("lang", "answer", "answered"), [
    ("ru", "всё хорошо", True),
    # All fine, as a sign alone, after a typed yes, in translit.
    ("ru", "👍", True), ("ru", "👍🏻", True), ("ru", "+", True), ("ru", "да всё ок", True),
    ("ru", "vse norm", True), ("be", "так, усё добра", True),
    # Stop asking, in their own words, courtesy after it.
    ("ru", "хватит уже", True), ("ru", "не пиши мне больше", True), ("en", "stop pls", True),
    ("be", "не пішы мне больш", True),
    # The other side: no answer, so the wait runs out as for silence and the team is told.
    ("ru", "🤔", False), ("en", "?", False), ("ru", "да всё ок, а как получить визу?", False),
])
async def test_a_check_in_answered_in_own_words_raises_no_missed_alert(  # type: ignore[no-untyped-def]
    bot, fake_api, clock, lang: str, answer: str, answered: bool
) -> None:
    assert await _team_alerted_after(bot, fake_api, clock, lang, answer) is not answered
