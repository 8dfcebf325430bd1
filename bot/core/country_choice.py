"""A country given, by a button or in words: where the person is (its numbers; on the at-risk
path, then the answer and the offer of a human), or the country whose page they want to read.

Split from bot/core/safety.py. The typed answer to "which country?" is read in
bot/core/country_answer.py, which calls in here; the at-risk path (bot/core/at_risk_path.py)
asks the question and goes on once it is answered (`AtRiskPath.after_numbers`).
"""

from __future__ import annotations

from bot.core.at_risk_path import AtRiskPath
from bot.core.events import Reply, Tally
from bot.core.human_offer import HumanOffer
from bot.core.session import RISK_PURPOSES, ConsentReason, CountryPurpose, CountryQuestion
from bot.core.turn import Turn


class CountryChoice:
    """The country question's answers (one country, several, none recognised), where the
    person says they are, and the Hotlines page.

    `at_risk`: where an answer on the at-risk path goes on. `human_offer`: whether a human can
    be offered (`available`), for the country question's "Talk to a person" button.
    """

    def __init__(self, at_risk: AtRiskPath, human_offer: HumanOffer) -> None:
        self._at_risk = at_risk
        self._human_offer = human_offer

    def chosen(self, turn: Turn, code: str | None, *, page: bool | None = None,
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
                turn.replies.append(_other_country_page(turn, code, location=False))
            return
        session.location = code or session.location
        if purpose in RISK_PURPOSES:
            turn.replies.append(r.anywhere_numbers(intro=False) if unknown
                                else r.location_numbers(code, named_now=True, intro=False))
            reason: ConsentReason = "self_check" if purpose == "self_check" else "risk"
            self._at_risk.after_numbers(turn, reason, intent)
        elif code in r.content.countries:
            turn.replies.append(r.hotlines_page(r.content.countries[code]))
        else:
            turn.replies.append(_other_country_page(turn, code))

    def several(self, turn: Turn, state: CountryQuestion, codes: list[str]) -> None:
        """Two or more countries in the answer ("Poland or Germany"): the numbers (or pages)
        for each; where the person is stays unknown, and is not asked again."""
        r, session = turn.r, turn.session
        session.awaiting = None
        if not state.about_location:
            for code in codes:
                self.chosen(turn, code, page=True)
            return
        session.where_unknown = True
        if state.purpose not in RISK_PURPOSES:
            turn.replies.extend(r.hotlines_page(r.content.countries[c]) if c in r.content.countries
                                else _other_country_page(turn, c) for c in codes)
            return
        turn.replies.extend(r.location_numbers(c, named_now=True, intro=False) for c in codes)
        self._at_risk.after_numbers(
            turn, "self_check" if state.purpose == "self_check" else "risk", state.intent)

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
            self.chosen(turn, None, unknown=True)
            return
        again = r.tr.gettext("Press a button or write its name.")
        turn.replies.append(Reply(f"{hint} {again}"))
        turn.replies.append(
            r.ask_country(with_human=turn.session.at_risk and self._human_offer.available,
                          destination=state.purpose == "page")
        )

    def located(self, turn: Turn, code: str) -> None:
        """A person at risk says where they are outside any question ("я в Италии")."""
        turn.session.awaiting = CountryQuestion(purpose="hotlines")
        self.chosen(turn, code)

    def ask_location(self, turn: Turn) -> None:
        """"I am somewhere else": the country question again, for where the person is."""
        session = turn.session
        purpose: CountryPurpose = "risk" if session.at_risk else "hotlines"
        session.awaiting = CountryQuestion(purpose=purpose)
        turn.replies.append(
            turn.r.ask_country(with_human=session.at_risk and self._human_offer.available))

    def hotlines(self, turn: Turn, named: str | None = None) -> None:
        """The hotlines page for the country a request names (whose numbers, not where the
        person is), else for where the person is; unknown: the universal numbers meanwhile,
        and the country question."""
        session, r = turn.session, turn.r
        code = named if r.knows(named) else session.location
        if code in r.content.countries:
            turn.replies.append(r.hotlines_page(r.content.countries[code]))
            return
        if r.knows(code):
            turn.replies.append(_other_country_page(turn, code))
            return
        turn.replies.append(Reply(r.hotline_lines(r.emergency(None))))
        session.awaiting = CountryQuestion(purpose="hotlines")
        turn.replies.append(
            r.ask_country(with_human=session.at_risk and self._human_offer.available))


def _other_country_page(turn: Turn, code: str | None, *, location: bool = True) -> Reply:
    """The universal guidance as a page; its button changes where the person is, or (for a
    page to read) the country to read about."""
    r = turn.r
    turn.response.tallies.append(Tally.OTHER_COUNTRY_PAGE)
    name = r.country_name(code) or r.tr.gettext("another country")
    heading = r.tr.gettext("Help lines: {country}").format(country=name)
    change = "location" if location else "country"
    return Reply(f"{heading}\n\n{r.other_country()}", r.action_rows(["human", change, "menu"]))
