"""/delete on a phone after a missed check-in: the team's note names the missed check-in, not a
silent alarm (no code word was written), in the operators' language; the case stays open as
after a code word. The other side (a code word's note) is tests/handoff/test_delete_under_alarm.
Fake Bot API, real redis-server, fake clock."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from tests.checkin.helpers import POLL, FakeClock, miss_check_in, set_up
from tests.handoff.telegram import OPS, HandoffBot, sent_to, settings_for
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import Person

NOTE = {"en": ("after they missed a check-in", "silent alarm"),
        "ru": ("после пропущенной проверки связи", "тихой тревог"),
        "be": ("пасля прапушчанай праверкі сувязі", "ціхай трывог")}


@pytest.fixture
async def bot(language: str, fake_api: FakeBotAPI, redis_server: RedisServer,
              redis_client: Redis, clock: FakeClock) -> AsyncIterator[HandoffBot]:
    running = HandoffBot(settings_for(fake_api, "aiogram", redis_server.url, language=language),
                         checkin_options={"clock": clock, "poll": POLL, "lease": 60.0})
    await running.start()
    try:
        yield running
    finally:
        await running.stop()


@pytest.mark.parametrize("language", ["en", "ru", "be"])
async def test_delete_after_a_missed_check_in_names_the_missed_check_in(
    language: str, fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock,
    bot: HandoffBot,
) -> None:
    person = Person(bot, fake_api, 7991, "ru")
    await person.say("/start")
    await set_up(person)
    await miss_check_in(person, fake_api, clock, "Как дела, всё в порядке?",
                        posted="Case #" if language == "en" else "Обращение #"
                        if language == "ru" else "#")
    mark = len(fake_api.calls)
    await person.say("/delete")
    said, wrong = NOTE[language]
    [note] = await sent_to(fake_api, OPS, "/delete", since=mark)
    assert said in note.text and wrong not in note.text
