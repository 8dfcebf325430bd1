"""The per-person rate limit slows a person down and never silences a message that shows risk."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from redis.asyncio import Redis

from bot.adapters.telegram.runner import EngineFactory
from bot.adapters.telegram.texts import FLOOD_NOTICE, TransportTexts
from bot.i18n import I18n
from tests.handoff.telegram import (
    OPS,
    HandoffBot,
    consent,
    pseudonym,
    reach_consent,
    sent_to,
    settings_for,
)
from tests.helpers.fake_bot_api import FakeBotAPI, message_update
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import Person, RunningBot, make_settings

Start = Callable[..., Awaitable[RunningBot]]
DANGER = "меня бьют, помогите"


async def burst(api: FakeBotAPI, person: Person, texts: list[str]) -> None:
    """Everything at once, as a frightened person types in short bursts."""
    for text in texts:
        await api.push(message_update(api, person.user, text=text))


async def settled(api: FakeBotAPI, bot: RunningBot) -> None:
    await bot.settle()
    await api.quiet(0.5)
    await bot.settle()


def flood_notice(bot: RunningBot) -> str:
    return TransportTexts(I18n(bot.settings.bot.locales_dir)).translate("ru", FLOOD_NOTICE)


async def test_a_burst_past_the_bucket_is_slowed_and_every_message_answered(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    running: Start, engine_factory: EngineFactory,
) -> None:
    # Five at once, then one every 12 s: the sixth waits for its turn and is not dropped.
    settings = make_settings(fake_api, framework, redis_server.url, rate_limit=5,
                             rate_burst=5, rate_max_delay_s=30)
    bot = await running(settings, engine_factory)
    person = Person(bot, fake_api, 7001, "ru")

    await burst(fake_api, person, [f"как найти работу в Польше {i}" for i in range(6)])
    await fake_api.wait_calls("sendMessage", 6, person.chat_id, within=60)
    await settled(fake_api, bot)

    texts = [c.text for c in fake_api.calls_to("sendMessage", person.chat_id)]
    assert flood_notice(bot) not in texts
    assert len(texts) >= 6  # one answer (or more) per message


async def test_a_danger_message_in_a_flood_is_answered_with_the_numbers(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    running: Start, engine_factory: EngineFactory,
) -> None:
    # Two messages, then one every 20 s, waiting at most 1 s: the rest of the burst is a flood.
    settings = make_settings(fake_api, framework, redis_server.url, rate_limit=3,
                             rate_burst=2, rate_max_delay_s=1)
    bot = await running(settings, engine_factory)
    person = Person(bot, fake_api, 7002, "ru")

    await burst(fake_api, person, [f"вопрос {i}" for i in range(8)])
    await fake_api.wait_calls("sendMessage", 1, person.chat_id)
    await settled(fake_api, bot)
    mark = len(fake_api.calls)
    replies = await person.say(DANGER)

    texts = [c.text for c in fake_api.calls_to("sendMessage", person.chat_id)]
    assert texts.count(flood_notice(bot)) == 1  # one notice, not one per message
    assert replies and "112" in replies[0].text  # past the limit, still the numbers first
    assert fake_api.calls_to("sendMessage", person.chat_id, since=mark)[0] is replies[0]


async def test_presses_in_a_questionnaire_are_counted_apart_from_text(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    running: Start, engine_factory: EngineFactory,
) -> None:
    settings = make_settings(fake_api, framework, redis_server.url, rate_limit=3,
                             rate_burst=2, rate_max_delay_s=1)
    bot = await running(settings, engine_factory)
    person = Person(bot, fake_api, 7003, "ru")
    await burst(fake_api, person, [f"вопрос {i}" for i in range(4)])  # the text bucket is empty
    await fake_api.wait_calls("sendMessage", 1, person.chat_id)
    await settled(fake_api, bot)

    replies = await person.press("m:job_check")
    for _ in range(4):  # briskly through the job-offer check: buttons have their own bucket
        option = next(p for c in replies for p in c.payloads if p.startswith("f:"))
        replies = await person.press(option)

    assert any(c.text.startswith("Вопрос 5 из") for c in replies)


async def test_in_a_case_a_danger_message_past_the_limit_reaches_the_operators(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
) -> None:
    settings = settings_for(fake_api, framework, redis_server.url)
    settings.bot = settings.bot.model_copy(update={
        "rate_limit_per_minute": 3, "rate_burst": 2, "rate_max_delay_s": 1})
    bot = HandoffBot(settings)
    await bot.start()
    try:
        person = Person(bot, fake_api, 7004, "ru")
        await reach_consent(person)  # /start and the at-risk message use up the text bucket
        await consent(person)
        await sent_to(fake_api, OPS, pseudonym(7004))
        await burst(fake_api, person, [f"алло {i}" for i in range(4)])
        await settled(fake_api, bot)
        mark = len(fake_api.calls)

        await person.say(DANGER, replies=0)

        [relayed] = await sent_to(fake_api, OPS, DANGER, since=mark)
        assert "⚠️" in relayed.text
    finally:
        await bot.stop()
