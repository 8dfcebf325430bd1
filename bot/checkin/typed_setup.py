"""A setup answer typed instead of pressed: an interval, duration or grace ("kazhdye 3 dnya",
"2 тыдні"), a time of day ("5:58 am") or a clock ("14:30", "UTC+3") at the zone step.

The words are read by typed.py; this module applies them to the draft plan, as the setup's
buttons would (step.py), and shows the next screen.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.checkin.plan import HOUR, CheckinPlan
from bot.checkin.screens import (
    CHOICE,
    CHOICES,
    CONTACT,
    EMPLOYER,
    SetupScreens,
    clock_label,
    skip_rows,
    tagged,
)
from bot.checkin.store import PlanStore
from bot.checkin.timezones import ZoneTable
from bot.checkin.typed import (
    Unit,
    typed_plan,
    typed_settings,
    typed_skip,
    typed_yes_no,
)
from bot.checkin.typed_clock import typed_clock, typed_time_of_day
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
            return setting(text, self.clock())
        return False

    async def name_or_contact(self, turn: Turn, plans: PlanStore, texts: Checkin,
                              plan: CheckinPlan, text: str, *, employer: bool) -> bool:
        """The employer's name (`employer`) or the contact as typed; a typed skip word
        ("skip", "нет", "няма") is the "Skip" button, never the name the team would see."""
        value = " ".join(text.split())
        if len(value) > texts.max_chars:
            turn.session.awaiting = EMPLOYER if employer else CONTACT
            reply = Reply(turn.r.text(texts.texts.too_long), skip_rows(turn.r, texts))
            turn.replies.append(tagged(reply, plan))
            return True
        kept = None if typed_skip(value, texts) else value
        if employer:
            plan.employer, plan.step = kept, "contact"
        else:
            plan.contact, plan.step = kept, "confirm"
        await save_draft(turn, plans, plan, self.clock())
        turn.replies.append(self._screens.screen(turn, texts, plan))
        return True

    async def choice(self, turn: Turn, plans: PlanStore, texts: Checkin,
                     plan: CheckinPlan, text: str, *, question: bool = False) -> bool:
        """A typed answer to the step on screen: settings ("kazhdye 3 dnya", "каждые 3 дня на
        2 недели": the interval and the duration at once), the destination ("Польша", "у
        Германію"), a clock or a time of day. A text the step cannot read gets the same
        question again (the setup goes on); only a `question` the recogniser understood is
        left to the engine (False), which answers it and asks the step's question again.

        A value between the smallest and the largest button is taken as typed; outside, the
        screen comes again.
        """
        if plan.step == "country":
            taken = await self._typed_country(turn, plans, plan, text)
        elif plan.step == "zone":
            taken = await self._typed_clock(turn, plans, texts, plan, text)
        elif plan.step == "hour":
            minute = typed_time_of_day(text)
            taken = minute is not None
            if minute is not None:
                plan.at_minute, plan.step = minute, "confirm"
                await save_draft(turn, plans, plan, self.clock())
        elif plan.step == "location":  # "no" typed under "Yes, show it / No"
            share = typed_yes_no(text)
            taken = share is not None
            if share is not None:
                plan.share_location, plan.step = share, "employer"
                await save_draft(turn, plans, plan, self.clock())
        elif plan.step in STEPS:
            taken = await self._typed_settings(turn, plans, texts, plan, text)
        else:
            taken = False
        if not taken and question:
            return False
        if not taken:
            turn.replies.append(Reply(turn.r.text(texts.texts.not_understood)))
        turn.replies.append(self._screens.screen(turn, texts, plan))
        return True

    async def _typed_settings(self, turn: Turn, plans: PlanStore, texts: Checkin,
                              plan: CheckinPlan, text: str) -> bool:
        """The interval, duration and grace typed from the step on screen on, in that order;
        False when the text names none."""
        order = list(STEPS)[list(STEPS).index(plan.step):]
        named = typed_plan(text)  # "каждые 3 дня на 2 недели, жду сутки": each by its words
        pairs: list[tuple[str, int]] = []
        for step in order if named is not None else ():
            if step not in named:  # type: ignore[operator]
                break  # a step left out is asked next
            pairs.append((step, named[step]))  # type: ignore[index]
        if not pairs:
            found = typed_settings(text, [STEPS[step][1] for step in order])
            if found is None:
                return False
            pairs = list(zip(order, found, strict=False))
        for step, hours in pairs:
            kind = STEPS[step][0]
            _, unit, options = CHOICES[kind]
            offered = sorted(getattr(texts, options), key=lambda o: o.value)
            if not offered[0].value * unit <= hours * HOUR <= offered[-1].value * unit:
                r = turn.r  # this step's screen again, with the range it takes
                turn.replies.append(Reply(r.text(texts.texts.out_of_range).format(
                    low=r.text(offered[0].label), high=r.text(offered[-1].label))))
                break
            choose(plan, kind, hours * HOUR)
        await save_draft(turn, plans, plan, self.clock())
        return True

    async def _typed_country(self, turn: Turn, plans: PlanStore, plan: CheckinPlan,
                             text: str) -> bool:
        """The destination typed at the country step, any country in any of our languages
        and grammatical cases (bot/core/countries.py: content aliases, Babel and pycountry
        names); False when the text names none (or two)."""
        places = turn.r.places
        found = places.find(text) if places is not None else None
        if found is None:
            return False
        now = self.clock()
        choose_country(plan, found.code, self._zones, now)
        await save_draft(turn, plans, plan, now)
        return True

    async def _typed_clock(self, turn: Turn, plans: PlanStore, texts: Checkin,
                           plan: CheckinPlan, text: str) -> bool:
        """"14:30" or "UTC+3" typed at the zone step: the clock keeping that offset now (the
        destination's own first, then the picker's cities); False when the text is not a
        clock, or no place keeps it ("UTC+13:15")."""
        now = self.clock()
        offset = typed_clock(text, now)
        if offset is None:
            return False
        r = turn.r
        countries = [plan.country] if plan.country and self._screens.country_clocks(plan) else []
        zone = self._zones.keeping(offset, [*countries, *r.content.countries], now)
        if zone is None:
            return False
        plan.zone, plan.step = zone, "location"
        await save_draft(turn, plans, plan, now)
        chosen = r.text(texts.texts.clock_chosen).format(clock=clock_label(zone, now,
                                                                            r.tr.locale))
        turn.replies.append(Reply(chosen))
        return True


async def save_draft(turn: Turn, plans: PlanStore, plan: CheckinPlan, now: float) -> None:
    """Write the draft plan (a button's or a typed setting's change)."""
    # The setup is the person's own, under their lock: their latest screen wins.
    await plans.update(turn.event.user_key, lambda _: plan.model_copy(), now=now)


def setting(text: str, now: float) -> bool:
    """Whether the text is wholly a setup setting: interval, duration or grace (one or more),
    a time of day, or a clock ("14:30", "UTC+3")."""
    return (typed_settings(text, ["day", "week", "hour"]) is not None
            or typed_time_of_day(text) is not None or typed_clock(text, now) is not None)


def choose_country(plan: CheckinPlan, code: str | None, zones: ZoneTable, now: float) -> None:
    """The destination chosen (None: not shared), as its button or typed: one clock there is
    taken at once; several, or none known, and the person picks one next."""
    plan.country = code
    plan.zone = zones.single(code, now)
    plan.step = "location" if plan.zone is not None else "zone"


def choose(plan: CheckinPlan, kind: str, seconds: int) -> None:
    """Set the interval, duration or grace and move to the next step."""
    field = CHOICES[kind][0]
    setattr(plan, field, seconds)
    plan.step = {"i": "duration", "d": "grace", "g": "country"}[kind]  # type: ignore[assignment]
