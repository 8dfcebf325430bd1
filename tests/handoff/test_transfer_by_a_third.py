"""Any operator may hand on a colleague's case (by design, docs/OPERATORS.md); then the audit
trail records who handed it, to whom and from whom, and the one who had it is named in the
case's topic, so they know it is no longer theirs. Fake Bot API, real redis-server."""

from __future__ import annotations

from redis.asyncio import Redis

from tests.handoff.telegram import (
    OPERATOR,
    OPERATOR_NAME,
    OPS,
    Operator,
    case_in_topic,
    colleague,
    in_thread,
    pseudonym,
    recorded,
    sent_to,
)
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

BORIS, VERA = (4343, "Boris"), (4344, "Vera")


async def test_a_colleagues_case_handed_on_names_its_holder_and_is_audited(
    fake_api: FakeBotAPI, redis_client: Redis, start_bot
) -> None:
    bot = await start_bot()
    person, alena = Person(bot, fake_api, 660, "ru"), Operator(fake_api)
    boris, vera = colleague(fake_api, *BORIS), colleague(fake_api, *VERA)
    case, thread = await case_in_topic(fake_api, person, "h:yes")
    await recorded(redis_client, case)
    await alena.press(f"op:take:{case}")
    await boris.press(f"op:nosuch:{case}")  # Boris becomes known by name

    # Vera hands Alena's case to Boris.
    mark = len(fake_api.calls)
    toast = await vera.press(f"op:xfer:{case}:{BORIS[0]}")
    assert toast.params.get("text") == f"Handed to {BORIS[1]}."
    (handed,) = await sent_to(fake_api, OPS, "handed", since=mark, where=in_thread(thread))
    assert f"{VERA[1]} handed {pseudonym(660)} from {OPERATOR_NAME} to {BORIS[1]}" in handed.text
    assert f"{OPERATOR_NAME}: it is no longer yours" in handed.text
    entries = [fields for _, fields in await redis_client.xrange("smb:handoff:audit")]
    (entry,) = [e for e in entries if e.get("action", "").startswith("transfer:")]
    assert entry["operator"] == str(VERA[0]) and entry["action"] == f"transfer:{BORIS[0]}"
    assert entry["previous"] == str(OPERATOR)
    assert not await redis_client.smembers(f"smb:handoff:operator:{OPERATOR}")

    # Boris hands it back himself: nobody else had it, the usual line.
    mark = len(fake_api.calls)
    await boris.write(f"/transfer {OPERATOR_NAME}", thread_id=thread)
    (back,) = await sent_to(fake_api, OPS, "handed", since=mark, where=in_thread(thread))
    assert f"{BORIS[1]} handed {pseudonym(660)} to {OPERATOR_NAME}" in back.text
