"""Messages per second through the whole engine (in memory and Redis), and the chat's peak RSS.

Run from the repository root: `python bench/bench_engine.py [--events N]`.
Prints a table and writes bench-results/engine.json. Targets: >= 1,000 messages/s in memory
on one core, peak RSS of `python -m bot chat` < 200 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # so that `tests.helpers` and `bot` import from a checkout

from bot.core.engine import DialogueEngine  # noqa: E402
from bot.core.events import EventKind, IncomingEvent  # noqa: E402
from bot.core.session_store import InMemorySessionStore, SessionStore  # noqa: E402
from bot.factory import (  # noqa: E402
    build_content,
    build_engine,
    build_recognizer,
    build_triage,
)
from bot.storage.redis import RedisSessionStore, connect  # noqa: E402
from tests.helpers.chat import plain_settings  # noqa: E402
from tests.helpers.redis_server import running_redis  # noqa: E402

TARGET_RATE = 1000.0
TARGET_RSS_MB = 200.0

# A realistic mix: advice, risk (the longest path), service, noise, buttons and a flow.
SCRIPT: list[tuple[EventKind, str]] = [
    (EventKind.COMMAND, "/start"),
    (EventKind.TEXT, "как проверить агентство по трудоустройству"),
    (EventKind.TEXT, "у меня забрали паспорт и не отдают"),
    (EventKind.BUTTON, "c:PL"),
    (EventKind.BUTTON, "h:no"),
    (EventKind.TEXT, "how do I get a work permit in Poland"),
    (EventKind.TEXT, "як працаваць легальна ў Літве"),
    (EventKind.TEXT, "asdf qwerty"),
    (EventKind.BUTTON, "m:job_check"),
    (EventKind.BUTTON, "f:job_offer_check:fees:no"),
    (EventKind.TEXT, "2"),
    (EventKind.TEXT, "Нет"),
    (EventKind.BUTTON, "m:hotlines"),
    (EventKind.STICKER, ""),
    (EventKind.TEXT, "спасибо, до свидания"),
    (EventKind.TEXT, "mne ne platyat zarplatu uzhe 3 mesyaca"),
]
CHAT_LINES = [
    "/start",
    "1",
    "2",
    "1",
    "у меня забрали паспорт",
    "2",
    "3",
    "как проверить агентство",
    "hello",
    "what can you do",
    "/hotlines",
    "як працаваць легальна",
    "/language",
    "3",
]


def _event(user: int, kind: EventKind, value: str) -> IncomingEvent:
    return IncomingEvent(
        user_key=f"bench-user-{user:05d}",
        chat_key=f"bench-chat-{user:05d}",
        kind=kind,
        text=value if kind in (EventKind.TEXT, EventKind.COMMAND) else None,
        payload=value if kind == EventKind.BUTTON else None,
        language_code="ru",
    )


async def _rate(engine: DialogueEngine, events: int, users: int) -> dict[str, float]:
    """Feed `events` events, users taking turns through SCRIPT; messages per second."""
    stream = [_event(n % users, *SCRIPT[(n // users) % len(SCRIPT)]) for n in range(events)]
    for event in stream[: min(200, events)]:  # warm-up: caches, first-time imports
        await engine.handle(event)
    started = time.perf_counter()
    for event in stream:
        await engine.handle(event)
    elapsed = time.perf_counter() - started
    return {
        "events": events,
        "seconds": round(elapsed, 3),
        "per_second": round(events / elapsed, 1),
    }


async def _parts(settings: Any, content: Any, recognizer: Any) -> dict[str, float]:
    """Where a text message's time goes: the classifier and the danger-phrase triage."""
    texts = [value for kind, value in SCRIPT if kind == EventKind.TEXT] * 50
    triage = build_triage(settings)(content)
    started = time.perf_counter()
    parsed = [await recognizer.parse(text, "ru") for text in texts]
    middle = time.perf_counter()
    for text, result in zip(texts, parsed, strict=True):
        triage.assess(text, result)
    done = time.perf_counter()
    return {
        "classifier": round((middle - started) / len(texts) * 1000, 3),
        "triage": round((done - middle) / len(texts) * 1000, 3),
    }


async def _engine_rates(events: int, users: int) -> dict[str, dict[str, Any]]:
    settings = plain_settings()
    content, recognizer = build_content(settings), build_recognizer(settings)

    async def measure(store: SessionStore) -> dict[str, float]:
        engine = await build_engine(settings, store=store, recognizer=recognizer, content=content)
        try:
            return await _rate(engine, events, users)
        finally:
            await store.aclose()

    results = {"in_memory": await measure(InMemorySessionStore())}
    results["parts_per_text_ms"] = await _parts(settings, content.content, recognizer)
    with running_redis() as server:
        results["redis"] = await measure(RedisSessionStore(connect(server.url)))
    return results


def _chat_peak_rss_mb(repeats: int) -> float:
    """Peak RSS of `python -m bot chat` reading a pipe of messages (ru_maxrss of the child)."""
    lines = "".join(f"{line}\n" for line in CHAT_LINES * repeats)
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDIS_")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "chat", "--lang", "ru"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env=env,
    )
    assert proc.stdin is not None
    proc.stdin.write(lines.encode())
    proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"chat exited with {proc.returncode}")
    return usage.ru_maxrss / 1024  # KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results" / "engine.json")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):  # one core, as the target says
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    rates = asyncio.run(_engine_rates(args.events, args.users))
    rss = _chat_peak_rss_mb(repeats=20)
    report: dict[str, Any] = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus_used": 1,
        "users": args.users,
        "rates": rates,
        "chat_peak_rss_mb": round(rss, 1),
        "targets": {"in_memory_per_second": TARGET_RATE, "rss_mb": TARGET_RSS_MB},
        "meets_targets": rates["in_memory"]["per_second"] >= TARGET_RATE and rss < TARGET_RSS_MB,
    }
    print(f"{'measure':<28}{'value':>14}{'target':>12}")
    for name in ("in_memory", "redis"):
        target = f">= {TARGET_RATE:,.0f}" if name == "in_memory" else ""
        print(f"{'engine msgs/s, ' + name:<28}{rates[name]['per_second']:>14,.1f}{target:>12}")
    for part, ms in rates["parts_per_text_ms"].items():
        print(f"{part + ' ms per text':<28}{ms:>14,.3f}")
    print(f"{'chat peak RSS, MB':<28}{rss:>14,.1f}{'< ' + str(int(TARGET_RSS_MB)):>12}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written: {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0 if report["meets_targets"] else 1


if __name__ == "__main__":
    sys.exit(main())
