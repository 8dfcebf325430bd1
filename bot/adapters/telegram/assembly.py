"""The parts of a running bot put together, and the background work both runners share.

`assemble` builds storage, engine, adapter, handoff and the glue from the settings (in the
order the parts need each other); `Background` runs the handoff's poster, the Redis watch and
the daily counters until stopped; `Assembly.close` lets updates in hand finish, then closes.
"""

from __future__ import annotations

import asyncio
import signal
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from typing import Any

from bot.adapters.telegram.glue import Engine, UpdatePipeline
from bot.adapters.telegram.group_wiring import build_group_gate
from bot.adapters.telegram.groups import GroupGate
from bot.adapters.telegram.limiter import OutgoingLimiter
from bot.adapters.telegram.locks import PersonLocks
from bot.adapters.telegram.measured import MeasuredEngine, MeasuredMessenger, MeasuredRateLimiter
from bot.adapters.telegram.operators import Handoff, operator_texts
from bot.adapters.telegram.outbox import RedisOutbox
from bot.adapters.telegram.person_order import PersonOrder
from bot.adapters.telegram.startup import (
    EngineFactory,
    Secrets,
    add_readiness_checks,
    bind_held_texts,
    build_rate_limiter,
    build_storage,
    check_redis,
    danger_check_for,
    default_engine,
    make_adapter,
    make_handoff,
    person_wait,
)
from bot.adapters.telegram.state import ChatState
from bot.adapters.telegram.texts import TransportTexts
from bot.checkin.scheduler import CheckinScheduler
from bot.checkin.wiring import build_checkins
from bot.config import Settings
from bot.content.loader import ContentHolder
from bot.content.reloader import ContentReloader
from bot.core.session_store import SessionStore
from bot.handoff.alerts import PRESS_ELSEWHERE
from bot.health import Readiness
from bot.i18n import I18n
from bot.metrics import Metrics
from bot.metrics_history import MetricsHistory
from bot.privacy import Pseudonymizer
from bot.storage.fallback import FallbackSessionStore, RedisHealth

DRAIN_S = 10.0  # seconds updates in hand may take to finish before the Bot API session closes


@dataclass(slots=True)
class Assembly:
    """One bot's parts, built by `assemble`."""

    store: SessionStore
    state: ChatState
    health: RedisHealth | None
    engine: Engine
    adapter: Any  # AiogramAdapter or PTBAdapter
    texts: TransportTexts
    handoff: Handoff
    glue: UpdatePipeline
    checkins: CheckinScheduler | None
    groups: GroupGate | None
    reloader: ContentReloader | None = None  # SIGHUP's, off the event loop

    async def close(self) -> None:
        """Let updates in hand finish (up to DRAIN_S), then close the Bot API session, the
        engine and storage."""
        # Stopping polling cancels only the fetching, not aiogram's handler tasks.
        self.glue.stop_rest()
        with suppress(TimeoutError):
            await asyncio.wait_for(self.glue.drain(), DRAIN_S)
        if self.groups is not None:
            with suppress(TimeoutError):
                await asyncio.wait_for(self.groups.drain(), DRAIN_S)
        await self.adapter.aclose()
        with suppress(NotImplementedError, AttributeError):
            asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
        if self.reloader is not None:
            await self.reloader.aclose()
        closer = getattr(self.engine, "aclose", None)
        if closer is not None:
            await closer()
        await self.store.aclose()


async def assemble(
    settings: Settings, secrets: Secrets, metrics: Metrics, readiness: Readiness, *,
    engine_factory: EngineFactory | None, limiter: OutgoingLimiter | None,
    handoff_options: dict[str, Any] | None, checkin_options: dict[str, Any] | None = None,
) -> Assembly:
    """Build every part from the settings; SIGHUP reloads content from now on."""
    # One set of catalogs for the engine, the transport, the handoff and the groups.
    i18n = I18n(settings.bot.locales_dir)
    store, state, health = build_storage(settings, metrics)
    if health is not None:
        await check_redis(health)
        metrics.redis_up.set_function(lambda: 1.0 if health.up else 0.0)
    raw_engine = await (engine_factory or partial(default_engine, metrics=metrics, i18n=i18n))(
        settings, store)
    bind_held_texts(raw_engine, health, secrets.pseudonym_key)
    engine = MeasuredEngine(raw_engine, metrics)
    limiter = limiter or OutgoingLimiter()
    # Polling: one person's updates in update_id order, each waiting as long as the lock would.
    order = PersonOrder(person_wait(settings))
    adapter = make_adapter(settings, secrets.token, limiter, order)
    pseudonymizer = Pseudonymizer(secrets.pseudonym_key)
    texts = TransportTexts(i18n)
    holder: ContentHolder | None = getattr(engine, "content_holder", None)
    # A typed "can I talk to a person?" in an open case: the engine reads it (tests' engines
    # may not), the handoff answers it as the button.
    handoff = make_handoff(settings, adapter, pseudonymizer, store, state, health,
                           handoff_options, holder, metrics, i18n=i18n,
                           asks_person=getattr(raw_engine, "asks_for_person", None))
    reloader = None if holder is None else ContentReloader(holder, metrics)
    if reloader is not None:
        with suppress(NotImplementedError, AttributeError):  # no SIGHUP on Windows
            asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, reloader.request)
    add_readiness_checks(readiness, health, holder, handoff)
    checkins = None if holder is None else build_checkins(
        raw_engine, handoff, adapter.messenger, health.redis if health else None,
        lambda: holder.content, secrets.pseudonym_key, on_sent=state.remember, metrics=metrics,
        **(checkin_options or {}))
    glue = UpdatePipeline(
        engine=engine, messenger=MeasuredMessenger(adapter.messenger, metrics),
        state=state, store=store,
        pseudonymizer=pseudonymizer,
        handoff=handoff, texts=texts,
        rate_limiter=MeasuredRateLimiter(build_rate_limiter(settings, health), metrics),
        # A holder is cut at the handling limit: a waiter that waited that and a lease more
        # is behind a replica that died or froze, and goes ahead.
        locks=PersonLocks(health, lease=settings.bot.lock_lease_s,
                          wait=person_wait(settings)),
        handling_limit=settings.bot.handling_limit, flood_wait=limiter.blocked_for, order=order,
        danger=danger_check_for(engine), send_budget=settings.bot.send_budget_s,
        operator_chat_id=settings.operators.chat_id, metrics=metrics,
        outbox=RedisOutbox(health.redis, store, health)
        if health is not None and isinstance(store, FallbackSessionStore) else None,
        press_elsewhere=operator_texts(settings, i18n).text(PRESS_ELSEWHERE),
    )
    # Public groups (docs/GROUPS.md): their own router in each adapter, never the dialogue.
    groups = build_group_gate(settings, holder, adapter.messenger, pseudonymizer, state, health,
                              handoff.is_operators_chat, i18n)
    adapter.bind(glue, groups)
    return Assembly(store, state, health, engine, adapter, texts, handoff, glue, checkins,
                    groups, reloader)


class Background:
    """The handoff's poster (posts, re-claims and escalates alerts), the check-in scheduler,
    Redis' memory watch and the daily counters, until `stop`."""

    def __init__(self) -> None:
        self._stop = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []

    def start(self, parts: Assembly, settings: Settings, metrics: Metrics) -> None:
        run_handoff = getattr(parts.handoff, "run", None)
        if run_handoff is not None:
            self._tasks.append(asyncio.create_task(run_handoff(self._stop)))
        if parts.checkins is not None:  # check-ins due in Redis, whichever replica claims them
            self._tasks.append(asyncio.create_task(parts.checkins.run(self._stop)))
        if parts.health is not None:  # Redis memory, OOM spells, the policy after a failover
            self._tasks.append(asyncio.create_task(
                parts.health.watch(self._stop, settings.redis.memory_check_s)))
            # A year of the bot's own counters per day, for the NGO dashboard.
            self._tasks.append(asyncio.create_task(MetricsHistory(
                parts.health.redis, metrics, settings.operators.timezone).run(self._stop)))

    async def stop(self) -> None:
        self._stop.set()
        for task in self._tasks:
            await task
