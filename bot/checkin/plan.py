"""One person's check-in plan: what to ask when, what they agreed to share, and its phase.

Times are seconds since the epoch (the injectable clock's). Phases:
  draft    the setup is under way (not scheduled)
  waiting  the next check-in is due at `next_at`
  asked    the question went out at `asked_at`; missed when `next_at` (asked + grace) passes
  alerted  missed: the operators were alerted; waits for a late answer until the key expires
  ended    stopped after an alert: only the late answer's notice to the operators is left
`late` holds an answer given after the alert ("ok", "help", "stop") until the operators are told;
once alerted (`reported`), a later "stop" is told to them as well.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from typing import Literal

from pydantic import BaseModel, Field

from bot.checkin.timezones import zone_of

Phase = Literal["draft", "waiting", "asked", "alerted", "ended"]
Answer = Literal["ok", "help", "stop"]
DAY = 24 * 3600
WEEK = 7 * DAY
HOUR = 3600
# Past the plan's end and grace, the key lives this much longer: a late answer is still known.
AFTER_END = DAY
DRAFT_TTL = DAY  # an unfinished setup is forgotten after a day
SetupStep = Literal["interval", "duration", "grace", "country", "zone", "location", "employer",
                    "contact", "confirm", "hour"]


class CheckinPlan(BaseModel):
    """The plan as stored (JSON under `smb:checkin:<user_key>`). `seq` grows with every write,
    so a writer that read an older copy cannot overwrite a newer one (see store.py)."""

    seq: int = 0
    phase: Phase = "draft"
    step: SetupStep = "interval"
    chat_key: str  # where to ask: the transport's chat address, needed to write first
    language: str
    interval_s: int = 0
    duration_s: int = 0
    grace_s: int = 0
    started_at: float = 0.0
    ends_at: float = 0.0  # no check-in is asked after this
    # An end date typed for "how long?" ("до 15 января"): the check-ins end when that day
    # ends on the person's clock; None: `duration_s` after the start.
    until: date | None = None
    next_at: float = 0.0
    asked_at: float = 0.0
    undelivered: bool = False  # the last question was refused (the bot is blocked)
    late: Answer | None = None
    last_answer: Answer | None = None  # to the question asked at `asked_at`
    # The operators were alerted of a missed check-in of these check-ins: "Stop asking" is
    # then told to them too, even after a late answer put the plan back to waiting.
    reported: bool = False
    # The person's clock (IANA name): times they see are shown in it; None: shown in UTC.
    zone: str | None = None
    # The time of day to ask, minutes after midnight on the person's clock (`zone`, else UTC),
    # every whole `interval` days; None: one interval after the setup (and after each answer).
    at_minute: int | None = Field(default=None, ge=0, lt=24 * 60)
    slot_at: float = 0.0  # the moment the last question was due (its day, for the next one)
    # Shared with the operators only after a missed check-in, only what was agreed.
    country: str | None = None  # the destination they gave before leaving
    # Named in a message with the settings ("каждые 3 дня на 2 недели в Польшу"): the
    # destination's screen is skipped.
    country_named: bool = False
    share_location: bool = False  # also the last country they told the bot they were in
    employer: str | None = Field(default=None, max_length=500)
    contact: str | None = Field(default=None, max_length=500)

    @property
    def scheduled(self) -> bool:
        return self.phase in ("waiting", "asked") or self.late is not None

    def ttl(self, now: float) -> int:
        """Seconds the key must live: the setup a day; a plan until its end, grace and a day."""
        if self.phase == "draft":
            return DRAFT_TTL
        return max(int(self.ends_at + self.grace_s + AFTER_END - now), HOUR)

    def due(self) -> float | None:
        """When the scheduler must look at this plan next (None: not scheduled)."""
        if self.late is not None:
            return 0.0  # at once: the operators are waiting to hear
        return self.next_at if self.phase in ("waiting", "asked") else None

    def start(self, now: float) -> None:
        self.phase, self.started_at = "waiting", now
        self.next_at = self.first(now)
        self.ends_at = now + self.duration_s
        if self.until is not None:
            self.ends_at = self.until_end()
        if self.at_minute is not None:
            # At least one check-in: once a week at 21:00, set up at 10:00 for one week, has
            # its first a few hours after the week's end.
            self.ends_at = max(self.ends_at, self.next_at)

    def until_end(self) -> float:
        """When the `until` day ends on the person's clock (their zone, else UTC)."""
        day = (self.until or date.min) + timedelta(days=1)
        return datetime.combine(day, clock_time(0, 0), zone_of(self.zone) or UTC).timestamp()

    def first(self, now: float) -> float:
        """When the first check-in comes if the plan starts at `now`."""
        minute = self.at_minute
        if minute is None:
            return now + self.interval_s
        return self._at(self._day(now) + timedelta(days=self._days()), minute)

    def answered(self, now: float) -> bool:
        """An "all right": the next check-in is the next slot after `now` on the plan's own
        time of day (the chosen one, else the first check-in's, on the person's clock), on
        the cadence counted from the day the last one was due, however late the answer came:
        a late answer never moves the check-ins (and the alerts) towards the night. False
        when the plan is over."""
        self.undelivered = False
        minute = self._minute()
        if minute is not None:
            step = timedelta(days=self._days())
            day = self._day(self.slot_at or self.asked_at or now) + step
            while self._at(day, minute) <= now:  # answered very late: the next one to come
                day += step
            following = self._at(day, minute)
        else:  # a cadence of hours: the next of its slots
            following = (self.slot_at or self.asked_at or now) + self.interval_s
            while following <= now:
                following += self.interval_s
        if following > self.ends_at:
            return False
        self.phase, self.next_at = "waiting", following
        return True

    def _minute(self) -> int | None:
        """The time of day check-ins keep, minutes after midnight on the person's clock: the
        chosen one, else the first check-in's (one interval after the setup) when the
        interval is whole days; None for a cadence of hours."""
        if self.at_minute is not None:
            return self.at_minute
        if self.interval_s % DAY or not self.started_at:
            return None
        first = datetime.fromtimestamp(self.started_at + self.interval_s,
                                       zone_of(self.zone) or UTC)
        return first.hour * 60 + first.minute

    def _days(self) -> int:
        """The interval in whole days (a time of day repeats on days, not on hours)."""
        return max(1, round(self.interval_s / DAY))

    def _day(self, at: float) -> date:
        """The person's calendar day at `at` (on their clock)."""
        return datetime.fromtimestamp(at, zone_of(self.zone) or UTC).date()

    def _at(self, day: date, minute: int) -> float:
        """`minute` (after midnight) on `day`, on the person's clock, as epoch seconds (a time
        skipped by a daylight-saving change counts as the hour after it, by wall clock)."""
        hours, minutes = divmod(minute, 60)
        local = datetime.combine(day, clock_time(hours, minutes), zone_of(self.zone) or UTC)
        return local.timestamp()
