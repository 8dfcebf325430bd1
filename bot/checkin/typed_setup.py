"""A setup answer typed instead of pressed: an interval, duration or grace ("kazhdye 3 dnya",
"2 тыдні"), a time of day ("5:58 am") or a clock ("14:30", "UTC+3") at the zone step.

The words are read by typed.py; this module applies them to the draft plan, as the setup's
buttons would (step.py), and shows the next screen.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.checkin.plan import HOUR, CheckinPlan
from bot.checkin.screens import CHOICE, CHOICES, CONTACT, EMPLOYER, SetupScreens, clock_label
from bot.checkin.store import PlanStore
from bot.checkin.timezones import ZoneTable
from bot.checkin.typed import Unit, typed_clock, typed_hours, typed_time_of_day
from bot.content.models import Checkin
from bot.core.events import Reply
from bot.core.session import Session
from bot.core.turn import Turn

Clock = Callable[[], float]  # seconds since the epoch
# The setup step -> its payload kind and what a bare typed number counts.
STEPS: dict[str, tuple[str, Unit]] = {
    "interval": ("i", "day"),
    "duration": ("d", "week"),
    "grace": ("g", "hour"),
}


class TypedSetup:
    """Typed settings and clocks during the /checkin setup (CheckinStep keeps the dispatch)."""

    def __init__(self, zones: ZoneTable, screens: SetupScreens, clock: Clock) -> None:
        self._zones = zones
        self._screens = screens
        self.clock = clock

    def takes(self, session: Session, text: str) -> bool:
        """Whether the setup's question on screen takes this text: any text for the name or
        the contact, a setting or a clock for a choice (a question stays a question)."""
        if session.awaiting in (EMPLOYER, CONTACT):
            return True
        if session.awaiting == CHOICE:
            return (typed_hours(text, "day") is not None or typed_time_of_day(text) is not None
                    or typed_clock(text, self.clock()) is not None)
        return False

    async def choice(self, turn: Turn, plans: PlanStore, texts: Checkin,
                     plan: CheckinPlan, text: str) -> bool:
        """A typed interval, duration or grace ("kazhdye 3 dnya", "2 тыдні"); True when taken.

        A value between the smallest and the largest button is taken as typed; outside, the
        screen comes again; a text that names no setting is left to the engine (a question).
        """
        if plan.step == "zone":
            return await self._typed_clock(turn, plans, texts, plan, text)
        if plan.step == "hour":
            minute = typed_time_of_day(text)
            if minute is None:
                return False  # not a time: a question, left to the engine
            plan.at_minute, plan.step = minute, "confirm"
            await save_draft(turn, plans, plan, self.clock())
            turn.replies.append(self._screens.screen(turn, texts, plan))
            return True
        if plan.step not in STEPS:
            return False
        kind, default = STEPS[plan.step]
        hours = typed_hours(text, default)
        if hours is None:
            return False
        _, unit, options = CHOICES[kind]
        bounds = [o.value * unit for o in getattr(texts, options)]
        seconds = hours * HOUR
        if min(bounds) <= seconds <= max(bounds):
            choose(plan, kind, seconds)
            await save_draft(turn, plans, plan, self.clock())
        turn.replies.append(self._screens.screen(turn, texts, plan))
        return True

    async def _typed_clock(self, turn: Turn, plans: PlanStore, texts: Checkin,
                           plan: CheckinPlan, text: str) -> bool:
        """"14:30" or "UTC+3" typed at the zone step: the clock keeping that offset now (the
        destination's own first, then the picker's cities); True when taken."""
        now = self.clock()
        offset = typed_clock(text, now)
        if offset is None:
            return False  # not a clock: a question, left to the engine
        r = turn.r
        countries = [plan.country] if plan.country and self._screens.country_clocks(plan) else []
        zone = self._zones.keeping(offset, [*countries, *r.content.countries], now)
        if zone is None:  # no place keeps it ("UTC+13:15"): the screen again
            turn.replies.append(self._screens.screen(turn, texts, plan))
            return True
        plan.zone, plan.step = zone, "location"
        await save_draft(turn, plans, plan, now)
        chosen = r.text(texts.texts.clock_chosen).format(clock=clock_label(zone, now,
                                                                            r.tr.locale))
        turn.replies.append(Reply(chosen))
        turn.replies.append(self._screens.screen(turn, texts, plan))
        return True


async def save_draft(turn: Turn, plans: PlanStore, plan: CheckinPlan, now: float) -> None:
    """Write the draft plan (a button's or a typed setting's change)."""
    # The setup is the person's own, under their lock: their latest screen wins.
    await plans.update(turn.event.user_key, lambda _: plan.model_copy(), now=now)


def choose(plan: CheckinPlan, kind: str, seconds: int) -> None:
    """Set the interval, duration or grace and move to the next step."""
    field = CHOICES[kind][0]
    setattr(plan, field, seconds)
    plan.step = {"i": "duration", "d": "grace", "g": "country"}[kind]  # type: ignore[assignment]
