"""The only place where the parts are wired together: content, NLU, triage, sessions, engine."""

from __future__ import annotations

import logging
from collections.abc import Callable

from bot.config import Settings
from bot.content.loader import ContentHolder
from bot.content.models import Content
from bot.core.adcheckers import AdCheckers
from bot.core.assess import Assessor
from bot.core.danger_matchers import DangerMatchers
from bot.core.engine import DialogueEngine
from bot.core.session_store import InMemorySessionStore, SessionStore
from bot.core.triage import Triage, fragments_of
from bot.i18n import I18n
from bot.modelcache import model_cache_at
from bot.nlu.base import IntentRecognizer

log = logging.getLogger(__name__)


def build_i18n(settings: Settings) -> I18n:
    """The UI catalogs in BOT_LOCALES_DIR, read now: build one per process and pass it down."""
    return I18n(settings.bot.locales_dir)


def build_content(settings: Settings, i18n: I18n | None = None) -> ContentHolder:
    """Load content/ (raises ContentError with file:line problems when it has errors).

    `i18n`: the catalogs its screens are measured with (the bot's own); by default, those in
    BOT_LOCALES_DIR, read for this holder.
    """
    return ContentHolder(
        settings.bot.content_dir, facts_dir=settings.bot.facts_dir,
        i18n=i18n or build_i18n(settings),
        ad_checkers=AdCheckers(cache=model_cache_at(settings.bot.model_cache_dir)),
    )


def build_recognizer(
    settings: Settings, on_failover: Callable[[str], None] | None = None
) -> IntentRecognizer:
    """The intent recogniser chosen by NLU_BACKEND.

    NLU_BACKEND=rasa returns a failover recogniser: Rasa over HTTP, answered by the embedded
    model whenever Rasa is down, slow or wrong (so the embedded model is always trained, or
    read from BOT_MODEL_CACHE_DIR); `on_failover(reason)` hears each fallback.
    """
    from bot.nlu.embedded_cache import trained_recognizer  # scikit-learn: only when needed

    embedded = trained_recognizer(settings.nlu.data_dir,
                                  model_cache_at(settings.bot.model_cache_dir))
    if settings.nlu.backend == "rasa":
        from bot.nlu.failover import FailoverRecognizer
        from bot.nlu.rasa import RasaRecognizer

        return FailoverRecognizer(RasaRecognizer.from_settings(settings), embedded,
                                  on_failover=on_failover)
    return embedded


def build_triage(
    settings: Settings, matchers: DangerMatchers | None = None
) -> Callable[[Content], Assessor]:
    """A factory that builds the triage for the current content (danger phrases reload with it).

    `matchers`: the danger-phrase matchers to share (a ContentHolder's); by default its own.
    """
    threshold = settings.nlu.risk_threshold
    matchers = matchers or DangerMatchers()

    def for_content(content: Content) -> Assessor:
        return Triage(matchers.for_content(content), threshold,
                      fragments_of(content.triage_words), matchers.let_offs(content))

    return for_content


async def build_store(settings: Settings) -> SessionStore:
    """Redis when REDIS_URL is set; otherwise in memory, which loses every session on restart."""
    ttl = settings.bot.session_ttl_seconds
    if settings.redis.url:
        from bot.storage.fallback import FallbackSessionStore
        from bot.storage.health import RedisHealth
        from bot.storage.redis import RedisSessionStore, connect

        redis = connect(settings.redis.url, sentinels=settings.redis.sentinel_addresses,
                        master=settings.redis.sentinel_master,
                        sentinel_password=settings.redis.sentinel_password_value)
        health = RedisHealth(redis, accept_eviction=settings.redis.accept_eviction)
        # Fail at start, not on the first person who writes; refuse a Redis that may evict.
        await health.check()
        return FallbackSessionStore(RedisSessionStore(redis, ttl_seconds=ttl), health,
                                    InMemorySessionStore(ttl_seconds=ttl))
    log.warning(
        "REDIS_URL is not set: sessions are kept IN MEMORY and lost on restart "
        "(fine for `chat` and tests, not for production)"
    )
    return InMemorySessionStore(ttl_seconds=ttl)


async def build_engine(
    settings: Settings,
    *,
    store: SessionStore | None = None,
    recognizer: IntentRecognizer | None = None,
    content: ContentHolder | None = None,
    handoff_available: bool | None = None,
    on_failover: Callable[[str], None] | None = None,
    i18n: I18n | None = None,
) -> DialogueEngine:
    """The dialogue engine with every part built from `settings` unless given.

    `i18n`: the process's catalogs (the assembly builds one for engine, transport and handoff).
    The triage's danger-phrase matchers are the content holder's (shared with whoever else
    answers with that holder).

    `on_failover(reason)`: called each time Rasa fails over to the embedded model.

    `handoff_available`: whether a human can be offered; by default, whether an operators'
    chat (OPERATOR_CHAT_ID) is configured: without one nobody could read a handed-over message.
    """
    if handoff_available is None:
        handoff_available = settings.operators.chat_id is not None
    i18n = i18n or build_i18n(settings)
    holder = content or build_content(settings, i18n)
    # The ad check's sentence model is trained at start-up, like the embedded NLU (about a
    # second): by the content check, into the holder's checkers, which the engine shares (as
    # does the group desk); a content reload trains it again once.
    ad_checkers = holder.ad_checkers
    ad_checkers.for_content(holder.content)
    return DialogueEngine(
        holder,
        recognizer or build_recognizer(settings, on_failover),
        build_triage(settings, holder.matchers),
        store or await build_store(settings),
        i18n,
        settings,
        handoff_available=handoff_available,
        ad_checkers=ad_checkers,
    )
