"""Resident memory of a process across content reloads (SIGHUP): does it plateau?

The bot keeps the content in use, the danger-phrase matchers of the last few contents and the
ad check's checkers of the last few rules; every reload trains the ad check's sentence model
again (the files are read afresh, so the rules are new objects). This bench does what SIGHUP
does, in one process: `ContentReloader.reload_once` (worker thread, then install) N times over
the repository's content/, and reads VmRSS from /proc/self/status after 1, 5 and 10 (or
`--reloads`) reloads.

    .venv/bin/python bench/bench_reload.py [--reloads 10]

Writes bench-results/reload.json. Linux only (/proc).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.content.loader import ContentHolder  # noqa: E402
from bot.content.reloader import ContentReloader  # noqa: E402
from bot.metrics import Metrics  # noqa: E402


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise SystemExit("no VmRSS in /proc/self/status")


async def measure(reloads: int) -> dict[str, Any]:
    holder = ContentHolder(ROOT / "content")
    holder.matchers.for_content(holder.content)  # as after the bot's first message
    reloader = ContentReloader(holder, Metrics())
    figures: dict[str, Any] = {"loaded_mib": round(rss_mib(), 1), "after": {}}
    marks = {1, 5, 10, reloads}
    started = time.perf_counter()
    for done in range(1, reloads + 1):
        problems = await reloader.reload_once()
        if any(p.severity == "error" for p in problems):
            raise SystemExit("content/ has errors: run `python -m bot content check`")
        if done in marks:
            figures["after"][str(done)] = round(rss_mib(), 1)
            print(f"after {done} reloads: {figures['after'][str(done)]} MiB", flush=True)
    figures["seconds_per_reload"] = round((time.perf_counter() - started) / reloads, 1)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--reloads", type=int, default=10)
    args = parser.parse_args()
    figures = asyncio.run(measure(args.reloads))
    out = ROOT / "bench-results" / "reload.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
