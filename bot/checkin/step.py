"""The engine's side of check-ins: /checkin and its setup, and the answers to a check-in.

Transport-agnostic (no Telegram framework here). The plan lives in Redis (store.py), bound by
the runner; without it (the console demo, no Redis) or without operators to alert, the feature
says it is unavailable instead of promising an alert nobody would get.

Payloads: `m:checkin` (menu), `ci:i:<days>`, `ci:d:<weeks>`, `ci:g:<hours>` (setup choices),
`ci:c:<ISO2>` / `ci:c:no` (share the destination or not), `ci:z:<IANA zone>` / `ci:z:utc`
(the clock to show times in, when the destination keeps several or is not shared), `ci:t` and
`ci:h:<minutes after midnight>` (another time of day, from the confirm screen), `ci:l:yes` /
`ci:l:no` (share the last country they told the bot they were in), `ci:skip`, `ci:go`, `ci:x`
(setup), `ci:ok`, `ci:help`, `ci:stop` (the answers under a check-in). A setup button ends
with `@<tag>`, the tag of the screen it was shown on (screens.screen_tag): a button of an
earlier screen says so and changes nothing; untagged ones (sent before tags) are checked only
against the step.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from bot.checkin.answers import (
    answer_check_in,
    answer_typed,
    note_typed_help,
    stale_answer,
    typed_answer_waits,
)
from bot.checkin.plan import Answer, CheckinPlan
from bot.checkin.screens import (
    CHOICE,
    CONFIRM,
    EMPLOYER,
    PREFIX,
    TAG,
    WAITS,
    SetupScreens,
    screen_tag,
    status,
)
from bot.checkin.setup_buttons import press_setup_button
from bot.checkin.store import PlanStore
from bot.checkin.timezones import ZoneTable
from bot.checkin.typed_answers import typed_answer, typed_cancel, typed_skip, typed_start
from bot.checkin.typed_request import asks_for_checkins
from bot.checkin.typed_setup import TypedSetup
from bot.content.models import Checkin, Content
from bot.core.at_risk_path import AtRiskPath
from bot.core.commands import command_name
from bot.core.events import EventKind, IncomingEvent, Reply
from bot.core.human_offer import HumanOffer
from bot.core.session import Session
from bot.core.turn import Turn

log = logging.getLogger(__name__)

Clock = Callable[[], float]  # seconds since the epoch
COMMAND = "/checkin"
ACTION = "checkin"  # the main menu's `m:checkin`
ANSWERS: tuple[Answer, ...] = ("ok", "help", "stop")
# A setup button's kind -> the steps whose screen shows it ("x", Cancel, is under every one).
BUTTON_STEPS: dict[str, tuple[str, ...]] = {
    "i": ("interval",), "d": ("duration",), "g": ("grace",), "c": ("country",),
    "z": ("zone",), "l": ("location",), "skip": ("employer", "contact"), "t": ("confirm",),
    "h": ("hour",), "go": ("confirm",),
}


class CheckinStep:
    """/checkin, its setup screens, and "all right" / "not fine" / "stop" under a check-in."""

    def __init__(self, at_risk: AtRiskPath, human_offer: HumanOffer, clock: Clock = time.time,
                 zones: ZoneTable | None = None) -> None:
        self._at_risk = at_risk
        self._human_offer = human_offer
        self._clock = clock
        self._plans: PlanStore | None = None
        self._zones = zones or ZoneTable()
        self._screens = SetupScreens(self._zones, clock)
        self._typed = TypedSetup(self._zones, self._screens, clock)

    def bind(self, plans: PlanStore, clock: Clock | None = None) -> None:
        """Keep plans in Redis (the runner does this; the scheduler uses the same store)."""
        self._plans = plans
        self._clock = clock or self._clock
        self._screens.clock = self._typed.clock = self._clock

    @property
    def plans(self) -> PlanStore | None:
        return self._plans

    def claims(self, event: IncomingEvent) -> bool:
        """True for /checkin, the menu button and every `ci:` button."""
        if event.kind == EventKind.COMMAND:
            return command_name(event.text) == COMMAND
        payload = event.payload or ""
        return event.kind == EventKind.BUTTON and (
            payload == f"m:{ACTION}" or payload.startswith(PREFIX))

    def forget(self, turn: Turn) -> None:
        """Before every event: another command or button ends the wait for a typed name or
        contact, so a later question is never taken for one (the draft stays, unscheduled)."""
        event = turn.event
        navigating = event.kind in (EventKind.COMMAND, EventKind.BUTTON)
        if navigating and turn.session.awaiting in WAITS and not self.claims(event):
            turn.session.awaiting = None

    async def on_event(self, turn: Turn) -> None:
        r, texts, plans = turn.r, turn.r.content.checkin, self._plans
        payload, _, tag = (turn.event.payload or "").partition(TAG)  # untagged: older buttons
        kind, _, rest = payload.removeprefix(PREFIX).partition(":")
        if plans is not None and payload.startswith(PREFIX) and kind in ANSWERS:
            # An answer is taken even if the feature was switched off since: it may be late;
            # not one under a question of earlier check-ins (but "Not fine" always is).
            if kind == "help" or not tag or not await stale_answer(turn, plans, tag):
                await self._answer(turn, plans, texts, kind)
            return
        if not self._available(turn, plans) or texts is None or plans is None:
            return
        now = self._clock()
        if not payload.startswith(PREFIX):  # /checkin or the menu button
            await self._begin(turn, plans, texts, now)
            return
        plan = await plans.load(turn.event.user_key)
        if plan is None or plan.phase != "draft":  # a button of a setup that is over
            turn.replies.append(r.main_menu(r.text(texts.texts.stale)))
            return
        if (tag and tag != screen_tag(plan)) or (
                kind != "x" and plan.step not in BUTTON_STEPS.get(kind, ())):
            # A button of an earlier screen (or an earlier setup): it would act on settings
            # other than the ones it was shown with ("Turn on" under an older confirm screen)
            # or jump the draft to a step out of order. Nothing changes; the screen the setup
            # is on comes again.
            turn.replies.append(Reply(r.text(texts.texts.stale)))
            turn.replies.append(self._screens.screen(turn, texts, plan))
            return
        await press_setup_button(turn, plans, texts, plan, kind, rest, now,
                                 zones=self._zones, screens=self._screens)

    async def on_text(self, turn: Turn, text: str, *, settings_only: bool = False,
                      question: bool = False) -> bool:
        """The employer's name, the contact or a typed setting, during the setup; True when
        taken.

        The engine calls this for a message that raised no risk (a danger phrase goes to the
        at-risk path first, whatever was being set up), and with `settings_only` for one where
        only the model saw a risk: at a choice only a text that is wholly a setting ("2 тыдні",
        "5:58 am") is taken then; at the name and contact steps it is taken all the same
        ("ООО Рога и копыта" is a name: the model reads "рога" as a threat, the danger
        phrases, which name real danger, do not).
        A typed answer to a check-in that waits ("ок", "норм", "плохо") is taken as its button.
        A text a choice cannot read is asked again, unless it is a `question` the recogniser
        understood ("как получить визу?"): False then, the engine answers it and `ask_again`
        shows the setup's question under the answer.
        """
        awaiting, plans, texts = turn.session.awaiting, self._plans, turn.r.content.checkin
        if turn.event.forwarded:  # someone else's words: neither an answer nor a setting
            return False
        if awaiting not in WAITS:
            if await self.answer_typed(turn, text):
                return True
            if not asks_for_checkins(text, texts, self._clock()):
                return False
            # A whole setup typed without /checkin: begun as "/checkin <text>" would be.
            if self._available(turn, plans) and plans is not None and texts is not None:
                await self._begin(turn, plans, texts, self._clock(), typed=text)
            return True
        if settings_only and awaiting in (CHOICE, CONFIRM) and not self._typed.takes(
                turn.session, text, texts):
            return False  # the model saw a risk and it is not a setting: the at-risk path
        turn.session.awaiting = None
        if plans is None or texts is None:
            return False
        plan = await plans.load(turn.event.user_key)
        if plan is None or plan.phase != "draft":
            return False
        # "Cancel" and, on the last screen, "Turn on" typed instead of pressed (the name or
        # contact step takes only a whole "отмена": "не надо" there is "Skip").
        choosing = awaiting in (CHOICE, CONFIRM)
        cancel = typed_cancel(text, texts, whole=not choosing) and (
            choosing or not typed_skip(text, texts))
        pressed = ("x" if cancel
                   else "go" if awaiting == CONFIRM and typed_start(text, texts) else None)
        if pressed is not None:
            await press_setup_button(turn, plans, texts, plan, pressed, "", self._clock(),
                                     zones=self._zones, screens=self._screens)
            return True
        if awaiting in (CHOICE, CONFIRM):
            return await self._typed.choice(turn, plans, texts, plan, text, question=question)
        return await self._typed.name_or_contact(turn, plans, texts, plan, text,
                                                 employer=awaiting == EMPLOYER)

    async def answer_typed(self, turn: Turn, text: str) -> bool:
        """A typed answer ("ок", "плохо") to a check-in that waits, taken as its button."""
        plans, texts = self._plans, turn.r.content.checkin
        if plans is None or texts is None or turn.event.forwarded:
            return False
        return await answer_typed(turn, plans, texts, text, at_risk=self._at_risk,
                                  now=self._clock())

    async def answer_sticker(self, turn: Turn) -> bool:
        """A sticker while a check-in question waits (phase "asked" or "alerted"): one whose
        emoji is a typed "All fine" (content's `typed_ok`: "👍", "👌") answers it so; any
        other gets `non_text_checkin` (no word about danger). False, nothing replied, when no
        question waits (the usual `non_text` answer then)."""
        plans, texts = self._plans, turn.r.content.checkin
        if plans is None or texts is None or turn.event.forwarded:
            return False
        emoji = turn.event.payload or ""
        if emoji and typed_answer(emoji, texts) == "ok" and await self.answer_typed(turn, emoji):
            return True
        plan = await plans.load(turn.event.user_key)
        if plan is None or plan.phase not in ("asked", "alerted"):
            return False
        r = turn.r
        said = r.content.messages.non_text_checkin or r.content.messages.non_text
        turn.replies.append(Reply(r.text(said), r.main_menu_rows()))
        return True

    async def note_typed_help(self, turn: Turn, text: str, *, danger: bool) -> None:
        """At risk under a waiting check-in, answered by the at-risk path: also its "Not fine"
        for a danger phrase or trouble said first ("плохо, не платят"; answers.py)."""
        texts = turn.r.content.checkin
        trouble = danger or (texts is not None and typed_answer(text, texts, loose=True) == "help")
        if self._plans is not None and not turn.event.forwarded and trouble:
            await note_typed_help(turn, self._plans, at_risk=self._at_risk, now=self._clock())

    def _available(self, turn: Turn, plans: PlanStore | None) -> bool:
        """Whether check-ins can run here (Redis and a team to alert); when not, the person is
        told so, with what to do instead (the hotlines; a person, where there is a team)."""
        r, texts = turn.r, turn.r.content.checkin
        if texts is not None and plans is not None and self._human_offer.available:
            return True
        turn.session.awaiting = None
        if texts is None:
            turn.replies.append(r.main_menu())
        else:
            turn.replies.append(Reply(r.text(texts.texts.unavailable),
                                      r.action_rows(["hotlines", "human", "menu"])))
        return False

    async def ask_again(self, turn: Turn) -> None:
        """The setup's question again, under the answer to a question typed at it."""
        texts, plans = turn.r.content.checkin, self._plans
        plan = await plans.load(turn.event.user_key) if plans is not None else None
        if texts is not None and plan is not None and plan.phase == "draft":
            turn.replies.append(self._screens.screen(turn, texts, plan))

    def setup_takes(self, session: Session, text: str, texts: Checkin | None = None) -> bool:
        """Whether the setup's question on screen takes this text (TypedSetup.takes)."""
        return self._typed.takes(session, text, texts)

    def takes(self, session: Session, text: str, content: Content, *,
              danger: bool) -> bool | None:
        """While a setup question waits: whether it takes `text` (`setup_takes`; a danger
        phrase never). None when none waits (bot/core/awaited.py)."""
        if session.awaiting not in WAITS:
            return None
        return not danger and self.setup_takes(session, text, content.checkin)

    async def typed_answer_waits(self, event: IncomingEvent, texts: Checkin | None, *,
                                 missed_only: bool = False) -> bool:
        """Whether the event is a typed answer ("ок", "плохо") to a check-in that waits or was
        missed (`missed_only`: only one whose alert went out, whose late answer the operators
        hear of: an "ок" to a check-in still in time, in an open case, is the operator's to
        read)."""
        if self._plans is None or texts is None:
            return False
        return await typed_answer_waits(self._plans, event, texts, missed_only=missed_only)

    # ------------------------------------------------------------------ setup
    async def _begin(self, turn: Turn, plans: PlanStore, texts: Checkin, now: float, *,
                     typed: str = "") -> None:
        """A new setup; `typed` (or what follows "/checkin ") is its first answer, read as
        the first screen reads it ("каждые 3 дня на 2 недели", a destination too). Plans
        already running show their status instead, as /checkin does."""
        plan = await plans.load(turn.event.user_key)
        if plan is not None and plan.phase != "draft":
            turn.replies.append(status(turn.r, texts, plan))
            return
        plan = CheckinPlan(chat_key=turn.event.chat_key, language=turn.r.lang)
        await plans.update(turn.event.user_key, lambda _: plan, now=now)
        if turn.event.kind == EventKind.COMMAND:  # "/checkin каждые 3 дня на 2 недели"
            typed = (turn.event.text or "").partition(" ")[2].strip()
        # Typed without the command, it asked for check-ins: what the setup cannot read in
        # it is not "not understood", the first screen simply comes.
        asked = turn.event.kind != EventKind.COMMAND
        if typed and len(typed) <= texts.max_chars and await self._typed.choice(
                turn, plans, texts, plan, typed, question=asked, request=asked):
            return
        turn.replies.append(self._screens.screen(turn, texts, plan))

    # ------------------------------------------------------------------ answers
    async def _answer(self, turn: Turn, plans: PlanStore, texts: Checkin | None,
                      answer: Answer) -> None:
        await answer_check_in(turn, plans, texts, answer, at_risk=self._at_risk,
                              now=self._clock())

