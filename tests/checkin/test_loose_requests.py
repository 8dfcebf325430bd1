"""A request to be checked on, said with a greeting or loosely (walk of issue 15: "hi, can you
check on me while I travel?" got a greeting back, "привет, можешь проверять меня пока я в
дороге?" the job-offer check): the setup begins, at its first screen when no setting is named,
else at the first one still unset. The words are content's (checkin.words.request). The other
side: someone else checking, a question about checking a contract or an agency before a trip,
and a trip told without a request begin nothing."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from bot.checkin.store import PlanStore
from bot.checkin.typed_request import asks_for_checkins
from tests.checkin.helpers import SECRET_KEY, FakeClock, engine, untag
from tests.helpers.chat import Chat, all_payloads
from tests.helpers.engine import shared_content

CHECKIN = shared_content().content.checkin

# (language, typed, the first step the setup shows)
LOOSE = [
    ("en", "hi, can you check on me while I travel?", "interval"),
    ("en", "Hello! I'm leaving tomorrow, could you please check on me?", "interval"),
    ("en", "hey bot, write to me every 3 days while I'm abroad", "duration"),
    ("ru", "привет, можешь проверять меня пока я в дороге?", "interval"),
    ("ru", "пиши мне каждые 3 дня", "duration"),
    ("ru", "Здравствуйте, проверяйте меня каждую неделю, пожалуйста", "duration"),
    ("ru", "privet, mozhesh proveryat menya poka ya v doroge?", "interval"),
    ("be", "правярай мяне кожны тыдзень", "duration"),
    ("be", "прывітанне, можаш правяраць мяне падчас паездкі?", "interval"),
    ("be", "калі ласка, пішы мне, пакуль я ў дарозе", "interval"),
    ("be", "добры дзень, пішы мне кожныя 2 дні", "duration"),
]
CALM = [
    "my boss checks on me every day while I travel",
    "hi, can you check my contract before my trip?",
    "how do I check an agency before the journey?",
    "привет, можешь проверить мой контракт перед поездкой?",
    "меня проверяли на границе, когда я ехал в Польшу",
    "я уезжаю в дорогу через 2 недели",
    "прывітанне, як праверыць агенцтва перад паездкай?",
    "нас правяраюць кожны тыдзень у дарозе",
]


@pytest.mark.parametrize(("language", "typed", "step"), LOOSE)
async def test_a_loose_request_begins_the_setup(
    redis_client: Redis, language: str, typed: str, step: str
) -> None:
    assert asks_for_checkins(typed, CHECKIN), typed
    chat = Chat(engine(redis_client, FakeClock()), language_code=language)
    await chat.command("/start")
    reply = await chat.say(typed)
    kind = {"interval": "ci:i:", "duration": "ci:d:"}[step]
    assert any(p.startswith(kind) for p in untag(all_payloads(reply))), all_payloads(reply)
    plan = await PlanStore(redis_client, SECRET_KEY).load(chat.user_key)
    assert plan is not None and plan.phase == "draft" and plan.step == step


@pytest.mark.parametrize("typed", CALM)
def test_someone_else_checking_or_a_question_begins_no_setup(typed: str) -> None:
    assert not asks_for_checkins(typed, CHECKIN), typed
