"""Check-in scheduler: Redis memory per running plan, and how fast due check-ins go out.

A real redis-server; `--plans` plans (a typed employer and contact, a shared country) are
stored through the production `PlanStore`, then all fall due at once and one scheduler
(`tick()` with the default batch of 50) asks every one through a messenger that answers at
once (Telegram's own pacing is the limiter's business, measured in bench_webhook.py), then
notices every one missed through an operators' side that records only.

    .venv/bin/python bench/bench_checkin.py [--plans 2000]

Writes bench-results/checkin.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from redis.asyncio import Redis  # noqa: E402

from bot.checkin.plan import DAY, HOUR, WEEK, Answer, CheckinPlan  # noqa: E402
from bot.checkin.scheduler import CheckinScheduler  # noqa: E402
from bot.checkin.store import PlanStore  # noqa: E402
from bot.core.events import Reply  # noqa: E402
from tests.helpers.engine import shared_content  # noqa: E402
from tests.helpers.redis_server import running_redis  # noqa: E402

NOW = 1_800_000_000.0


class Instant:
    """A messenger that takes every message at once."""

    sent = 0

    async def send(self, chat_id: int, reply: Reply, **_: object) -> list[int]:
        self.sent += 1
        return [self.sent]

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None: ...
    async def delete(self, chat_id: int, message_ids: Sequence[int]) -> None: ...
    async def answer_callback(self, callback_id: str, text: str | None = None) -> None: ...
    async def create_topic(self, chat_id: int, name: str) -> int:
        return 0
    async def close_topic(self, chat_id: int, thread_id: int) -> None: ...
    async def reopen_topic(self, chat_id: int, thread_id: int) -> None: ...


class Recorder:
    """The operators' side, counting the missed check-ins it is told of."""

    def __init__(self) -> None:
        self.count = 0

    async def missed(self, user_key: str, plan: CheckinPlan) -> None:
        self.count += 1

    async def answered_late(self, user_key: str, answer: Answer) -> None: ...


async def drain(scheduler: CheckinScheduler) -> float:
    start = time.perf_counter()
    while await scheduler.tick():
        pass
    return time.perf_counter() - start


async def run(url: str, count: int) -> dict[str, Any]:
    client = Redis.from_url(url, decode_responses=True)
    try:
        store = PlanStore(client, "bench-key")
        before = int((await client.info("memory"))["used_memory"])
        for i in range(count):
            plan = CheckinPlan(chat_key=str(100000 + i), language="ru", interval_s=2 * DAY,
                               duration_s=4 * WEEK, grace_s=12 * HOUR, country="PL",
                               employer="ООО «Агентство Светлый Путь»",
                               contact="+375 29 111 22 33 (сестра)")
            plan.start(NOW)
            await store.update(f"{i:032x}", lambda _, p=plan: p, now=NOW)
        after = int((await client.info("memory"))["used_memory"])
        content = shared_content().content  # loaded before the clock starts
        clock = [NOW + 2 * DAY + 1]
        phone, team = Instant(), Recorder()
        scheduler = CheckinScheduler(store, phone, team, lambda: content,
                                     lambda: clock[0])
        asked_s = await drain(scheduler)
        clock[0] += 12 * HOUR + 1
        missed_s = await drain(scheduler)
        assert phone.sent == count and team.count == count, (phone.sent, team.count)
        return {
            "plans": count,
            "bytes_per_plan": round((after - before) / count),
            "asked_per_s": round(count / asked_s),
            "missed_per_s": round(count / missed_s),
        }
    finally:
        await client.aclose()


def main() -> None:
    logging.disable(logging.WARNING)  # one line per missed check-in otherwise
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--plans", type=int, default=2000)
    args = parser.parse_args()
    with running_redis() as server:
        result = asyncio.run(run(server.url, args.plans))
    print(json.dumps(result, indent=2))
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "checkin.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
