"""The check-in setup's screens and the texts built from a plan: what each step shows, the
answers under a check-in, what will be shared, and a check-in time as the person reads it.

Transport-agnostic; step.py decides which screen comes, this module draws it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_time

from bot.checkin.plan import DAY, HOUR, WEEK, CheckinPlan
from bot.checkin.timezones import ZoneTable, city, moment, offset_label
from bot.content.models import Checkin, CheckinOption
from bot.core.events import Button, Reply
from bot.core.replies import Replies
from bot.core.session import PasteQuestion
from bot.core.turn import Turn
from bot.i18n import N_, Translator

Clock = Callable[[], float]  # seconds since the epoch
PREFIX = "ci:"
EMPLOYER = PasteQuestion(what="checkin_employer")
CONTACT = PasteQuestion(what="checkin_contact")
CHOICE = PasteQuestion(what="checkin_choice")  # a typed interval, duration or grace
CONFIRM = PasteQuestion(what="checkin_confirm")  # the last screen: a typed "yes", "отмена"
WAITS = (EMPLOYER, CONTACT, CHOICE, CONFIRM)
NO_COUNTRY = "no"
UTC_ZONE = "utc"
# A check-in time as the person reads it: in their destination's clock, else plainly UTC.
WHEN_LOCAL = N_("{date}, {time} (local time, {city})")
WHEN_UTC = N_("{date}, {time} UTC (Greenwich time)")
# A setup button's payload ends with "@<tag>", the tag of the screen it is under (`screen_tag`).
TAG = "@"
# What a setup screen shows: its step and every setting chosen so far.
SHOWN = ("step", "interval_s", "duration_s", "grace_s", "country", "zone", "share_location",
         "employer", "contact", "at_minute")
# setup payload kind -> (plan field, seconds per unit, the content's list of options)
CHOICES: dict[str, tuple[str, int, str]] = {
    "i": ("interval_s", DAY, "intervals_days"),
    "d": ("duration_s", WEEK, "durations_weeks"),
    "g": ("grace_s", HOUR, "grace_hours"),
}


def answer_buttons(texts: Checkin, plan: CheckinPlan,
                   language: str | None = None) -> list[list[Button]]:
    """The three answers under a check-in (their labels are ordinary content texts, in
    `language`, else the plan's), tagged with the plan's `plan_tag`: under a question of
    earlier check-ins they answer nothing."""
    t, tag = texts.texts, f"{TAG}{plan_tag(plan)}"
    language = language or plan.language
    return [[Button(t.button_ok.get(language).strip(), f"{PREFIX}ok{tag}")],
            [Button(t.button_help.get(language).strip(), f"{PREFIX}help{tag}")],
            [Button(t.button_stop.get(language).strip(), f"{PREFIX}stop{tag}")]]


def plan_tag(plan: CheckinPlan) -> str:
    """Eight hex digits naming one run of check-ins (from the moment it started): "Stop
    asking" under a question of stopped check-ins never stops the ones set up since."""
    return hashlib.blake2s(repr(plan.started_at).encode(), digest_size=4).hexdigest()


class SetupScreens:
    """The screen for each setup step; the clock and the zone table pick a country's clocks."""

    def __init__(self, zones: ZoneTable, clock: Clock) -> None:
        self._zones = zones
        self.clock = clock

    def screen(self, turn: Turn, texts: Checkin, plan: CheckinPlan) -> Reply:
        """The setup screen for the plan's current step (and what the next text answers), its
        buttons tagged with what it shows: a button of an earlier screen is told apart."""
        return tagged(self._draw(turn, texts, plan), plan)

    def _draw(self, turn: Turn, texts: Checkin, plan: CheckinPlan) -> Reply:
        r, t, session = turn.r, texts.texts, turn.session
        cancel = [Button(r.text(t.button_cancel), f"{PREFIX}x")]
        end_wait(turn)
        if plan.step in ("interval", "duration", "grace"):
            kind = {"interval": "i", "duration": "d", "grace": "g"}[plan.step]
            options: list[CheckinOption] = getattr(texts, CHOICES[kind][2])
            question = {"interval": t.intro, "duration": t.ask_duration, "grace": t.ask_grace}
            buttons = [Button(r.text(o.label), f"{PREFIX}{kind}:{o.value}") for o in options]
            # The newest question on screen takes what is typed, whatever was asked before
            # (an offer of a person keeps its buttons): "every 3 days" answers it.
            session.awaiting = CHOICE
            return Reply(r.text(question[plan.step]), [*rows(buttons), cancel])
        if plan.step == "country":
            codes = list(r.content.countries)
            if session.destination in codes:  # the country they read about first
                codes.remove(session.destination)
                codes.insert(0, session.destination)
            buttons = [Button(r.country_name(c), f"{PREFIX}c:{c}") for c in codes]
            no = [Button(r.text(t.button_no_country), f"{PREFIX}c:{NO_COUNTRY}")]
            session.awaiting = CHOICE  # "Польша", "у Германію" typed answers it too
            return Reply(r.text(t.ask_country), [*rows(buttons), no, cancel])
        if plan.step == "zone":
            utc = [Button(r.text(t.button_utc), f"{PREFIX}z:{UTC_ZONE}")]
            session.awaiting = CHOICE  # "14:30" or "UTC+3" typed answers it too
            if self.country_clocks(plan):
                zones = self._zones.choices(plan.country, self.clock())
                buttons = [Button(f"{city(z.name, r.tr.locale)} ({offset_label(z.offset)})",
                                  f"{PREFIX}z:{z.name}") for z in zones]
                return Reply(r.text(t.ask_zone), [*rows(buttons), utc, cancel])
            # The country is not shared or its clock not known: every clock of the countries
            # the bot knows, each with the time it shows now, so the person finds theirs.
            now = self.clock()
            buttons = [Button(clock_label(z.name, now, r.tr.locale), f"{PREFIX}z:{z.name}")
                       for z in self._zones.clocks(r.content.countries, now)]
            return Reply(r.text(t.ask_clock), [*rows(buttons), utc, cancel])
        if plan.step == "location":
            answers = [Button(r.text(t.button_yes), f"{PREFIX}l:yes"),
                       Button(r.text(t.button_no), f"{PREFIX}l:no")]
            session.awaiting = CHOICE  # "Dubai" typed here is no answer: the question again
            return Reply(r.text(t.ask_location), [answers, cancel])
        if plan.step in ("employer", "contact"):
            session.awaiting = EMPLOYER if plan.step == "employer" else CONTACT
            ask = t.ask_employer if plan.step == "employer" else t.ask_contact
            return Reply(r.text(ask), skip_rows(r, texts))
        if plan.step == "hour":
            session.awaiting = CHOICE  # "9:30" typed answers it too
            locale = r.tr.locale
            buttons = [Button(str(format_time(clock_time(h), "short", locale=locale)),
                              f"{PREFIX}h:{h * 60}") for h in texts.hours_of_day]
            clock = moment(self.clock(), plan.zone, locale).zone
            return Reply(r.text(t.ask_hour).format(clock=clock), [*rows(buttons, 3), cancel])
        # A typed "да" / "turn on" here starts them; anything else is told they are not on.
        session.awaiting = CONFIRM
        lines = shared_lines(texts, plan, r.lang, r.country_name)
        body = "\n".join([r.text(t.confirm), *(f"• {line}" for line in lines)])
        body += "\n\n" + schedule(r, texts, plan)
        # When the first one comes, on their clock: a time in the night is seen now, and
        # changed, rather than missed in one's sleep and alerted.
        first = when(r.tr, plan.first(self.clock()), plan.zone)
        body += "\n\n" + r.text(t.confirm_when).format(next=first)
        return Reply(body, [[Button(r.text(t.button_start), f"{PREFIX}go")],
                            [Button(r.text(t.button_time), f"{PREFIX}t")], cancel])


    def country_clocks(self, plan: CheckinPlan) -> bool:
        """Whether the zone step offers the destination's own clocks (it keeps several)."""
        return len(self._zones.choices(plan.country, self.clock())) > 1

    def zone_offered(self, plan: CheckinPlan, zone: str) -> bool:
        """Whether `zone` is one the zone step may take (a payload is never trusted)."""
        if self.country_clocks(plan):
            return self._zones.belongs(plan.country, zone)
        return self._zones.known(zone)


def clock_label(zone: str, now: float, locale: Locale | str) -> str:
    """"11:00 · Варшава (UTC+1)": the time the zone's clock shows now, its city and offset."""
    shown = moment(now, zone, locale)
    offset = datetime.fromtimestamp(now, UTC).astimezone(ZoneInfo(zone)).utcoffset()
    return f"{shown.time} · {shown.zone} ({offset_label(offset or timedelta(0))})"


def screen_tag(plan: CheckinPlan) -> str:
    """Eight hex digits for what a setup screen shows (the step and the settings so far): the
    confirm screen's "Turn on" is taken only while that screen's settings are the draft's, so
    an older screen's button never starts other settings (a digest, not the settings)."""
    shown = repr([getattr(plan, name) for name in SHOWN]).encode("utf-8")
    return hashlib.blake2s(shown, digest_size=4).hexdigest()


def tagged(reply: Reply, plan: CheckinPlan) -> Reply:
    """`reply` with the screen's tag on every setup button (not the answers to a check-in)."""
    tag = screen_tag(plan)
    reply.buttons = [[Button(b.label, f"{b.payload}{TAG}{tag}", b.url)
                      if b.payload and b.payload.startswith(PREFIX) else b for b in row]
                     for row in reply.buttons]
    return reply


def skip_rows(r: Replies, texts: Checkin) -> list[list[Button]]:
    """"Skip" and "Cancel" under a question that waits for a typed name or contact."""
    t = texts.texts
    return [[Button(r.text(t.button_skip), f"{PREFIX}skip")],
            [Button(r.text(t.button_cancel), f"{PREFIX}x")]]


def status(r: Replies, texts: Checkin, plan: CheckinPlan) -> Reply:
    """/checkin while a plan runs: the waiting question again, else when next and until; a
    plan stopped or over whose end the team is still to hear of (`ended`) is off."""
    if plan.phase in ("asked", "alerted"):  # a check-in waits for its answer: ask again
        return Reply(r.text(texts.texts.question), answer_buttons(texts, plan, r.lang))
    if plan.phase == "ended":  # "Check-ins are on until…" just after "Stop asking" was wrong
        return r.main_menu(r.text(texts.texts.stopped))
    text = r.text(texts.texts.active).format(
        next=when(r.tr, plan.next_at, plan.zone), until=when(r.tr, plan.ends_at, plan.zone))
    stop = [Button(r.text(texts.texts.button_stop), f"{PREFIX}stop{TAG}{plan_tag(plan)}")]
    return Reply(text, [stop, [r.action_button("menu")]])


def shared_lines(texts: Checkin, plan: CheckinPlan, language: str,
                 country_name: Callable[[str], str]) -> list[str]:
    """Exactly what the operators will see about a missed check-in, in `language`."""
    t = texts.texts
    lines = []
    if plan.country:
        lines.append(t.share_country.get(language).strip().format(value=country_name(plan.country)))
    if plan.share_location:
        lines.append(t.share_location.get(language).strip())
    if plan.employer:
        lines.append(t.share_employer.get(language).strip().format(value=plan.employer))
    if plan.contact:
        lines.append(t.share_contact.get(language).strip().format(value=plan.contact))
    return lines or [t.share_nothing.get(language).strip()]


def schedule(r: Replies, texts: Checkin, plan: CheckinPlan) -> str:
    """How often, for how long and how long an answer is waited for, as the plan holds them
    ("Между проверками: 3 дня"): what the person typed, read back."""
    t = texts.texts
    duration = span(r, texts, plan.duration_s)
    if plan.until is not None:  # an end date typed: "до 15 января"
        duration = r.text(t.until_label).format(date=r.tr.date(plan.until, "d MMMM y"))
    return r.text(t.confirm_schedule).format(
        interval=span(r, texts, plan.interval_s), duration=duration,
        grace=span(r, texts, plan.grace_s))


def span(r: Replies, texts: Checkin, seconds: int) -> str:
    """`seconds` in the largest whole unit (weeks, days, else hours), with the plural form
    Babel's rules for the language pick from content ("2 тыдні", "5 дзён", "1 hour")."""
    t = texts.texts
    unit, size = next(((u, n) for u, n in ((t.unit_week, WEEK), (t.unit_day, DAY))
                       if seconds >= n and seconds % n == 0), (t.unit_hour, HOUR))
    return r.tr.counted(r.text(unit), round(seconds / size))


def when(tr: Translator, at: float, zone: str | None) -> str:
    """`at` (epoch seconds) as the person reads it: in their clock with its city, else UTC."""
    shown = moment(at, zone, tr.locale)
    if shown.local:
        return tr.gettext(WHEN_LOCAL).format(date=shown.date, time=shown.time, city=shown.zone)
    return tr.gettext(WHEN_UTC).format(date=shown.date, time=shown.time)


def end_wait(turn: Turn) -> None:
    """Only our own wait ends: an open offer of a human (or another question) stays open."""
    if turn.session.awaiting in WAITS:
        turn.session.awaiting = None


def rows(buttons: list[Button], width: int = 2) -> list[list[Button]]:
    return [buttons[i:i + width] for i in range(0, len(buttons), width)]
