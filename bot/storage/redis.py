"""Sessions in Redis: one JSON value per person under `smb:session:<user_key>`, with a TTL."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from redis.asyncio import BlockingConnectionPool, Redis
from redis.asyncio.client import Pipeline
from redis.asyncio.sentinel import Sentinel, SentinelConnectionPool
from redis.connection import parse_url
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from bot.core.session import Session
from bot.storage.keys import ERASED, ERASURE_RECORD_SECONDS, PERSON_SETS, UserKey, user_keys

log = logging.getLogger(__name__)
T = TypeVar("T")
# More commands for the MULTI/EXEC that writes a session (e.g. the transport's outbox entry).
Staged = Callable[[Pipeline], Any]
# A session holds no message text: a language, a country, a few answers and indicators, about
# 400 bytes (bench/bench_redis_memory.py). Anything past this is a bug, not a person: refusing
# it keeps one runaway session from crowding cases out of `maxmemory`.
MAX_SESSION_BYTES = 8 * 1024


class SessionTooLarge(ValueError):
    """A session's JSON passed MAX_SESSION_BYTES; the previous saved copy is kept."""


async def once_more(call: Callable[[], Awaitable[T]]) -> T:
    """Run `call`, and once more after a dropped connection (a killed or reset socket).

    Only for idempotent calls (GET, SET with the same value): the first attempt may or may not
    have reached Redis. A second failure is raised to the caller.
    """
    try:
        return await call()
    except (RedisConnectionError, RedisTimeoutError):
        return await call()


TIMEOUT_S = 2.0  # a dead or partitioned Redis must fail fast, so the fallback can answer
# A burst (hundreds of webhook requests writing the inbox at once) can want more connections
# than the pool holds. redis-py's plain pool then raises MaxConnectionsError at once, which the
# bot took for a Redis outage and answered from memory; a blocking pool makes the command wait
# for a connection instead, up to this long (a dead Redis still fails within TIMEOUT_S, since
# its connections fail and go back to the pool).
POOL_WAIT_S = 10.0
# Every connection of the bot (and of its dashboard and `erase`) names itself (CLIENT SETNAME):
# scripts/redis-restore-online.sh refuses to replace the data while one is connected.
CLIENT_NAME = "safe-migration-bot"
MAX_CONNECTIONS = 100  # redis-py's own default pool size, per client


class SentinelBlockingConnectionPool(SentinelConnectionPool, BlockingConnectionPool):
    """redis-py's Sentinel pool (the primary found through Sentinel) that waits for a free
    connection like `BlockingConnectionPool` instead of failing when all are in use."""


def connect(
    url: str, *, sentinels: Sequence[tuple[str, int]] = (), master: str = "mymaster",
    sentinel_password: str | None = None, max_connections: int = MAX_CONNECTIONS,
) -> Redis:
    """One shared client (with its connection pool) for the whole process.

    At most `max_connections` connections; a command finding them all in use waits up to
    POOL_WAIT_S for one (then redis.ConnectionError "No connection available.").

    With `sentinels` (host, port pairs) the primary named `master` is asked of Redis Sentinel
    on every new connection, so after a failover the client reconnects to the promoted
    replica; `url` then gives only the password and database number. `sentinel_password`
    authenticates to the sentinels themselves (their `requirepass`, on by default in the Bitnami
    chart); without it a protected sentinel answers AuthenticationError and no primary is found.
    """
    if not sentinels:
        return Redis.from_pool(BlockingConnectionPool.from_url(
            url, decode_responses=True, socket_timeout=TIMEOUT_S,
            socket_connect_timeout=TIMEOUT_S, health_check_interval=30,
            max_connections=max_connections, timeout=POOL_WAIT_S, client_name=CLIENT_NAME,
        ))
    options = parse_url(url)
    sentinel = Sentinel(
        list(sentinels),
        sentinel_kwargs={"socket_timeout": TIMEOUT_S, "socket_connect_timeout": TIMEOUT_S,
                         "password": sentinel_password},
        decode_responses=True, password=options.get("password"),
        username=options.get("username"), db=options.get("db", 0),
        socket_timeout=TIMEOUT_S, socket_connect_timeout=TIMEOUT_S, client_name=CLIENT_NAME,
    )
    return sentinel.master_for(master, connection_pool_class=SentinelBlockingConnectionPool,
                               max_connections=max_connections, timeout=POOL_WAIT_S)


class RedisSessionStore:
    """The production `SessionStore`: every key has a TTL; `delete_user` erases every key kind."""

    def __init__(self, redis: Redis, ttl_seconds: int = 30 * 24 * 3600) -> None:
        self._redis = redis
        self._ttl = ttl_seconds

    async def load(self, user_key: str) -> Session | None:
        key = str(UserKey("session", user_key))
        raw = await once_more(lambda: self._redis.get(key))
        if raw is None:
            return None
        try:
            return Session.model_validate_json(raw)
        except ValueError:
            # A session written by an older, incompatible version: start afresh, do not crash.
            log.warning("discarding an unreadable session")
            return None

    async def save(self, user_key: str, session: Session, *, only_new: bool = False,
                   also: Staged | None = None) -> bool:
        """Write the session; `only_new` never replaces a stored one. True when written.
        `also` adds commands to the same MULTI/EXEC: either all are written or none."""
        key, raw = str(UserKey("session", user_key)), session.model_dump_json()
        if len(raw) > MAX_SESSION_BYTES:
            raise SessionTooLarge(f"session of {len(raw)} bytes > {MAX_SESSION_BYTES}")
        if also is None:
            written = await once_more(
                lambda: self._redis.set(key, raw, ex=self._ttl, nx=only_new)
            )
            return bool(written)

        async def together() -> Any:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.set(key, raw, ex=self._ttl, nx=only_new)
                also(pipe)
                return (await pipe.execute())[0]

        return bool(await once_more(together))

    async def delete_user(self, user_key: str) -> None:
        """Erase every key of the person and record the erasure (`ERASED`), in one MULTI/EXEC:
        a restore of an older backup erases them again from the record."""
        now = time.time()
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.delete(*user_keys(user_key))
            for name in PERSON_SETS:  # e.g. a check-in's due time: it ends at once
                pipe.zrem(name, user_key)
            pipe.zadd(ERASED, {user_key: now})
            pipe.zremrangebyscore(ERASED, "-inf", now - ERASURE_RECORD_SECONDS)
            pipe.expire(ERASED, ERASURE_RECORD_SECONDS)
            await pipe.execute()

    async def aclose(self) -> None:
        await self._redis.aclose()
