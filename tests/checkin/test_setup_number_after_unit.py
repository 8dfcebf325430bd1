"""A typed schedule read as people write it (walk of issue 15): the number after its unit
("Недели 3", "дня через 2", "тыдні 3", "weeks 3", "жду часов 6"), and "через 2 дня" answering
"how often?" (every 2 days, never the wait). What cannot be kept is asked again, naming the
range; nothing is set that the person did not write, and the confirm screen reads the plan
back before it starts. The other side: the usual order still reads as before, a sentence with
a unit and a number in it is still no setting, and "через" beside an interval is the wait.
Unit level, then the real engine on a real redis-server, ru/be/en."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from bot.checkin.plan import DAY, HOUR, WEEK
from bot.checkin.store import PlanStore
from bot.checkin.typed import typed_plan
from tests.checkin.helpers import SECRET_KEY, FakeClock, engine, untag
from tests.helpers.chat import Chat, all_payloads, texts
from tests.helpers.engine import shared_content

WORDS = shared_content().content.checkin.words.settings  # type: ignore[union-attr]

D, W = 24, 24 * 7
STEP_ORDER = {"interval": ("interval", "duration", "grace"), "duration": ("duration", "grace"),
              "grace": ("grace",)}


@pytest.mark.parametrize(("text", "step", "plan"), [
    ("проверяй меня каждые 2 дня, недели 3", "interval", {"interval": 2 * D, "duration": 3 * W}),
    ("каждые 2 дня недели 3", "interval", {"interval": 2 * D, "duration": 3 * W}),
    ("недели 3 каждые 2 дня", "interval", {"interval": 2 * D, "duration": 3 * W}),
    ("проверяй меня дня через 2 недели 3", "interval", {"interval": 2 * D, "duration": 3 * W}),
    ("дня через 2", "interval", {"interval": 2 * D}),
    ("дзён праз 2", "interval", {"interval": 2 * D}),
    ("через 2 дня", "interval", {"interval": 2 * D}),
    ("days 2", "interval", {"interval": 2 * D}),
    ("Недели 3", "duration", {"duration": 3 * W}),
    ("недели на 3", "duration", {"duration": 3 * W}),
    ("тыдні 3", "duration", {"duration": 3 * W}),
    ("weeks 3", "duration", {"duration": 3 * W}),
    ("every 2 days, weeks 3", "interval", {"interval": 2 * D, "duration": 3 * W}),
    ("кожныя 2 дні, тыдні 3", "interval", {"interval": 2 * D, "duration": 3 * W}),
    ("days 3 weeks 2", "interval", {"interval": 3 * D, "duration": 2 * W}),
    ("жду часов 6", "interval", {"grace": 6}),
    ("часов 12", "grace", {"grace": 12}),
    ("через 12 часов", "grace", {"grace": 12}),
])
def test_a_number_after_its_unit_is_that_units(text: str, step: str,
                                               plan: dict[str, int]) -> None:
    assert typed_plan(text, WORDS, STEP_ORDER[step], []) == plan  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "plan"), [
    # The usual order reads as before.
    ("каждый день 3 недели", {"interval": D, "duration": 3 * W}),
    ("2 дня 3 недели", {"interval": 2 * D, "duration": 3 * W}),
    ("штодня 3 тыдні", {"interval": D, "duration": 3 * W}),
    ("каждые 3 дня на 2 недели жду 12 часов", {"interval": 3 * D, "duration": 2 * W,
                                               "grace": 12}),
    # "через" beside an interval named otherwise is the wait.
    ("каждые 2 дня на 3 недели, через 12 часов", {"interval": 2 * D, "duration": 3 * W,
                                                   "grace": 12}),
    ("every day for 2 weeks, tell them after 12 hours", {"interval": D, "duration": 2 * W,
                                                          "grace": 12}),
])
def test_the_usual_order_and_the_wait_are_read_as_before(text: str, plan: dict[str, int]) -> None:
    assert typed_plan(text, WORDS) == plan


@pytest.mark.parametrize("text", ["не платят недели 3", "паспорт забрали дня 2 назад",
                                  "we waited weeks 3 for the visa"])
def test_a_sentence_with_a_unit_and_a_number_is_no_setting(text: str) -> None:
    assert typed_plan(text, WORDS) is None


async def setup_chat(redis_client: Redis, language: str) -> Chat:
    chat = Chat(engine(redis_client, FakeClock()), language_code=language)
    await chat.command("/start")
    await chat.command("/checkin")
    return chat


async def plan_of(redis_client: Redis, chat: Chat) -> tuple[int, int, int]:
    plan = await PlanStore(redis_client, SECRET_KEY).load(chat.user_key)
    assert plan is not None
    return plan.interval_s, plan.duration_s, plan.grace_s


ASK_DURATION = {"ru": "Как долго", "be": "Як доўга", "en": "For how long"}
ASK_GRACE = {"ru": "Сколько ждать", "be": "Колькі чакаць", "en": "How long should I wait"}


@pytest.mark.parametrize(("language", "interval", "duration"), [
    ("ru", "дня через 2", "Недели 3"), ("be", "дзён праз 2", "тыдні 3"),
    ("en", "days 2", "weeks 3")])
async def test_typed_step_by_step_the_number_after_the_unit_sets_that_step(
    redis_client: Redis, language: str, interval: str, duration: str
) -> None:
    chat = await setup_chat(redis_client, language)
    assert ASK_DURATION[language] in texts(await chat.say(interval))[0]
    assert ASK_GRACE[language] in texts(await chat.say(duration))[0]
    assert await plan_of(redis_client, chat) == (2 * DAY, 3 * WEEK, 0)


@pytest.mark.parametrize("language", ["ru", "be", "en"])
async def test_a_unit_with_its_number_after_out_of_range_is_asked_again_and_nothing_set(
    redis_client: Redis, language: str
) -> None:
    """"Недели 3" answering "how often?" is every 3 weeks: more than the longest button, so
    the same question comes with the range; nothing is set (never 3 weeks for how long)."""
    chat = await setup_chat(redis_client, language)
    again = await chat.say({"ru": "Недели 3", "be": "тыдні 3", "en": "weeks 3"}[language])
    assert "ci:i:2" in untag(all_payloads(again))
    assert await plan_of(redis_client, chat) == (0, 0, 0)


READ_BACK = {"ru": ("Между проверками: 2 дня", "Как долго: 3 недели", "Ждать ответа: 12 часов"),
             "be": ("Паміж праверкамі: 2 дні", "Як доўга: 3 тыдні", "Чакаць адказу: 12 гадзін"),
             "en": ("Between check-ins: 2 days", "For: 3 weeks", "Wait for an answer: 12 hours")}
REQUEST = {"ru": "проверяй меня каждые 2 дня, недели 3",
           "be": "правярай мяне кожныя 2 дні, тыдні 3",
           "en": "check on me every 2 days, weeks 3"}


@pytest.mark.parametrize("language", ["ru", "be", "en"])
async def test_the_plan_understood_is_read_back_before_it_starts(
    redis_client: Redis, language: str
) -> None:
    chat = Chat(engine(redis_client, FakeClock()), language_code=language)
    await chat.command("/start")
    asked = await chat.say(REQUEST[language])  # begins the setup without /checkin
    assert ASK_GRACE[language] in texts(asked)[0]
    await chat.press("ci:g:12")
    for payload in ("ci:c:PL", "ci:l:no", "ci:skip"):
        await chat.press(payload)
    confirm = await chat.press("ci:skip")
    shown = "\n".join(texts(confirm))
    assert all(line in shown for line in READ_BACK[language]), shown
    assert "ci:go" in untag(all_payloads(confirm))
    assert await plan_of(redis_client, chat) == (2 * DAY, 3 * WEEK, 12 * HOUR)
