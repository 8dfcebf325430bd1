"""A whole check-in setup typed without /checkin ("check on me every 2 days for 3 weeks, I'm
going to Poland") begins the setup with what it names, where check-ins run (Redis and a team);
where they do not (the console: no Redis), whoever asks for them, by the button, /checkin or
typed, is told so plainly in their language, with the hotlines and a person instead, never
another answer. Look-alikes ("my boss checks on me every day") get their usual answers.
The real engine in-process (sessions and plans in a real redis-server), and the fake Bot API
over real HTTP for both adapters (the console: tests/adapters/test_console_checkin_silent.py)."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from bot.checkin.store import PlanStore
from bot.checkin.typed_request import asks_for_checkins
from tests.checkin.helpers import SECRET_KEY, engine, screen_kinds, untag
from tests.checkin.test_destination_sealed import user_key
from tests.handoff.telegram import HandoffBot
from tests.helpers.chat import Chat, all_payloads, texts
from tests.helpers.engine import shared_content
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

CHECKIN = shared_content().content.checkin  # content's words

ASKED = {
    "ru": "проверяй меня каждые 2 дня 3 недели, я еду в Польшу",
    "be": "правярай мяне кожныя 2 дні 3 тыдні, я еду ў Польшчу",
    "en": "check on me every 2 days for 3 weeks, I'm going to Poland",
}
MORE_ASKED = (
    "Можешь проверять меня каждые 2 дня на 3 недели? Еду в Польшу",
    "калі ласка, правярай мяне кожныя 2 дні на 3 тыдні",
    "please check on me every other day for 3 weeks",
    "I want you to check on me every 2 days for 3 weeks",
)
# Look-alikes: someone else checks, no "me", no request, a question about a visa.
CALM = {
    "ru": ("нас проверяют каждые 2 дня", "как проверить агентство за 2 дня?",
           "я уезжаю на 3 недели в Польшу"),
    "be": ("нас правяраюць кожныя 2 дні", "як праверыць агенцтва за 2 дні?",
           "я еду на 3 тыдні ў Польшчу"),
    "en": ("my boss checks on me every day", "how do I check an agency in 2 days?",
           "I'm going to Poland for 3 weeks"),
}
NOT_HERE = {"ru": "Проверка связи в дороге здесь недоступна",
            "be": "Праверка сувязі ў дарозе тут недаступная",
            "en": "Check-ins on the road are not available here"}
HOTLINES = {"ru": "Горячие линии", "be": "Гарачыя лініі", "en": "Hotlines"}
LANGUAGES = pytest.mark.parametrize("language", ["ru", "be", "en"])
WEEK, DAY = 7 * 24 * 3600, 24 * 3600


def test_a_request_to_be_checked_on_is_read_only_as_a_request() -> None:
    for text in (*ASKED.values(), *MORE_ASKED):
        assert asks_for_checkins(text, CHECKIN), text
    for text in (t for calm in CALM.values() for t in calm):
        assert not asks_for_checkins(text, CHECKIN), text


@LANGUAGES
async def test_a_setup_typed_without_the_command_begins_it_with_what_it_names(
    language: str, redis_client: Redis
) -> None:
    chat = Chat(engine(redis_client), language_code=language)
    response = await chat.say(ASKED[language])
    # Every 2 days, 3 weeks, Poland: the wait for an answer is asked next, nothing repeated.
    kinds = {p.split(":")[1] for p in untag(all_payloads(response)) if p.startswith("ci:")}
    assert kinds == {"g", "x"}, texts(response)
    plan = await PlanStore(redis_client, SECRET_KEY).load(chat.user_key)
    assert plan is not None and plan.phase == "draft"
    assert (plan.interval_s, plan.duration_s, plan.country) == (2 * DAY, 3 * WEEK, "PL")


@LANGUAGES
async def test_look_alikes_get_their_usual_answers(language: str, redis_client: Redis) -> None:
    chat = Chat(engine(redis_client), language_code=language)
    for text in CALM[language]:
        response = await chat.say(text)
        assert not [p for p in all_payloads(response) if p.startswith("ci:")], text
    assert await PlanStore(redis_client, SECRET_KEY).load(chat.user_key) is None


@pytest.mark.parametrize(("framework", "language"), [("aiogram", "ru"), ("ptb", "en")])
async def test_a_setup_typed_without_the_command_over_the_bot_api(
    framework: str, language: str, fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 7831, language)
    await person.say("/start")
    replies = await person.say(ASKED[language])
    assert screen_kinds(replies) == {"g"}  # the wait is asked next
    plan = await PlanStore(redis_client, SECRET_KEY).load(user_key(7831))
    assert plan is not None and (plan.interval_s, plan.country) == (2 * DAY, "PL")
