"""Liveness, readiness and metrics over HTTP, the same in polling and webhook mode.

`mount(app, ...)` adds `GET /readyz` and `GET /metrics` (and `GET /healthz` unless the app
already has one) to any aiohttp application: the webhook server mounts them on its own port,
polling mode runs a `HealthServer` on HEALTH_LISTEN. Nothing here names a person: readiness
answers with check names and short reasons, metrics carry closed label sets only.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import urllib.request
from collections.abc import Awaitable, Callable

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

from bot.config import Settings, load_settings
from bot.metrics import Metrics

log = logging.getLogger(__name__)

# A check answers None when all is well, else a short reason ("down", "not loaded", ...).
Check = Callable[[], Awaitable[str | None]]
CHECK_TIMEOUT_S = 2.0  # a probe must answer before Kubernetes' (default 1 s x retries) gives up


class Readiness:
    """Named readiness checks; the process is ready once started and every check passes.

    Other parts add their own checks with `add` (for example the Redis maxmemory-policy check
    or the operators' chat check) instead of editing this module. A check added with
    `required=False` is reported but does not make the process unready: the operators' chat
    being gone must not take every replica out of the load balancer, or nobody would get
    even the emergency numbers.
    """

    def __init__(self) -> None:
        self._checks: dict[str, Check] = {}
        self._advisory: set[str] = set()
        self._started = False

    def add(self, name: str, check: Check, *, required: bool = True) -> None:
        """Register (or replace) the check called `name`."""
        self._checks[name] = check
        if required:
            self._advisory.discard(name)
        else:
            self._advisory.add(name)

    def started(self) -> None:
        """Mark start-up as finished (content loaded, NLU trained, Bot API reached)."""
        self._started = True

    async def report(self) -> tuple[bool, dict[str, str]]:
        """(ready, {check name: "ok" or its reason}); a check that hangs or raises fails."""
        results: dict[str, str] = {"started": "ok" if self._started else "starting"}
        for name, check in self._checks.items():
            try:
                reason = await asyncio.wait_for(check(), CHECK_TIMEOUT_S)
            except TimeoutError:
                reason = "timeout"
            except Exception as exc:  # a failing check is a "not ready", never a crash
                reason = type(exc).__name__
            results[name] = reason or "ok"
        ready = all(value == "ok" for name, value in results.items()
                    if name not in self._advisory)
        return ready, results


def mount(app: web.Application, readiness: Readiness, metrics: Metrics) -> None:
    """Add /readyz, /metrics and (if absent) /healthz to `app`."""

    async def healthz(request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    async def readyz(request: web.Request) -> web.Response:
        ready, checks = await readiness.report()
        return web.json_response({"ready": ready, "checks": checks}, status=200 if ready else 503)

    async def exposition(request: web.Request) -> web.Response:
        response = web.Response(body=metrics.exposition())
        response.headers["Content-Type"] = CONTENT_TYPE_LATEST
        return response

    taken = {getattr(r, "canonical", None) for r in app.router.resources()}
    if "/healthz" not in taken:
        app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", exposition)


class HealthServer:
    """A small HTTP server for /healthz, /readyz and /metrics (polling mode has no other port)."""

    def __init__(self, readiness: Readiness, metrics: Metrics) -> None:
        self._app = web.Application()
        mount(self._app, readiness, metrics)
        self._runner: web.AppRunner | None = None

    async def start(self, host: str, port: int) -> None:
        """Listen on host:port."""
        self._runner = web.AppRunner(self._app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, host, port).start()
        log.info("health server listening on %s:%d", host, port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


def probe_url(settings: Settings, ready: bool) -> str | None:
    """Where this process's /healthz (or /readyz) is served; None when nothing is served."""
    listen = settings.webhook.listen if settings.bot.mode == "webhook" else \
        settings.bot.health_listen
    if not listen:
        return None
    host, _, port = listen.rpartition(":")
    if host in ("0.0.0.0", "::", "[::]"):
        host = "127.0.0.1"  # a wildcard bind is reached on loopback
    return f"http://{host}:{port}/{'readyz' if ready else 'healthz'}"


def probe_main(args: argparse.Namespace) -> int:
    """`health [--ready]`: 0 when the running bot answers 200 (Docker's HEALTHCHECK), else 1."""
    url = probe_url(load_settings(), args.ready)
    if url is None:
        print("no health endpoint: set BOT_HEALTH_LISTEN (polling mode)", file=sys.stderr)
        return 1
    try:
        with urllib.request.urlopen(url, timeout=CHECK_TIMEOUT_S + 1) as response:
            return 0 if response.status == 200 else 1
    except (OSError, ValueError) as exc:  # HTTPError (503) is an OSError too
        print(f"{url}: {exc}", file=sys.stderr)
        return 1
