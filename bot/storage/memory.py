"""What Redis says about its memory: the eviction policy, used vs max, evictions, OOM refusals.

Read with `INFO memory`, `INFO stats` and `INFO errorstats` (not `CONFIG GET`, which managed
Redis services often disable). Field meanings: https://redis.io/docs/latest/commands/info/
"""

from __future__ import annotations

from dataclasses import dataclass

from redis.asyncio import Redis

from bot.config import ConfigError

SAFE_POLICY = "noeviction"


class EvictionRefused(ConfigError):
    """Redis may evict keys (an `allkeys-*`/`volatile-*` policy) and the NGO did not accept it."""


@dataclass(frozen=True, slots=True)
class ServerMemory:
    """One reading of Redis' memory. Bytes; `maxmemory` 0 means no limit."""

    policy: str
    used: int
    maxmemory: int
    evicted_keys: int
    oom_refusals: int  # `errorstat_OOM` since the server started: writes refused, any client

    @property
    def evicting(self) -> bool:
        """True when Redis would delete keys to make room (every key about a person has a TTL,
        so `volatile-*` evicts them as surely as `allkeys-*` does)."""
        return self.policy.startswith(("allkeys-", "volatile-"))

    @property
    def full(self) -> bool:
        """True when a `noeviction` Redis is at its limit and refuses writes."""
        return self.maxmemory > 0 and self.used >= self.maxmemory

    def as_dict(self) -> dict[str, object]:
        return {
            "maxmemory_policy": self.policy, "used_memory": self.used,
            "maxmemory": self.maxmemory, "evicted_keys": self.evicted_keys,
        }


async def read_memory(redis: Redis) -> ServerMemory:
    """Read the policy and the counters; RedisError/OSError when Redis does not answer."""
    memory = await redis.info("memory")
    stats = await redis.info("stats")
    errors = await redis.info("errorstats")
    oom = errors.get("errorstat_OOM", {})
    return ServerMemory(
        policy=str(memory.get("maxmemory_policy", "")),
        used=int(memory.get("used_memory", 0)),
        maxmemory=int(memory.get("maxmemory", 0)),
        evicted_keys=int(stats.get("evicted_keys", 0)),
        oom_refusals=int(oom.get("count", 0)) if isinstance(oom, dict) else 0,
    )


def eviction_problem(memory: ServerMemory) -> str | None:
    """One line naming the problem and the fix, or None when Redis keeps every key."""
    if not memory.evicting:
        return None
    return (
        f"Redis maxmemory-policy is {memory.policy}: Redis would delete cases, queued alerts and "
        f"sessions when memory is full. Set `maxmemory-policy {SAFE_POLICY}` (redis.conf or "
        "CONFIG SET) and size maxmemory as in docs/REDIS.md; REDIS_ACCEPT_EVICTION=true starts "
        "anyway (dangerous)"
    )
