"""break15b's walk of issue 15, part 2: the check-in question comes ("Привет! Как дела, всё в
порядке?") and the person answers the way people answer a friend on Telegram, with a 👍
sticker. A typed "👍" is *All fine* (content/checkin.yaml `typed_ok`); the sticker, whose
Bot API `emoji` is that same 👍, is not: the bot answers "Я умею читать только текстовые
сообщения… Если Вы в опасности, напишите «помогите»" (a word about danger under a question
chosen to look ordinary on a phone someone else may hold), the check-in stays unanswered, and
after the grace the team gets a "missed check-in" alert for someone who did answer.
The calm side: a sticker when no check-in waits gets the usual text-only answer.
Fake Bot API over real HTTP, real redis-server, fake clock."""

from __future__ import annotations

from redis.asyncio import Redis

from tests.checkin.helpers import GRACE, INTERVAL, FakeClock, idle, set_up
from tests.handoff.telegram import OPS, HandoffBot, sent_to
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

QUESTION = "Как дела, всё в порядке?"
TEXT_ONLY = "Я умею читать только текстовые сообщения"


def sticker(emoji: str) -> dict[str, object]:
    """A Bot API Sticker as Telegram sends it in a message."""
    return {"file_id": f"st-{ord(emoji[0])}", "file_unique_id": f"u-{ord(emoji[0])}",
            "type": "regular", "width": 512, "height": 512, "is_animated": False,
            "is_video": False, "emoji": emoji}


async def sticker_under_question(person: Person, api: FakeBotAPI, clock: FakeClock,
                                 emoji: str) -> tuple[str, list[str]]:
    """Set up, let the question come, send a sticker with `emoji`; the reply and the team's
    missed alerts after the grace."""
    await person.say("/start")
    await set_up(person)
    mark = len(api.calls)
    clock.advance(INTERVAL + 1)
    await sent_to(api, person.chat_id, QUESTION, since=mark)
    [reply] = await person.send(sticker=sticker(emoji))
    mark = len(api.calls)
    clock.advance(GRACE + 1)
    await idle()
    missed = [c.text for c in api.calls_to("sendMessage", OPS, mark)
              if "missed check-in" in c.text]
    return reply.text, missed


async def test_a_thumbs_up_sticker_answers_the_check_in_as_all_fine(
    fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot,
) -> None:
    reply, missed = await sticker_under_question(Person(bot, fake_api, 9311, "ru"), fake_api,
                                                 clock, "👍")
    assert "опасност" not in reply and missed == [], (reply, missed)


async def test_a_sticker_with_no_check_in_waiting_gets_the_text_only_answer(
    fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot,
) -> None:
    person = Person(bot, fake_api, 9312, "ru")
    await person.say("/start")
    [reply] = await person.send(sticker=sticker("👍"))
    assert TEXT_ONLY in reply.text


async def test_another_sticker_under_the_question_names_no_danger(
    fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot,
) -> None:
    """A 🐱 sticker answers nothing: the text-only answer, without "if you are in danger"
    under a question meant to look ordinary; the check-in still waits (missed after the
    grace)."""
    reply, missed = await sticker_under_question(Person(bot, fake_api, 9313, "ru"), fake_api,
                                                 clock, "🐱")
    assert "текстовые" in reply and "опасност" not in reply and missed, (reply, missed)
