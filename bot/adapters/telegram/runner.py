"""`python -m bot run`: check the settings, assemble the bot, poll or serve a webhook.

Start-up shared by both modes is in `startup.py` and `assembly.py`; each mode in its own
runner (`polling_runner.py`, `webhook_runner.py`).
"""

from __future__ import annotations

import argparse
import asyncio
import signal
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from bot.adapters.telegram.assembly import Background, assemble
from bot.adapters.telegram.glue import UpdatePipeline
from bot.adapters.telegram.limiter import OutgoingLimiter
from bot.adapters.telegram.polling_runner import run_polling
from bot.adapters.telegram.startup import (
    EngineFactory,
    Secrets,
    check_settings,
    configure_logging,
    reload_content,
)
from bot.adapters.telegram.webhook_runner import run_webhook
from bot.config import Settings, load_settings
from bot.health import HealthServer, Readiness
from bot.metrics import Metrics

# Imported from here by tests, benches and `bot/__main__.py`.
__all__ = ["EngineFactory", "check_settings", "configure_logging", "main", "reload_content",
           "serve"]


async def serve(
    settings: Settings,
    stop: asyncio.Event,
    *,
    engine_factory: EngineFactory | None = None,
    on_started: Callable[[UpdatePipeline], None] | None = None,
    limiter: OutgoingLimiter | None = None,
    handoff_options: dict[str, Any] | None = None,
    metrics: Metrics | None = None,
    checkin_options: dict[str, Any] | None = None,
) -> None:
    """Run the bot until `stop` is set (`limiter`: Telegram's limits unless a bench says so).

    `metrics`: the process's registry (one is made when not given); /metrics, /healthz and
    /readyz are served on the webhook port, or on BOT_HEALTH_LISTEN when polling.
    """
    secrets = check_settings(settings)
    metrics = metrics or Metrics()
    readiness = Readiness()
    health_server: HealthServer | None = None
    if settings.bot.mode == "polling" and settings.bot.health_listen:
        # Up before the engine trains, so liveness answers and readiness says "starting".
        health_server = HealthServer(readiness, metrics)
        host, _, port = settings.bot.health_listen.rpartition(":")
        await health_server.start(host, int(port))
    try:
        await _serve(settings, stop, secrets, metrics, readiness, engine_factory=engine_factory,
                     on_started=on_started, limiter=limiter, handoff_options=handoff_options,
                     checkin_options=checkin_options)
    finally:
        if health_server is not None:
            await health_server.stop()


async def _serve(
    settings: Settings,
    stop: asyncio.Event,
    secrets: Secrets,
    metrics: Metrics,
    readiness: Readiness,
    *,
    engine_factory: EngineFactory | None,
    on_started: Callable[[UpdatePipeline], None] | None,
    limiter: OutgoingLimiter | None,
    handoff_options: dict[str, Any] | None,
    checkin_options: dict[str, Any] | None = None,
) -> None:
    parts = await assemble(settings, secrets, metrics, readiness, engine_factory=engine_factory,
                           limiter=limiter, handoff_options=handoff_options,
                           checkin_options=checkin_options)
    background = Background()
    try:
        await parts.adapter.start(parts.texts)
        check_chat = getattr(parts.handoff, "check_chat", None)
        if check_chat is not None:  # a wrong OPERATOR_CHAT_ID stops the start, in one line
            await check_chat()
        background.start(parts, settings, metrics)
        if settings.bot.mode == "webhook":
            # Returns with the server stopped: updates it finished may still need the handoff.
            await run_webhook(settings, secrets, parts, metrics, readiness, stop, on_started)
        else:
            await run_polling(settings, parts, readiness, stop, on_started)
    finally:
        await background.stop()
        await parts.close()


async def _run(settings: Settings) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    await serve(settings, stop)


def main(args: argparse.Namespace) -> int:
    """`python -m bot run`: returns the exit code; ConfigError is reported by __main__."""
    settings = load_settings()
    check_settings(settings)
    configure_logging(settings.bot.log_level, settings.bot.log_format)
    asyncio.run(_run(settings))
    return 0
