"""A burst of Redis commands larger than the connection pool is a queue, not an outage.

Hundreds of webhook requests arriving at once each write the inbox before their 200. redis-py's
plain pool refuses the 101st concurrent command with MaxConnectionsError; the bot took that for
a dead Redis and answered everyone from memory for a while (sessions then diverged between
replicas). The pool `connect` builds waits for a free connection instead.
"""

from __future__ import annotations

import asyncio

from bot.storage.health import RedisHealth
from bot.storage.redis import MAX_CONNECTIONS, connect
from tests.helpers.redis_server import RedisServer


async def test_more_concurrent_commands_than_connections_all_succeed(
    redis_server: RedisServer,
) -> None:
    redis = connect(redis_server.url)
    health = RedisHealth(redis)
    burst = 3 * MAX_CONNECTIONS

    async def write(n: int) -> None:
        try:
            await redis.set(f"smb:test:pool:{n}", n, ex=60)
        except Exception as exc:
            health.failed(exc)  # as every caller in the bot does
            raise

    try:
        results = await asyncio.gather(*(write(n) for n in range(burst)),
                                       return_exceptions=True)
        assert [r for r in results if r is not None] == []
        assert health.up  # nobody was told Redis is down
        assert len(await redis.keys("smb:test:pool:*")) == burst
    finally:
        await redis.aclose()
