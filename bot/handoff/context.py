"""What every handoff part shares: the stores, the messenger, settings, and the person's side."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from bot.config import OperatorSettings
from bot.content.models import Content
from bot.core.events import Button, Reply
from bot.core.messenger import Messenger
from bot.core.replies import Replies
from bot.core.session_store import SessionStore
from bot.handoff.alerts import status_reply
from bot.handoff.audit import Audit
from bot.handoff.auth import OperatorAuth
from bot.handoff.cases import Case, CaseStore
from bot.handoff.escalation import WaitingList
from bot.handoff.hours import OperatorHours
from bot.handoff.queue import AlertQueue
from bot.handoff.stats import CaseCounters
from bot.i18n import I18n
from bot.privacy import Pseudonymizer
from bot.storage.health import unless_full

log = logging.getLogger(__name__)

STOP_PAYLOAD = "h:stop"
# Remembers message ids sent to a person, so /hide deletes the operator's messages too.
SentHook = Callable[[str, list[int]], Awaitable[None]]
# Danger-phrase indicators found in a text, in a language (the triage's matcher).
DangerCheck = Callable[[str, str], Sequence[str]]


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
    store: SessionStore | None = None
    on_sent: SentHook | None = None
    danger: DangerCheck | None = None

    @property
    def chat_id(self) -> int | None:
        return self.settings.chat_id

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

    async def tell_user(self, user_key: str, reply: Reply) -> bool:
        """Send to the person's chat while the case is open; False when no address is kept."""
        chat = await self.cases.chat_of(user_key)
        if chat is None:
            return False
        ids = await self.messenger.send(int(chat), reply)
        if self.on_sent is not None:
            await self.on_sent(user_key, ids)
        return True

    async def mark_session(self, user_key: str, case_id: str | None) -> None:
        """Keep `Session.handoff_case` in step with the case, for the engine and /delete."""
        if self.store is None:
            return
        session = await self.store.load(user_key)
        if session is None or session.handoff_case == case_id:
            return
        session.handoff_case = case_id
        await self.store.save(user_key, session)

    async def post_in_case(self, case: Case, reply: Reply) -> list[int]:
        """Post into the case: its topic, or as a reply to its alert; link what was posted."""
        if self.chat_id is None:
            return []
        ids = await self.messenger.send(
            self.chat_id, reply, thread_id=case.thread_id or None,
            reply_to=None if case.thread_id else (case.alert_msg or None),
        )
        # Posted: a link refused for lack of memory must not make a caller post it again.
        await unless_full(self.cases.link_messages(self.chat_id, ids, case.id))
        return ids

    async def remind_place(self, case: Case) -> None:
        """Tell the person their place in the queue, while the case is still waiting."""
        place = await self.waiting.place(case.id)
        if place is not None:
            await self.tell_user(case.user_key, Reply(
                self.text("handoff_place", case.language, place=place)
            ))

    async def show_status(self, case: Case, *, ask_outcome: bool = False) -> bool:
        """Redraw the case's first alert with its state (taken, closed, outcome) by an edit.

        False when it cannot be edited (it held the person's own words, was split, is gone or
        Telegram refused): the caller then posts a note instead, as before edits existed.
        """
        if self.chat_id is None or not case.alert_edit:
            return False
        reply = status_reply(case, self.hours.tz, ask_outcome=ask_outcome)
        try:
            await self.messenger.edit(self.chat_id, case.alert_edit, reply)
        except Exception as exc:
            log.info("alert edit failed (%s): posting instead case=%s",
                     type(exc).__name__, case.id)
            return False
        return True

    async def close_topic(self, case: Case) -> None:
        """Close the case's forum topic; without the right to, it just stays open."""
        if self.chat_id is None or not case.thread_id:
            return
        try:
            await self.messenger.close_topic(self.chat_id, case.thread_id)
        except Exception as exc:
            log.info("closing the topic failed (%s) case=%s", type(exc).__name__, case.id)
