"""A photo (or any media) the person sends in an open case reaches the case once, or a second
time headed "possibly a repeat"; never lost (found by the breakers: a Redis blip right after
copyMessage made the relay run again and copy it twice, unmarked).

Real redis-server paused with CLIENT PAUSE for a blip longer than the bot's Redis timeout,
the fake Bot API over HTTP, both adapters.
"""

from __future__ import annotations

import asyncio

from redis.asyncio import Redis

from tests.handoff.conftest import OutageCase
from tests.handoff.telegram import FRAMEWORKS, OPS, OpenCase, sent_to
from tests.helpers.fake_bot_api import FakeBotAPI, message_update
from tests.helpers.redis_server import RedisServer

PHOTO = {"photo": [{"file_id": "ph1", "file_unique_id": "uph1", "width": 90, "height": 90}]}
REPEAT = "Possibly a repeat"
BLIP_MS = 3000  # longer than the bot's Redis timeout (2 s): its next command fails once


async def taken(outage_case: OutageCase, api: FakeBotAPI, framework: str,
                user_id: int) -> OpenCase:
    case = await outage_case(framework, user_id, joined="подключился")
    await api.quiet(0.5, within=30)
    return case


@FRAMEWORKS
async def test_a_photo_is_copied_once_when_redis_blips_right_after_the_copy(
    framework: str, fake_api: FakeBotAPI, durable_redis: RedisServer,
    outage_case: OutageCase,
) -> None:
    person = (await taken(outage_case, fake_api, framework, 931)).person
    # Telegram copies at once but answers late; meanwhile Redis stops answering for a blip,
    # so the bot's first write after the copy (its record) fails.
    fake_api.slow("copyMessage", 0.4, chat_id=OPS)
    mark = len(fake_api.calls)
    update = message_update(fake_api, person.user, caption="мой договор", **PHOTO)
    await fake_api.push(update)
    await fake_api.wait_calls("copyMessage", 1, OPS, since=mark)
    client = Redis.from_url(durable_redis.url, decode_responses=True)
    try:
        await client.execute_command("CLIENT", "PAUSE", BLIP_MS, "ALL")
    finally:
        await client.aclose()
    await asyncio.sleep(BLIP_MS / 1000 + 1.0)  # the blip, and the bot retrying after it
    await fake_api.quiet(1.5, within=30)

    copies = fake_api.calls_to("copyMessage", OPS, since=mark)
    assert copies, "the person's photo was lost"
    heads = [c.text for c in fake_api.calls_to("sendMessage", OPS, since=mark)
             if "sent a photo" in c.text]
    # Exactly once, or the second copy comes under a line saying it may be a repeat.
    assert len(copies) == 1 or (len(copies) == 2 and REPEAT in heads[-1]), heads
    assert all(int(c.params["message_id"]) == update["message"]["message_id"] for c in copies)


async def test_a_copy_cut_off_earlier_is_made_again_marked_and_a_recorded_one_never(
    fake_api: FakeBotAPI, durable_redis: RedisServer,
    outage_case: OutageCase,
) -> None:
    opened = await taken(outage_case, fake_api, "aiogram", 932)
    person, operator, case = opened.person, opened.operator, opened.id
    update = message_update(fake_api, person.user, caption="паспорт", **PHOTO)
    message_id = update["message"]["message_id"]
    client = Redis.from_url(durable_redis.url, decode_responses=True)
    try:  # a replica started copying this photo and died before it knew the result
        await client.hset(f"smb:handoff:copies:{case}", str(message_id), "copying")
        mark = len(fake_api.calls)
        await fake_api.push(update)
        (head,) = await sent_to(fake_api, OPS, "sent a photo", since=mark)
        assert REPEAT in head.text
        await fake_api.wait_calls("copyMessage", 1, OPS, since=mark)
        await fake_api.quiet(0.5, within=30)
        assert await client.hget(f"smb:handoff:copies:{case}", str(message_id)) == "copied"
        # The same message handled again (a replica taking the update over): not copied again.
        mark = len(fake_api.calls)
        await fake_api.push({k: v for k, v in update.items() if k != "update_id"})
        await asyncio.sleep(1.0)
        await fake_api.quiet(0.5, within=30)
        assert not fake_api.calls_to("copyMessage", OPS, since=mark)
        # The marks go with the case: nothing is kept about a closed case's messages.
        await operator.press(f"op:close:{case}")
        assert not await client.exists(f"smb:handoff:copies:{case}")
    finally:
        await client.aclose()


@FRAMEWORKS
async def test_a_photo_sent_while_redis_is_down_still_reaches_the_operators(
    framework: str, fake_api: FakeBotAPI, durable_redis: RedisServer,
    outage_case: OutageCase,
) -> None:
    opened = await taken(outage_case, fake_api, framework, 933)
    person, case = opened.person, opened.id
    await asyncio.to_thread(durable_redis.stop)
    mark = len(fake_api.calls)
    update = message_update(fake_api, person.user, caption="договор", **PHOTO)
    await fake_api.push(update)
    (note,) = await sent_to(fake_api, OPS, "Storage degraded", since=mark, within=30)
    assert f"#{case}" in note.text and "a photo" in note.text
    await fake_api.wait_calls("copyMessage", 1, OPS, since=mark, within=30)
    await fake_api.quiet(0.5, within=30)
    (copy,) = fake_api.calls_to("copyMessage", OPS, since=mark)
    assert int(copy.params["message_id"]) == update["message"]["message_id"]
    assert int(copy.params["from_chat_id"]) == person.chat_id


async def test_a_flagged_caption_and_its_photo_each_come_once_when_redis_refuses_between(
    fake_api: FakeBotAPI, durable_redis: RedisServer,
    outage_case: OutageCase,
) -> None:
    # A danger phrase in the caption: the words are posted first, then the photo is copied.
    # Redis refusing a command between the two (here: scripts, by an ACL) must not post the
    # words again under "Storage degraded", nor lose or double the photo.
    person = (await taken(outage_case, fake_api, "aiogram", 934)).person
    fake_api.slow("sendMessage", 0.4, chat_id=OPS)
    mark = len(fake_api.calls)
    await fake_api.push(message_update(fake_api, person.user, caption="у меня забрали паспорт",
                                       **PHOTO))
    await sent_to(fake_api, OPS, "Danger phrase", since=mark, within=30)
    client = Redis.from_url(durable_redis.url, decode_responses=True)
    try:
        await client.execute_command("ACL", "SETUSER", "default", "-@scripting")
        await fake_api.wait_calls("copyMessage", 1, OPS, since=mark, within=30)
        await fake_api.quiet(1.0, within=30)
    finally:
        await client.execute_command("ACL", "SETUSER", "default", "+@all")
        await client.aclose()
    words = [c for c in fake_api.calls_to("sendMessage", OPS, since=mark)
             if "забрали паспорт" in c.text]
    assert len(words) == 1, [c.text for c in words]
    (copy,) = fake_api.calls_to("copyMessage", OPS, since=mark)
    assert copy.params.get("message_thread_id") == words[0].params.get("message_thread_id")
    # The case was found and posted in: nothing here is a "Storage degraded" post.
    assert not [c for c in fake_api.calls_to("sendMessage", OPS, since=mark)
                if "Storage degraded" in c.text]
