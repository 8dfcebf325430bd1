"""The handoff as the transport sees it: alerts in, the person's events routed, operator
updates in, and the background poster.

`QueueHandoff` implements the update pipeline's `Handoff` hook over its parts: `CaseIntake`
(the person's side, bot/handoff/intake.py), `OperatorUpdates` (the operators' chat,
bot/handoff/operator_updates.py) and `AlertPoster` (posting queued alerts,
bot/handoff/poster.py). `build_handoff` wires them from the settings.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from redis.asyncio import Redis

from bot.config import OperatorSettings
from bot.content.models import Content
from bot.core.events import IncomingEvent, OperatorAlert
from bot.core.messenger import Messenger
from bot.handoff.audit import Audit
from bot.handoff.auth import MemberLookup, OperatorAuth
from bot.handoff.blocks import Blocks
from bot.handoff.board import CaseBoard
from bot.handoff.cases import CaseStore
from bot.handoff.channel import CaseChannel
from bot.handoff.directory import OperatorDirectory
from bot.handoff.escalation import WaitingList
from bot.handoff.hours import OperatorHours
from bot.handoff.input import OperatorInput
from bot.handoff.intake import CaseIntake
from bot.handoff.operator_updates import OperatorUpdates
from bot.handoff.opschat import OperatorsChat
from bot.handoff.parts import DangerCheck, HandoffParts, PersonAskCheck, SessionReader
from bot.handoff.person import PersonLine, SentHook
from bot.handoff.poster import AlertPoster
from bot.handoff.queue import LOCK_TTL, AlertQueue
from bot.handoff.relay import Relay
from bot.handoff.routing import Queued, Routed
from bot.handoff.startup import check_operators_chat
from bot.handoff.stats import CaseCounters
from bot.i18n import I18n
from bot.metrics import Metrics
from bot.privacy import Pseudonymizer


class QueueHandoff:
    """Durable operator handoff over Redis: the pipeline's `Handoff`, plus `run`."""

    def __init__(self, parts: HandoffParts, poster: AlertPoster) -> None:
        self.parts = parts
        self.relay = Relay(parts)
        self.intake = CaseIntake(parts, self.relay)
        self.operator_updates = OperatorUpdates(parts, self.relay)
        self.poster = poster

    async def alert(self, alert: OperatorAlert) -> None:
        """Open a case and queue its alert; tell the person their place or when we open."""
        queued = await self.queue_alert(alert)
        if queued.tell is not None:
            await queued.tell()

    async def queue_alert(self, alert: OperatorAlert, *, again: bool = False) -> Queued:
        """See `CaseIntake.queue_alert`."""
        return await self.intake.queue_alert(alert, again=again)

    async def route(self, event: IncomingEvent) -> Routed:
        """See `CaseIntake.route`."""
        return await self.intake.route(event)

    async def user_event(self, event: IncomingEvent) -> bool:
        """`route` for callers that only ask whether a human answers this event."""
        return (await self.route(event)).to_case

    async def forget_user(self, user_key: str) -> None:
        """/delete: end an open case and drop everything that points to the person."""
        await self.intake.forget_user(user_key)

    async def handle_operator_update(self, update: OperatorInput) -> None:
        """A message or a button press in the operators' chat (see `OperatorUpdates`)."""
        await self.operator_updates.handle(update)

    def is_operators_chat(self, chat_id: int) -> bool:
        """Whether an update comes from the operators' chat (followed if Telegram moved it)."""
        return self.parts.ops.is_it(chat_id)

    async def check_chat(self) -> None:
        """The start-up check of OPERATOR_CHAT_ID (see `bot.handoff.startup`)."""
        await check_operators_chat(self.parts.messenger, self.parts.ops)

    async def chat_status(self) -> str | None:
        """The operators' chat for /readyz: None when usable, else why (no Bot API call)."""
        return await self.parts.ops.status()

    async def run(self, stop: asyncio.Event) -> None:
        """Post, re-claim and escalate alerts until `stop` is set (see `AlertPoster`); pass
        on operators' messages held during a Redis outage once it is back."""
        await asyncio.gather(self.poster.run(stop), self.operator_updates.run(stop))


def build_handoff(
    settings: OperatorSettings,
    *,
    redis: Redis,
    messenger: Messenger,
    pseudonymizer: Pseudonymizer,
    content: Callable[[], Content],
    i18n: I18n,
    case_ttl: int,
    store: SessionReader | None = None,
    on_sent: SentHook | None = None,
    danger: DangerCheck | None = None,
    asks_person: PersonAskCheck | None = None,
    canned_file: Path | None = None,
    escalate_after: float | None = None,
    claim_idle: float = 30.0,
    tick: float = 5.0,
    claim_every: float = 15.0,
    read_block: float = 1.0,
    post_lock: float = LOCK_TTL,
    metrics: Metrics | None = None,
) -> QueueHandoff:
    """Wire the handoff from settings; the timings are parameters so tests can shrink them
    (seconds; `post_lock`: how long one replica may post an alert before another may try)."""
    lookup = messenger if isinstance(messenger, MemberLookup) else None
    ops = OperatorsChat(settings.chat_id, redis, metrics)
    cases = CaseStore(redis, case_ttl, settings.reopen_days * 24 * 3600,
                      seal=pseudonymizer.seal(b"handoff-user-text"))
    waiting = WaitingList(redis, escalate_after or settings.escalate_after_min * 60.0)
    hours = OperatorHours.from_settings(settings)
    board = CaseBoard(messenger, ops, CaseChannel(messenger, ops, cases, i18n, settings.language),
                      hours.tz)
    parts = HandoffParts(
        messenger=messenger, settings=settings, cases=cases,
        queue=AlertQueue(redis, claim_idle=claim_idle, post_lock=post_lock), waiting=waiting,
        audit=Audit(redis), counters=CaseCounters(redis, settings.timezone),
        auth=OperatorAuth(ops, settings.id_set, lookup), hours=hours,
        pseudonymizer=pseudonymizer, ops=ops,
        directory=OperatorDirectory(redis, settings.id_set),
        blocks=Blocks(redis, pseudonymizer), board=board,
        person=PersonLine(messenger, cases, waiting, ops, board, content, i18n, on_sent),
        sessions=store, danger=danger, asks_person=asks_person, canned_file=canned_file,
        metrics=metrics or Metrics(),
    )
    return QueueHandoff(
        parts, AlertPoster(parts, tick=tick, claim_every=claim_every, read_block=read_block)
    )
