"""A check-in request typed the way people ask (issue 15 walk): with words around the settings
that name no place ("Можешь проверять меня каждые 2 дня, пока я в дороге?"), or with the person
before the request ("можешь меня проверять каждый день?", "мяне правярай кожныя 2 дні"). The
settings it names are taken (before, "every 2 days" was dropped and the first question came
again; the person-first form was not read as a request at all). The calm side: someone else
checking the person ("меня проверяют каждые 2 дня", "меня проверяли на границе 2 часа",
"мяне правяралі 2 дні") is no request and begins no setup.
The real engine in-process, plans in a real redis-server."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from bot.checkin.plan import DAY
from bot.checkin.store import PlanStore
from bot.checkin.typed_request import asks_for_checkins
from tests.checkin.helpers import SECRET_KEY, FakeClock, engine, untag
from tests.helpers.chat import Chat, all_payloads
from tests.helpers.engine import shared_content

CHECKIN = shared_content().content.checkin  # content's words

ASKED = [
    ("ru", "Можешь проверять меня каждые 2 дня, пока я в дороге?", 2),
    ("ru", "можешь меня проверять каждый день?", 1),
    ("be", "мяне правярай кожныя 2 дні, пакуль я ў дарозе", 2),
    ("en", "could you check on me every 2 days while I travel", 2),
]
NOT_ASKED = ["меня проверяют каждые 2 дня", "меня проверяли на границе 2 часа",
             "мяне правяралі 2 дні", "мне пишут каждый день"]


@pytest.mark.parametrize(("language", "text", "days"), ASKED)
async def test_a_request_among_other_words_keeps_the_settings_it_names(
    language: str, text: str, days: int, redis_client: Redis
) -> None:
    chat = Chat(engine(redis_client, FakeClock()), language_code=language)
    response = await chat.say(text)
    kinds = {p.split(":")[1] for p in untag(all_payloads(response)) if p.startswith("ci:")}
    assert "d" in kinds and "i" not in kinds, kinds  # how long is asked next, not how often
    plan = await PlanStore(redis_client, SECRET_KEY).load(chat.user_key)
    assert plan is not None and plan.phase == "draft" and plan.interval_s == days * DAY


@pytest.mark.parametrize("text", NOT_ASKED)
async def test_someone_else_checking_the_person_begins_no_setup(
    text: str, redis_client: Redis
) -> None:
    assert not asks_for_checkins(text, CHECKIN)
    chat = Chat(engine(redis_client, FakeClock()), language_code="ru")
    response = await chat.say(text)
    assert not [p for p in all_payloads(response) if p.startswith("ci:")]
    assert await PlanStore(redis_client, SECRET_KEY).load(chat.user_key) is None
