"""`python -m bot run`: wire settings, storage, engine and one adapter; poll or serve a webhook."""

from __future__ import annotations

import argparse
import asyncio
import logging
import re
import signal
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from redis.exceptions import RedisError

from bot.adapters.telegram.edge import UpdateGate
from bot.adapters.telegram.glue import DangerCheck, Engine, UpdatePipeline
from bot.adapters.telegram.group_wiring import build_group_gate
from bot.adapters.telegram.held_texts import FallbackHeldTexts, RedisHeldTexts
from bot.adapters.telegram.inbox import NoInbox, RedisInbox
from bot.adapters.telegram.limiter import OutgoingLimiter
from bot.adapters.telegram.locks import PersonLocks
from bot.adapters.telegram.measured import MeasuredEngine, MeasuredMessenger
from bot.adapters.telegram.operators import Handoff, PlainAlertHandoff, operator_texts
from bot.adapters.telegram.ratelimit import (
    FallbackRateLimiter,
    MemoryRateLimiter,
    PersonRateLimiter,
    RateLimits,
    RedisRateLimiter,
)
from bot.adapters.telegram.state import (
    ChatState,
    FallbackChatState,
    MemoryChatState,
    RedisChatState,
)
from bot.adapters.telegram.texts import TransportTexts
from bot.adapters.telegram.webhook import WebhookServer
from bot.checkin.wiring import build_checkins
from bot.config import ConfigError, Settings, load_settings
from bot.content.loader import ContentHolder
from bot.core.session_store import InMemorySessionStore, SessionStore
from bot.health import HealthServer, Readiness, mount
from bot.i18n import load_i18n
from bot.metrics import Metrics
from bot.metrics_history import MetricsHistory
from bot.privacy import Pseudonymizer
from bot.storage.fallback import FallbackSessionStore, RedisHealth
from bot.storage.redis import RedisSessionStore, connect

log = logging.getLogger(__name__)
_TOKEN = re.compile(r"^\d+:[A-Za-z0-9_-]{20,}$")
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")  # what setWebhook accepts as secret_token

EngineFactory = Callable[[Settings, SessionStore], Awaitable[Engine]]


@dataclass(frozen=True, slots=True)
class Secrets:
    token: str
    pseudonym_key: str
    webhook_secret: str | None


def check_settings(settings: Settings) -> Secrets:
    """The settings running on Telegram needs; ConfigError (one line, naming it) otherwise."""
    token = settings.telegram.bot_token.get_secret_value() if settings.telegram.bot_token else ""
    if not token:
        raise ConfigError("TELEGRAM_BOT_TOKEN: required (the token from @BotFather)")
    if not _TOKEN.match(token):
        raise ConfigError("TELEGRAM_BOT_TOKEN: malformed: expected the bot's numeric id, "
                          "a colon and a secret of 20 or more letters, digits, _ or - "
                          "(123456:ABC-DEF...), as @BotFather gives it")
    key = settings.bot.pseudonym_key.get_secret_value() if settings.bot.pseudonym_key else ""
    if not key:
        raise ConfigError("BOT_PSEUDONYM_KEY: required on Telegram (a long random secret)")
    if not urlparse(settings.telegram.api_base).scheme.startswith("http"):
        raise ConfigError("TELEGRAM_API_BASE: must be an http(s) URL")
    secret = None
    if settings.bot.mode == "webhook":
        if not settings.webhook.url or not settings.webhook.url.startswith("https://"):
            raise ConfigError("WEBHOOK_URL: required in webhook mode, an https:// URL")
        secret = settings.webhook.secret.get_secret_value() if settings.webhook.secret else ""
        if not _SECRET.match(secret):
            raise ConfigError("WEBHOOK_SECRET: required in webhook mode, 1-256 of A-Z a-z 0-9 _ -")
    return Secrets(token, key, secret)


def build_rate_limiter(settings: Settings, health: RedisHealth | None) -> PersonRateLimiter:
    """The per-person token buckets: in Redis (shared by every replica) when there is one."""
    bot = settings.bot
    limits = RateLimits.from_settings(bot.rate_limit_per_minute, bot.rate_burst,
                                      bot.rate_max_delay_s)
    memory = MemoryRateLimiter(limits)
    if health is None:
        return memory
    return FallbackRateLimiter(RedisRateLimiter(health.redis, limits), memory, health)


def bind_held_texts(engine: Engine, health: RedisHealth | None, secret: str) -> None:
    """Keep the engine's held texts in Redis, so any replica can share one on consent."""
    held = getattr(engine, "held_texts", None)
    if held is not None and health is not None:
        held.bind_store(FallbackHeldTexts(RedisHeldTexts(health.redis, secret), health))


def danger_check_for(engine: Engine) -> DangerCheck | None:
    """The engine's own danger-phrase layer, run by the glue before any rate limit."""
    holder: ContentHolder | None = getattr(engine, "content_holder", None)
    if holder is None:
        return None
    from bot.handoff.wiring import danger_check  # the one matcher the relay uses too

    return danger_check(lambda: holder.content)


def build_storage(
    settings: Settings, metrics: Metrics | None = None,
) -> tuple[SessionStore, ChatState, RedisHealth | None]:
    """Redis with an in-memory fallback, or memory only (loudly) when REDIS_URL is unset.

    `metrics` receives Redis' used/max memory, evictions and OOM refusals (RedisHealth.watch).
    """
    ttl = settings.bot.session_ttl_seconds
    if not settings.redis.url:
        log.warning("REDIS_URL is not set: sessions live in memory and are lost on restart; "
                    "do not run like this in production")
        return InMemorySessionStore(ttl), MemoryChatState(), None
    redis = connect(settings.redis.url, sentinels=settings.redis.sentinel_addresses,
                    master=settings.redis.sentinel_master)
    health = RedisHealth(redis, metrics=metrics, accept_eviction=settings.redis.accept_eviction)
    store = FallbackSessionStore(RedisSessionStore(redis, ttl), health, InMemorySessionStore(ttl))
    return store, FallbackChatState(RedisChatState(redis), health), health


async def check_redis(health: RedisHealth) -> None:
    """At start: refuse an evicting Redis (EvictionRefused, one line); a Redis that does not
    answer yet is not fatal: the bot answers from memory and checks again when it is back."""
    try:
        await health.check()
    except (RedisError, OSError) as exc:
        health.failed(exc)


async def _default_engine(settings: Settings, store: SessionStore) -> Engine:
    from bot.factory import build_engine  # wired only here; tests may pass their own factory

    engine: Engine = await build_engine(settings, store=store)  # no human offered without
    # an operators' chat (build_engine reads OPERATOR_CHAT_ID)
    return engine


def make_adapter(settings: Settings, token: str, limiter: OutgoingLimiter) -> Any:
    """The adapter for TELEGRAM_FRAMEWORK (imported lazily: only one framework is loaded)."""
    concurrency = settings.webhook.max_concurrency
    if settings.telegram.framework == "ptb":
        from bot.adapters.telegram.ptb_app import PTBAdapter

        return PTBAdapter(token, settings.telegram.api_base, limiter, concurrency)
    from bot.adapters.telegram.aiogram_app import AiogramAdapter

    return AiogramAdapter(token, settings.telegram.api_base, limiter, concurrency)


def make_handoff(
    settings: Settings, adapter: Any, pseudonymizer: Pseudonymizer, store: SessionStore,
    state: ChatState, health: RedisHealth | None, options: dict[str, Any] | None,
    content: ContentHolder | None = None,
) -> Handoff:
    """The durable queue-backed handoff with Redis and an operators' chat; else plain alerts."""
    if health is None or settings.operators.chat_id is None:
        log.warning("operator handoff without queue or relay: needs REDIS_URL and OPERATOR_CHAT_ID")
        return PlainAlertHandoff(adapter.messenger, pseudonymizer, settings.operators.chat_id,
                                 operator_texts(settings))
    from bot.handoff.wiring import handoff_for

    return handoff_for(
        settings, redis=health.redis, messenger=adapter.messenger, pseudonymizer=pseudonymizer,
        store=store, on_sent=state.remember,
        # One content for engine and handoff, so a reload reaches both (tests may pass their own).
        **{"content": None if content is None else (lambda: content.content), **(options or {})},
    )


def reload_content(holder: ContentHolder | None, metrics: Metrics | None = None) -> None:
    """SIGHUP: load content/ again; with errors the last good content stays in use."""
    if holder is None:
        return
    problems = holder.reload()
    errors = sum(p.severity == "error" for p in problems)
    if metrics is not None:
        metrics.content_reloads.labels("rejected" if errors else "ok").inc()
    if errors:
        log.error("content reload rejected (%d errors); run `python -m bot content check`", errors)
    else:
        log.info("content reloaded (%d warnings)", len(problems))


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


def add_readiness_checks(
    readiness: Readiness, health: RedisHealth | None, holder: ContentHolder | None
) -> None:
    """Redis answers PING and may not evict (RedisHealth.readiness), content is loaded."""
    if health is not None:
        redis_health = health

        async def redis_check() -> str | None:
            if not await redis_health.redis.ping():
                return "no PONG"
            # Ends an outage the bot has not noticed yet: an unready replica gets no traffic
            # that would make it probe Redis by itself.
            await redis_health.available()
            report = redis_health.readiness()  # down, or a maxmemory-policy that may evict
            return None if report["ready"] else str(report.get("problem") or report["redis"])

        readiness.add("redis", redis_check)
    if holder is not None:

        async def content_check() -> str | None:
            return None if holder.content is not None else "not loaded"

        readiness.add("content", content_check)


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
    store, state, health = build_storage(settings, metrics)
    if health is not None:
        await check_redis(health)
        metrics.redis_up.set_function(lambda: 1.0 if health.up else 0.0)
    raw_engine = await (engine_factory or _default_engine)(settings, store)
    bind_held_texts(raw_engine, health, secrets.pseudonym_key)
    engine = MeasuredEngine(raw_engine, metrics)
    adapter = make_adapter(settings, secrets.token, limiter or OutgoingLimiter())
    pseudonymizer = Pseudonymizer(secrets.pseudonym_key)
    operator_chat = settings.operators.chat_id
    texts = TransportTexts(load_i18n(settings.bot.locales_dir))
    holder: ContentHolder | None = getattr(engine, "content_holder", None)
    handoff = make_handoff(settings, adapter, pseudonymizer, store, state, health,
                           handoff_options, holder)
    with suppress(NotImplementedError, AttributeError):  # no SIGHUP on Windows
        asyncio.get_running_loop().add_signal_handler(
            signal.SIGHUP, reload_content, holder, metrics
        )
    add_readiness_checks(readiness, health, holder)
    checkins = None if holder is None else build_checkins(
        raw_engine, handoff, adapter.messenger, health.redis if health else None,
        lambda: holder.content, secrets.pseudonym_key, on_sent=state.remember, metrics=metrics,
        **(checkin_options or {}))
    glue = UpdatePipeline(
        engine=engine, messenger=MeasuredMessenger(adapter.messenger, metrics),
        state=state, store=store,
        pseudonymizer=pseudonymizer,
        handoff=handoff, texts=texts, rate_limiter=build_rate_limiter(settings, health),
        locks=PersonLocks(health, lease=settings.bot.lock_lease_s,
                          wait=settings.bot.lock_lease_s + 2 * settings.bot.send_budget_s),
        danger=danger_check_for(engine), send_budget=settings.bot.send_budget_s,
        operator_chat_id=operator_chat,
    )
    # Public groups (docs/GROUPS.md): their own router in each adapter, never the dialogue.
    groups = build_group_gate(settings, holder, adapter.messenger, pseudonymizer, state, health,
                              handoff.is_operators_chat)
    adapter.bind(glue, groups)
    server: WebhookServer | None = None
    handoff_stop = asyncio.Event()
    handoff_task: asyncio.Task[None] | None = None
    watch_task: asyncio.Task[None] | None = None
    history_task: asyncio.Task[None] | None = None
    checkin_task: asyncio.Task[None] | None = None
    try:
        await adapter.start(texts)
        check_chat = getattr(handoff, "check_chat", None)
        if check_chat is not None:  # a wrong OPERATOR_CHAT_ID stops the start, in one line
            await check_chat()
        run_handoff = getattr(handoff, "run", None)
        if run_handoff is not None:  # posts, re-claims and escalates alerts in the background
            handoff_task = asyncio.create_task(run_handoff(handoff_stop))
        if checkins is not None:  # check-ins due in Redis, whichever replica claims them
            checkin_task = asyncio.create_task(checkins.run(handoff_stop))
        if health is not None:  # Redis memory, OOM spells, the policy after a failover
            watch_task = asyncio.create_task(
                health.watch(handoff_stop, settings.redis.memory_check_s))
            # A year of the bot's own counters per day, for the NGO dashboard.
            history_task = asyncio.create_task(MetricsHistory(
                health.redis, metrics, settings.operators.timezone).run(handoff_stop))
        if settings.bot.mode == "webhook":
            assert settings.webhook.url and secrets.webhook_secret
            server = WebhookServer(
                adapter.feed, secret=secrets.webhook_secret,
                path=urlparse(settings.webhook.url).path or "/",
                max_concurrency=settings.webhook.max_concurrency,
                health=lambda: {"redis": "none"} if health is None else health.readiness(),
                mount=lambda app: mount(app, readiness, metrics),
                gate=UpdateGate(metrics),
                inbox=NoInbox() if health is None else RedisInbox(health.redis, health),
            )
            await server.start(settings.webhook.host, settings.webhook.port)
            await adapter.set_webhook(settings.webhook.url, secrets.webhook_secret)
            log.info("webhook mode (%s)", settings.telegram.framework)
            readiness.started()
            if on_started is not None:
                on_started(glue)
            await stop.wait()
        else:
            log.info("polling mode (%s)", settings.telegram.framework)
            readiness.started()
            if on_started is not None:
                on_started(glue)
            await adapter.run_polling(stop)
    finally:
        if server is not None:  # first: updates it finishes may still need the handoff
            await server.stop()
        handoff_stop.set()
        if handoff_task is not None:
            await handoff_task
        if watch_task is not None:
            await watch_task
        if history_task is not None:
            await history_task
        if checkin_task is not None:
            await checkin_task
        # Updates in hand finish before the Bot API session closes (stopping polling cancels
        # only the fetching, not aiogram's handler tasks).
        with suppress(TimeoutError):
            await asyncio.wait_for(glue.drain(), 10)
        if groups is not None:
            with suppress(TimeoutError):
                await asyncio.wait_for(groups.drain(), 10)
        await adapter.aclose()
        with suppress(NotImplementedError, AttributeError):
            asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
        closer = getattr(engine, "aclose", None)
        if closer is not None:
            await closer()
        await store.aclose()


def configure_logging(level: str, fmt: str = "plain") -> None:
    """Plain or JSON-lines logs; httpx would log request URLs, which carry the bot token."""
    logging.basicConfig(
        level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    if fmt == "json":
        from bot.logformat import JsonFormatter

        for handler in logging.getLogger().handlers:
            handler.setFormatter(JsonFormatter())
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


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
