"""The start-up check of the operators' chat: found, the bot may post, topics can be managed.

A wrong OPERATOR_CHAT_ID is found before the first person asks for a human, not after: the
process stops with one line naming the setting. Telegram being down is not a wrong setting:
then the check only warns and the bot starts (alerts wait in the queue).
"""

from __future__ import annotations

import logging
from typing import Protocol, runtime_checkable

from bot.config import ConfigError
from bot.core.messenger import BotApiError, ChatInfo, Messenger
from bot.handoff.failures import Refusal, migrated_to, refusal_of
from bot.handoff.opschat import OperatorsChat

log = logging.getLogger(__name__)


@runtime_checkable
class ChatInspector(Protocol):
    """getChat and the bot's own getChatMember (the adapters' messenger has it)."""

    async def chat_info(self, chat_id: int) -> ChatInfo: ...


def wrong_kind(*, chat_id: int, info: ChatInfo) -> str | None:
    """The ConfigError line when `chat_id` is not a group or supergroup (a person's private
    chat, a channel) or is a plain group with topics on (topics need a supergroup); else None.
    """
    if info.chat_type not in ("group", "supergroup"):
        return (f"OPERATOR_CHAT_ID: chat {chat_id} is a {info.chat_type} chat; it must be the "
                "operators' group or supergroup (supergroup ids start with -100)")
    if info.chat_type == "group" and info.is_forum:
        return (f"OPERATOR_CHAT_ID: chat {chat_id} is a plain group; topics need a supergroup "
                "with topics on (its id starts with -100)")
    return None


async def check_operators_chat(messenger: Messenger, ops: OperatorsChat) -> None:
    """Check OPERATOR_CHAT_ID; raise ConfigError (one line, naming it) when it cannot work.

    On `migrate_to_chat_id` the new id is logged loudly and used by this process.
    """
    inspector = messenger
    if ops.id is None or not isinstance(inspector, ChatInspector):
        return
    info = None
    for _ in range(2):
        chat_id = ops.id
        try:
            info = await inspector.chat_info(chat_id)
            break
        except Exception as exc:
            new_id = migrated_to(exc)
            if new_id is not None:
                ops.migrate(new_id)
                continue
            refusal = refusal_of(exc)
            if isinstance(exc, BotApiError) and refusal in (
                    Refusal.CHAT_GONE, Refusal.BLOCKED, Refusal.REFUSED):
                await ops.mark(False, quiet=True)
                raise ConfigError(
                    f"OPERATOR_CHAT_ID: Telegram does not let the bot use chat {chat_id} "
                    f"({exc.code}): add the bot to the operators' supergroup and check the id"
                ) from exc
            log.warning("operators' chat not checked at start (%s): Telegram unavailable",
                        refusal.name)
            return
    if info is None:
        return
    wrong = wrong_kind(chat_id=ops.id, info=info)
    if wrong is not None:
        await ops.mark(False, quiet=True)
        raise ConfigError(wrong)
    if not info.can_post:
        await ops.mark(False, quiet=True)
        raise ConfigError(
            f"OPERATOR_CHAT_ID: the bot may not post in chat {ops.id} (it is "
            f"{info.bot_status}): make it an admin of the operators' supergroup"
        )
    if info.is_forum and not info.can_manage_topics:
        raise ConfigError(
            f"OPERATOR_CHAT_ID: chat {ops.id} has topics on, but the bot may not manage "
            "topics: give it the admin right \"Manage topics\" (or turn topics off)"
        )
    await ops.mark(True)
    log.info("operators' chat checked: %s, topics %s", info.bot_status,
             "on" if info.is_forum else "off")
