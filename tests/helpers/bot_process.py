"""`python -m tests.helpers.bot_process`: the real runner in a process of its own.

Settings come from the environment exactly as in production (`python -m bot run`); only
Telegram's per-chat pacing and the handoff's timings are shortened so that a test with
hundreds of people ends in seconds. SIGTERM stops it the way systemd or Kubernetes does.
"""

from __future__ import annotations

import asyncio
import signal

from bot.adapters.telegram.limiter import OutgoingLimiter
from bot.adapters.telegram.runner import configure_logging, serve
from bot.config import load_settings

HANDOFF_TIMINGS = {"escalate_after": 600.0, "claim_idle": 1.0, "tick": 0.1, "claim_every": 0.2,
                   "read_block": 0.2}


async def _run() -> None:
    settings = load_settings()
    configure_logging(settings.bot.log_level, settings.bot.log_format)
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        asyncio.get_running_loop().add_signal_handler(sig, stop.set)
    limiter = OutgoingLimiter(global_rate=1000.0, chat_rate=1000.0, chat_burst=1000.0)
    await serve(settings, stop, limiter=limiter, handoff_options=dict(HANDOFF_TIMINGS))


if __name__ == "__main__":
    asyncio.run(_run())
