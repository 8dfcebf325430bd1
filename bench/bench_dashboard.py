"""How long the dashboard's pages take with a year of counters in a real redis-server.

A year of days, 20 cases a day (counters, response times and the bot's own counters, written
through the real code) and 30 open cases; then each page is fetched `--runs` times over HTTP
with a signed-in session and the median and worst times are reported.

    .venv/bin/python bench/bench_dashboard.py [--runs 10]

Writes bench-results/dashboard.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
from redis.asyncio import Redis  # noqa: E402

from bot.core.events import OperatorAlert  # noqa: E402
from bot.handoff.cases import CaseStore  # noqa: E402
from bot.metrics import Metrics  # noqa: E402
from bot.metrics_history import MetricsHistory  # noqa: E402
from bot.privacy import Pseudonymizer  # noqa: E402
from tests.dashboard.conftest import (  # noqa: E402
    TOKEN,
    DayCounters,
    make_config,
    start_server,
    today,
)
from tests.helpers.redis_server import running_redis  # noqa: E402

PAGES = ["/cases", "/cases?period=day", "/content", "/bot", "/report", "/cases.csv?table=country"]


async def seed_year(redis: Redis, pseudonymizer: Pseudonymizer) -> None:
    countries, languages = ["PL", "LT", "DE", "RU", "CZ"], ["ru", "be", "en"]
    for offset in range(365):
        counters = DayCounters(redis, today() - timedelta(days=offset))
        for n in range(20):
            await counters.opened(languages[n % 3], countries[n % 5], "risk", "high",
                                  ["risk_documents_withheld"] if n % 2 else [])
            await counters.duration("taken", 60 + 13 * n)
            await counters.duration("closed", 3600 + 97 * n)
        await counters.outcome("referred")
    metrics = Metrics()
    metrics.handled.labels("text").inc(1000)
    await MetricsHistory(redis, metrics).flush()
    store = CaseStore(redis, 3600)
    for n in range(30):
        key = pseudonymizer.user_key(n)
        await store.open(OperatorAlert(user_key=key, chat_key=str(n), reason="risk",
                                       language="ru"), pseudonymizer.pseudonym(key))


async def main(runs: int) -> dict[str, object]:
    with running_redis() as server:
        redis = Redis.from_url(server.url, decode_responses=True)
        pseudonymizer = Pseudonymizer("bench-key")
        started = time.perf_counter()
        await seed_year(redis, pseudonymizer)
        seeded_s = time.perf_counter() - started
        app, runner = await start_server(make_config(redis, pseudonymizer, days=365))
        results: dict[str, object] = {"seed_s": round(seeded_s, 1), "days": 365, "runs": runs}
        try:
            jar = aiohttp.CookieJar(unsafe=True)
            async with aiohttp.ClientSession(cookie_jar=jar) as client:
                await client.post(f"{app.url}/login", data={"token": TOKEN})
                for path in PAGES:
                    times = []
                    for _ in range(runs):
                        begin = time.perf_counter()
                        async with client.get(app.url + path) as response:
                            assert response.status == 200, path
                            await response.read()
                        times.append((time.perf_counter() - begin) * 1000)
                    results[path] = {"median_ms": round(statistics.median(times), 1),
                                     "max_ms": round(max(times), 1)}
                    print(f"{path:28} median {statistics.median(times):7.1f} ms  "
                          f"max {max(times):7.1f} ms")
        finally:
            await runner.cleanup()
            await redis.aclose()
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    result = asyncio.run(main(parser.parse_args().runs))
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "dashboard.json").write_text(json.dumps(result, indent=2))
