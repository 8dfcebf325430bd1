"""The hook for the operators' side: `Handoff`, and a plain alert until the durable queue lands.

The handoff issue replaces `PlainAlertHandoff` with a queue-backed implementation of the same
protocol; the glue only knows `Handoff`.
"""

from __future__ import annotations

import logging
from typing import Protocol

from bot.config import ConfigError, Settings
from bot.core.events import IncomingEvent, OperatorAlert, Reply
from bot.core.messenger import Messenger
from bot.handoff.alerts import alert_lines
from bot.handoff.case import Case
from bot.handoff.failures import refusal_of
from bot.handoff.input import OperatorInput
from bot.handoff.labels import OperatorTexts
from bot.handoff.routing import Queued, Routed, Tell
from bot.handoff.startup import ChatInspector, wrong_kind
from bot.i18n import I18n
from bot.metrics import Metrics
from bot.privacy import Pseudonymizer

__all__ = ["Handoff", "PlainAlertHandoff", "Queued", "Routed", "Tell", "alert_text",
           "operator_texts"]

log = logging.getLogger(__name__)


class Handoff(Protocol):
    """Everything about human operators: alerts out, and updates from the operators' chat."""

    async def alert(self, alert: OperatorAlert) -> None:
        """Ask a human to take this person's case (and tell the person where they stand)."""
        ...

    async def queue_alert(self, alert: OperatorAlert, *, again: bool = False) -> Queued:
        """`alert` without telling the person: queue it durably and return the case (the
        engine keeps it in the session) and how to tell them where they stand (their place in
        the queue), which the pipeline runs after its replies. The pipeline calls this before
        the first reply, so no failed reply can cancel the alert. `again`: the same update's
        alert once more (a take-over): its open case is told as when it was opened."""
        ...

    async def handle_operator_update(self, update: OperatorInput) -> None:
        """An update from the operators' chat (replies to people, button presses).

        Presses there are answered by the handoff, not the glue (a refusal has its own text).
        """
        ...

    async def route(self, event: IncomingEvent) -> Routed:
        """Before the engine: `to_case` if the event went to an open case (a human answers
        it), and what the session should say about the person's case."""
        ...

    async def forget_user(self, user_key: str) -> None:
        """/delete: end the person's open case and forget their chat address."""
        ...

    def is_operators_chat(self, chat_id: int) -> bool:
        """Whether updates from this chat are the operators' (its id may have moved)."""
        ...


def alert_text(alert: OperatorAlert, pseudonym: str, texts: OperatorTexts) -> str:
    """The alert as plain text in OPERATOR_LANGUAGE (the messenger escapes it): labels, no
    raw ids, only the pseudonym."""
    case = Case.from_alert(alert, id="-", user_key="", pseudonym=pseudonym)
    return "\n".join(alert_lines(case, texts))


def operator_texts(settings: Settings, i18n: I18n) -> OperatorTexts:
    """Operator-facing words in OPERATOR_LANGUAGE from the process's catalogs."""
    return OperatorTexts(i18n.translator(settings.operators.language))


class PlainAlertHandoff:
    """Posts each alert to OPERATOR_CHAT_ID (if set); operators' messages are not handled yet."""

    def __init__(
        self, messenger: Messenger, pseudonymizer: Pseudonymizer, operator_chat_id: int | None,
        texts: OperatorTexts, metrics: Metrics | None = None,
    ) -> None:
        self._messenger = messenger
        self._metrics = metrics or Metrics()
        self._pseudonymizer = pseudonymizer
        self._chat_id = operator_chat_id
        self._texts = texts
        self._status: str | None = "not checked"  # see `chat_status`

    async def alert(self, alert: OperatorAlert) -> None:
        await self.queue_alert(alert)

    async def queue_alert(self, alert: OperatorAlert, *, again: bool = False) -> Queued:
        pseudonym = self._pseudonymizer.pseudonym(alert.user_key)
        if self._chat_id is None:
            log.warning("operator alert for %s not delivered: OPERATOR_CHAT_ID is not set",
                        pseudonym)
            return Queued()
        try:
            await self._messenger.send(self._chat_id,
                                       Reply(alert_text(alert, pseudonym, self._texts)))
        except Exception as exc:
            self._status = f"unreachable ({refusal_of(exc).name})"
            raise
        self._status = None
        self._metrics.alerts.labels("posted_unqueued").inc()
        log.info("operator alert sent for %s (%s)", pseudonym, alert.reason)
        return Queued()

    async def handle_operator_update(self, update: OperatorInput) -> None:
        if update.callback_id is not None:
            await self._messenger.answer_callback(update.callback_id)

    async def route(self, event: IncomingEvent) -> Routed:
        return Routed(False)

    async def forget_user(self, user_key: str) -> None:
        return None

    def is_operators_chat(self, chat_id: int) -> bool:
        return self._chat_id is not None and chat_id == self._chat_id

    async def chat_status(self) -> str | None:
        """The operators' chat for /readyz: None when the start-up check or the last alert went
        through, else a short reason ("not configured", "unreachable (CHAT_GONE)", ...).
        Never calls the Bot API: a probe every few seconds must not cost a Telegram call."""
        return "not configured" if self._chat_id is None else self._status

    async def check_chat(self) -> None:
        """At start: OPERATOR_CHAT_ID must be a group or supergroup (ConfigError, one line).

        Telegram failing here is left to the first alert (logged then), as without Redis.
        """
        if self._chat_id is None or not isinstance(self._messenger, ChatInspector):
            return
        try:
            info = await self._messenger.chat_info(self._chat_id)
        except Exception as exc:
            log.warning("operators' chat not checked at start (%s)", type(exc).__name__)
            self._status = f"not checked ({refusal_of(exc).name})"
            return
        wrong = wrong_kind(chat_id=self._chat_id, info=info)
        if wrong is not None:
            raise ConfigError(wrong)
        self._status = None if info.can_post else f"bot may not post ({info.bot_status})"
