"""The offer of a human and the person's answer to it: nobody sees anything before "yes".

Split from bot/core/safety.py. The offer follows the numbers on the at-risk path
(bot/core/at_risk_path.py), a strong questionnaire or ad check, or a request for a person; the
answer ("Yes", "Yes, with my message", "No") raises the operators' alert or not.
"""

from __future__ import annotations

import logging

from bot.config import OperatorSettings
from bot.core import flows, signs
from bot.core.events import OperatorAlert, Reply
from bot.core.handoff_facts import risk_level, team_hours
from bot.core.have_request import have_request
from bot.core.pending import PendingTexts
from bot.core.session import ConsentQuestion, ConsentReason
from bot.core.turn import Turn

log = logging.getLogger(__name__)


class HumanOffer:
    """`ask(turn, reason)` offers a person; `consent(turn, choice)` takes the answer and raises
    the operators' alert only with the person's consent.

    `held`: the person's message held for the offer (shared with the at-risk path, which puts
    it there). `available` False: no operators' chat is configured, and a human is never
    promised (the person gets the numbers instead).
    """

    def __init__(self, held: PendingTexts, operators: OperatorSettings,
                 *, available: bool = True) -> None:
        self._held = held
        self._operators = operators
        self.available = available

    def ask(self, turn: Turn, reason: ConsentReason, *, ad_level: str | None = None) -> None:
        """Ask before anyone sees anything; sharing the message is offered only if there is one.
        `ad_level`: the offer follows a job-ad check rated so (the alert's risk level).

        Without an operators' chat no one could read it: the person is told so plainly and
        gets the numbers for where they are (the universal ones if unknown) instead.
        """
        if not self.available:
            r, session = turn.r, turn.session
            session.awaiting = None
            where = session.location if r.knows(session.location) else None
            text = f"{r.message('handoff_unreachable')}\n\n{r.numbers(where)}".strip()
            turn.replies.append(Reply(text, r.action_rows(["hotlines", "menu"])))
            return
        session = turn.session
        if have_request(turn):
            return
        session.awaiting = ConsentQuestion(reason=reason, ad_level=ad_level)
        answers = session.flow is not None and bool(session.flow.answers)
        shows = "ad" if ad_level else "answers" if answers else "plain"
        turn.replies.append(turn.r.offer_human(with_text=self._held.has(turn.event.user_key),
                                               shows=shows))

    def consent(self, turn: Turn, choice: str) -> None:
        """h:yes / h:text / h:no: the held message is dropped whatever the answer."""
        session, r, event = turn.session, turn.r, turn.event
        reason: ConsentReason = "risk" if session.at_risk else "request"
        ad_level = None
        if isinstance(session.awaiting, ConsentQuestion):
            reason, ad_level = session.awaiting.reason, session.awaiting.ad_level
            session.awaiting = None
        held = self._held.pop(event.user_key)
        if not self.available:
            # An offer's button from before the operators' chat went away: nobody would read
            # an alert, so none is raised and no person is promised (the numbers instead).
            if choice in ("yes", "text"):
                self.ask(turn, reason)
            else:
                turn.replies.append(r.main_menu())
            return
        if choice not in ("yes", "text"):
            declined = r.tr.gettext(
                "All right. If you change your mind, press “Talk to a person” or send /operator."
            )
            turn.replies.append(r.main_menu(declined))
            return
        if have_request(turn):  # "Yes" under an older offer: the case has it already
            return
        flow = flows.flow_of(r.content, session.flow) if ad_level is None else None  # no answers
        alert = OperatorAlert(
            user_key=event.user_key,
            chat_key=event.chat_key,
            reason=reason,
            language=r.lang,
            country=session.country,
            # The person's own danger outranks the level of an ad they had checked.
            risk_level=(ad_level if reason != "risk" else None)
            or risk_level(session, flow, reason),
            # The ad's own offer shows its flags as they are; any other marks them (signs.py).
            indicators=signs.alert_signs(session, ad_own=ad_level is not None and reason != "risk"),
            summary=flows.summary(flow, session.flow.answers) if flow and session.flow else (),
            user_text=held if choice == "text" else None,
        )
        turn.response.effects.append(alert)
        log.info("operator alert user=%s reason=%s", event.user_key[:12], reason)
        hours = team_hours(self._operators, r.tr)
        body = "\n\n".join(p for p in (r.message("human_requested"), hours) if p)
        turn.replies.append(Reply(body, r.action_rows(["hotlines", "menu"])))

