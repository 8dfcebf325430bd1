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
    CONFIRM,
    CONTACT,
    EMPLOYER,
    SetupScreens,
    clock_label,
    skip_rows,
    tagged,
)
from bot.checkin.store import PlanStore
from bot.checkin.timezones import ZoneTable
from bot.checkin.typed import Role, Unit, typed_plan, typed_settings, uneven_frequency
from bot.checkin.typed_answers import typed_cancel, typed_skip, typed_start, typed_yes_no
from bot.checkin.typed_clock import typed_clock, typed_time_of_day
from bot.checkin.until_step import names_until, take_until
from bot.content.models import Checkin, LocalizedText
from bot.core.events import Reply
from bot.core.session import Session
from bot.core.turn import Turn

Clock = Callable[[], float]  # seconds since the epoch
# The setup step -> its payload kind and what a bare typed number counts.
STEPS: dict[Role, tuple[str, Unit]] = {
    "interval": ("i", "day"),
    "duration": ("d", "week"),
    "grace": ("g", "hour"),
}
STEPS_ORDER: tuple[Role, ...] = tuple(STEPS)
# Words besides the settings that may name the destination ("to the United Kingdom"): more is
# a sentence with a setting inside ("how do I get a visa for Poland for 2 weeks"), not a setup.
PLACE_WORDS_MOST = 4


class TypedSetup:
    """Typed settings and clocks during the /checkin setup (CheckinStep keeps the dispatch)."""

    def __init__(self, zones: ZoneTable, screens: SetupScreens, clock: Clock) -> None:
        self._zones = zones
        self._screens = screens
        self.clock = clock

    def takes(self, session: Session, text: str, texts: Checkin | None = None) -> bool:
        """Whether the setup's question on screen takes this text: any text for the name or
        the contact, a setting or a clock for a choice (a question stays a question), a typed
        "Turn on" on the last screen, and a typed "Cancel" at any step (`texts`: content's
        words for these two)."""
        if session.awaiting in (EMPLOYER, CONTACT):
            return True
        if texts is not None and session.awaiting in (CHOICE, CONFIRM) and (
                typed_cancel(text, texts)):
            return True
        if session.awaiting == CHOICE:
            return setting(text, self.clock(), texts)
        if session.awaiting == CONFIRM:
            return texts is not None and typed_start(text, texts)
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
                     plan: CheckinPlan, text: str, *, question: bool = False,
                     request: bool = False) -> bool:
        """A typed answer to the step on screen: settings ("kazhdye 3 dnya", "каждые 3 дня на
        2 недели": the interval and the duration at once), the destination ("Польша", "у
        Германію"), a clock or a time of day. A text the step cannot read gets the same
        question again (the setup goes on); only a `question` the recogniser understood is
        left to the engine (False), which answers it and asks the step's question again.

        A value between the smallest and the largest button is taken as typed; outside, the
        screen comes again. `request`: the text asked for check-ins (typed_request.py), so
        its settings are taken even among other words ("пока я в дороге").
        """
        if plan.step == "country":
            taken = await self._typed_country(turn, plans, plan, text)
        elif plan.step == "zone":
            taken = await self._typed_clock(turn, plans, texts, plan, text)
        elif plan.step == "hour":
            minute = typed_time_of_day(text, texts.words.time)
            taken = minute is not None
            if minute is not None:
                plan.at_minute, plan.step = minute, "confirm"
                await save_draft(turn, plans, plan, self.clock())
        elif plan.step == "location":  # "no" typed under "Yes, show it / No"
            share = typed_yes_no(text, texts)
            taken = share is not None
            if share is not None:
                plan.share_location, plan.step = share, "employer"
                await save_draft(turn, plans, plan, self.clock())
        elif plan.step in STEPS:
            taken = await self._typed_settings(turn, plans, texts, plan, text, request=request)
        else:
            taken = False
        if not taken and question:
            return False
        if not taken and plan.step == "confirm":
            # "спасибо", "понятно": nothing is on until "Turn on"; said plainly, so nobody
            # leaves believing they will be checked on.
            turn.replies.append(Reply(turn.r.text(texts.texts.not_started)))
        elif not taken:
            turn.replies.append(Reply(turn.r.text(texts.texts.not_understood)))
        turn.replies.append(self._screens.screen(turn, texts, plan))
        return True

    async def _typed_settings(self, turn: Turn, plans: PlanStore, texts: Checkin,
                              plan: CheckinPlan, text: str, *, request: bool = False) -> bool:
        """The interval, duration and grace a message names (each by its cue word, the rest
        in order from the step on screen), and a destination named with them ("каждые 3 дня
        на 2 недели в Польшу"): every one it names is set, the first step still unset comes
        next. A value outside the buttons' range (a negative one too), or an interval of no
        whole number of days ("twice a week"), is not set: its step says what it takes.
        False when the text names no setting, or (unless it was a `request` for check-ins)
        when its other words are more than a destination.
        """
        r = turn.r
        if plan.step == "interval" and uneven_frequency(text, texts.words.settings):
            turn.replies.append(_range_reply(turn, texts, "interval", texts.texts.whole_days))
            return True
        order = STEPS_ORDER[STEPS_ORDER.index(plan.step):]
        rest = take_until(turn, texts, plan, text, self.clock())
        if rest is not None:  # "до 15 января", "каждые 3 дня до конца месяца": the end date
            order = tuple(step for step in order if step != "duration")
            if not rest.strip(" ,.;!?") or not order:
                next_step(plan, self._zones, self.clock())
                await save_draft(turn, plans, plan, self.clock())
                return True
            text = rest
        leftover: list[str] = []
        named = typed_plan(text, texts.words.settings, order, leftover)
        if named is not None and rest is not None:
            named.pop("duration", None)  # the end date says how long
        place = None
        if named is not None and leftover:  # the words that are no setting name a country
            if len(leftover) > PLACE_WORDS_MOST and not request:  # a setting in a sentence
                return False
            found = r.places.find(" ".join(leftover), destination=True) if r.places else None
            if found is None and not request:
                return False
            place = found.code if found is not None else None
        if named is None:
            return False
        for step in STEPS_ORDER:
            if step not in named:
                continue
            hours = named[step]
            kind = STEPS[step][0]
            _, unit, options = CHOICES[kind]
            offered = sorted(getattr(texts, options), key=lambda o: o.value)
            if step == "interval" and 0 < hours and hours % 24:
                turn.replies.append(_range_reply(turn, texts, step, texts.texts.whole_days))
            elif not offered[0].value * unit <= hours * HOUR <= offered[-1].value * unit:
                turn.replies.append(_range_reply(turn, texts, step, texts.texts.out_of_range))
            else:
                setattr(plan, CHOICES[kind][0], hours * HOUR)
                plan.until = None if step == "duration" else plan.until
        if place is not None:
            plan.country, plan.country_named = place, True
        next_step(plan, self._zones, self.clock())
        await save_draft(turn, plans, plan, self.clock())
        return True

    async def _typed_country(self, turn: Turn, plans: PlanStore, plan: CheckinPlan,
                             text: str) -> bool:
        """The destination typed at the country step, any country in any of our languages
        and grammatical cases (bot/core/countries.py: content aliases, Babel and pycountry
        names); False when the text names none (or two)."""
        places = turn.r.places
        found = places.find(text, destination=True) if places is not None else None
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
        offset = typed_clock(text, now, texts.words.time)
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


def _range_reply(turn: Turn, texts: Checkin, step: Role, template: LocalizedText) -> Reply:
    """What a step takes, from its first to its last button ("from “Every day” to “Once a
    week”"), in the person's language."""
    r, options = turn.r, CHOICES[STEPS[step][0]][2]
    offered = sorted(getattr(texts, options), key=lambda o: o.value)
    return Reply(r.text(template).format(low=r.text(offered[0].label),
                                         high=r.text(offered[-1].label)))


async def save_draft(turn: Turn, plans: PlanStore, plan: CheckinPlan, now: float) -> None:
    """Write the draft plan (a button's or a typed setting's change)."""
    # The setup is the person's own, under their lock: their latest screen wins.
    await plans.update(turn.event.user_key, lambda _: plan.model_copy(), now=now)


def setting(text: str, now: float, texts: Checkin | None) -> bool:
    """Whether the text is wholly a setup setting: interval, duration or grace (one or more,
    by content's words), an end date, a time of day, or a clock ("14:30", "UTC+3")."""
    if texts is None:
        return False
    w, clock = texts.words.settings, texts.words.time
    return (typed_settings(text, ["day", "week", "hour"], w) is not None
            or uneven_frequency(text, w) or names_until(text, texts, now)
            or typed_time_of_day(text, clock) is not None
            or typed_clock(text, now, clock) is not None)


def choose_country(plan: CheckinPlan, code: str | None, zones: ZoneTable, now: float) -> None:
    """The destination chosen (None: not shared), as its button or typed: one clock there is
    taken at once; several, or none known, and the person picks one next."""
    plan.country = code
    plan.zone = zones.single(code, now)
    plan.step = "location" if plan.zone is not None else "zone"


def choose(plan: CheckinPlan, kind: str, seconds: int, zones: ZoneTable | None = None,
           now: float = 0.0) -> None:
    """Set the interval, duration or grace (a button) and move to the next step not yet
    set (`next_step`)."""
    setattr(plan, CHOICES[kind][0], seconds)
    if kind == "d":  # a duration pressed replaces an end date typed before
        plan.until = None
    next_step(plan, zones, now)


def next_step(plan: CheckinPlan, zones: ZoneTable | None, now: float) -> None:
    """The first of interval, duration and grace still unset; else the destination, or, when
    a message already named it ("каждые 3 дня на 2 недели в Польшу"), the step after it."""
    for step in STEPS_ORDER:
        if not getattr(plan, CHOICES[STEPS[step][0]][0]):
            plan.step = step
            return
    if plan.step in STEPS:
        if plan.country_named and zones is not None:
            choose_country(plan, plan.country, zones, now)
        else:
            plan.step = "country"
