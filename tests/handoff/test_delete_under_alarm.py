"""/delete on a phone under a silent alarm (bot/handoff/erased.py): the person's data is
erased, but the case stays open for the team, marked, with a note that it may not have been
the person. Fake Bot API, real redis-server, both adapters."""

from __future__ import annotations

from typing import Any

import pytest
from redis.asyncio import Redis

from bot.privacy import Pseudonymizer
from tests.handoff.telegram import (
    OPS,
    HandoffBot,
    Operator,
    case_of,
    pseudonym,
    recorded,
    sent_to,
    settings_for,
    silent_alarm,
)
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import PSEUDONYM_KEY, Person

FRAMEWORKS = pytest.mark.parametrize("framework", ["aiogram", "ptb"])
NOTE = {
    "en": "/delete was written on {case}'s phone, which is under a silent alarm",
    "ru": "/delete написали на телефоне {case}, который под тихой тревогой",
    "be": "/delete напісалі на тэлефоне {case}, які пад ціхай трывогай",
}


@pytest.fixture
async def bot(framework: str, language: str, fake_api: FakeBotAPI, redis_server: RedisServer,
              redis_client: Redis, bots: Any) -> HandoffBot:
    """The bot, its operators reading `language`."""
    settings = settings_for(fake_api, framework, redis_server.url, language=language)
    return await bots(HandoffBot(settings))


async def _everything(redis: Redis) -> str:
    """Every key and every value in Redis, as one text."""
    out = []
    for key in await redis.keys("*"):
        kind = await redis.type(key)
        value = (await redis.get(key) if kind == "string" else
                 await redis.hgetall(key) if kind == "hash" else
                 await redis.smembers(key) if kind == "set" else "")
        out.append(f"{key} {value}")
    return "\n".join(out)


@FRAMEWORKS
@pytest.mark.parametrize("language", ["en"])
async def test_delete_under_a_silent_alarm_erases_the_person_and_keeps_the_case(
    fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    user_id = 5301
    person, operator = Person(bot, fake_api, user_id, "ru"), Operator(fake_api)
    alert = await silent_alarm(person, fake_api, "голубцы")
    case, thread = case_of(alert), int(alert.params["message_thread_id"])
    await recorded(redis_client, case)

    mark = len(fake_api.calls)
    [erased] = await person.say("/delete")
    assert erased.text == "Все Ваши данные здесь удалены."  # the person's right, as always
    [note] = await sent_to(fake_api, OPS, NOTE["en"].format(case=pseudonym(user_id)),
                           since=mark)
    assert "may not have been them" in note.text and "stays open" in note.text
    assert "erased their data; the conversation has ended" not in note.text

    # Open for the team, marked, and leading to nobody.
    record = await redis_client.hgetall(f"smb:handoff:case:{case}")
    assert record["state"] == "new" and record["erased"] == "1"
    assert "user_key" not in record and not record.get("summary")
    keys = Pseudonymizer(PSEUDONYM_KEY)
    user_key = keys.user_key(f"tg:{user_id}")
    assert user_key not in await _everything(redis_client)
    assert str(user_id) not in await _everything(redis_client)

    # Writing to them reaches nobody, and says so; the case closes when the team closes it.
    mark = len(fake_api.calls)
    await operator.write("Вы в безопасности?", thread_id=thread)
    await sent_to(fake_api, OPS, "no longer known: not delivered", since=mark)
    assert fake_api.calls_to("sendMessage", user_id, mark) == []
    await operator.press(f"op:close:{case}")
    assert await redis_client.hget(f"smb:handoff:case:{case}", "state") == "closed"

    # A later message from that phone is a new person's: not relayed into the old case.
    mark = len(fake_api.calls)
    await person.say("привет")
    await fake_api.quiet()
    assert not any("привет" in c.text for c in fake_api.calls_to("sendMessage", OPS, mark))


@FRAMEWORKS
@pytest.mark.parametrize("language", ["ru", "be"])
async def test_the_team_is_told_in_its_own_language(
    fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot, language: str
) -> None:
    user_id = 5302 if language == "ru" else 5303
    person = Person(bot, fake_api, user_id, "be")
    await silent_alarm(person, fake_api, "дранікі", posted=pseudonym(user_id))
    mark = len(fake_api.calls)
    await person.say("/delete")
    await sent_to(fake_api, OPS, NOTE[language].format(case=pseudonym(user_id)), since=mark)


@FRAMEWORKS
@pytest.mark.parametrize("language", ["en"])
async def test_delete_after_an_operator_wrote_ends_the_case_as_in_any_case(
    fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    """Once the team has written to them, the phone knows of the team: /delete is the
    person's own, and ends the conversation as in any case."""
    user_id = 5304
    person, operator = Person(bot, fake_api, user_id, "ru"), Operator(fake_api)
    alert = await silent_alarm(person, fake_api, "голубцы")
    case, thread = case_of(alert), int(alert.params["message_thread_id"])
    await recorded(redis_client, case)
    await operator.write("Здравствуйте, Вам удобно писать?", thread_id=thread)
    await sent_to(fake_api, user_id, "удобно писать")
    mark = len(fake_api.calls)
    await person.say("/delete")
    await sent_to(fake_api, OPS, "erased their data", since=mark)
    assert await redis_client.hget(f"smb:handoff:case:{case}", "state") == "closed"
