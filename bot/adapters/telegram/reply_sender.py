"""Sending the bot's replies to a person within one update's time budget, and /hide."""

from __future__ import annotations

import logging
import sys
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from bot.adapters.telegram.budget import SendBudget
from bot.adapters.telegram.state import ChatState
from bot.core.events import DeleteTyped, HideChat, Reply
from bot.core.messenger import BotApiError, Messenger

log = logging.getLogger("bot.adapters.telegram.glue")  # the name operators grep for
# Telegram's description when the message is already gone (the person deleted it, or an
# earlier try of this update did); PTB drops the "Bad Request: " prefix and capitalises.
GONE = "message to delete not found"
Mark = Callable[[int], Awaitable[None]]  # progress through an update's replies (the outbox)


@dataclass(frozen=True, slots=True)
class Delivery:
    """What one `deliver_rest` did: the message ids Telegram took, and whether it stopped short
    for a reason that passes (`unsent_may_pass`: the budget ran out, 429 flood control, a 5xx
    or a network failure), so the replies not sent may still be sent later."""

    ids: list[int]
    unsent_may_pass: bool = False
    retry_after: float = 0.0  # seconds Telegram asked to wait before the next try (429)


def noticed(replies: Sequence[Reply], notice: str) -> list[Reply]:
    """`notice` above the first reply's text (its buttons stay last); alone when none; the
    replies as they are when `notice` is empty."""
    if not notice:
        return list(replies)
    if not replies:
        return [Reply(notice)]
    first = replies[0]
    return [Reply(f"{notice}\n\n{first.text}", first.buttons), *replies[1:]]


def may_pass(exc: BaseException) -> bool:
    """A failure after which the same call may succeed later: a timeout (the budget), Telegram's
    429 or 5xx, or no Bot API answer at all (a network error). 400 and 403 do not pass."""
    if isinstance(exc, BotApiError):
        return exc.code == 429 or exc.code >= 500
    return True


class ReplySender:
    """Sends replies in order within the budget (stopping at the first failure) and carries
    out /hide: the chat's recent messages deleted, then the notice.

    `flood_wait(chat_id)`: seconds until Telegram's flood control lets the chat be sent to
    again (the outgoing limiter's word); when that is past the budget left, no send is tried:
    it would only wait out the budget, holding the person's lock for nothing."""

    def __init__(self, messenger: Messenger, state: ChatState, send_budget: float,
                 flood_wait: Callable[[int], float] = lambda chat_id: 0.0) -> None:
        self._messenger = messenger
        self._state = state
        self._send_budget = send_budget
        self._flood_wait = flood_wait

    async def deliver(self, chat_id: int, replies: Sequence[Reply], budget: SendBudget, *,
                      first: int = 0, mark: Mark | None = None) -> list[int]:
        """Send `replies[first:]` in order within the budget; stop at the first failure.
        `mark(2i+1)` before reply i, `mark(2i+2)` once Telegram took it (the outbox).
        Returns the message ids sent."""
        return (await self.deliver_rest(chat_id, replies, budget, first=first, mark=mark)).ids

    async def deliver_rest(self, chat_id: int, replies: Sequence[Reply], budget: SendBudget, *,
                           first: int = 0, mark: Mark | None = None) -> Delivery:
        """`deliver`, saying whether what was not sent may still be sent later."""
        sent: list[int] = []
        flood = self._flood_wait(chat_id)
        if first < len(replies) and flood > 0 and flood >= budget.left():
            log.warning("reply held: flood control for %.0fs, past the send budget", flood)
            return Delivery(sent, unsent_may_pass=True, retry_after=flood)
        try:
            async with budget.window():
                for n in range(first, len(replies)):
                    if mark is not None:
                        await mark(2 * n + 1)
                    sent.extend(await self._messenger.send(chat_id, replies[n]))
                    if mark is not None:
                        await mark(2 * n + 2)
        except TimeoutError:
            log.warning("reply not delivered: the send budget (%.0fs) ran out",
                        self._send_budget)
            return Delivery(sent, unsent_may_pass=True)
        except Exception as exc:
            # 400, 403 (blocked), 5xx or 429 after retries: the person's words were still
            # handled and any alert is already queued.
            log.warning("reply not delivered: %s", type(exc).__name__)
            retry_after = exc.retry_after if isinstance(exc, BotApiError) else None
            return Delivery(sent, unsent_may_pass=may_pass(exc), retry_after=retry_after or 0.0)
        return Delivery(sent)

    async def hide(self, effect: HideChat, user_key: str, budget: SendBudget) -> None:
        chat_id = int(effect.chat_key)
        recent = await self._state.recent(user_key)
        await self._state.forget(user_key)
        try:
            async with budget.window():
                await self._messenger.delete(chat_id, recent)
        except Exception as exc:
            log.warning("hiding the chat failed: %s", type(exc).__name__)
        await self.deliver(chat_id, [Reply(effect.notice)], budget)

    async def delete_typed(self, effect: DeleteTyped, budget: SendBudget,
                           user_key: str | None = None) -> str:
        """Delete the person's message (deleteMessage) and return the notice to show them:
        `deleted` when it is gone (also when it was already: a repeated try after a take-over,
        or the person was quicker), else `not_deleted` (older than 48 hours, refused, or
        Telegram did not answer in time), so that they delete it themselves. With
        `effect.since`, the chat's remembered messages from that one on go too (best effort);
        with `effect.prompts_only`, only those (unsaid: the notice is empty)."""
        if effect.since is not None and user_key is not None:
            await self._delete_since(effect, user_key, budget)
        if effect.prompts_only:
            return ""
        try:
            async with budget.window(0.5):  # the replies after it keep half the budget
                await self._messenger.delete_message(int(effect.chat_key),
                                                     int(effect.message_key))
        except BotApiError as exc:
            if exc.code == 400 and GONE in exc.description.lower():
                return effect.deleted
            log.warning("typed message not deleted: %d", exc.code)  # never the description
            return effect.not_deleted
        except Exception as exc:
            log.warning("typed message not deleted: %s", type(exc).__name__)
            return effect.not_deleted
        return effect.deleted

    async def _delete_since(self, effect: DeleteTyped, user_key: str,
                            budget: SendBudget) -> None:
        """Delete the remembered messages `effect.since` <= id < `effect.message_key` (ids
        grow within a chat): the command and the bot's prompts between. Unsaid when it fails:
        the typed message's own notice is what the person must hear."""
        start = int(effect.since or 0)
        # No `message_key` (a button press brings no new message): all of them from `since` on.
        end = int(effect.message_key) if effect.message_key else sys.maxsize
        try:
            async with budget.window(0.25):
                ids = [mid for mid in await self._state.recent(user_key) if start <= mid < end]
                await self._messenger.delete(int(effect.chat_key), ids)
        except Exception as exc:
            log.warning("prompts not deleted: %s", type(exc).__name__)
