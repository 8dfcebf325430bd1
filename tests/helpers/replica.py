"""One bot replica as its own process: `python -m tests.helpers.replica` (settings from env).

The real runner (`serve`) in webhook mode, with the test pacing of the outgoing limiter and
handoff timings that keep escalations out of a test's way; stopped by SIGTERM.
"""

from __future__ import annotations

import asyncio
import signal

from bot.adapters.telegram.limiter import OutgoingLimiter
from bot.adapters.telegram.runner import configure_logging, serve
from bot.config import load_settings

HANDOFF = {"escalate_after": 3600.0, "claim_idle": 5.0, "tick": 0.2, "claim_every": 1.0,
           "read_block": 0.2}


async def run() -> None:
    settings = load_settings()
    configure_logging(settings.bot.log_level)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    limiter = OutgoingLimiter(global_rate=1000.0, chat_rate=1000.0, chat_burst=1000.0)
    await serve(settings, stop, limiter=limiter, handoff_options=dict(HANDOFF))


if __name__ == "__main__":
    asyncio.run(run())
