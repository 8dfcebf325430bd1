"""Build the durable handoff for `python -m bot run` from the settings and the transport's parts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from redis.asyncio import Redis

from bot.config import Settings
from bot.content.canned import canned_path
from bot.content.models import Content
from bot.core.danger_matchers import DangerMatchers
from bot.core.messenger import Messenger
from bot.core.session_store import SessionStore
from bot.handoff.parts import DangerCheck, PersonAskCheck
from bot.handoff.person import SentHook
from bot.handoff.service import QueueHandoff, build_handoff
from bot.i18n import I18n
from bot.metrics import Metrics
from bot.privacy import Pseudonymizer


def danger_check(content: Callable[[], Content], matchers: DangerMatchers) -> DangerCheck:
    """The triage's danger-phrase matcher over the current content (the engine's own when
    `matchers` is its content holder's)."""

    def check(text: str, language: str) -> Sequence[str]:
        return [match.indicator for match in matchers.for_content(content()).find(text)]

    return check


def handoff_for(
    settings: Settings,
    *,
    redis: Redis,
    messenger: Messenger,
    pseudonymizer: Pseudonymizer,
    store: SessionStore,
    on_sent: SentHook | None,
    content: Callable[[], Content] | None = None,
    metrics: Metrics | None = None,
    i18n: I18n,
    matchers: DangerMatchers | None = None,
    asks_person: PersonAskCheck | None = None,
    **timings: Any,
) -> QueueHandoff:
    """The queue-backed handoff; `timings` (escalate_after, claim_idle, ...) are for tests;
    `metrics`: the process's registry (alerts by stage, time to posted and to taken);
    `i18n`: the process's catalogs; `matchers`: the engine's content holder's; `asks_person`:
    the engine's reading of a typed ask for a person (a relayed text answered as the button)."""
    if content is None:
        from bot.factory import build_content

        holder = build_content(settings, i18n)
        content = lambda: holder.content  # noqa: E731 - read per use: reloads apply
        matchers = holder.matchers
    return build_handoff(
        settings.operators, redis=redis, messenger=messenger, pseudonymizer=pseudonymizer,
        content=content, i18n=i18n,
        case_ttl=settings.bot.session_ttl_seconds, store=store, on_sent=on_sent,
        danger=danger_check(content, matchers or DangerMatchers()), asks_person=asks_person,
        canned_file=canned_path(settings.bot.content_dir),
        metrics=metrics, **timings,
    )
