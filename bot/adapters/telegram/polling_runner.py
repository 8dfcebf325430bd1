"""Polling mode: long-poll getUpdates until stop (any webhook is deleted first)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from bot.adapters.telegram.assembly import Assembly
from bot.adapters.telegram.glue import UpdatePipeline
from bot.config import Settings
from bot.health import Readiness

log = logging.getLogger(__name__)


async def run_polling(
    settings: Settings, parts: Assembly, readiness: Readiness, stop: asyncio.Event,
    on_started: Callable[[UpdatePipeline], None] | None,
) -> None:
    """Poll until `stop` is set; updates in hand are finished by `Assembly.close`."""
    log.info("polling mode (%s)", settings.telegram.framework)
    readiness.started()
    if on_started is not None:
        on_started(parts.glue)
    await parts.adapter.run_polling(stop)
