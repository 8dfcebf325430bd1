"""A block's Redis record holds only what the neutral reply needs, typed: JSON with the
language and the country sealed (a Redis dump shows no country, no pseudonym, no id), under
the block's TTL; a block written before the record was typed ("ru:PL") is still read, so
nobody blocked before an upgrade is let through or given another country's numbers. Real
redis-server."""

from __future__ import annotations

import json

from redis.asyncio import Redis

from bot.handoff.blocks import Blocks, owner_of
from bot.privacy import Pseudonymizer
from bot.storage.keys import global_key
from tests.helpers.telegram_bot import PSEUDONYM_KEY

USER = "a" * 32  # a keyed user key's shape


async def test_a_block_record_is_typed_sealed_and_timed(redis_client: Redis) -> None:
    keys = Pseudonymizer(PSEUDONYM_KEY)
    blocks = Blocks(redis_client, keys)
    await blocks.block(USER, "swift-heron-758", 3, "be", "PL")
    [key] = await redis_client.keys("smb:handoff:blocked:*")
    raw = await redis_client.get(key)
    record = json.loads(raw)
    assert set(record) == {"language", "country", "v"} and record["language"] == "be"
    assert "PL" not in raw and USER not in raw and "heron" not in raw
    assert 2 * 86400 < await redis_client.ttl(key) <= 3 * 86400
    block = await blocks.blocked(USER)
    assert block is not None and (block.language, block.country) == ("be", "PL")
    assert await blocks.unblock_user(USER) and await blocks.blocked(USER) is None


async def test_a_block_with_no_country_and_one_written_before_records_were_typed(
    redis_client: Redis
) -> None:
    keys = Pseudonymizer(PSEUDONYM_KEY)
    blocks = Blocks(redis_client, keys)
    await blocks.block(USER, "swift-heron-758", 1, "en", "")
    block = await blocks.blocked(USER)
    assert block is not None and (block.language, block.country) == ("en", "")
    other = "b" * 32
    await redis_client.set(global_key("handoff", "blocked", owner_of(keys, other)), "ru:LT",
                           ex=3600)
    block = await blocks.blocked(other)
    assert block is not None and (block.language, block.country) == ("ru", "LT")
