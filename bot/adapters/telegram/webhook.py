"""The webhook server (aiohttp), the same for both frameworks: check, record, answer, handle.

A request passes the secret, then the edge (`UpdateGate`: size, depth, shape, valid text), is
written to the inbox (`Inbox`, Redis) and only then answered 200; the update is handled in the
background and leaves the inbox when done. On stop the server stops accepting, finishes what
it has started, leaves the rest in the inbox for another replica or the next start
(`bot/adapters/telegram/inbox.py` says when they are taken up), and logs the counts.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from bot.adapters.telegram.edge import MalformedUpdate, UpdateGate
from bot.adapters.telegram.glue import log_failure
from bot.adapters.telegram.inbox import SWEEP_EVERY, Inbox, NoInbox

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
        gate: UpdateGate | None = None,
        inbox: Inbox | None = None,
        taken_over: set[int] | None = None,
    ) -> None:
        self._feed = feed
        self._secret = secret.encode()
        self._path = path
        self._semaphore = asyncio.Semaphore(max_concurrency)
        self._max_pending = max_pending
        self._health = health or (lambda: {})
        self._mount = mount  # more routes on this port: /readyz and /metrics (bot/health.py)
        self._gate = gate or UpdateGate()
        self._inbox: Inbox = inbox or NoInbox()
        self._tasks: set[asyncio.Task[None]] = set()
        self._in_hand: set[int] = set()  # update ids of `_tasks`
        # Update ids taken up from a stopped or dead process, while in hand: shared with the
        # pipeline, which then carries out what their outbox says instead of dropping them.
        self._taken_over = taken_over if taken_over is not None else set()
        self._runner: web.AppRunner | None = None
        self._stopping = False
        self._sweeper: asyncio.Task[None] | None = None
        self.handled = 0  # updates handled by this process (a stop logs it)
        self._left = 0  # recorded updates a stop left in the inbox
        # Set once a stop has handed the inbox over: an update finishing after that (an answer
        # with replies still unsent, bot/adapters/telegram/answering.py) is the taker's now.
        self._released = False

    def app(self) -> web.Application:
        """The aiohttp application (also handy for in-process tests)."""
        app = web.Application(client_max_size=self._gate.max_body)
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
        if self._stopping or len(self._tasks) >= self._max_pending:
            # Stopping or overloaded: Telegram redelivers later, which beats taking an update
            # that nobody will handle, or growing memory without bound.
            return web.Response(status=503)
        if (request.content_length or 0) > self._gate.max_body:
            return web.Response(status=self._gate.too_large().status)
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:  # a chunked body past client_max_size
            return web.Response(status=self._gate.too_large().status)
        verdict = self._gate.check(body)
        if verdict.update is not None:
            update = verdict.update
            durable = await self._inbox.put(update["update_id"], update)
            self._start(update, durable)
        return web.Response(status=verdict.status)

    def _start(self, update: dict[str, Any], durable: bool) -> None:
        update_id = update["update_id"]
        self._in_hand.add(update_id)
        task = asyncio.create_task(self._handle(update, durable))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        task.add_done_callback(lambda _: self._in_hand.discard(update_id))
        task.add_done_callback(lambda _: self._taken_over.discard(update_id))

    async def _handle(self, update: dict[str, Any], durable: bool) -> None:
        async with self._semaphore:
            if self._stopping:
                # Left for whoever sweeps next (taken while Redis was away: it may be back).
                if durable or await self._inbox.put(update["update_id"], update):
                    self._left += 1
                    return
            try:
                await self._feed(update)
            except MalformedUpdate:
                self._gate.report("unparsable")
            except Exception as exc:
                log_failure("webhook update", exc)
            self.handled += 1
            if durable and not self._released:
                # Also after a failure: a poison update must not come back forever.
                await self._inbox.done(update["update_id"])

    async def resume(self, full: bool = False) -> int:
        """Take up the updates a stopped or dead process left in the inbox; returns how many
        (`full`: also look past the inbox's index, as at start)."""
        count = 0
        async for update in self._inbox.left(full):
            update_id = update.get("update_id")
            if type(update_id) is int and update_id not in self._in_hand:
                self._taken_over.add(update_id)
                self._start(update, durable=True)
                count += 1
        if count:
            log.info("webhook inbox: %d updates left by a stopped or dead process, handling "
                     "them now", count)
        return count

    async def _sweep(self) -> None:
        """Keep this process's claim on its inbox entries, and take up what a replica left on
        stopping or dying meanwhile."""
        while True:
            await asyncio.sleep(SWEEP_EVERY)
            try:
                await self._inbox.renew()
                await self.resume()
            except Exception as exc:  # Redis away: the next sweep tries again
                log.warning("webhook inbox sweep failed: %s", type(exc).__name__)

    async def _on_health(self, request: web.Request) -> web.Response:
        return web.json_response({"status": "ok", "pending": len(self._tasks), **self._health()})

    async def start(self, host: str, port: int) -> None:
        """Handle what the inbox holds, then listen on host:port."""
        self._stopping = self._released = False
        try:
            await self._inbox.renew()
            await self.resume(full=True)
        except Exception as exc:  # Redis away at start: the sweep tries again
            log.warning("webhook inbox not read at start: %s", type(exc).__name__)
        self._sweeper = asyncio.create_task(self._sweep())
        self._runner = web.AppRunner(self.app(), access_log=None)  # URLs only, but stay quiet
        await self._runner.setup()
        await web.TCPSite(self._runner, host, port).start()
        log.info("webhook server listening on %s:%d", host, port)

    async def stop(self, grace: float = 25.0) -> None:
        """Stop taking updates; finish those started (up to `grace` seconds), leave the rest in
        the inbox for another replica or the next start; log how many were handled and left."""
        self._stopping = True
        if self._sweeper is not None:
            self._sweeper.cancel()
            self._sweeper = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        unfinished = 0
        if self._tasks:
            _, pending = await asyncio.wait(set(self._tasks), timeout=grace)
            unfinished = len(pending)
        await self._inbox.release()  # last: before, another replica could take what is in hand
        self._released = True
        log.info("webhook stopped: %d updates handled, %d left in the inbox for the next start, "
                 "%d unfinished after %.0f s", self.handled, self._left, unfinished, grace)
