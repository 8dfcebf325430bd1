"""Speaking to the person while their case is open: fixed texts in their language (content
and catalogs), the numbers, their place in the queue, and what operators send them. A
refusal by Telegram never stops the caller: the case gets a note saying so (see `board`)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from enum import Enum
from typing import Protocol, runtime_checkable

from redis.exceptions import RedisError

from bot.content.models import Content
from bot.core.countries import CountryIndex
from bot.core.events import Button, Reply
from bot.core.messenger import Messenger
from bot.core.replies import Replies
from bot.handoff.board import CaseBoard
from bot.handoff.case import Case
from bot.handoff.cases import CaseStore
from bot.handoff.escalation import WaitingList
from bot.handoff.failures import Call, Outcome, decide
from bot.handoff.opschat import OperatorsChat
from bot.i18n import N_, I18n

log = logging.getLogger(__name__)

STOP_PAYLOAD = "h:stop"
# Remembers message ids sent to a person, so /hide deletes the operator's messages too.
SentHook = Callable[[str, list[int]], Awaitable[None]]

NOT_DELIVERED_BLOCKED = N_("Not delivered: the person has blocked the bot.")
NOT_DELIVERED = N_("Not delivered: Telegram refused or is busy. Send it again later.")


@runtime_checkable
class CopiesMessages(Protocol):
    """copyMessage through the adapter; returns the copy's message id."""

    async def copy(self, chat_id: int, from_chat_id: int, message_id: int, *,
                   thread_id: int | None = None) -> int: ...


class Delivery(Enum):
    """What became of a message to the person."""

    DELIVERED = "delivered"
    NO_ADDRESS = "no address"  # the case is closed: the chat address is no longer kept
    FAILED = "failed"  # Telegram refused: the case has a note saying so


class PersonLine:
    """The person's side of an open case, in their language."""

    def __init__(self, messenger: Messenger, cases: CaseStore, waiting: WaitingList,
                 ops: OperatorsChat, board: CaseBoard, content: Callable[[], Content],
                 i18n: I18n, on_sent: SentHook | None = None) -> None:
        self._messenger = messenger
        self._cases = cases
        self._waiting = waiting
        self._ops = ops
        self._board = board
        self._content = content
        self._i18n = i18n
        self._on_sent = on_sent
        self._places: tuple[Content, CountryIndex] | None = None  # built again on a reload

    def text(self, name: str, language: str, **values: object) -> str:
        """A fixed text from content/messages.yaml in the person's language, filled in."""
        template = getattr(self._content().messages, name).get(language).strip()
        return template.format(**values) if values else template

    def translate(self, language: str, msgid: str) -> str:
        """A catalog text (a msgid) in the person's language."""
        return self._i18n.translator(language).gettext(msgid)

    def catalog_language(self, language: str) -> str:
        """The catalog language serving `language` (what Babel formats dates in)."""
        return self._i18n.translator(language).language

    def numbers(self, language: str, country: str | None) -> str:
        """Emergency numbers and the country's hotlines, as the engine shows them."""
        content = self._content()
        replies = Replies(content, self._i18n.translator(language))
        return replies.numbers(country if country in content.countries else None)

    def stop_button(self, language: str) -> list[list[Button]]:
        return [[Button(self.text("handoff_stop_button", language), STOP_PAYLOAD)]]

    async def tell(self, user_key: str, reply: Reply, case: Case | None = None) -> Delivery:
        """Send to the person's chat while the case is open (or may be reopened).

        A refusal never stops the caller (closing still closes): `case` gets a note saying the
        message was not delivered, and a person who blocked the bot marks it unreachable.
        """
        chat = await self._cases.chat_of(user_key)
        if chat is None:
            return Delivery.NO_ADDRESS
        try:
            ids = await self._messenger.send(int(chat), reply)
        except Exception as exc:
            return await self._refused(case, exc, "message")
        await self._remember(user_key, ids)
        return Delivery.DELIVERED

    async def copy(self, case: Case, from_chat: int, message_id: int) -> Delivery:
        """An operator's photo, document or location to the person by copyMessage, as `tell`
        sends text; NO_ADDRESS when the messenger cannot copy."""
        chat = await self._cases.chat_of(case.user_key)
        if chat is None or not isinstance(self._messenger, CopiesMessages):
            return Delivery.NO_ADDRESS
        try:
            copied = await self._messenger.copy(int(chat), from_chat, message_id)
        except Exception as exc:
            return await self._refused(case, exc, "media")
        await self._remember(case.user_key, [copied])  # /hide deletes it with the rest
        return Delivery.DELIVERED

    async def _remember(self, user_key: str, ids: list[int]) -> None:
        """Record what was sent (for /hide). The message is out already: a Redis failure here
        must not reach the caller, whose retry of the whole update would send it twice."""
        if self._on_sent is None:
            return
        try:
            await self._on_sent(user_key, ids)
        except (RedisError, OSError) as exc:
            log.warning("sent to the person, not recorded for /hide (%s)", type(exc).__name__)

    async def _refused(self, case: Case | None, exc: BaseException, what: str) -> Delivery:
        outcome = decide(Call.TO_PERSON, exc)
        log.warning("%s to the person not delivered (%s) case=%s", what, outcome.name,
                    case.id if case else "-")
        if case is not None:
            blocked = outcome is Outcome.PERSON_UNREACHABLE
            if blocked and not case.unreachable:
                case.unreachable = True
                await self._cases.update(case.id, unreachable=1)
            await self._board.note(case, self._board.text(
                NOT_DELIVERED_BLOCKED if blocked else NOT_DELIVERED))
        return Delivery.FAILED

    async def remind_place(self, case: Case) -> None:
        """Tell the person their place in the queue, while the case is still waiting and the
        operators' chat took the last post (never a place in a queue nobody reads)."""
        if not await self._ops.reachable():
            return
        place = await self._waiting.place(case.id)
        if place is not None:
            await self.tell(case.user_key, Reply(
                self.text("handoff_place", case.language, place=place)), case)

    def place_in(self, text: str) -> str | None:
        """The one country `text` names as where someone is ("я в Польше", "I'm in Dubai")
        as the engine reads it (bot/core/countries.py), else None."""
        content = self._content()
        if self._places is None or self._places[0] is not content:
            self._places = (content, CountryIndex(content.countries, content.places))
        match = self._places[1].find(text)
        return match.code if match is not None else None

    async def answer_unannounced(self, case: Case, *, danger: bool,
                                 place: str | None = None) -> None:
        """The reply to a message written in a silent case the phone was never told of: the
        ordinary one (content/silent_alarm.yaml `later_reply`, else `ordinary_reply`), as if
        no team were involved; the numbers first when they wrote of danger openly (the
        danger-phrase layer found it), as the bot answers that anywhere; a country they name
        (`place`) gets that country's numbers, as anyone naming it gets them."""
        content = self._content()
        if place is not None:
            replies = Replies(content, self._i18n.translator(case.language))
            await self.tell(case.user_key, replies.location_numbers(
                place, named_now=True, intro=danger), case)
            return
        if danger:
            await self.tell_numbers(case)
            return
        alarm = content.silent_alarm
        if alarm is None:  # the file is gone: nothing ordinary to say, so nothing is said
            return
        text = (alarm.texts.later_reply or alarm.texts.ordinary_reply).get(case.language)
        await self.tell(case.user_key, Reply(text.strip()), case)

    async def have_request(self, case: Case) -> None:
        """"We have your request" (content/messages.yaml `handoff_have_request`) with the
        hotlines and the menu, as the engine answers a repeated ask by the button."""
        replies = Replies(self._content(), self._i18n.translator(case.language))
        await self.tell(case.user_key, Reply(self.text("handoff_have_request", case.language),
                                             replies.action_rows(["hotlines", "menu"])), case)

    async def tell_numbers(self, case: Case) -> None:
        """The at-risk numbers (emergency first, then the hotlines of the case's country when
        it has a page), as the bot gives them to anyone who writes of danger."""
        content = self._content()
        replies = Replies(content, self._i18n.translator(case.language))
        country = case.country if case.country in content.countries else None
        await self.tell(case.user_key, replies.risk_numbers(country), case)

    async def tell_unreachable(self, case: Case) -> None:
        """The operators cannot be reached: the person hears it at once, with the numbers."""
        text = self.text("handoff_unreachable", case.language)
        text = f"{text}\n\n{self.numbers(case.language, case.country)}".strip()
        await self.tell(case.user_key, Reply(text, self.stop_button(case.language)), case)
