"""break15b's walk of issue 15, part 2: the check-in question comes and the person answers in
their own everyday words. Each of these got a reply that reads as if the answer was taken
("You are welcome! Take care…", "Калі ласка! Беражыце сябе…"), or, for "я в порядке", the
emergency numbers on a phone the neutral question was meant to protect, while the check-in
stayed unanswered: after the grace the team got "missed check-in" for someone who answered.

- "I'm ok" (the list has "i'm fine", "all ok", not "i'm ok");
- "я в порядке" (read by the triage as danger: 112 and the hotlines are shown);
- "всё отлично";
- "ўсё добра": Belarusian ў typed at the word's start (after a vowel the rules want it);
  "усё добра" counts, the ў is not folded to у as the code word folds it.

The calm side: "всё хорошо" under the same question still counts as *All fine*.
Fake Bot API over real HTTP, real redis-server, fake clock."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from tests.checkin.helpers import GRACE, INTERVAL, FakeClock, idle, set_up
from tests.handoff.telegram import OPS, HandoffBot, sent_to
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

QUESTION = {"ru": "Как дела, всё в порядке?", "be": "Як справы, усё ў парадку?",
            "en": "How are things, all fine?"}
UNREAD = [(9411, "en", "I'm ok"), (9412, "ru", "я в порядке"), (9413, "ru", "всё отлично"),
          (9414, "be", "ўсё добра")]


async def answer_check_in(person: Person, api: FakeBotAPI, clock: FakeClock,
                          said: str) -> tuple[str, list[str]]:
    """Set up, let the question come, type `said`; the reply and the team's missed alerts
    after the grace."""
    await person.say("/start")
    await set_up(person)
    mark = len(api.calls)
    clock.advance(INTERVAL + 1)
    await sent_to(api, person.chat_id, QUESTION[person.user["language_code"]], since=mark)
    replies = await person.say(said)
    mark = len(api.calls)
    clock.advance(GRACE + 1)
    await idle()
    missed = [c.text for c in api.calls_to("sendMessage", OPS, mark)
              if "missed check-in" in c.text]
    return "\n".join(c.text for c in replies), missed


@pytest.mark.parametrize(("user_id", "lang", "said"), UNREAD,
                         ids=[said for _, _, said in UNREAD])
async def test_an_everyday_all_fine_answers_the_check_in(
    fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot,
    user_id: int, lang: str, said: str,
) -> None:
    person = Person(bot, fake_api, user_id, lang)
    reply, missed = await answer_check_in(person, fake_api, clock, said)
    assert "112" not in reply and missed == [], (reply, missed)


async def test_all_good_typed_still_answers_the_check_in(
    fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot,
) -> None:
    person = Person(bot, fake_api, 9415, "ru")
    reply, missed = await answer_check_in(person, fake_api, clock, "всё хорошо")
    assert "Отлично" in reply and missed == []
