"""The at-risk path and the handoff to a human: numbers first, then the answer, then consent."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from babel.dates import get_timezone_location

from bot.config import OperatorSettings
from bot.content.models import Content, Flow
from bot.core import flows
from bot.core.events import IncomingEvent, OperatorAlert, Reply, Response
from bot.core.pending import PendingTexts
from bot.core.replies import Replies
from bot.core.session import FlowState, Session
from bot.i18n import Translator

log = logging.getLogger(__name__)

REASONS = ("risk", "request", "self_check")


@dataclass(slots=True)
class Turn:
    """One event being handled: who, their session, the reply builder and what goes back."""

    event: IncomingEvent
    session: Session
    r: Replies
    response: Response = field(default_factory=Response)

    @property
    def replies(self) -> list[Reply]:
        return self.response.replies


class Safety:
    """Hotlines first, then the human offer; operator alerts only with the person's consent."""

    def __init__(self, pending: PendingTexts, operators: OperatorSettings) -> None:
        self.pending = pending
        self._operators = operators

    def risk_path(
        self,
        turn: Turn,
        reason: str,
        indicators: list[str],
        *,
        intent: str | None = None,
        text: str | None = None,
    ) -> None:
        """Numbers for the known country (or the universal ones and the country question)."""
        session, r = turn.session, turn.r
        session.at_risk = True
        session.risk_indicators.extend(i for i in indicators if i not in session.risk_indicators)
        if text is not None:
            self.pending.put(turn.event.user_key, text)
        known = session.country in r.content.countries
        turn.replies.append(r.risk_numbers(session.country if known else None))
        if known:
            self._after_numbers(turn, reason, intent)
        else:
            session.awaiting = f"country:{reason}:{intent or ''}"
            turn.replies.append(r.ask_country(with_human=True))

    def _after_numbers(self, turn: Turn, reason: str, intent: str | None) -> None:
        r, session = turn.r, turn.session
        flow = _flow(r.content, session.flow)
        if reason == "self_check" and flow is not None and session.flow is not None:
            result = flows.evaluate(flow, session.flow.answers)
            turn.replies.append(flows.result_reply(r, flow, result, ["hotlines", "menu"]))
        elif intent and intent in r.content.answers:
            turn.replies.append(r.answer(r.content.answers[intent]))
        self.offer_human(turn, reason)

    def offer_human(self, turn: Turn, reason: str) -> None:
        """Ask before anyone sees anything; sharing the message is offered only if there is one."""
        turn.session.awaiting = f"consent:{reason}"
        turn.replies.append(turn.r.offer_human(with_text=self.pending.has(turn.event.user_key)))

    def country_chosen(self, turn: Turn, country_id: str) -> None:
        """Remember the country, then carry on with what was waiting for it."""
        session, r = turn.session, turn.r
        session.country = country_id
        awaiting, session.awaiting = session.awaiting or "", None
        kind, _, rest = awaiting.partition(":")
        reason, _, intent = rest.partition(":")
        country = r.content.countries[country_id]
        if kind == "country" and reason in ("risk", "self_check"):
            heading = r.tr.gettext("Help lines: {country}").format(country=r.text(country.name))
            turn.replies.append(Reply(f"{heading}\n\n{r.numbers(country_id)}"))
            self._after_numbers(turn, reason, intent or None)
        elif awaiting == "country:hotlines":
            turn.replies.append(r.hotlines_page(country))
        else:
            turn.replies.append(r.country_page(country))

    def hotlines(self, turn: Turn) -> None:
        """The hotlines page; with the country unknown, the universal numbers meanwhile."""
        session, r = turn.session, turn.r
        country = r.content.countries.get(session.country or "")
        if country is not None:
            turn.replies.append(r.hotlines_page(country))
            return
        turn.replies.append(Reply(r.hotline_lines(r.emergency(None))))
        session.awaiting = "country:hotlines"
        turn.replies.append(r.ask_country(with_human=session.at_risk))

    def flow_finished(self, turn: Turn, flow: Flow, state: FlowState, *, strong: bool) -> None:
        """The result; a strong self-check answer goes straight into the at-risk path."""
        if strong:
            self.risk_path(turn, "self_check", flows.strong_indicators(flow, state.answers))
            return
        result = flows.evaluate(flow, state.answers)
        if flow.id == flows.SELF_CHECK:
            actions = ["hotlines", "human", "menu"]
        else:
            actions = ["human", "legal_work", "before_go", "menu"]
        turn.replies.append(flows.result_reply(turn.r, flow, result, actions))
        if flow.id == flows.SELF_CHECK and result.level.level != "low":
            flagged = [q.indicator for q, _ in result.flagged]
            turn.session.risk_indicators.extend(
                i for i in flagged if i not in turn.session.risk_indicators
            )
            self.offer_human(turn, "self_check")

    def consent(self, turn: Turn, choice: str) -> None:
        """h:yes / h:text / h:no: the held message is dropped whatever the answer."""
        session, r, event = turn.session, turn.r, turn.event
        awaiting = session.awaiting or ""
        reason = awaiting.partition(":")[2] if awaiting.startswith("consent:") else ""
        if reason not in REASONS:
            reason = "risk" if session.at_risk else "request"
        held = self.pending.pop(event.user_key)
        if awaiting.startswith("consent:"):
            session.awaiting = None
        if choice not in ("yes", "text"):
            declined = r.tr.gettext(
                "All right. If you change your mind, press “Talk to a person” or send /operator."
            )
            turn.replies.append(r.main_menu(declined))
            return
        flow = _flow(r.content, session.flow)
        alert = OperatorAlert(
            user_key=event.user_key,
            chat_key=event.chat_key,
            reason=reason,  # type: ignore[arg-type]  # checked against REASONS above
            language=r.lang,
            country=session.country,
            risk_level=self._risk_level(session, flow, reason),
            indicators=tuple(session.risk_indicators),
            summary=flows.summary(flow, session.flow.answers) if flow and session.flow else (),
            user_text=held if choice == "text" else None,
        )
        turn.response.effects.append(alert)
        log.info("operator alert user=%s reason=%s", event.user_key[:12], reason)
        body = "\n\n".join(p for p in (r.message("human_requested"), self._hours(r.tr)) if p)
        turn.replies.append(Reply(body, r.action_rows(["hotlines", "menu"])))

    @staticmethod
    def _risk_level(session: Session, flow: Flow | None, reason: str) -> str | None:
        level = None
        if flow is not None and session.flow is not None and session.flow.answers:
            level = flows.evaluate(flow, session.flow.answers).level.level
        if reason == "risk" or (session.at_risk and reason == "request"):
            return "high"
        return level or ("high" if session.at_risk else None)

    def _hours(self, tr: Translator) -> str:
        """When the team answers, in the person's locale ("с 9:00 до 18:00")."""
        span = self._operators.span
        if span is None:
            return ""
        start, end = span
        try:
            city = get_timezone_location(
                self._operators.timezone, locale=tr.locale, return_city=True
            )
        except LookupError:
            city = self._operators.timezone
        return tr.gettext("Our team usually answers from {start} to {end} ({city} time).").format(
            start=tr.time(start),
            end=tr.time(end),
            city=city,
        )


def _flow(content: Content, state: FlowState | None) -> Flow | None:
    return content.flows.get(state.flow_id) if state is not None else None
