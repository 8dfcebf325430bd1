"""The webhook server (aiohttp), the same for both frameworks: check, answer 200, handle later."""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from bot.adapters.telegram.glue import log_failure

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"

Feed = Callable[[dict[str, Any]], Awaitable[None]]


class WebhookServer:
    """POST <path> takes updates; GET /healthz says whether the process (and Redis) is well."""

    def __init__(
        self,
        feed: Feed,
        *,
        secret: str,
        path: str = "/telegram",
        max_concurrency: int = 32,
        max_pending: int = 10_000,
        health: Callable[[], dict[str, Any]] | None = None,
        mount: Callable[[web.Application], None] | None = None,
    ) -> None:
        self._feed = feed
        self._secret = secret.encode()
        self._path = path
        self._semaphore = asyncio.Semaphore(max_concurrency)
        self._max_pending = max_pending
        self._health = health or (lambda: {})
        self._mount = mount  # more routes on this port: /readyz and /metrics (bot/health.py)
        self._tasks: set[asyncio.Task[None]] = set()
        self._runner: web.AppRunner | None = None

    def app(self) -> web.Application:
        """The aiohttp application (also handy for in-process tests)."""
        app = web.Application()
        app.router.add_post(self._path, self._on_update)
        app.router.add_get("/healthz", self._on_health)
        if self._mount is not None:
            self._mount(app)
        return app

    async def _on_update(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER)
        if given is None:
            return web.Response(status=401)
        if not hmac.compare_digest(given.encode(), self._secret):
            return web.Response(status=403)
        if len(self._tasks) >= self._max_pending:
            # Overloaded: Telegram redelivers later, which beats growing memory without bound.
            return web.Response(status=503)
        try:
            raw = await request.json()
        except ValueError:
            return web.Response(status=400)
        if not isinstance(raw, dict) or not isinstance(raw.get("update_id"), int):
            return web.Response(status=400)
        task = asyncio.create_task(self._handle(raw))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return web.Response(status=200)

    async def _handle(self, raw: dict[str, Any]) -> None:
        async with self._semaphore:
            try:
                await self._feed(raw)
            except Exception as exc:
                log_failure("webhook update", exc)

    async def _on_health(self, request: web.Request) -> web.Response:
        return web.json_response({"status": "ok", "pending": len(self._tasks), **self._health()})

    async def start(self, host: str, port: int) -> None:
        """Listen on host:port."""
        self._runner = web.AppRunner(self.app(), access_log=None)  # URLs only, but stay quiet
        await self._runner.setup()
        await web.TCPSite(self._runner, host, port).start()
        log.info("webhook server listening on %s:%d", host, port)

    async def stop(self, grace: float = 10.0) -> None:
        """Stop taking updates, let the ones in hand finish (up to `grace` seconds)."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=grace)
