"""The at-risk path: the emergency number and the hotlines for where the person is come first,
then the answer to their situation, then the offer of a human (bot/core/human_offer.py).

Split from bot/core/safety.py. Where the person is comes from the session, from the message
(named now), or from the country question this path asks when it is unknown; the answer to
that question is bot/core/country_choice.py's, which continues here (`after_numbers`).
"""

from __future__ import annotations

from bot.core import flows, signs
from bot.core.events import Tally
from bot.core.human_offer import HumanOffer
from bot.core.pending import PendingTexts
from bot.core.session import RISK_PURPOSES, ConsentReason, CountryPurpose, CountryQuestion
from bot.core.turn import Turn


class AtRiskPath:
    """Numbers first, then the answer and the offer of a human.

    The path's rule: once a risk is raised, every reply on the path carries numbers, either
    for where the person is (named now, or known from earlier and named in the reply) or,
    while that is unknown, the universal ones and the country question with "Other country".
    `held`: where the person's message waits for the offer's "Yes, with my message".
    """

    def __init__(self, held: PendingTexts, human_offer: HumanOffer) -> None:
        self._held = held
        self._human_offer = human_offer

    def enter(
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
        signs.add(session, indicators)
        if text is not None:
            self._held.put(turn.event.user_key, text)
        if elsewhere is not None:  # a friend's words: no advice about the forwarder's passport
            turn.replies.append(r.friend_numbers(elsewhere))
            self.after_numbers(turn, reason, None)
            return
        if r.knows(session.location):
            turn.replies.append(r.location_numbers(session.location, named_now=named_now))
            self.after_numbers(turn, reason, intent)
            return
        # Answered "не знаю", or asked on this path and still open: never the same question
        # twice. A question only shown elsewhere (the Hotlines page) is asked again here.
        open_now = session.awaiting
        asked = isinstance(open_now, CountryQuestion) and open_now.purpose in RISK_PURPOSES
        if session.where_unknown or asked:
            turn.replies.append(r.anywhere_numbers())
            self.after_numbers(turn, reason, intent)
            return
        turn.replies.append(r.risk_numbers(None))
        purpose: CountryPurpose = "self_check" if reason == "self_check" else "risk"
        session.awaiting = CountryQuestion(purpose=purpose, intent=intent)
        turn.replies.append(r.ask_country(with_human=self._human_offer.available))

    def after_numbers(self, turn: Turn, reason: ConsentReason, intent: str | None) -> None:
        """What follows the numbers: the self-check's result (for `reason` "self_check") or
        the answer for the risk `intent`, then the offer of a human."""
        r, session = turn.r, turn.session
        flow = flows.flow_of(r.content, session.flow)
        if reason == "self_check" and flow is not None and session.flow is not None:
            result = flows.evaluate(flow, session.flow.answers)
            # The offer of a human follows at once: its button would only repeat it.
            actions = [a for a in flows.result_menu(flow) if a != "human"]
            turn.replies.append(flows.result_reply(r, flow, result, actions))
        elif intent and intent in r.content.answers:
            turn.replies.append(r.answer(r.content.answers[intent], where=session.location))
        self._human_offer.ask(turn, reason)


def numbers_now(turn: Turn) -> None:
    """The numbers again, for where the person is (named), else the universal ones."""
    r, code = turn.r, turn.session.location
    if r.knows(code):
        turn.replies.append(r.location_numbers(code, named_now=False))
    else:
        turn.replies.append(r.risk_numbers(None))
