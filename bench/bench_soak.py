"""Soak: 100,000 mixed webhook updates through one bot process; its RSS sampled as they go.

The bot (webhook mode, Redis, the real engine, Telegram's outgoing limits opened up) runs in a
child process as in bench_webhook.py; this process posts updates with the right secret, in
windows of `--window`, waits until the bot has answered each window, and reads the child's
resident set size (VmRSS, /proc) after it. Memory is bounded when RSS levels off: the growth
over the second half of the run is reported beside the growth over the first.

The mix: people (from a pool of `--people`, so per-person state is exercised) writing texts in
ru/be/en, pressing buttons, editing, sending stickers; group messages; malformed updates
(wrong types, missing fields, lone surrogates, deep JSON, not JSON); update kinds the bot did
not ask for; and redeliveries of updates already answered.

    .venv/bin/python bench/bench_soak.py [--updates 100000] [--framework aiogram|ptb|both]

Writes bench-results/soak.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_webhook import SECRET, TEXTS, cpu_seconds, wait_healthy  # noqa: E402
from tests.helpers.fake_bot_api import FakeBotAPI, callback_update, message_update, user  # noqa: E402
from tests.helpers.redis_server import free_port, running_redis  # noqa: E402

PAYLOADS = ("m:job_check", "c:PL", "c:LT", "h:no", "h:yes", "m:menu", "f:nonsense", "op:take:x")
OPS = -1001234567  # the operators' chat: cases open, alerts are posted, strangers write there


def rss_mb(pid: int) -> float:
    """Resident set size of a process in MB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def mixed_update(api: FakeBotAPI, rng: random.Random, update_id: int, people: int
                 ) -> bytes:
    """One update of the mix, as the JSON body Telegram would post."""
    person = user(1_000_000 + rng.randrange(people), rng.choice(("ru", "be", "en")))
    roll = rng.random()
    body: Any
    if roll < 0.55:
        body = message_update(api, person, text=rng.choice(TEXTS))
    elif roll < 0.70:
        body = callback_update(api, person, rng.choice(PAYLOADS))
    elif roll < 0.75:
        edited = message_update(api, person, text=rng.choice(TEXTS))["message"]
        body = {"edited_message": {**edited, "edit_date": int(time.time())}}
    elif roll < 0.80:
        body = message_update(api, person, sticker={
            "file_id": "s", "file_unique_id": "su", "type": "regular", "width": 512,
            "height": 512, "is_animated": False, "is_video": False})
    elif roll < 0.84:
        chat_id = rng.choice((OPS, -100 - rng.randrange(50)))
        body = message_update(api, person, text=rng.choice(TEXTS),
                              chat={"id": chat_id, "type": "supergroup", "title": "g"})
    elif roll < 0.88:
        message = message_update(api, person, text="lone \ud83d half")["message"]
        body = {"message": message}
    elif roll < 0.95:
        message = message_update(api, person, text="x")["message"]
        broken = rng.choice(({"text": 5}, {"chat": "x"}, {"from": [1]}, {"date": 2**62},
                             {"entities": "x"}))
        body = {"message": {**message, **broken}}
    elif roll < 0.97:
        body = {"channel_post": {"message_id": 1, "date": 1, "chat": {"id": -5,
                                                                        "type": "channel"}}}
    elif roll < 0.985:
        return b'{"update_id": 1, "x": ' + b"[" * 5000 + b"]" * 5000 + b"}"
    else:
        return b"{not json"
    return json.dumps({"update_id": update_id, **body}).encode()


async def soak(framework: str, api: FakeBotAPI, redis_url: str, args: argparse.Namespace
               ) -> dict[str, Any]:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BOT_LOG_LEVEL": "ERROR",
           "OPERATOR_CHAT_ID": str(OPS)}
    proc = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "bench" / "bench_webhook.py"), "--serve", "ours",
        "--api-base", api.base_url, "--port", str(port), "--redis-url", redis_url,
        "--framework", framework, env=env, cwd=str(ROOT),
    )
    rng = random.Random(18)
    url = f"http://127.0.0.1:{port}"
    statuses: dict[int, int] = {}
    samples: list[dict[str, float]] = []
    try:
        await wait_healthy(url, proc)
        samples.append({"updates": 0, "rss_mb": round(rss_mb(proc.pid), 1), "seconds": 0.0})
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET,
                   "Content-Type": "application/json"}
        semaphore = asyncio.Semaphore(args.concurrency)
        start, cpu_start = time.monotonic(), cpu_seconds(proc.pid)
        recent: list[bytes] = []
        async with aiohttp.ClientSession() as http:
            async def post(body: bytes) -> None:
                while True:  # like Telegram: a 503 (too many in hand) is sent again later
                    async with semaphore, http.post(f"{url}/hook", data=body,
                                                    headers=headers) as resp:
                        statuses[resp.status] = statuses.get(resp.status, 0) + 1
                        if resp.status != 503:
                            return
                    await asyncio.sleep(0.5)

            async def handled() -> None:
                """Until the bot has no update in hand (its /healthz counts them)."""
                while True:
                    async with http.get(f"{url}/healthz") as resp:
                        if (await resp.json())["pending"] == 0:
                            return
                    await asyncio.sleep(0.2)

            done = 0
            while done < args.updates:
                size = min(args.window, args.updates - done)
                bodies = [mixed_update(api, rng, 10_000_000 + done + i, args.people)
                          for i in range(size)]
                redeliveries = rng.sample(recent, min(len(recent), size // 50))
                await asyncio.gather(*(post(b) for b in bodies + redeliveries))
                await handled()
                await api.quiet(period=0.3, within=600)  # the last answers are out
                done += size
                recent = bodies
                api.calls.clear()  # the fake's records are this process's memory, not the bot's
                api.chats.clear()
                api.keyboards.clear()
                samples.append({"updates": done, "rss_mb": round(rss_mb(proc.pid), 1),
                                "seconds": round(time.monotonic() - start, 1)})
                print(json.dumps({"framework": framework, **samples[-1]}), flush=True)
        elapsed = time.monotonic() - start
        cpu = cpu_seconds(proc.pid) - cpu_start
    finally:
        proc.terminate()
        await proc.wait()
    half = len(samples) // 2
    return {
        "updates": args.updates,
        "people": args.people,
        "updates_per_s": round(args.updates / elapsed, 1),
        "cpu_ms_per_update": round(cpu / args.updates * 1000, 3),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "rss_mb_start": samples[0]["rss_mb"],
        "rss_mb_end": samples[-1]["rss_mb"],
        "rss_growth_first_half_mb": round(samples[half]["rss_mb"] - samples[1]["rss_mb"], 1),
        "rss_growth_second_half_mb": round(samples[-1]["rss_mb"] - samples[half]["rss_mb"], 1),
        "samples": samples,
    }


async def bench(args: argparse.Namespace) -> dict[str, Any]:
    frameworks = ["aiogram", "ptb"] if args.framework == "both" else [args.framework]
    api = FakeBotAPI()
    await api.start()
    results: dict[str, Any] = {"cpus": os.cpu_count(),
                               "load_average_1m": round(os.getloadavg()[0], 2)}
    try:
        for framework in frameworks:
            with running_redis() as redis:
                results[framework] = await soak(framework, api, redis.url, args)
            print(json.dumps({framework: {k: v for k, v in results[framework].items()
                                          if k != "samples"}}), flush=True)
    finally:
        await api.stop()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=100_000)
    parser.add_argument("--window", type=int, default=5_000)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--framework", choices=["aiogram", "ptb", "both"], default="both")
    parser.add_argument("--out", default=str(ROOT / "bench-results" / "soak.json"))
    args = parser.parse_args()
    result = asyncio.run(bench(args))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    summary = {k: {kk: vv for kk, vv in v.items() if kk != "samples"}
               if isinstance(v, dict) else v for k, v in result.items()}
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
