"""The update pipeline (framework-neutral): a Telegram update in, core events, Bot API calls out.

For a person's private chat, in this order: de-duplication; an edit whose text did not change
is dropped; the danger-phrase layer; the rate limit (skipped by a message that shows risk, a
wait otherwise, a drop only past `max_delay`); when polling, the update's turn after the
person's earlier ones (`person_order.py`); then, under the person's lock (across replicas),
the open case or the engine. A message that shows risk and is not taken up soon gets the
emergency numbers at once (`danger_first.py`). What must not be lost is done before anything can
fail: the operator alert is queued and an erasure done before the first reply is attempted,
and every Bot API call of one update shares one time budget, so a stuck send never holds the
person's next message for longer than that; the whole handling under the lock has a limit too
(`handling_limit.py`), past which the lock is released. Carrying out the engine's answer,
durably through the outbox, is `answering.py`; what an answer or a cut handling left is tried
again outside the lock by `rest.py`; an update taken up from a dead replica (`taken_over`)
resumes from its outbox instead of being dropped as a redelivery.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from bot.adapters.telegram.admission import Admission, DangerCheck
from bot.adapters.telegram.answering import Answering, Engine
from bot.adapters.telegram.budget import SendBudget, log_failure
from bot.adapters.telegram.danger_first import NumbersFirst
from bot.adapters.telegram.handling_limit import HandlingLimit
from bot.adapters.telegram.in_hand import InHand
from bot.adapters.telegram.locks import PersonLocks
from bot.adapters.telegram.operators import Handoff, Routed
from bot.adapters.telegram.outbox import RedisOutbox
from bot.adapters.telegram.person_order import PersonOrder
from bot.adapters.telegram.progress import Left, Progress, Redo, Unsent
from bot.adapters.telegram.ratelimit import PersonRateLimiter
from bot.adapters.telegram.reply_sender import ReplySender
from bot.adapters.telegram.rest import AnswerRest, redo_given_up
from bot.adapters.telegram.state import ChatState
from bot.adapters.telegram.texts import TransportTexts
from bot.adapters.telegram.updates import TgInput, read_update, update_type
from bot.core.events import IncomingEvent, Reply
from bot.core.messenger import Messenger
from bot.core.session_store import SessionStore
from bot.handoff.alerts import parse_press
from bot.metrics import Metrics
from bot.privacy import Pseudonymizer

__all__ = ["DangerCheck", "Engine", "Glue", "SendBudget", "TgInput", "UpdatePipeline",
           "log_failure", "read_update"]

log = logging.getLogger(__name__)
MAX_GROUPS_LOGGED = 100  # group chats named in the log, once each


class UpdatePipeline:
    """Runs one update through de-duplication, rate limiting, the engine and the Bot API."""

    def __init__(
        self,
        *,
        engine: Engine,
        messenger: Messenger,
        state: ChatState,
        store: SessionStore,
        pseudonymizer: Pseudonymizer,
        handoff: Handoff,
        texts: TransportTexts,
        rate_limiter: PersonRateLimiter,
        locks: PersonLocks | None = None,
        danger: DangerCheck | None = None,
        send_budget: float = 15.0,
        operator_chat_id: int | None = None,
        metrics: Metrics | None = None,
        outbox: RedisOutbox | None = None,
        handling_limit: float | None = None,
        flood_wait: Callable[[int], float] = lambda chat_id: 0.0,
        order: PersonOrder | None = None,
        press_elsewhere: str | None = None,
    ) -> None:
        self._engine = engine
        # The refusal (in OPERATOR_LANGUAGE) shown for a case's button pressed in another chat.
        self._press_elsewhere = press_elsewhere
        self._metrics = metrics or Metrics()
        self._state = state
        self._pseudonymizer = pseudonymizer
        self._handoff = handoff
        self._locks = locks or PersonLocks()
        # Polling: the turns the adapter claims in update_id order (`person_order.py`).
        self._order = order if order is not None else PersonOrder()  # it has a len()
        self._send_budget = send_budget
        self._replies = ReplySender(messenger, state, send_budget, flood_wait)
        # A key of its own for text hashes, derived from the pseudonym secret.
        self._admission = Admission(
            state=state, store=store, messenger=messenger, rate_limiter=rate_limiter,
            replies=self._replies, texts=texts, danger=danger, send_budget=send_budget,
            digest_key=pseudonymizer.user_key("edits").encode())
        self._answering = Answering(engine=engine, handoff=handoff, replies=self._replies,
                                    state=state, store=store, outbox=outbox,
                                    metrics=self._metrics, send_budget=send_budget)
        # Default: two send budgets, within the lock's default wait (lease + 2 budgets).
        self._limit = HandlingLimit(handling_limit or 2 * send_budget, self._metrics)
        self._in_hand = InHand()
        self._numbers = NumbersFirst(engine=engine, replies=self._replies, state=state,
                                     send_budget=send_budget)
        self._rest = AnswerRest(in_hand=self._in_hand, locks=self._locks, limit=self._limit,
                                flood_wait=flood_wait)
        # Update ids taken up from a dead replica's inbox (the webhook server adds them): for
        # these a "seen before" means "started there", not a redelivery.
        self.taken_over: set[int] = set()
        self._operator_chat_id = operator_chat_id
        # Group chats already named in the log (docs/OPERATORS.md: how to learn the group's id).
        self._groups_logged: set[int] = set()

    async def handle_update(self, update: Any) -> None:
        """Entry point for both adapters; never raises (errors are logged without user data)."""
        self._in_hand.busy(1)
        try:
            self._metrics.updates.labels(update_type(update)).inc()
            data = read_update(update)
            if data is not None:
                await self.handle(data)
        except Exception as exc:
            log_failure("update", exc)
        finally:
            self._in_hand.busy(-1)

    def stop_rest(self) -> None:
        """Stopping: answers cut short are tried no more here; what they have left stays in the
        outbox (and its update in the webhook inbox) for the replica that takes it up."""
        self._in_hand.stop()

    async def drain(self) -> None:
        """Wait until no update is being handled (before closing the Bot API session)."""
        await self._in_hand.drain()

    async def handle(self, data: TgInput) -> None:
        """Handle one update already read into a `TgInput`."""
        operators = self._handoff.is_operators_chat(data.chat_id)
        # An admin posting anonymously comes "from" a bot with the group as sender_chat: the
        # handoff decides about it; every other bot's message is ignored.
        as_group = operators and data.sender_chat_id == data.chat_id
        if data.user_id is None or (data.from_bot and not as_group):
            return
        if not operators and parse_press(data.payload) is not None and (
                data.callback_id is not None):
            # A case's button outside the operators' chat (an alert left in the old chat, or
            # forwarded): a refusal the operator can read, and nothing done to the case.
            if await self._state.first_time(data.update_id):
                await self._admission.answer_callback(data.callback_id, self._press_elsewhere)
            return
        user_key = self._pseudonymizer.user_key(f"tg:{data.user_id}")
        if data.chat_type == "private" and not operators:
            await self._handle_private(data, user_key)
            return
        async with self._locks.hold(user_key):
            if not await self._state.first_time(data.update_id):
                return  # a redelivery
            if operators:
                # The handoff answers operators' presses itself: a refusal carries its own notice.
                await self._handoff.handle_operator_update(data)
                return
            if data.callback_id is not None:
                await self._admission.answer_callback(data.callback_id)
            # Not private: silent in groups, a person's situation is never discussed there.
            self._log_group(data)

    def _log_group(self, data: TgInput) -> None:
        """Name a group chat once (INFO): how operators learn OPERATOR_CHAT_ID (a group's id
        names no person; bounded, so a bot added to many groups cannot grow it)."""
        if data.chat_type not in ("group", "supergroup") or data.chat_id in self._groups_logged:
            return
        if len(self._groups_logged) < MAX_GROUPS_LOGGED:
            self._groups_logged.add(data.chat_id)
            log.info("message from a group chat that is not the operators' chat: chat_id=%s",
                     data.chat_id)

    async def _handle_private(self, data: TgInput, user_key: str) -> None:
        try:
            handled = await self._in_turn(data, user_key)
        finally:
            self._order.release(data.update_id)  # the next update's turn, as the lock is free
        if handled is None:
            return  # a redelivery (Telegram did not see our 200 in time), or nothing to say
        left, sent = handled
        if isinstance(left, Redo) and sent is None and self._admission.shows_danger(data):
            sent = await self._numbers.now(data, user_key)  # cut before its answer was made
        await self._finish(left, data, user_key, sent)

    async def _in_turn(self, data: TgInput, user_key: str
                       ) -> tuple[Left | None, Reply | None] | None:
        """Admission, the update's turn (polling), then its handling under the person's lock:
        what it left and the numbers sent ahead of it; None when it is not handled."""
        verdict = await self._admission.admit(data, user_key)  # before the lock
        if verdict == "seen" and data.update_id in self.taken_over:  # a dead replica's
            async with self._locks.hold(user_key):
                return await self._limit.run("resume", partial(self._resume, data, user_key)), None
        if verdict != "go":
            return None
        # Danger first: not taken up soon (an earlier update stuck), the numbers go out now.
        timer = (self._numbers.unless_taken_up(data, user_key)
                 if self._admission.shows_danger(data) else None)
        try:
            await self._order.wait(data.update_id)
            async with self._locks.hold(user_key):
                sent = None if timer is None else await timer.taken_up()
                return await self._limit.run("answer", partial(self._serve, data, user_key,
                                                               sent=sent)), sent
        finally:
            if timer is not None:
                timer.abandon()

    async def _finish(self, left: Left | None, data: TgInput, user_key: str,
                      sent: Reply | None = None) -> None:
        """What the handling left (unsent replies, or the whole update when it was cut before
        the answer was made) is tried again outside the person's lock (`rest.py`)."""

        async def try_again(left: Left, progress: Progress) -> Left | None:
            if isinstance(left, Redo):
                return await self._redo(data, user_key, progress, sent)
            return await self._answering.send_rest(left, user_key, data.update_id,
                                                   SendBudget(self._send_budget), progress)

        async def give_up(left: Left) -> None:
            if isinstance(left, Unsent):
                await self._answering.give_up(left, user_key, data.update_id)
            else:
                await redo_given_up(left)

        await self._rest.finish(left, user_key, data.chat_id, try_again, give_up)

    # ------------------------------------------------------------------ under the lock
    async def _serve(self, data: TgInput, user_key: str, progress: Progress, *,
                     sent: Reply | None = None) -> Unsent | None:
        event = IncomingEvent(
            user_key=user_key, chat_key=str(data.chat_id), kind=data.kind, text=data.text,
            payload=data.payload, language_code=data.language_code, edited=data.edited,
            forwarded=data.forwarded,
            message_key=str(data.message_id) if data.message_id is not None else None,
        )
        budget = SendBudget(self._send_budget)
        routed = await self._to_case(event, budget)
        if routed.to_case:  # an open handoff case: a human answers, not the engine
            if routed.case is not None:
                await self._answering.keep_case(user_key, routed.case)
            await self._answering.finish(user_key, data.update_id)
            return None
        return await self._answering.answer(self._engine, event, routed.case, data.chat_id,
                                            data.update_id, budget, progress, sent=sent)

    async def _resume(self, data: TgInput, user_key: str, progress: Progress, *,
                      taken_over: bool = True, sent: Reply | None = None) -> Unsent | None:
        """An update a dead replica had started: the rest of its answer, or handled afresh
        when the engine never committed one (the session did not change)."""
        found = await self._answering.resume(user_key, data.chat_id, data.update_id,
                                             SendBudget(self._send_budget), progress,
                                             taken_over=taken_over)
        if found is True:
            return await self._serve(data, user_key, progress, sent=sent)
        return found if isinstance(found, Unsent) else None

    async def _redo(self, data: TgInput, user_key: str, progress: Progress,
                    sent: Reply | None = None) -> Unsent | None:
        """An update whose handling here was cut before its answer was made: with an outbox,
        what it says (the answer may have been written as the cut came), else afresh."""
        if self._answering.outbox is None:
            return await self._serve(data, user_key, progress, sent=sent)
        return await self._resume(data, user_key, progress, taken_over=False, sent=sent)

    async def _to_case(self, event: IncomingEvent, budget: SendBudget) -> Routed:
        """The open case takes the event; a failure there leaves it to the engine (half the
        budget at most: the person's own replies need the rest)."""
        try:
            if await self._engine.answers_before_case(event):
                # The silent alarm even in an open case: the engine raises it and answers
                # ordinarily; relayed, it would read as a plain message and show the queue.
                # So does a typed "ок" to a check-in: relayed, the answer would not count.
                return Routed(False)
            async with budget.window(share=0.5):
                return await self._handoff.route(event)
        except Exception as exc:
            log_failure("relay to the case", exc)
            return Routed(False)


# The old name, while branches written against it land; new code says UpdatePipeline.
Glue = UpdatePipeline
