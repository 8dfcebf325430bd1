"""What operators see of a case in their chat: posts and notes in it, its first alert redrawn,
its topic closed or reopened, answers to presses and to operators' messages (all in
OPERATOR_LANGUAGE). It never speaks to the person (see `person`)."""

from __future__ import annotations

import logging
from datetime import tzinfo

from bot.core.events import Reply
from bot.core.messenger import Messenger
from bot.handoff.alerts import status_reply
from bot.handoff.case import Case
from bot.handoff.channel import CaseChannel, OperatorsUnreachable
from bot.handoff.failures import Call, decide, migrated_to
from bot.handoff.input import OperatorInput
from bot.handoff.labels import OperatorTexts
from bot.handoff.opschat import OperatorsChat

log = logging.getLogger(__name__)


class CaseBoard:
    """The case's side in the operators' chat; `text` translates operator-facing msgids."""

    def __init__(self, messenger: Messenger, ops: OperatorsChat, channel: CaseChannel,
                 tz: tzinfo) -> None:
        self._messenger = messenger
        self._ops = ops
        self._channel = channel
        self._tz = tz

    @property
    def chat_id(self) -> int | None:
        """The operators' chat as it is now (Telegram may have moved it to a new id)."""
        return self._ops.id

    @property
    def labels(self) -> OperatorTexts:
        """Operator-facing sentences and labels in OPERATOR_LANGUAGE."""
        return self._channel.texts

    def text(self, msgid: str, **values: object) -> str:
        """An operator-facing text in OPERATOR_LANGUAGE, from the gettext catalogs."""
        return self._channel.text(msgid, **values)

    async def post(self, case: Case, reply: Reply, *, link: bool = True) -> list[int]:
        """Post into the case (see `CaseChannel.post`); raises `OperatorsUnreachable`."""
        return await self._channel.post(case, reply, link=link)

    async def send(self, reply: Reply, *, thread_id: int | None = None,
                   reply_to: int | None = None) -> list[int]:
        """sendMessage in the operators' chat (see `CaseChannel.send`)."""
        return await self._channel.send(reply, thread_id=thread_id, reply_to=reply_to)

    async def new_topic(self, case: Case) -> int | None:
        """A forum topic for the case (see `CaseChannel.new_topic`)."""
        return await self._channel.new_topic(case)

    async def note(self, case: Case, note: str | Reply) -> None:
        """A note (or question) for operators in the case; if nothing can be posted there,
        it is logged only: the action it reports has been done all the same."""
        try:
            await self.post(case, note if isinstance(note, Reply) else Reply(note))
        except OperatorsUnreachable:
            log.error("note not posted: the operators' chat is unreachable case=%s", case.id)

    async def show_status(self, case: Case, *, ask_outcome: bool = False) -> bool:
        """Redraw the case's first alert with its state (taken, closed, outcome) by an edit.

        False when it cannot be edited (it held the person's own words, was split, is gone or
        Telegram refused): the caller then posts a note instead, as before edits existed.
        """
        if self.chat_id is None or not case.alert_edit:
            return False
        reply = status_reply(case, self._tz, self.labels, ask_outcome=ask_outcome)
        try:
            await self._messenger.edit(self.chat_id, case.alert_edit, reply)
        except Exception as exc:
            new_id = migrated_to(exc)
            if new_id is not None:
                self._ops.migrate(new_id)
            log.info("alert edit failed (%s): posting instead case=%s",
                     decide(Call.EDIT_ALERT, exc).name, case.id)
            return False
        return True

    async def close_topic(self, case: Case) -> None:
        """Close the case's forum topic; without the right to, it just stays open."""
        if self.chat_id is None or not case.thread_id:
            return
        try:
            await self._messenger.close_topic(self.chat_id, case.thread_id)
        except Exception as exc:
            log.info("closing the topic failed (%s) case=%s",
                     decide(Call.CLOSE_TOPIC, exc).name, case.id)

    async def reopen_topic(self, case: Case) -> None:
        """Open the case's forum topic again (closing closed it); without the right, it stays."""
        if self.chat_id is None or not case.thread_id:
            return
        try:
            await self._messenger.reopen_topic(self.chat_id, case.thread_id)
        except Exception as exc:
            log.info("reopening the topic failed (%s) case=%s",
                     decide(Call.REOPEN_TOPIC, exc).name, case.id)

    async def answer_press(self, callback_id: str | None, text: str | None, *,
                           toast: str | None = None, **values: object) -> None:
        """Stop the button's spinner, with a short notice (`text`: a msgid, in
        OPERATOR_LANGUAGE; or `toast`, already translated)."""
        if callback_id is None:
            return
        try:
            await self._messenger.answer_callback(
                callback_id, self.text(text, **values) if text else toast)
        except Exception as exc:
            # An expired query: the action itself has been done, only the toast is lost.
            log.warning("answerCallbackQuery failed: %s", decide(Call.ANSWER_PRESS, exc).name)

    async def say_to(self, update: OperatorInput, text: str, *,
                     translated: bool = False) -> None:
        """Answer an operator's message where they wrote it (`text`: a msgid, in
        OPERATOR_LANGUAGE, unless `translated`): in its topic, else as a reply.

        Only a real topic's thread id goes back (a reply in General carries a reply chain's
        id, which Telegram refuses as a thread); the reply alone finds the place otherwise.
        """
        if self.chat_id is None:
            return
        try:
            said = text if translated else self.text(text)
            await self.send(Reply(said), thread_id=update.thread_id, reply_to=update.message_id)
        except Exception as exc:
            log.warning("answer to an operator not posted: %s", type(exc).__name__)
