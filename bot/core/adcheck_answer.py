"""The answer to a checked ad: its report, and what follows it (the human offer, the case told).

Nothing here keeps or logs the ad's text: the log line and the operators' alert carry the
flag ids and the level only.
"""

from __future__ import annotations

import logging

from bot.core import signs
from bot.core.adcheck import AdChecker
from bot.core.adreport import flag_codes, report_replies
from bot.core.events import OperatorAlert
from bot.core.human_offer import HumanOffer
from bot.core.session import CheckedAd, ConsentReason
from bot.core.turn import Turn

log = logging.getLogger(__name__)


class AdAnswer:
    """Checks an ad and answers with its red flags, risk level and next step."""

    def __init__(self, human_offer: HumanOffer) -> None:
        self._human_offer = human_offer

    def answer(self, turn: Turn, checker: AdChecker, text: str) -> None:
        """Append the report of `text` to `turn.replies`; remember its flag ids and level in
        the session (`Session.checked_ad`, never the ad); in an open case, tell the operators
        (flags and level); for trafficking signs, offer a person from the team."""
        report = checker.check(text)
        # Counts and flag ids only: never a word of the ad.
        log.info(
            "ad check user=%s flags=%s level=%s",
            turn.event.user_key[:12],
            ",".join(f.rule.id for f in report.flags) or "-",
            report.level.level,
        )
        replies = report_replies(turn, checker.rules, report, text)
        turn.replies.extend(replies)
        session = turn.session
        session.checked_ad = CheckedAd(level=report.level.level,
                                       flags=[f.rule.id for f in report.flags])
        if session.handoff_case is not None:
            # A person from the team is already there: no "shall we pass it on?"; the case is
            # told that an ad was checked, by its flags and level only (adcheck16).
            turn.response.effects.append(OperatorAlert(
                user_key=turn.event.user_key, chat_key=turn.event.chat_key, reason="ad_check",
                language=turn.r.lang, country=session.location,
                risk_level=report.level.level, indicators=tuple(flag_codes(report))))
            replies[-1].buttons = turn.r.action_rows(["job_check", "menu"])
        elif report.strong:  # trafficking signs: a human is offered, as after the self-check
            # The ad's flags, not the person's situation: kept apart (bot/core/signs.py).
            signs.add_from_ad(session, flag_codes(report))
            # A person who told of their own danger first: the case is about that, not the ad.
            reason: ConsentReason = "risk" if session.at_risk else "self_check"
            self._human_offer.ask(turn, reason, ad_level=report.level.level)
        else:
            replies[-1].buttons = turn.r.action_rows(["job_check", "human", "menu"])
