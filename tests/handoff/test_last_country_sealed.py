"""The case's last country (where a person at risk said they are) is sealed at rest like the
case summary and the check-in destination: the raw hash in Redis holds no country code or
name, the case keeps its TTL, the operators still read the country, and /delete erases it.
Fake Bot API, real redis-server, both adapters."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from tests.handoff.telegram import (
    OPS,
    HandoffBot,
    case_of,
    consent,
    reach_consent,
    sent_to,
)
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

NAMES = ("Poland", "Польша", "Польшча", "Polska")
AT_RISK = {
    "ru": "у меня забрали паспорт и не отпускают",
    "be": "у мяне забралі пашпарт і не адпускаюць",
    "en": "they took my passport and do not let me leave",
}


async def _dump(redis: Redis) -> str:
    out = []
    for key in await redis.keys("*"):
        kind = await redis.type(key)
        value = (await redis.get(key) if kind == "string" else
                 await redis.hgetall(key) if kind == "hash" else "")
        out.append(f"{key} {value}")
    return "\n".join(out)


@pytest.mark.parametrize(("framework", "language"),
                         [("aiogram", "ru"), ("ptb", "en")])
async def test_the_last_country_is_sealed_and_erased_by_delete(
    framework: str, language: str, fake_api: FakeBotAPI, redis_client: Redis, start_bot
) -> None:
    bot: HandoffBot = await start_bot(framework)
    person = Person(bot, fake_api, 7301, language)
    await reach_consent(person, AT_RISK[language])
    await consent(person, "h:yes")
    (alert,) = await sent_to(fake_api, OPS, "Case #")
    assert "Poland" in alert.text  # the team reads where they are
    key = f"smb:handoff:case:{case_of(alert)}"
    stored = await redis_client.hget(key, "country")
    assert stored and stored.startswith("gAAAAA") and "PL" != stored
    assert [n for n in NAMES if n in await _dump(redis_client)] == []
    assert await redis_client.ttl(key) > 0  # sealing kept the case's TTL

    await person.say("/delete")
    assert not await redis_client.hexists(key, "country")
    assert [n for n in NAMES if n in await _dump(redis_client)] == []
