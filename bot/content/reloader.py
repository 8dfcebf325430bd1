"""SIGHUP: content/ reloaded in a worker thread while the current content keeps answering.

Loading, checking and the ad check's model training take seconds to tens of seconds of CPU; on
the event loop they stopped every reply, alert and /healthz answer for as long. `prepare` runs in
a daemon thread; the new content is installed on the loop in one assignment, so
an update sees either the old content or the new one. A reload with errors keeps the old content
(logged, `smb_content_reloads_total{outcome="rejected"}`).

Signals that arrive while a reload runs ask for one more reload after it (the editor saved
again), not one each.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from contextlib import suppress
from functools import partial
from typing import TypeVar, cast

from bot.content.loader import ContentHolder
from bot.content.models import Content
from bot.content.problems import Problem
from bot.metrics import Metrics

log = logging.getLogger(__name__)
T = TypeVar("T")
Prepare = Callable[[], tuple[Content | None, list[Problem]]]


def _settle(done: asyncio.Future[T], result: T | None, error: BaseException | None) -> None:
    if done.cancelled():
        return
    if error is not None:
        done.set_exception(error)
    else:
        done.set_result(cast(T, result))



async def in_daemon_thread(work: Callable[[], T]) -> T:
    """`work()` in a thread of its own, awaited on the loop.

    Not `asyncio.to_thread`: `asyncio.run` joins the default executor's threads on exit, so a
    stop during a reload would wait out the whole reload; a daemon thread is left behind (it
    only reads files and trains a model that nobody will use).
    """
    loop = asyncio.get_running_loop()
    done: asyncio.Future[T] = loop.create_future()

    def run() -> None:
        try:
            result = work()
        except BaseException as exc:  # handed to the awaiting task
            deliver = partial(_settle, done, None, exc)
        else:
            deliver = partial(_settle, done, result, None)
        with suppress(RuntimeError):  # the loop closed meanwhile: nobody waits for it
            loop.call_soon_threadsafe(deliver)

    threading.Thread(target=run, name="content-reload", daemon=True).start()
    return await done


class ContentReloader:
    """One reload at a time, off the event loop; `request` is the (synchronous) signal handler.

    `prepare`: the blocking half (default: the holder's), replaceable so a test can hold the
    worker thread while it talks to the bot.
    """

    def __init__(self, holder: ContentHolder, metrics: Metrics | None = None,
                 prepare: Prepare | None = None) -> None:
        self._holder = holder
        self._metrics = metrics
        self._prepare = prepare or holder.prepare
        self._task: asyncio.Task[None] | None = None
        self._again = False  # a signal came while a reload ran

    def request(self) -> None:
        """Start a reload, or ask for one more after the one running."""
        if self._task is not None and not self._task.done():
            self._again = True
            return
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def wait(self) -> None:
        """Until no reload runs (for tests and a clean stop)."""
        while self._task is not None and not self._task.done():
            await asyncio.shield(self._task)

    async def aclose(self) -> None:
        """Stop waiting for a running reload (its thread ends by itself; nothing is installed)."""
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass

    async def _run(self) -> None:
        while True:
            self._again = False
            await self.reload_once()
            if not self._again:
                return

    async def reload_once(self) -> list[Problem]:
        """Prepare in a worker thread, install on the loop; returns the problems found."""
        try:
            content, problems = await in_daemon_thread(self._prepare)
        except Exception as exc:  # a bug, not bad YAML: keep serving what we have
            log.error("content reload failed (%s), keeping the previous content",
                      type(exc).__name__)
            self._count("rejected")
            return []
        self._holder.install(content)
        errors = sum(p.severity == "error" for p in problems)
        self._count("rejected" if errors or content is None else "ok")
        if errors or content is None:
            log.error("content reload rejected (%d errors); run `python -m bot content check`",
                      errors)
        else:
            log.info("content reloaded (%d warnings)", len(problems))
        return problems

    def _count(self, outcome: str) -> None:
        if self._metrics is not None:
            self._metrics.content_reloads.labels(outcome).inc()
