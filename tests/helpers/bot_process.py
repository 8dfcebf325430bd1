"""`python -m tests.helpers.bot_process`: the real runner in a process of its own.

Settings come from the environment exactly as in production (`python -m bot run`); only
Telegram's per-chat pacing and the handoff's timings are shortened so that a test with
hundreds of people ends in seconds. SIGTERM stops it the way systemd or Kubernetes does.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path

from bot.adapters.telegram.limiter import OutgoingLimiter
from bot.adapters.telegram.runner import configure_logging, serve
from bot.config import load_settings

HANDOFF_TIMINGS = {"escalate_after": 600.0, "claim_idle": 1.0, "tick": 0.1, "claim_every": 0.2,
                   "read_block": 0.2}
# SMB_POST_LOCK_S: how long one process may post an alert before another may (the handoff's
# `post_lock`, 20 s by default) for a test whose post is cut by a kill and taken up again.
POST_LOCK_ENV = "SMB_POST_LOCK_S"


def dump_tasks() -> None:
    """SIGUSR1: where every asyncio task waits, one JSON log line each (code locations only:
    no locals, no text), so a bench that saw an answer missing can tell what holds it."""
    now = datetime.now(UTC).isoformat(timespec="milliseconds")
    for task in asyncio.all_tasks():
        where: list[str] = []
        coro: object = task.get_coro()
        while coro is not None and len(where) < 40:
            frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
            if frame is not None:
                where.append(f"{Path(frame.f_code.co_filename).name}:{frame.f_lineno} "
                             f"{frame.f_code.co_name}")
            coro = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None)
        print(json.dumps({"time": now, "level": "INFO", "logger": "tasks",
                          "message": " > ".join(where)}), file=sys.stderr, flush=True)


async def _run() -> None:
    settings = load_settings()
    configure_logging(settings.bot.log_level, settings.bot.log_format)
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        asyncio.get_running_loop().add_signal_handler(sig, stop.set)
    asyncio.get_running_loop().add_signal_handler(signal.SIGUSR1, dump_tasks)
    limiter = OutgoingLimiter(global_rate=1000.0, chat_rate=1000.0, chat_burst=1000.0)
    options: dict[str, float] = dict(HANDOFF_TIMINGS)
    if os.environ.get(POST_LOCK_ENV):
        options["post_lock"] = float(os.environ[POST_LOCK_ENV])
    await serve(settings, stop, limiter=limiter, handoff_options=options)


if __name__ == "__main__":
    asyncio.run(_run())
