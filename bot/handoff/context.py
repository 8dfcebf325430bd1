"""What every handoff part shares: the stores, the messenger, settings, and the person's side."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from bot.config import OperatorSettings
from bot.content.models import Content
from bot.core.events import Button, Reply
from bot.core.messenger import Messenger
from bot.core.replies import Replies
from bot.core.session_store import SessionStore
from bot.handoff.alerts import status_reply
from bot.handoff.audit import Audit
from bot.handoff.auth import OperatorAuth
from bot.handoff.blocks import Blocks
from bot.handoff.cases import Case, CaseStore
from bot.handoff.channel import CaseChannel, OperatorsUnreachable
from bot.handoff.escalation import WaitingList
from bot.handoff.failures import Call, Outcome, decide, migrated_to
from bot.handoff.hours import OperatorHours
from bot.handoff.labels import OperatorTexts
from bot.handoff.opschat import OperatorsChat
from bot.handoff.queue import AlertQueue
from bot.handoff.stats import CaseCounters
from bot.i18n import N_, I18n
from bot.metrics import Metrics
from bot.privacy import Pseudonymizer

log = logging.getLogger(__name__)

STOP_PAYLOAD = "h:stop"
# Remembers message ids sent to a person, so /hide deletes the operator's messages too.
SentHook = Callable[[str, list[int]], Awaitable[None]]
# Danger-phrase indicators found in a text, in a language (the triage's matcher).
DangerCheck = Callable[[str, str], Sequence[str]]
# Tells the person where their queued alert stands; run by the glue after its replies.
Tell = Callable[[], Awaitable[None]]

NOT_DELIVERED_BLOCKED = N_("Not delivered: the person has blocked the bot.")
NOT_DELIVERED = N_("Not delivered: Telegram refused or is busy. Send it again later.")


class Delivery(Enum):
    """What became of a message to the person."""

    DELIVERED = "delivered"
    NO_ADDRESS = "no address"  # the case is closed: the chat address is no longer kept
    FAILED = "failed"  # Telegram refused: the case has a note saying so




@dataclass(slots=True)
class HandoffContext:
    """The parts, built once by `build_handoff` and passed to relay, actions and the service."""

    messenger: Messenger
    settings: OperatorSettings
    cases: CaseStore
    queue: AlertQueue
    waiting: WaitingList
    audit: Audit
    counters: CaseCounters
    auth: OperatorAuth
    hours: OperatorHours
    pseudonymizer: Pseudonymizer
    content: Callable[[], Content]
    i18n: I18n
    ops: OperatorsChat
    channel: CaseChannel
    store: SessionStore | None = None
    on_sent: SentHook | None = None
    danger: DangerCheck | None = None
    canned_file: Path | None = None  # content/canned_replies.yaml, read on each /r
    blocks: Blocks | None = None
    metrics: Metrics = field(default_factory=Metrics)  # the process's registry (runner's)

    @property
    def chat_id(self) -> int | None:
        """The operators' chat as it is now (Telegram may have moved it to a new id)."""
        return self.ops.id

    @property
    def labels(self) -> OperatorTexts:
        """Operator-facing sentences and labels in OPERATOR_LANGUAGE."""
        return self.channel.texts

    def op_text(self, msgid: str, **values: object) -> str:
        """An operator-facing text in OPERATOR_LANGUAGE, from the gettext catalogs."""
        return self.channel.text(msgid, **values)

    def text(self, name: str, language: str, **values: object) -> str:
        """A fixed text from content/messages.yaml in the person's language, filled in."""
        template = getattr(self.content().messages, name).get(language).strip()
        return template.format(**values) if values else template

    def numbers(self, language: str, country: str | None) -> str:
        """Emergency numbers and the country's hotlines, as the engine shows them."""
        replies = Replies(self.content(), self.i18n.translator(language))
        return replies.numbers(country if country in self.content().countries else None)

    def stop_button(self, language: str) -> list[list[Button]]:
        return [[Button(self.text("handoff_stop_button", language), STOP_PAYLOAD)]]

    async def tell_user(self, user_key: str, reply: Reply, case: Case | None = None) -> Delivery:
        """Send to the person's chat while the case is open.

        A refusal never stops the caller (closing still closes): `case` gets a note saying the
        message was not delivered, and a person who blocked the bot marks it unreachable.
        """
        chat = await self.cases.chat_of(user_key)
        if chat is None:
            return Delivery.NO_ADDRESS
        try:
            ids = await self.messenger.send(int(chat), reply)
        except Exception as exc:
            outcome = decide(Call.TO_PERSON, exc)
            log.warning("message to the person not delivered (%s) case=%s", outcome.name,
                        case.id if case else "-")
            if case is not None:
                blocked = outcome is Outcome.PERSON_UNREACHABLE
                if blocked and not case.unreachable:
                    case.unreachable = True
                    await self.cases.update(case.id, unreachable=1)
                note = NOT_DELIVERED_BLOCKED if blocked else NOT_DELIVERED
                await self.note_in_case(case, self.op_text(note))
            return Delivery.FAILED
        if self.on_sent is not None:
            await self.on_sent(user_key, ids)
        return Delivery.DELIVERED

    async def note_in_case(self, case: Case, note: str | Reply) -> None:
        """A note (or question) for operators in the case; if nothing can be posted there,
        it is logged only: the action it reports has been done all the same."""
        try:
            await self.post_in_case(case, note if isinstance(note, Reply) else Reply(note))
        except OperatorsUnreachable:
            log.error("note not posted: the operators' chat is unreachable case=%s", case.id)

    async def post_in_case(self, case: Case, reply: Reply, *, link: bool = True) -> list[int]:
        """Post into the case (see `CaseChannel.post`); raises `OperatorsUnreachable`."""
        return await self.channel.post(case, reply, link=link)

    async def send_to_operators(self, reply: Reply, *, thread_id: int | None = None,
                                reply_to: int | None = None) -> list[int]:
        """sendMessage in the operators' chat (see `CaseChannel.send`)."""
        return await self.channel.send(reply, thread_id=thread_id, reply_to=reply_to)

    async def mark_session(self, user_key: str, case_id: str | None) -> None:
        """Keep `Session.handoff_case` in step with the case, for the engine and /delete."""
        if self.store is None:
            return
        session = await self.store.load(user_key)
        if session is None or session.handoff_case == case_id:
            return
        session.handoff_case = case_id
        await self.store.save(user_key, session)

    async def remind_place(self, case: Case) -> None:
        """Tell the person their place in the queue, while the case is still waiting and the
        operators' chat took the last post (never a place in a queue nobody reads)."""
        if not await self.ops.reachable():
            return
        place = await self.waiting.place(case.id)
        if place is not None:
            await self.tell_user(case.user_key, Reply(
                self.text("handoff_place", case.language, place=place)
            ), case)

    async def tell_unreachable(self, case: Case) -> None:
        """The operators cannot be reached: the person hears it at once, with the numbers."""
        text = self.text("handoff_unreachable", case.language)
        text = f"{text}\n\n{self.numbers(case.language, case.country)}".strip()
        await self.tell_user(case.user_key, Reply(text, self.stop_button(case.language)), case)

    async def show_status(self, case: Case, *, ask_outcome: bool = False) -> bool:
        """Redraw the case's first alert with its state (taken, closed, outcome) by an edit.

        False when it cannot be edited (it held the person's own words, was split, is gone or
        Telegram refused): the caller then posts a note instead, as before edits existed.
        """
        if self.chat_id is None or not case.alert_edit:
            return False
        reply = status_reply(case, self.hours.tz, self.labels, ask_outcome=ask_outcome)
        try:
            await self.messenger.edit(self.chat_id, case.alert_edit, reply)
        except Exception as exc:
            new_id = migrated_to(exc)
            if new_id is not None:
                self.ops.migrate(new_id)
            log.info("alert edit failed (%s): posting instead case=%s",
                     decide(Call.EDIT_ALERT, exc).name, case.id)
            return False
        return True

    async def close_topic(self, case: Case) -> None:
        """Close the case's forum topic; without the right to, it just stays open."""
        if self.chat_id is None or not case.thread_id:
            return
        try:
            await self.messenger.close_topic(self.chat_id, case.thread_id)
        except Exception as exc:
            log.info("closing the topic failed (%s) case=%s",
                     decide(Call.CLOSE_TOPIC, exc).name, case.id)

