"""What the per-person guards cost an update: the Redis token bucket and the cross-replica lock.

Run from the repository root: `python bench/bench_person_path.py [--updates N] [--people P]`.
A real redis-server on a free port; `--people` persons at once, each sending updates one after
another (the path without contention: what every update pays). Prints a table and writes
bench-results/person_path.json: updates/s and the median / p99 time of one `reserve` plus one
lock hold (acquire and release), on this machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # so that `tests.helpers` and `bot` import from a checkout

from bot.adapters.telegram.locks import PersonLocks  # noqa: E402
from bot.adapters.telegram.ratelimit import RateLimits, RedisRateLimiter  # noqa: E402
from bot.storage.fallback import RedisHealth  # noqa: E402
from bot.storage.redis import connect  # noqa: E402
from tests.helpers.redis_server import running_redis  # noqa: E402


async def run(updates: int, people: int) -> dict[str, float]:
    with running_redis() as server:
        redis = connect(server.url)
        health = RedisHealth(redis)
        limiter = RedisRateLimiter(redis, RateLimits.from_settings(10**6, 10**6, 30.0))
        locks = PersonLocks(health)
        took: list[float] = []

        async def person(n: int) -> None:
            for _ in range(updates // people):
                start = time.perf_counter()
                await limiter.reserve(f"person-{n:05d}", "text")
                async with locks.hold(f"person-{n:05d}"):
                    pass
                took.append(time.perf_counter() - start)

        start = time.perf_counter()
        await asyncio.gather(*(person(n) for n in range(people)))
        elapsed = time.perf_counter() - start
        await redis.aclose()
    took.sort()
    return {
        "updates": len(took), "people": people, "updates_per_s": len(took) / elapsed,
        "median_ms": statistics.median(took) * 1000,
        "p99_ms": took[int(len(took) * 0.99) - 1] * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=20_000)
    parser.add_argument("--people", type=int, default=32)  # WEBHOOK_MAX_CONCURRENCY
    args = parser.parse_args()
    result = asyncio.run(run(args.updates, args.people))
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "person_path.json").write_text(json.dumps(result, indent=2))
    print(f"bucket + lock per update: {result['updates_per_s']:,.0f} updates/s, "
          f"median {result['median_ms']:.2f} ms, p99 {result['p99_ms']:.2f} ms "
          f"({result['updates']} updates, {result['people']} people at once)")


if __name__ == "__main__":
    main()
