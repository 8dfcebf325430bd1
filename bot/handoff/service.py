"""The handoff as the transport sees it: alerts in, operator updates in.

`QueueHandoff` implements the glue's `Handoff` hook. An alert becomes a case and a stream
entry; its `AlertPoster` (bot/handoff/poster.py) posts the entries in the background.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path

from redis.asyncio import Redis
from redis.exceptions import OutOfMemoryError, RedisError

from bot.config import OperatorSettings
from bot.content.models import Content
from bot.core.events import EventKind, IncomingEvent, OperatorAlert, Reply
from bot.core.messenger import Messenger
from bot.core.session_store import SessionStore
from bot.handoff.actions import answer_press, on_press
from bot.handoff.alerts import alert_reply, is_note, parse_press
from bot.handoff.audit import Audit
from bot.handoff.auth import MemberLookup, OperatorAuth
from bot.handoff.blocks import Blocks
from bot.handoff.cases import Case, CaseStore
from bot.handoff.channel import CaseChannel
from bot.handoff.context import DangerCheck, HandoffContext, SentHook, Tell
from bot.handoff.desk import blocked_reply, on_block_command
from bot.handoff.escalation import WaitingList
from bot.handoff.held import HeldOperatorMessages
from bot.handoff.hours import OperatorHours
from bot.handoff.input import OperatorInput
from bot.handoff.opschat import OperatorsChat
from bot.handoff.poster import AlertPoster
from bot.handoff.queue import AlertQueue
from bot.handoff.relay import NOTE_KEPT, Relay, say_to
from bot.handoff.startup import check_operators_chat
from bot.handoff.stats import CaseCounters
from bot.i18n import N_, I18n
from bot.metrics import Metrics
from bot.privacy import Pseudonymizer
from bot.storage.health import unless_full
from bot.storage.redis import once_more

log = logging.getLogger(__name__)

ANONYMOUS_ADMIN = "anonymous admin"  # the audit trail's name for an admin posting as the group
QUEUE_DEGRADED_FULL = N_("(Queue degraded: Redis is out of memory, so this case is not stored "
                         "and the bot cannot relay; ask the person to write again.)")
QUEUE_DEGRADED_DOWN = N_("(Queue degraded: storage is down, so the bot cannot relay; ask the "
                         "person to write again.)")
STORAGE_DEGRADED_PERSON = N_("⚠️ Storage degraded ({why}): the message below belongs to case "
                             "#{case}; replies in the case cannot be passed on until storage "
                             "is back. The bot answered the person itself.")
STORAGE_DEGRADED_OPERATOR = N_("⚠️ Storage degraded ({why}): this message was NOT passed on to "
                               "the person. Try again in a minute.")
STORAGE_DEGRADED_PRESS = N_("Storage degraded: this may not have been saved, try again.")
REDIS_FULL = N_("Redis out of memory")
REDIS_DOWN = N_("Redis unavailable")
ANONYMOUS_OFF = N_("Messages posted anonymously (as the group) are not passed on: turn off "
                   "\"Remain anonymous\" in your admin rights and write again.")


class QueueHandoff:
    """Durable operator handoff over Redis: the glue's `Handoff`, plus `user_event` and `run`."""

    def __init__(self, ctx: HandoffContext, poster: AlertPoster) -> None:
        self.ctx = ctx
        self.relay = Relay(ctx)
        self.poster = poster
        self.held = HeldOperatorMessages(ctx)  # operators' messages kept while Redis is away

    # ------------------------------------------------------------------ the person's side
    async def alert(self, alert: OperatorAlert) -> None:
        """Open a case and queue its alert; tell the person their place or when we open."""
        tell = await self.queue_alert(alert)
        if tell is not None:
            await tell()

    async def queue_alert(self, alert: OperatorAlert) -> Tell | None:
        """Open a case and queue its alert durably; return how to tell the person (their
        place, when we open, or that nobody can be reached), for the glue to run after its
        own replies: no failed reply can undo the alert."""
        ctx = self.ctx
        try:
            # Once more after a dropped connection: a second attempt finds the case the first
            # may have opened (and reminds), or opens it; a doubled entry is posted only once.
            queued = await once_more(lambda: self._open_and_queue(alert))
        except (RedisError, OSError) as exc:
            await self._post_without_queue(alert, exc)
            return None
        if queued is None:
            return None
        case, open_now = queued
        # Queued: counters and the audit entry may be refused for lack of memory, the person
        # must still be told their place.
        await unless_full(ctx.counters.opened(case.language, case.country, case.reason,
                                              case.risk_level, case.indicators))
        await ctx.mark_session(alert.user_key, case.id)
        await unless_full(ctx.audit.record(0, case.id, "opened"))
        log.info("handoff case opened case=%s reason=%s", case.id, case.reason)
        ctx.metrics.alerts.labels("queued").inc()
        if alert.silent:  # the code word: whoever holds the phone must see nothing
            return None
        return partial(self._tell_queued, case, open_now)

    async def _tell_queued(self, case: Case, open_now: bool) -> None:
        """Tell the person their place in the queue, or when we open (with the numbers)."""
        ctx = self.ctx
        lang = case.language
        if not await ctx.ops.reachable():
            # Queued (it is posted once the chat works again), but nobody reads it now.
            await ctx.tell_unreachable(case)
            return
        if open_now:
            place = await ctx.waiting.place(case.id) or 1
            text = ctx.text("handoff_queued", lang, place=place)
        else:
            when = ctx.hours.when_text(ctx.i18n.translator(lang).language)
            text = ctx.text("handoff_out_of_hours", lang, when=when)
            text = f"{text}\n\n{ctx.numbers(lang, case.country)}".strip()
        await ctx.tell_user(case.user_key, Reply(text, ctx.stop_button(lang)), case)

    async def _open_and_queue(self, alert: OperatorAlert) -> tuple[Case, bool] | None:
        """Open the case and queue its alert: (case, operators on duty now); None when the
        person already has an open case (they are reminded of their place)."""
        ctx = self.ctx
        existing = await ctx.cases.open_case_of(alert.user_key)
        if existing is not None:
            if not alert.silent:  # a silent alarm must not show on the person's screen
                await ctx.remind_place(existing)  # asked again: never a second alert
            return None
        # Unique among open and recent cases: operators never see two people as one.
        pseudonym = await ctx.cases.reserve_pseudonym(
            ctx.pseudonymizer.pseudonyms(alert.user_key), self._owner(alert.user_key))
        case = await ctx.cases.open(alert, pseudonym)
        open_now = ctx.hours.is_open()
        first_due = None if open_now else ctx.hours.next_open().timestamp()
        await ctx.waiting.add(case.id, case.created, first_due)
        await ctx.queue.push(case.id, 0)
        return case, open_now

    async def _post_without_queue(self, alert: OperatorAlert, exc: BaseException) -> None:
        # Redis is down: no case, no relay, but a person at risk is never silently dropped.
        log.error("handoff queue unavailable (%s): posting the alert directly, not queued",
                  "Redis out of memory" if isinstance(exc, OutOfMemoryError)
                  else type(exc).__name__)
        if self.ctx.chat_id is None:
            return
        pseudonym = self.ctx.pseudonymizer.pseudonym(alert.user_key)
        case = Case.from_alert(alert, id="-", user_key="", pseudonym=pseudonym)
        reply = alert_reply(case, self.ctx.labels)
        degraded = QUEUE_DEGRADED_FULL if isinstance(exc, OutOfMemoryError) else QUEUE_DEGRADED_DOWN
        reply.text += "\n" + self.ctx.op_text(degraded)
        reply.buttons = []
        await self.ctx.messenger.send(self.ctx.chat_id, reply)
        self.ctx.metrics.alerts.labels("posted_unqueued").inc()

    async def user_event(self, event: IncomingEvent) -> bool:
        """Called before the engine: True when the event belonged to an open case (or the
        person is blocked: they got the neutral reply)."""
        try:
            if await blocked_reply(self.ctx, event):
                return True
            # A dead pooled connection fails the first lookup, before anything is posted.
            return await once_more(lambda: self.relay.from_user(event))
        except (RedisError, OSError) as exc:
            # Without Redis the engine answers: better the bot than nobody.
            log.error("handoff relay unavailable (%s): the bot answers, the case is told",
                      type(exc).__name__)
            await self._relay_degraded(event, exc)
            return False

    async def _relay_degraded(self, event: IncomingEvent, exc: BaseException) -> None:
        """Redis failed: pass the person's words to the operators' chat, saying why they are
        not in the case's topic. The case is known from the session the store still has
        (its last copy while Redis is down)."""
        ctx = self.ctx
        if ctx.chat_id is None or ctx.store is None:
            return
        try:
            session = await ctx.store.load(event.user_key)
        except (RedisError, OSError):
            return  # a store without a fallback: nothing known about a case
        if session is None or not session.handoff_case:
            return
        pseudonym = ctx.pseudonymizer.pseudonym(event.user_key)
        said = f"💬 {pseudonym}: {event.text}" if event.text else f"💬 {pseudonym}"
        note = ctx.op_text(STORAGE_DEGRADED_PERSON, why=ctx.op_text(_why(exc)),
                           case=session.handoff_case)
        await ctx.messenger.send(ctx.chat_id, Reply(f"{note}\n{said}"))

    async def forget_user(self, user_key: str) -> None:
        """/delete: end an open case and drop everything that points to the person."""
        await self.relay.erase(user_key)
        await self.ctx.cases.release_pseudonyms(self.ctx.pseudonymizer.pseudonyms(user_key),
                                                self._owner(user_key))

    def _owner(self, user_key: str) -> str:
        # Who holds a pseudonym, as a keyed hash: the reservation never stores the user key.
        return self.ctx.pseudonymizer.user_key(f"pseudonym-owner:{user_key}")

    # ------------------------------------------------------------------ the operators' side
    async def handle_operator_update(self, update: OperatorInput) -> None:
        """A message or a button press in the operators' chat."""
        if len(self.held) and update.kind != EventKind.BUTTON and self._about_a_case(update):
            # Behind messages still held: in order, or the person reads them out of order.
            if not await self.held.hold(update, REDIS_DOWN):
                await self._not_passed_on(update, REDIS_DOWN)
            return
        try:
            await once_more(lambda: self._operator_update(update))
        except (RedisError, OSError) as exc:
            # Never silently: the operator must know their words did not reach the person.
            log.error("operator update during a Redis failure (%s): not delivered, said so",
                      type(exc).__name__)
            await self._operator_degraded(update, exc)

    async def _operator_degraded(self, update: OperatorInput, exc: BaseException) -> None:
        ctx = self.ctx
        if update.kind == EventKind.BUTTON:
            await answer_press(ctx, update.callback_id, STORAGE_DEGRADED_PRESS)
            return
        if not self._about_a_case(update):
            return  # not in a topic nor a reply: cannot be about a case
        if is_note(update.text):
            return  # a note is never passed on: nothing was lost
        if not await self.held.hold(update, _why(exc)):
            await self._not_passed_on(update, _why(exc))

    def _about_a_case(self, update: OperatorInput) -> bool:
        return self.ctx.chat_id is not None and bool(update.thread_id
                                                     or update.reply_to_message_id)

    async def _not_passed_on(self, update: OperatorInput, why: str) -> None:
        ctx = self.ctx
        assert ctx.chat_id is not None
        await ctx.messenger.send(
            ctx.chat_id, Reply(ctx.op_text(STORAGE_DEGRADED_OPERATOR, why=ctx.op_text(why))),
            thread_id=update.thread_id, reply_to=update.message_id,
        )

    async def _operator_update(self, update: OperatorInput) -> bool:
        """Handle a press or a message; True when a message reached the person."""
        ctx = self.ctx
        if update.kind == EventKind.BUTTON:
            press = parse_press(update.payload)
            if press is None:
                await answer_press(ctx, update.callback_id, None)
                return False
            if not await ctx.auth.allowed(update.user_id):
                await answer_press(ctx, update.callback_id,
                                   N_("Only the NGO's operators can do this."))
                await ctx.audit.record(self._stranger(update.user_id), press.case_id, "refused")
                return False
            await on_press(ctx, press, update.user_id or 0, update.callback_id,
                           update.message_id, name=update.user_name or "")
            return False
        if ctx.chat_id is None:
            return False
        case_id = await ctx.cases.case_for(update.chat_id, update.thread_id,
                                           update.reply_to_message_id)
        if case_id is None:
            return False  # talk among operators, not about a case
        if is_note(update.text):
            # A note about the case, from anyone in the chat: never relayed, never audited
            # (its words are not ours to keep).
            await say_to(ctx, update, NOTE_KEPT)
            return False
        if update.sender_chat_id is not None and update.sender_chat_id == ctx.chat_id:
            # Posted as the group: only an admin of the operators' chat can do that.
            if not ctx.settings.anonymous_admins:
                await ctx.audit.record(ANONYMOUS_ADMIN, case_id, "refused_anonymous")
                await say_to(ctx, update, ANONYMOUS_OFF)
                return False
            return await self.relay.from_operator(update, case_id, audit_as=ANONYMOUS_ADMIN)
        if not await ctx.auth.allowed(update.user_id):
            await ctx.audit.record(self._stranger(update.user_id), case_id, "refused")
            await say_to(ctx, update, N_("Only the NGO's operators can write to people."))
            return False
        if await on_block_command(ctx, update, case_id):
            return False
        return await self.relay.from_operator(update, case_id)

    def is_operators_chat(self, chat_id: int) -> bool:
        """Whether an update comes from the operators' chat (followed if Telegram moved it)."""
        return self.ctx.ops.is_it(chat_id)

    async def check_chat(self) -> None:
        """The start-up check of OPERATOR_CHAT_ID (see `bot.handoff.startup`)."""
        await check_operators_chat(self.ctx)

    async def chat_status(self) -> str | None:
        """The operators' chat for /readyz: None when usable, else why (no Bot API call)."""
        return await self.ctx.ops.status()

    def _stranger(self, user_id: int | None) -> str:
        # Not staff: only a keyed hash of their id goes into the audit trail.
        return "anon:" + self.ctx.pseudonymizer.user_key(f"tg:{user_id}")[:12]

    async def run(self, stop: asyncio.Event) -> None:
        """Post, re-claim and escalate alerts until `stop` is set (see `AlertPoster`); pass
        on operators' messages held during a Redis outage once it is back."""
        await asyncio.gather(self.poster.run(stop), self.held.run(stop, self._operator_update))


def _why(exc: BaseException) -> str:
    return REDIS_FULL if isinstance(exc, OutOfMemoryError) else REDIS_DOWN


def build_handoff(
    settings: OperatorSettings,
    *,
    redis: Redis,
    messenger: Messenger,
    pseudonymizer: Pseudonymizer,
    content: Callable[[], Content],
    i18n: I18n,
    case_ttl: int,
    store: SessionStore | None = None,
    on_sent: SentHook | None = None,
    danger: DangerCheck | None = None,
    canned_file: Path | None = None,
    escalate_after: float | None = None,
    claim_idle: float = 30.0,
    tick: float = 5.0,
    claim_every: float = 15.0,
    read_block: float = 1.0,
    metrics: Metrics | None = None,
) -> QueueHandoff:
    """Wire the handoff from settings; the timings are parameters so tests can shrink them."""
    lookup = messenger if isinstance(messenger, MemberLookup) else None
    ops = OperatorsChat(settings.chat_id, redis, metrics)
    cases = CaseStore(redis, case_ttl)
    ctx = HandoffContext(
        messenger=messenger, settings=settings, cases=cases,
        queue=AlertQueue(redis, claim_idle=claim_idle),
        waiting=WaitingList(redis, escalate_after or settings.escalate_after_min * 60.0),
        audit=Audit(redis), counters=CaseCounters(redis, settings.timezone),
        auth=OperatorAuth(ops, settings.id_set, lookup), ops=ops,
        channel=CaseChannel(messenger, ops, cases, i18n, settings.language),
        hours=OperatorHours.from_settings(settings), pseudonymizer=pseudonymizer,
        content=content, i18n=i18n, store=store, on_sent=on_sent, danger=danger,
        canned_file=canned_file, blocks=Blocks(redis, pseudonymizer),
        metrics=metrics or Metrics(),
    )
    return QueueHandoff(
        ctx, AlertPoster(ctx, tick=tick, claim_every=claim_every, read_block=read_block)
    )
