"""Start-up shared by both runners: check the settings, build storage, engine, adapter, handoff.

Each function builds one part from the settings; `assembly.assemble` puts them together.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from redis.exceptions import RedisError

from bot.adapters.telegram.glue import DangerCheck, Engine
from bot.adapters.telegram.held_texts import FallbackHeldTexts, RedisHeldTexts
from bot.adapters.telegram.limiter import OutgoingLimiter
from bot.adapters.telegram.operators import Handoff, PlainAlertHandoff, operator_texts
from bot.adapters.telegram.person_order import PersonOrder
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
from bot.config import ConfigError, Settings
from bot.content.loader import ContentHolder
from bot.core.session_store import InMemorySessionStore, SessionStore
from bot.health import Readiness
from bot.i18n import I18n
from bot.metrics import Metrics
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

    return danger_check(lambda: holder.content, holder.matchers)


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
                    master=settings.redis.sentinel_master,
                    sentinel_password=settings.redis.sentinel_password_value)
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


async def default_engine(settings: Settings, store: SessionStore,
                         metrics: Metrics | None = None, i18n: I18n | None = None) -> Engine:
    from bot.factory import build_engine  # wired only here; tests may pass their own factory

    engine: Engine = await build_engine(  # no human offered without an operators' chat
        settings, store=store, on_failover=None if metrics is None else metrics.count_failover,
        i18n=i18n)
    return engine


def person_wait(settings: Settings) -> float:
    """Seconds a person's update waits for an earlier one of theirs at most (PersonLocks'
    `wait`, the polling order's): the earlier one's handling limit, then its lease."""
    return settings.bot.handling_limit + settings.bot.lock_lease_s


def make_adapter(settings: Settings, token: str, limiter: OutgoingLimiter,
                 order: PersonOrder | None = None) -> Any:
    """The adapter for TELEGRAM_FRAMEWORK (imported lazily: only one framework is loaded);
    while polling it claims each private chat's update its turn in `order`."""
    concurrency = settings.webhook.max_concurrency
    if settings.telegram.framework == "ptb":
        from bot.adapters.telegram.ptb_app import PTBAdapter

        return PTBAdapter(token, settings.telegram.api_base, limiter, concurrency, order)
    from bot.adapters.telegram.aiogram_app import AiogramAdapter

    return AiogramAdapter(token, settings.telegram.api_base, limiter, concurrency, order)


def make_handoff(
    settings: Settings, adapter: Any, pseudonymizer: Pseudonymizer, store: SessionStore,
    state: ChatState, health: RedisHealth | None, options: dict[str, Any] | None,
    content: ContentHolder | None = None,
    metrics: Metrics | None = None,
    *,
    i18n: I18n,
    asks_person: Callable[[str, str], Awaitable[bool]] | None = None,
) -> Handoff:
    """The durable queue-backed handoff with Redis and an operators' chat; else plain alerts;
    operator-facing words from `i18n` (the process's catalogs)."""
    if health is None or settings.operators.chat_id is None:
        log.warning("operator handoff without queue or relay: needs REDIS_URL and OPERATOR_CHAT_ID")
        return PlainAlertHandoff(adapter.messenger, pseudonymizer, settings.operators.chat_id,
                                 operator_texts(settings, i18n), metrics)
    from bot.handoff.wiring import handoff_for

    return handoff_for(
        settings, redis=health.redis, messenger=adapter.messenger, pseudonymizer=pseudonymizer,
        store=store, on_sent=state.remember, metrics=metrics, i18n=i18n,
        matchers=None if content is None else content.matchers, asks_person=asks_person,
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


def add_readiness_checks(
    readiness: Readiness, health: RedisHealth | None, holder: ContentHolder | None,
    handoff: Handoff | None = None,
) -> None:
    """Redis answers PING and may not evict (RedisHealth.readiness), content is loaded; the
    operators' chat as last seen (reported, not required: see `chat_status` in the handoffs)."""
    chat_status = getattr(handoff, "chat_status", None)
    if chat_status is not None:
        readiness.add("operators_chat", chat_status, required=False)
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
