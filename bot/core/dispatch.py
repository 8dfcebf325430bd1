"""Which step answers an event (one turn's dispatch), and the reply when answering failed."""

from __future__ import annotations

from bot.checkin.step import CheckinStep
from bot.core.adcheck_step import AdCheckStep
from bot.core.at_risk_path import AtRiskPath
from bot.core.events import Button, EventKind, Reply
from bot.core.groups.deeplink import DeepLinkStep
from bot.core.quiet import answer_quietly
from bot.core.replies import Replies
from bot.core.silent_alarm import SilentAlarmStep
from bot.core.steps import Steps
from bot.core.text_step import TextStep
from bot.core.turn import Turn


class StepDispatch:
    """`await dispatch.answer(turn)`: the replies of the one step that claims the event."""

    def __init__(self, *, at_risk: AtRiskPath, steps: Steps, text: TextStep, ads: AdCheckStep,
                 alarm: SilentAlarmStep, checkin: CheckinStep, links: DeepLinkStep) -> None:
        self._at_risk = at_risk
        self._steps = steps
        self._text = text
        self._ads = ads
        self._alarm = alarm
        self._checkin = checkin
        self._links = links

    async def answer(self, turn: Turn) -> bool:
        """Answer the event; True when the person's data was erased (nothing to save)."""
        erased = await self._answer(turn)
        kind = turn.event.kind
        if kind == EventKind.BUTTON or (kind != EventKind.COMMAND and turn.event.text):
            # The first message or press was the first contact, answered with or without the
            # notice of what is kept (a danger message: the numbers only); never said later,
            # between an offer and its answer or after a closed case.
            turn.session.onboarded = True
        return erased

    async def _answer(self, turn: Turn) -> bool:
        kind = turn.event.kind
        self._ads.forget(turn)
        self._checkin.forget(turn)
        self._alarm.forget(turn)  # code-word screens left in the chat go
        if answer_quietly(turn):  # after a silent alarm: nothing may give it away
            pass
        elif self._links.claims(turn.event):  # a group's button: the at-risk path or the ad check
            self._links.on_event(turn, help_now=self._help_now, check_ad=self._ads.on_event)
        elif self._ads.claims(turn.event):  # /checkad, the menu button, "Check this ad"
            self._ads.on_event(turn)
        elif self._alarm.claims(turn.event):  # /codeword and its buttons
            self._alarm.on_event(turn)
        elif self._checkin.claims(turn.event):  # /checkin, its setup and the answers
            await self._checkin.on_event(turn)
        elif kind == EventKind.TEXT or (kind not in (EventKind.COMMAND, EventKind.BUTTON)
                                      and turn.event.text):
            # A photo's or document's caption is what the person wrote: it is triaged and
            # answered like a message ("they took my passport" under a photo of it).
            await self._text.on_text(turn)
        elif kind == EventKind.COMMAND:
            return await self._steps.command(turn)
        elif kind == EventKind.BUTTON:
            return await self._steps.button(turn)
        elif kind == EventKind.STICKER and await self._checkin.answer_sticker(turn):
            pass  # a 👍 sticker under a waiting check-in is "All fine"
        elif self._ads.on_picture(turn):  # a screenshot for /checkad: its text is asked for
            pass
        elif turn.session.asked_where:  # a voice note instead of the country: the buttons again
            turn.replies.append(non_text_reply(turn))
            turn.replies.append(turn.r.ask_country(with_human=turn.session.at_risk))
        else:
            turn.replies.append(non_text_reply(turn, turn.r.main_menu_rows()))
        return False

    def _help_now(self, turn: Turn) -> None:
        """As the menu's "I need help now": numbers first, then the human offer."""
        self._at_risk.enter(turn, "risk", ["emergency_now"], intent="emergency_now")


def non_text_reply(turn: Turn, buttons: list[list[Button]] | None = None) -> Reply:
    """What a sticker, a photo without words and the like get: the bot reads text only. A
    voice message or a video note may be the only way a person could ask for help, so it gets
    the emergency numbers (the person's country's when known, else the universal ones)."""
    r = turn.r
    if turn.event.kind != EventKind.VOICE:
        return Reply(r.message("non_text"), buttons or [])
    numbers = r.hotline_lines(r.emergency(turn.session.location), compact=True)
    return Reply(f"{r.message('non_text_voice').strip()}\n\n{numbers}", buttons or [])


def error_reply(r: Replies, *, quiet: bool = False) -> Reply:
    """What the person gets when answering failed: an apology, the emergency numbers, the menu
    (after a silent alarm only the apology and the menu: numbers would give it away)."""
    text = r.tr.gettext("Sorry, something went wrong on my side. Please try again.")
    if quiet:
        return r.main_menu(text)
    return Reply(f"{text}\n\n{r.hotline_lines(r.emergency(None))}".strip(), r.main_menu_rows())
