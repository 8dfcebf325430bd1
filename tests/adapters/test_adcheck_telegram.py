"""The job-ad check over real HTTP (fake Bot API) and a real Redis, for aiogram and PTB."""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from redis.asyncio import Redis

from bot.adapters.telegram.runner import EngineFactory
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import Person, RunningBot, make_settings

# A recruiter's message as it arrives forwarded: short, in someone else's words.
RECRUITER = (
    "Девочки, срочно! Работа хостес в Дубае, 18-25 лет, приятная внешность. "
    "Паспорт оставите у координатора, билет в долг. Пиши в телеграм @dubai_hostess_now"
)


Start = Callable[..., Awaitable[RunningBot]]


async def _value(redis: Redis, key: str) -> Any:
    """Whatever a key holds, whatever its type (sessions, queues, case records)."""
    kind = await redis.type(key)
    readers = {
        "string": redis.get, "hash": redis.hgetall, "set": redis.smembers,
        "list": lambda k: redis.lrange(k, 0, -1), "zset": lambda k: redis.zrange(k, 0, -1),
        "stream": redis.xrange,
    }
    return await readers[kind](key) if kind in readers else None

# The operators' supergroup: a human is offered only where someone can read the case.
OPS = -1009876543


async def test_forwarded_recruiter_message_gets_its_red_flags(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    running: Start, engine_factory: EngineFactory,
) -> None:
    bot: RunningBot = await running(
        make_settings(fake_api, framework, redis_server.url, operator_chat_id=OPS), engine_factory
    )
    person = Person(bot, fake_api, 3101, "ru")
    await person.say("/start")
    origin = {"type": "hidden_user", "sender_user_name": "Recruiter", "date": int(time.time())}

    offer = await person.send(text=RECRUITER, forward_origin=origin)
    assert any(p.startswith("ad:check") for call in offer for p in call.payloads)

    report = await person.press("ad:check")
    text = "\n".join(call.text for call in report)
    assert "Паспорт нужно отдать" in text
    assert "Паспорт оставите у координатора" in text  # the ad's own words, quoted
    assert "Уровень риска: высокий" in text
    assert any("h:yes" in call.payloads for call in report)  # a human is offered
    stored = json.dumps([await _value(redis_client, k) for k in await redis_client.keys("*")])
    assert "координатора" not in stored and "dubai_hostess_now" not in stored


# An ad with danger words in it, pasted by someone who asked for a check (issue 15, adcheck8).
DANGER_AD = (
    "Предлагаем работу танцовщицей в клубе в Турции. Возраст до 25, рост от 170, фото в "
    "купальнике прислать. Билеты в долг, отработаешь. Паспорт будет у администратора."
)
# What the adcheck8 tests need: a bot with an operators' chat, over a flushed Redis (a Redis
# left with an earlier test's update ids would drop this test's updates as already seen).
MakePerson = Callable[[int, str], Awaitable[Person]]


@pytest.fixture
def ad_person(framework: str, fake_api: FakeBotAPI, redis_server: RedisServer,
              redis_client: Redis, running: Start, engine_factory: EngineFactory) -> MakePerson:
    """A person (user id, language) who has sent /start to a bot with an operators' chat."""
    async def make(user_id: int, language: str) -> Person:
        bot: RunningBot = await running(
            make_settings(fake_api, framework, redis_server.url, operator_chat_id=OPS),
            engine_factory,
        )
        person = Person(bot, fake_api, user_id, language)
        await person.say("/start")
        return person

    return make


def _payloads(calls: list[Any]) -> list[str]:
    return [p for call in calls for p in call.payloads]


def _text(calls: list[Any]) -> str:
    return "\n".join(call.text for call in calls)


async def test_adcheck8_an_ad_with_danger_words_after_checkad_is_checked_not_an_emergency(
    ad_person: MakePerson, fake_api: FakeBotAPI
) -> None:
    person = await ad_person(3102, "ru")
    await person.say("/checkad")
    report = await person.say(DANGER_AD)
    text = _text(report)
    assert "112" not in text
    assert "Тревожных признаков" in text and "Паспорт будет у администратора" in text
    assert "Уровень риска: высокий" in text
    assert "h:yes" in _payloads(report)  # trafficking signs: a human is offered


async def test_adcheck8_a_cry_for_help_after_checkad_gets_the_numbers_first(
    ad_person: MakePerson, fake_api: FakeBotAPI
) -> None:
    person = await ad_person(3103, "en")
    await person.say("/checkad")
    reply = await person.say("they took my passport, help")
    assert "112" in reply[0].text
    assert "Red flags found" not in _text(reply)


async def test_adcheck8_a_pasted_ad_with_danger_words_is_offered_and_a_stale_button_is_told(
    ad_person: MakePerson, fake_api: FakeBotAPI
) -> None:
    person = await ad_person(3104, "ru")
    first = await person.say(DANGER_AD)  # without /checkad: the numbers, then the offer
    assert "112" in first[0].text
    [old] = [p for p in _payloads(first) if p.startswith("ad:check:")]
    later = await person.send(text=RECRUITER, forward_origin={
        "type": "hidden_user", "sender_user_name": "Recruiter", "date": int(time.time())})
    [new] = [p for p in _payloads(later) if p.startswith("ad:check:")]
    stale = await person.press(old)
    assert "более раннего объявления" in _text(stale)
    assert new in _payloads(stale)
    assert "Паспорт оставите у координатора" in _text(await person.press(new))


# adcheck11b: a fresh tester's ad after /checkad, with danger words and "Text me on Telegram",
# and their own cry afterwards: the ad is checked at once, and Spain (the ad's) never becomes
# where they are.
AD_TEXT_ME = (
    "Farm work in Spain, 2000 EUR a month, no experience. The boss keeps your passport and you "
    "cannot leave the farm until the ticket debt is paid. Text me on Telegram."
)


async def test_adcheck11b_an_ad_saying_text_me_is_checked_and_its_country_is_not_the_persons(
    ad_person: MakePerson, fake_api: FakeBotAPI
) -> None:
    person = await ad_person(3111, "en")
    seen = []
    for sent in (AD_TEXT_ME, "They took my passport and I cannot leave, help"):
        await person.say("/checkad")
        seen.append(await person.say(sent))
    checked, cry = _text(seen[0]), seen[1][0].text
    assert "Red flags found" in checked and "The boss keeps your passport" in checked
    assert "112" not in checked and "Shall I check it" not in checked
    # Spain only in the list of where 112 works (adflow17), never Spain's own numbers.
    not_112_list = "\n".join(line for line in cry.split("\n") if not line.startswith("112"))
    assert "112" in cry and "Spain" not in not_112_list and "091" not in cry


# adcheck16: an honest ad that denies a scary practice, pasted without /checkad; a cry told as
# "we" after /checkad.
NEGATED_AD = ("Требуются рабочие на склад в Польше. Зарплата 1200 евро в месяц. Мы НЕ забираем "
              "паспорт, документы остаются у вас. Звоните +48 600 000 000")
WE_CRY = "Приехали по объявлению на склад 1200 евро, теперь живём взаперти, выходить нельзя"


async def test_a_pasted_honest_ad_is_offered_its_check_and_a_we_cry_gets_the_numbers(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    running: Start, engine_factory: EngineFactory,
) -> None:
    bot: RunningBot = await running(
        make_settings(fake_api, framework, redis_server.url, operator_chat_id=OPS), engine_factory
    )
    person = Person(bot, fake_api, 3116, "ru")
    await person.say("/start")
    offer = await person.say(NEGATED_AD)
    assert not any("112" in call.text for call in offer)
    assert any(p.startswith("ad:check") for call in offer for p in call.payloads)
    await person.say("/checkad")
    told = await person.say(WE_CRY)
    assert "112" in told[0].text
    assert not any(p.startswith("ad:") for call in told for p in call.payloads)
