"""The at-risk path and the handoff to a human: numbers first, then the answer, then consent."""

from __future__ import annotations

import logging

from bot.config import OperatorSettings
from bot.content.models import Content, Flow
from bot.core import flows
from bot.core.events import OperatorAlert, Reply, Tally
from bot.core.handoff_facts import risk_level, team_hours
from bot.core.have_request import have_request
from bot.core.pending import PendingTexts
from bot.core.session import (
    ConsentQuestion,
    ConsentReason,
    CountryPurpose,
    CountryQuestion,
    FlowState,
)
from bot.core.turn import Turn

log = logging.getLogger(__name__)

RISK_PURPOSES = ("risk", "self_check")


class Safety:
    """Hotlines first, then the human offer; operator alerts only with the person's consent.

    The at-risk path's rule: once a risk is raised, every reply on the path carries numbers,
    either for where the person is (named now, or known from earlier and named in the reply) or,
    while that is unknown, the universal ones and the country question with "Other country".
    """

    def __init__(self, pending: PendingTexts, operators: OperatorSettings,
                 *, handoff_available: bool = True) -> None:
        self.pending = pending
        self._operators = operators
        # False when no operators' chat is configured: a human is never promised then.
        self.handoff_available = handoff_available

    def risk_path(
        self,
        turn: Turn,
        reason: ConsentReason,
        indicators: list[str],
        *,
        intent: str | None = None,
        text: str | None = None,
        named_now: bool = False,
        source: Tally = Tally.AT_RISK_BUTTON,
        elsewhere: str | None = None,
    ) -> None:
        """Numbers for where the person is (or the universal ones and the country question).

        `source`: what opened the path (a danger phrase, the model, a button, a self-check),
        counted for the metrics and the dashboard. `elsewhere`: the country where someone
        else is (named in a forwarded message): its numbers, said as theirs, never stored.
        """
        session, r = turn.session, turn.r
        turn.response.tallies.append(source)
        session.at_risk = True
        session.risk_indicators.extend(i for i in indicators if i not in session.risk_indicators)
        if text is not None:
            self.pending.put(turn.event.user_key, text)
        if elsewhere is not None:  # a friend's words: no advice about the forwarder's passport
            turn.replies.append(r.friend_numbers(elsewhere))
            self._after_numbers(turn, reason, None)
            return
        if r.knows(session.location):
            turn.replies.append(r.location_numbers(session.location, named_now=named_now))
            self._after_numbers(turn, reason, intent)
            return
        # Answered "не знаю", or asked on this path and still open: never the same question
        # twice. A question only shown elsewhere (the Hotlines page) is asked again here.
        open_now = session.awaiting
        asked = isinstance(open_now, CountryQuestion) and open_now.purpose in RISK_PURPOSES
        if session.where_unknown or asked:
            turn.replies.append(r.anywhere_numbers())
            self._after_numbers(turn, reason, intent)
            return
        turn.replies.append(r.risk_numbers(None))
        purpose: CountryPurpose = "self_check" if reason == "self_check" else "risk"
        session.awaiting = CountryQuestion(purpose=purpose, intent=intent)
        turn.replies.append(r.ask_country(with_human=self.handoff_available))

    def _after_numbers(self, turn: Turn, reason: ConsentReason, intent: str | None) -> None:
        r, session = turn.r, turn.session
        flow = _flow(r.content, session.flow)
        if reason == "self_check" and flow is not None and session.flow is not None:
            result = flows.evaluate(flow, session.flow.answers)
            # The offer of a human follows at once: its button would only repeat it.
            actions = [a for a in flows.result_menu(flow) if a != "human"]
            turn.replies.append(flows.result_reply(r, flow, result, actions))
        elif intent and intent in r.content.answers:
            turn.replies.append(r.answer(r.content.answers[intent], where=session.location))
        self.offer_human(turn, reason)

    def offer_human(self, turn: Turn, reason: ConsentReason, *,
                    ad_level: str | None = None) -> None:
        """Ask before anyone sees anything; sharing the message is offered only if there is one.
        `ad_level`: the offer follows a job-ad check rated so (the alert's risk level).

        Without an operators' chat no one could read it: the person is told so plainly and
        gets the numbers for where they are (the universal ones if unknown) instead.
        """
        if not self.handoff_available:
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
        turn.replies.append(turn.r.offer_human(with_text=self.pending.has(turn.event.user_key),
                                               shows=shows))

    def numbers_now(self, turn: Turn) -> None:
        """The numbers again, for where the person is (named), else the universal ones."""
        r, code = turn.r, turn.session.location
        if r.knows(code):
            turn.replies.append(r.location_numbers(code, named_now=False))
        else:
            turn.replies.append(r.risk_numbers(None))

    def located(self, turn: Turn, code: str) -> None:
        """A person at risk says where they are outside any question ("я в Италии")."""
        turn.session.awaiting = CountryQuestion(purpose="hotlines")
        self.country_chosen(turn, code)

    def ask_location(self, turn: Turn) -> None:
        """"I am somewhere else": the country question again, for where the person is."""
        session = turn.session
        purpose: CountryPurpose = "risk" if session.at_risk else "hotlines"
        session.awaiting = CountryQuestion(purpose=purpose)
        turn.replies.append(
            turn.r.ask_country(with_human=session.at_risk and self.handoff_available))

    def country_chosen(self, turn: Turn, code: str | None, *, page: bool | None = None,
                       unknown: bool = False) -> None:
        """A country given (None for "Other country"): where the person is when the question
        was about that, else the page they want to read. A button says which (`page`), so that
        a press still means what its question asked after the session forgot the question (a
        Redis outage, an old keyboard); typed answers follow the question asked. `unknown`:
        the person does not know where they are (the numbers that work anywhere)."""
        session, r = turn.session, turn.r
        state = session.awaiting if isinstance(session.awaiting, CountryQuestion) else None
        purpose: CountryPurpose = state.purpose if state is not None else "page"
        if page:
            purpose = "page"
        elif page is False and purpose == "page":
            purpose = "risk" if session.at_risk else "hotlines"
        if state is not None and (state.purpose == "page") == (purpose == "page"):
            session.awaiting = None  # answered (a page read meanwhile leaves "where?" open)
        intent = state.intent if state is not None and state.purpose == purpose else None
        if purpose == "page":
            session.destination = code or session.destination
            if code in r.content.countries:
                turn.replies.append(r.country_page(r.content.countries[code]))
            else:
                turn.replies.append(self._other_country_page(turn, code, location=False))
            return
        session.location = code or session.location
        if purpose in RISK_PURPOSES:
            turn.replies.append(r.anywhere_numbers(intro=False) if unknown
                                else r.location_numbers(code, named_now=True, intro=False))
            reason: ConsentReason = "self_check" if purpose == "self_check" else "risk"
            self._after_numbers(turn, reason, intent)
        elif code in r.content.countries:
            turn.replies.append(r.hotlines_page(r.content.countries[code]))
        else:
            turn.replies.append(self._other_country_page(turn, code))

    @staticmethod
    def _other_country_page(turn: Turn, code: str | None, *, location: bool = True) -> Reply:
        """The universal guidance as a page; its button changes where the person is, or (for a
        page to read) the country to read about."""
        r = turn.r
        turn.response.tallies.append(Tally.OTHER_COUNTRY_PAGE)
        name = r.country_name(code) or r.tr.gettext("another country")
        heading = r.tr.gettext("Help lines: {country}").format(country=name)
        change = "location" if location else "country"
        return Reply(f"{heading}\n\n{r.other_country()}", r.action_rows(["human", change, "menu"]))

    def not_recognised(self, turn: Turn, state: CountryQuestion, *, unknown: bool = False) -> None:
        """The answer to the country question names no country we know; `unknown`: the
        person said they do not know ("не знаю"): no hint that they answered wrong."""
        r = turn.r
        hint = r.tr.gettext("I did not recognise the country.")
        if state.about_location:
            # Someone asking where to call is never asked the same question again: the
            # universal guidance now (on the at-risk path, then the answer and the human).
            turn.session.where_unknown = True
            if not unknown:
                turn.replies.append(Reply(hint))
            self.country_chosen(turn, None, unknown=True)
            return
        again = r.tr.gettext("Press a button or write its name.")
        turn.replies.append(Reply(f"{hint} {again}"))
        turn.replies.append(
            r.ask_country(with_human=turn.session.at_risk and self.handoff_available,
                          destination=state.purpose == "page")
        )

    def countries_named(self, turn: Turn, state: CountryQuestion, codes: list[str]) -> None:
        """Two or more countries in the answer ("Poland or Germany"): the numbers (or pages)
        for each; where the person is stays unknown, and is not asked again."""
        r, session = turn.r, turn.session
        session.awaiting = None
        if not state.about_location:
            for code in codes:
                self.country_chosen(turn, code, page=True)
            return
        session.where_unknown = True
        if state.purpose not in RISK_PURPOSES:
            turn.replies.extend(r.hotlines_page(r.content.countries[c]) if c in r.content.countries
                                else self._other_country_page(turn, c) for c in codes)
            return
        turn.replies.extend(r.location_numbers(c, named_now=True, intro=False) for c in codes)
        self._after_numbers(turn, "self_check" if state.purpose == "self_check" else "risk",
                            state.intent)

    def hotlines(self, turn: Turn, named: str | None = None) -> None:
        """The hotlines page for the country a request names (whose numbers, not where the
        person is), else for where the person is; unknown: the universal numbers meanwhile."""
        session, r = turn.session, turn.r
        code = named if r.knows(named) else session.location
        if code in r.content.countries:
            turn.replies.append(r.hotlines_page(r.content.countries[code]))
            return
        if r.knows(code):
            turn.replies.append(self._other_country_page(turn, code))
            return
        turn.replies.append(Reply(r.hotline_lines(r.emergency(None))))
        session.awaiting = CountryQuestion(purpose="hotlines")
        turn.replies.append(r.ask_country(with_human=session.at_risk and self.handoff_available))

    def flow_finished(self, turn: Turn, flow: Flow, state: FlowState, *, strong: bool) -> None:
        """The result; a strong self-check answer goes straight into the at-risk path."""
        if strong:
            self.risk_path(turn, "self_check", flows.strong_indicators(flow, state.answers),
                           source=Tally.AT_RISK_SELF_CHECK)
            return
        result = flows.evaluate(flow, state.answers)
        turn.replies.append(flows.result_reply(turn.r, flow, result, flows.result_menu(flow)))
        if flow.id == flows.SELF_CHECK and result.level.level != "low":
            flagged = [q.indicator for q, _ in result.flagged]
            turn.session.risk_indicators.extend(
                i for i in flagged if i not in turn.session.risk_indicators
            )
            self.offer_human(turn, "self_check")

    def consent(self, turn: Turn, choice: str) -> None:
        """h:yes / h:text / h:no: the held message is dropped whatever the answer."""
        session, r, event = turn.session, turn.r, turn.event
        reason: ConsentReason = "risk" if session.at_risk else "request"
        ad_level = None
        if isinstance(session.awaiting, ConsentQuestion):
            reason, ad_level = session.awaiting.reason, session.awaiting.ad_level
            session.awaiting = None
        held = self.pending.pop(event.user_key)
        if not self.handoff_available:
            # An offer's button from before the operators' chat went away: nobody would read
            # an alert, so none is raised and no person is promised (the numbers instead).
            if choice in ("yes", "text"):
                self.offer_human(turn, reason)
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
        flow = _flow(r.content, session.flow) if ad_level is None else None  # no answers
        alert = OperatorAlert(
            user_key=event.user_key,
            chat_key=event.chat_key,
            reason=reason,
            language=r.lang,
            country=session.country,
            # The person's own danger outranks the level of an ad they had checked.
            risk_level=(ad_level if reason != "risk" else None)
            or risk_level(session, flow, reason),
            indicators=tuple(session.risk_indicators),
            summary=flows.summary(flow, session.flow.answers) if flow and session.flow else (),
            user_text=held if choice == "text" else None,
        )
        turn.response.effects.append(alert)
        log.info("operator alert user=%s reason=%s", event.user_key[:12], reason)
        hours = team_hours(self._operators, r.tr)
        body = "\n\n".join(p for p in (r.message("human_requested"), hours) if p)
        turn.replies.append(Reply(body, r.action_rows(["hotlines", "menu"])))


def _flow(content: Content, state: FlowState | None) -> Flow | None:
    return content.flows.get(state.flow_id) if state is not None else None
