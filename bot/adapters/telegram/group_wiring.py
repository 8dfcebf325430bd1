"""Building the group gate for `runner.serve`: the core desk over Redis-backed storage."""

from __future__ import annotations

from collections.abc import Callable

from bot.adapters.telegram.groups import GroupGate, GroupMessenger
from bot.adapters.telegram.state import ChatState
from bot.config import Settings
from bot.content.loader import ContentHolder
from bot.core.groups import GroupDesk, GroupReplies
from bot.core.groups.ports import GroupCounters, GroupSettingsStore
from bot.groups.counters import NoGroupCounters, RedisGroupCounters
from bot.groups.limits import GroupRateLimiter
from bot.groups.store import FallbackGroupSettings, MemoryGroupSettings, RedisGroupSettings
from bot.i18n import I18n
from bot.privacy import Pseudonymizer
from bot.storage.fallback import RedisHealth


def build_group_gate(
    settings: Settings, holder: ContentHolder | None, messenger: GroupMessenger,
    pseudonymizer: Pseudonymizer, state: ChatState, health: RedisHealth | None,
    is_operators_chat: Callable[[int], bool], i18n: I18n,
) -> GroupGate | None:
    """The gate for group messages, answering in `i18n`'s catalogs; None without content (a
    test engine without any)."""
    if holder is None:
        return None
    store: GroupSettingsStore = MemoryGroupSettings()
    counters: GroupCounters = NoGroupCounters()
    if health is not None:
        store = FallbackGroupSettings(RedisGroupSettings(health.redis), MemoryGroupSettings(),
                                      health)
        counters = RedisGroupCounters(health.redis, settings.operators.timezone, health)
    # The holder's ad checkers: the engine's, trained when the content was checked.
    replies = GroupReplies(lambda: holder.content, i18n, store,
                           GroupRateLimiter(health), counters, matchers=holder.matchers,
                           ad_checkers=holder.ad_checkers)
    return GroupGate(GroupDesk(replies), messenger, pseudonymizer, state, is_operators_chat,
                     send_budget=settings.bot.send_budget_s)
