"""Passing things on after a missed check-in: the person wrote of trouble under the check-in's
question, was offered a person, and said yes only after the grace had passed and the missed
check-in's case was opened. The operators get what they agreed to pass on in that case (a note
with where they are, the risk level and the warning signs) and the case record takes it, so
its escalations say it too: never silence. Fake Bot API, real redis-server, fake clock.

The other side: the missed check-in's alert itself still shows only what was agreed in advance
(the destination, "where they are now: not known")."""

from __future__ import annotations

import re

from redis.asyncio import Redis

from tests.checkin.helpers import GRACE, INTERVAL, FakeClock, miss_check_in, set_up
from tests.handoff.telegram import OPS, HandoffBot, sent_to
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person


async def test_yes_after_the_missed_check_in_reaches_its_case(
    fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot,
) -> None:
    person = Person(bot, fake_api, 7001, "en")
    await person.say("/start")
    await set_up(person, country="DE", employer=None)
    # Trouble told, a person offered, no answer to the offer yet; then the check-in comes and
    # is not answered.
    [numbers] = await person.say("help me, my boss is beating me and took my passport")
    assert "emergency number" in numbers.text and "c:DE" in numbers.payloads
    offer = await person.press("c:DE")
    assert any("h:yes" in call.payloads for call in offer)
    clock.advance(INTERVAL + 1)
    await sent_to(fake_api, person.chat_id, "How are things, all fine?")
    mark = len(fake_api.calls)
    clock.advance(GRACE + 1)
    [alert] = await sent_to(fake_api, OPS, "Case #", since=mark)
    # The other side: the missed check-in's own alert shows only what was agreed in advance.
    assert "Where they are now: not known" in alert.text and "Risk level: unknown" in alert.text
    case = re.findall(r"Case #(\w+)", alert.text)[0]

    mark = len(fake_api.calls)
    await person.press("h:yes")
    [note] = await sent_to(fake_api, OPS, "agreed to pass this on", since=mark)
    assert "Germany" in note.text and "Risk level: high" in note.text
    assert "Reason: risk found" in note.text
    record = await redis_client.hgetall(f"smb:handoff:case:{case}")
    assert record["risk_level"] == "high" and record["country"]
    assert record["indicators"].split("\n")[0] == "checkin-missed"
    assert len(record["indicators"].split("\n")) > 1


async def test_a_country_or_danger_written_in_the_missed_check_ins_case_gets_its_numbers(
    fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot,
) -> None:
    """In the missed check-in's case (their phone never told of it), "я в польше" gets
    Poland's numbers, and "помогите меня бьют" the numbers for Poland, as anyone gets them;
    the case takes the country. The other side: a calm line still gets the ordinary reply."""
    person = Person(bot, fake_api, 7002, "ru")
    await person.say("/start")
    await set_up(person, country="DE", employer=None)
    await miss_check_in(person, fake_api, clock, "Как дела, всё в порядке?")
    [calm] = await person.say("спасибо, всё нормально")
    assert calm.text == "Записал, спасибо 👍"
    [where] = await person.say("я в польше")
    assert "Номера: Польша" in where.text and "KCIK" in where.text
    [danger] = await person.say("помогите меня бьют")
    assert "угрожает опасность" in danger.text and "KCIK" in danger.text
