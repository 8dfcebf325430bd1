"""Sizing figures for docs/DEPLOY.md: webhook replicas behind haproxy, on real processes.

For 1 and then 2 bot processes (the real runner, webhook mode, aiogram, embedded NLU) behind
haproxy with deploy/haproxy.cfg's backend, on one redis-server: PEOPLE people (10% at risk,
reaching an operator alert) each send 5 updates, one after the bot's whole answer to the last,
all people at once. Reported per run: updates per second through haproxy, the bot processes'
CPU seconds per update (user + system from /proc), each process's peak resident memory
(VmHWM), and Redis memory per person (used_memory growth / people, first run).

    .venv/bin/python bench/bench_deploy.py [--people 300] [--replicas 1,2] [--repeat 1]

Writes bench-results/deploy.json, and each bot process's log (JSON lines: no message text, no
raw ids; INFO, so take-overs and "reply not delivered" show) under
bench-results/deploy-logs/<run>/<replicas>-replicas-<pass>/bot-<n>.log; a failure names that
directory. A person's step that brings fewer messages than the reference person's within
WITHIN seconds waits LATE seconds more: the rest never came fails the run, late is listed
("late_steps").

The outgoing limiter is opened up (Telegram's ~30 messages/s
per bot would be all we measure); the machine's load average is recorded with the figures,
because the load generator, fake Bot API, haproxy and Redis share its cores with the bots.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import sys
import time
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers.fake_bot_api import TOKEN, FakeBotAPI  # noqa: E402
from tests.helpers.ha import BotReplicas, HAProxy, redis_command, wait_until  # noqa: E402
from tests.helpers.redis_server import running_redis  # noqa: E402
from tests.helpers.webhook_load import OPS, SECRET, Person, Telegram  # noqa: E402

NORMAL = [("text", "/start"), ("text", "хочу работать в Польше"), ("text", "/menu"),
          ("text", "как проверить работодателя?"), ("text", "спасибо")]
WITHIN = 60.0  # seconds a step's whole answer may take under the bench's load
LATE = 120.0  # then this much longer: a late answer is not a lost one, and the bench says so
RISK = [("text", "/start"), ("text", "у меня забрали паспорт и не отпускают"),
        ("press", "c:PL"), ("press", "h:text"), ("case", "я в Варшаве, помогите")]


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def used_memory(port: int) -> int:
    info = redis_command(port, "INFO", "memory") or ""
    line = next(x for x in info.splitlines() if x.startswith("used_memory:"))
    return int(line.split(":")[1])


def keep_logs(bots: BotReplicas, logs: Path) -> None:
    """Stop the bots (their last lines are then written) and copy their logs to `logs`."""
    for name in list(bots.procs):
        bots.stop(name)
    logs.mkdir(parents=True, exist_ok=True)
    for log in bots.logs():
        shutil.copy(log, logs / log.name)


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def reload_rss(bots: BotReplicas, pid: int, reloads: int) -> list[int]:
    """The bot's resident memory (MiB) after each of `reloads` content reloads (SIGHUP, as
    `systemctl reload` sends), each waited for in its log ("content reloaded")."""
    (log,) = [path for path in bots.logs() if path.name.startswith("bot-0")]
    after = []
    for n in range(1, reloads + 1):
        os.kill(pid, signal.SIGHUP)
        deadline = time.monotonic() + 120
        while log.read_text(errors="replace").count("content reloaded") < n:
            if time.monotonic() > deadline:
                raise AssertionError(f"reload {n} did not finish within 120 s: {log}")
            await asyncio.sleep(0.2)
        await asyncio.sleep(1)  # what the reload freed is given back before the reading
        after.append(round(rss_mib(pid)))
    return after


async def run(replicas: int, people: int, api: FakeBotAPI, redis_url: str,
              redis_port: int, logs: Path, reloads: int = 0) -> dict[str, Any]:
    redis_command(redis_port, "FLUSHALL")
    bots = BotReplicas({
        "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE": api.base_url, "BOT_MODE": "webhook",
        "WEBHOOK_URL": "https://bot.example.org/telegram", "WEBHOOK_SECRET": SECRET,
        "BOT_PSEUDONYM_KEY": "bench-pseudonym-key", "REDIS_URL": redis_url,
        "OPERATOR_CHAT_ID": str(OPS), "OPERATOR_IDS": "4343",
        "BOT_RATE_LIMIT_PER_MINUTE": "60", "BOT_LOG_LEVEL": "INFO",
        "BOT_LOG_FORMAT": "json",
    }, count=replicas)
    proxy: HAProxy | None = None
    try:
        for n in range(replicas):
            bots.start_bot(n)
        for n in range(replicas):
            await asyncio.to_thread(wait_until, f"bot {n}", lambda n=n: bots.ready(n), 120)
        proxy = HAProxy(bots.ports)
        await asyncio.to_thread(proxy.up)
        pids = [bots.procs[f"bot-{n}"].pid for n in range(replicas)]
        idle_rss = [peak_rss_mib(pid) for pid in pids]
        async with aiohttp.ClientSession() as http:
            telegram = Telegram(api, f"http://127.0.0.1:{proxy.port}/telegram", http)
            base = 1_000_000 * replicas
            reference = [Person(telegram, base + 1, NORMAL, within=WITHIN),
                         Person(telegram, base + 2, RISK, within=WITHIN)]
            for person in reference:
                await person.steps(5)
            memory_before = used_memory(redis_port)
            crowd = [Person(telegram, base + 10 + n, RISK if n % 10 == 0 else NORMAL,
                            reference[1 if n % 10 == 0 else 0].counts, within=WITHIN, late=LATE)
                     for n in range(people)]
            cpu_before = sum(cpu_seconds(pid) for pid in pids)
            started = time.perf_counter()
            try:
                await asyncio.gather(*(p.steps(5) for p in crowd))
            except AssertionError as exc:
                for pid in pids:  # where each task waits, into the logs (bot_process.py)
                    os.kill(pid, signal.SIGUSR1)
                await asyncio.sleep(2)
                raise AssertionError(f"{exc}; the bots' logs: {logs}") from None
            elapsed = time.perf_counter() - started
            cpu = sum(cpu_seconds(pid) for pid in pids) - cpu_before
            memory_after = used_memory(redis_port)
        after_reloads = await reload_rss(bots, pids[0], reloads) if reloads else []
        updates = people * 5
        return {
            "replicas": replicas, "people": people, "updates": updates,
            "seconds": round(elapsed, 2), "updates_per_s": round(updates / elapsed, 1),
            "bot_cpu_ms_per_update": round(1000 * cpu / updates, 2),
            "idle_rss_mib": [round(x) for x in idle_rss],
            "peak_rss_mib": [round(peak_rss_mib(pid)) for pid in pids],
            "redis_bytes_per_person": round((memory_after - memory_before) / people),
            "rss_after_each_reload_mib": after_reloads,
            "peak_rss_after_reloads_mib": round(peak_rss_mib(pids[0])),
            "retried_posts": dict(telegram.reasons),
            "late_steps": [note for p in crowd for note in p.late_steps],  # late, not lost
        }
    finally:
        if proxy is not None:
            await asyncio.to_thread(proxy.close)
        await asyncio.to_thread(keep_logs, bots, logs)
        await asyncio.to_thread(bots.close)


async def main(people: int, passes: list[int], logs: Path,
               reloads: int = 0) -> list[dict[str, Any]]:
    api = FakeBotAPI()
    await api.start()
    results = []
    try:
        with running_redis() as redis:
            for n, replicas in enumerate(passes, 1):
                result = await run(replicas, people, api, redis.url, redis.port,
                                   logs / f"{replicas}-replicas-{n}", reloads)
                result["load_average"] = os.getloadavg()[0]
                results.append(result)
                print(json.dumps(result), flush=True)
    finally:
        await api.stop()
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--people", type=int, default=300)
    parser.add_argument("--replicas", default="1,2",
                        help="the passes, as numbers of bot processes (default 1,2)")
    parser.add_argument("--repeat", type=int, default=1, help="run the passes this many times")
    args = parser.parse_args()
    out = ROOT / "bench-results"
    logs = out / "deploy-logs" / time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    passes = [int(x) for x in args.replicas.split(",")] * args.repeat
    results = asyncio.run(main(args.people, passes, logs))
    (out / "deploy.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"bots' logs: {logs}")
