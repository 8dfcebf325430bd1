"""Webhook mode: the webhook server on WEBHOOK_LISTEN, Telegram told where it is, until stop."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from urllib.parse import urlparse

from bot.adapters.telegram.assembly import Assembly
from bot.adapters.telegram.edge import UpdateGate
from bot.adapters.telegram.glue import UpdatePipeline
from bot.adapters.telegram.inbox import Inbox, NoInbox, RedisInbox
from bot.adapters.telegram.startup import Secrets
from bot.adapters.telegram.webhook import WebhookServer
from bot.config import Settings
from bot.health import Readiness, mount
from bot.metrics import Metrics
from bot.storage.health import RedisHealth

log = logging.getLogger(__name__)


def build_inbox(settings: Settings, health: RedisHealth | None, metrics: Metrics) -> Inbox:
    """The webhook inbox in Redis (REDIS_WAIT_REPLICAS honoured), or none without Redis."""
    if health is None:
        return NoInbox()
    return RedisInbox(health.redis, health, wait_replicas=settings.redis.wait_replicas,
                      wait_timeout_ms=settings.redis.wait_timeout_ms,
                      on_unreplicated=metrics.inbox_unreplicated.inc)


async def run_webhook(
    settings: Settings, secrets: Secrets, parts: Assembly, metrics: Metrics,
    readiness: Readiness, stop: asyncio.Event, on_started: Callable[[UpdatePipeline], None] | None,
) -> None:
    """Serve the webhook (and /healthz, /readyz, /metrics on its port) until `stop` is set;
    then stop the server first, while the handoff its last updates may need still runs."""
    assert settings.webhook.url and secrets.webhook_secret
    health = parts.health
    server = WebhookServer(
        parts.adapter.feed, secret=secrets.webhook_secret,
        path=urlparse(settings.webhook.url).path or "/",
        max_concurrency=settings.webhook.max_concurrency,
        health=lambda: {"redis": "none"} if health is None else health.readiness(),
        mount=lambda app: mount(app, readiness, metrics),
        gate=UpdateGate(metrics),
        inbox=build_inbox(settings, health, metrics),
        taken_over=parts.glue.taken_over,
    )
    try:
        await server.start(settings.webhook.host, settings.webhook.port)
        await parts.adapter.set_webhook(settings.webhook.url, secrets.webhook_secret)
        log.info("webhook mode (%s)", settings.telegram.framework)
        readiness.started()
        if on_started is not None:
            on_started(parts.glue)
        await stop.wait()
    finally:
        await server.stop()
