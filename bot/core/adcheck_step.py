"""The job-ad check in the dialogue: /checkad, the menu button, or an ad recognised in a message.

The ad's text is never stored: it is checked in the turn it arrives in. Only when the bot
recognises an ad on its own and asks first is the text held, in process memory
(`PendingTexts`, never Redis), until the person answers or `HOLD_SECONDS` pass.
Whether a text is an ad's words or the person's own, against danger: bot/core/adcheck_danger.py.
"""

from __future__ import annotations

from bot.content.models import Content
from bot.core.adcheck import AdChecker
from bot.core.adcheck_answer import AdAnswer
from bot.core.adcheck_danger import (
    ad_not_danger,
    ad_words,
    asked_ad_at_risk,
    asked_again,
    offered_after_risk,
    taken_as_asked_ad,
)
from bot.core.adcheck_offer import SKIP, offer_button, put_offer_buttons
from bot.core.adcheckers import AdCheckers
from bot.core.adparts import AdParts, is_part_button, offer_tag
from bot.core.commands import command_name
from bot.core.events import EventKind, IncomingEvent, Reply
from bot.core.human_offer import HumanOffer
from bot.core.pending import PendingTexts
from bot.core.session import ConsentQuestion, CountryQuestion, PasteQuestion, Session
from bot.core.turn import Turn

AWAITING = PasteQuestion(what="ad")  # Session.awaiting while the bot waits for an ad
COMMAND = "/checkad"
ACTION = "ad_check"  # the main menu's `m:ad_check`
HOLD_SECONDS = 900.0
_FORGET_COMMANDS = ("/delete", "/hide")


class AdCheckStep:
    """Starts the check, recognises ads, and answers with their red flags."""

    def __init__(self, human_offer: HumanOffer, held: PendingTexts | None = None,
                 checkers: AdCheckers | None = None) -> None:
        self._answer_ad = AdAnswer(human_offer)
        self._held = held or PendingTexts(HOLD_SECONDS)
        self._checkers = checkers or AdCheckers()
        self._parts = AdParts()  # a long ad's first part, until its rest arrives

    def checker(self, content: Content) -> AdChecker | None:
        """The checker for this content (built again only after a reload); None: no rules."""
        return self._checkers.for_content(content)

    # ---------------------------------------------------------------- events the step owns
    def claims(self, event: IncomingEvent) -> bool:
        """True for /checkad, the menu button and the offer's buttons."""
        if event.kind == EventKind.COMMAND:
            return command_name(event.text) == COMMAND
        if event.kind == EventKind.BUTTON:
            return (event.payload == f"m:{ACTION}" or offer_button(event.payload) is not None
                    or is_part_button(event.payload))
        return False

    def takes(self, session: Session, text: str, content: Content, *,
              danger: bool) -> bool | None:
        """While an ad is asked for, every text is the ad (a short one is asked for again),
        except the person's own words ("меня заперли", a danger phrase): relayed to a case, an
        ad would be passed on, not checked; the person's words belong to the operators. None
        when no ad is asked for (bot/core/awaited.py)."""
        checker = self.checker(content)
        if session.awaiting != AWAITING or checker is None:
            return None
        return taken_as_asked_ad(checker, text, danger=danger)

    def forget(self, turn: Turn) -> None:
        """Before every event: /delete and /hide drop a held ad at once, and another command or
        button ends the wait for an ad (the next text is not taken for one)."""
        event = turn.event
        if (event.kind == EventKind.COMMAND and command_name(event.text) in _FORGET_COMMANDS) or (
            event.kind == EventKind.BUTTON and event.payload == "m:delete"
        ):
            self._held.pop(event.user_key)
            self._parts.drop(turn)
        navigating = event.kind in (EventKind.COMMAND, EventKind.BUTTON)
        if event.kind == EventKind.COMMAND or (event.payload or "").startswith("m:"):
            turn.session.checked_ad = None  # moved on: a question now is not about that ad
        if navigating and not self.claims(event):
            if turn.session.ad_part is not None:
                self._parts.drop(turn)
            if turn.session.awaiting == AWAITING:
                turn.session.awaiting = None

    def on_event(self, turn: Turn) -> None:
        """Answer an event `claims` accepted."""
        r, event = turn.r, turn.event
        rules = r.content.ad_check
        checker = self.checker(r.content)
        if rules is None or checker is None:
            turn.replies.append(r.main_menu())
            return
        if is_part_button(event.payload):  # "That is the whole ad": the first part alone
            first = self._parts.take(turn, event.payload or "")
            if first is not None:
                turn.session.awaiting = None
                self._answer_ad.answer(turn, checker, first)
            else:
                turn.replies.append(Reply(r.text(rules.texts.expired), [[r.action_button("menu")]]))
            return
        button = offer_button(event.payload)
        if button is None:  # /checkad or the menu button: a new ad, a waiting part dropped
            self._parts.drop(turn)
            turn.replies.append(Reply(r.text(rules.texts.intro), [[r.action_button("menu")]]))
            turn.session.awaiting = AWAITING
            return
        action, tag = button
        held = self._held.peek(event.user_key)
        if held is not None and tag is not None and tag != offer_tag(held):
            # An earlier offer's button: that ad is gone, and this one is not what was asked.
            turn.replies.append(Reply(r.text(rules.texts.stale)))
            put_offer_buttons(turn, held)
            return
        if action == SKIP:
            self._held.pop(event.user_key)
            turn.replies.append(r.main_menu())
            return
        text = self._held.pop(event.user_key)
        if text is not None:
            self._answer_ad.answer(turn, checker, text)
            return
        turn.replies.append(Reply(r.text(rules.texts.expired), [[r.action_button("menu")]]))
        # "Send it again": the next text is the ad, unless the person owes an answer on the
        # at-risk path (which country, share with a human?); a checked ad's human offer
        # keeps its buttons.
        awaiting = turn.session.awaiting
        offered = isinstance(awaiting, ConsentQuestion) and awaiting.reason != "risk"
        if awaiting is None or offered:
            turn.session.awaiting = AWAITING

    def reads_as_ad(self, turn: Turn, text: str, *, asked: bool) -> bool:
        """True when `text` is an ad's words, not the person's (`ad_words`; `asked`: pasted
        after /checkad). A country it names is the ad's, never where the person is."""
        checker = self.checker(turn.r.content)
        return checker is not None and ad_words(checker, text, forwarded=turn.event.forwarded,
                                                asked=asked)

    def on_text(self, turn: Turn, text: str, *, at_risk: bool, by_phrase: bool = True) -> bool:
        """Check a pasted ad, or offer to check a message that looks like one; True if handled.

        Danger comes first: a message the triage calls at risk goes the at-risk path unless it
        is an ad the person pasted on request (`asked_ad_at_risk`; its flags lead to the human
        offer instead), or pasted without a request (`ad_not_danger`: offered its check). A
        cry for help ("меня заперли", "they took my passport, help") is never one.
        """
        checker = self.checker(turn.r.content)
        if checker is None:
            return False
        session, event = turn.session, turn.event
        if session.awaiting == AWAITING:
            # A long ad's rest joins its first part: one ad, one report (bot/core/adparts.py).
            last = text
            text, joined = self._parts.whole(turn, text)
            if joined is None:  # the first part is gone (a restart): ask for the whole ad
                turn.replies.append(Reply(turn.r.text(checker.rules.texts.expired)))
                return True
            if asked_ad_at_risk(checker, text, at_risk=at_risk, by_phrase=by_phrase):
                session.awaiting = None
                return False
            if asked_again(checker, text):
                rules = checker.rules
                turn.replies.append(
                    Reply(turn.r.text(rules.texts.too_short), [[turn.r.action_button("menu")]])
                )
                return True
            if self._parts.hold_first(turn, checker.rules, text, last):
                return True  # a part as long as Telegram cuts one: the next is asked for
            session.awaiting = None
            self._answer_ad.answer(turn, checker, text)
            self._parts.hold_checked(turn, checker.rules, text)
            return True
        if self._rest_of_checked(turn, checker, text):
            return True
        if self.forwarded_in_case(turn, text):  # the team is there: checked, not offered
            self._answer_ad.answer(turn, checker, text)
            return True
        # A question waits: the person's own text answers it, while a forwarded recruiter's
        # message is someone else's words, offered its check (the question comes again).
        offered_over = event.forwarded and isinstance(session.awaiting,
                                                      (CountryQuestion, ConsentQuestion))
        if session.awaiting is not None and not offered_over:
            return False
        whole = self._parts.rest_of_offer(turn, self._held.peek(event.user_key), text)
        if whole is not None and (not at_risk or ad_not_danger(
                checker, whole, forwarded=event.forwarded, by_phrase=by_phrase)):
            self._offer(turn, checker, whole)  # a long ad's rest: one ad offered, both parts
            return True
        if at_risk and not ad_not_danger(checker, text, forwarded=event.forwarded,
                                         by_phrase=by_phrase):
            return False
        if not checker.looks_like_ad(text, forwarded=event.forwarded):
            return False
        self._offer(turn, checker, text)
        return True

    def _rest_of_checked(self, turn: Turn, checker: AdChecker, text: str) -> bool:
        """An ad's rest pasted just after its first part was checked (`AdParts.hold_checked`):
        both checked as one ad, the report told for the whole; True if so. Only a text that
        reads like a piece of an ad with no words of a cry (`is_pasted_ad`) and is no question
        is a rest, and only while nothing is asked but the offer of a person after the check."""
        session = turn.session
        if session.ad_part is None or not session.ad_part.checked:
            return False
        awaiting = session.awaiting
        offered = isinstance(awaiting, ConsentQuestion) and awaiting.reason != "risk"
        whole = self._parts.rest_of_checked(turn, text)
        if whole is None or not (awaiting is None or offered):
            return False
        joined = checker.rules.texts.joined
        if joined is None or text.rstrip().endswith("?") or not checker.is_pasted_ad(text):
            return False
        session.awaiting = None
        turn.replies.append(Reply(turn.r.text(joined)))
        self._answer_ad.answer(turn, checker, whole)
        self._parts.hold_checked(turn, checker.rules, whole)
        return True

    def on_picture(self, turn: Turn) -> bool:
        """A photo or a file with no words while an ad is asked for (a screenshot of it): the
        bot cannot read it, so the ad's text is asked for, and the wait goes on; True if so."""
        rules = turn.r.content.ad_check
        if (turn.event.kind not in (EventKind.PHOTO, EventKind.DOCUMENT)
                or turn.session.awaiting != AWAITING or rules is None
                or rules.texts.picture is None):
            return False
        turn.replies.append(Reply(turn.r.text(rules.texts.picture),
                                  [[turn.r.action_button("menu")]]))
        return True

    def forwarded_in_case(self, turn: Turn, text: str) -> bool:
        """True for a forwarded ad while the person's case is open (`takes_forwarded`)."""
        return turn.session.handoff_case is not None and turn.event.forwarded and (
            self.takes_forwarded(turn.session, text, turn.r.content))

    def takes_forwarded(self, session: Session, text: str, content: Content) -> bool:
        """Whether a forwarded `text` is an ad this step checks in an open case, rather than
        relaying it: it reads like an ad and has no words of a cry (`is_pasted_ad`); a
        forwarded cry, a friend's, goes to the case (adcheck16)."""
        checker = self.checker(content)
        return checker is not None and checker.is_pasted_ad(text)

    def offer_after_risk(self, turn: Turn, text: str, *, by_phrase: bool = True,
                         asked: bool = False) -> None:
        """After the at-risk reply to what reads like an ad, the check is offered too, unless
        the person wrote about themselves (`offered_after_risk`; `asked`: after /checkad)."""
        checker = self.checker(turn.r.content)
        if checker is not None and offered_after_risk(
                checker, text, forwarded=turn.event.forwarded, by_phrase=by_phrase, asked=asked):
            self._offer(turn, checker, text)

    def _offer(self, turn: Turn, checker: AdChecker, text: str) -> None:
        self._held.put(turn.event.user_key, text)
        self._parts.mark_offered(turn, checker.rules, text)
        turn.replies.append(Reply(turn.r.text(checker.rules.texts.offer)))
        put_offer_buttons(turn, text)
