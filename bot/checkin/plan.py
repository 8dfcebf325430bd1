"""One person's check-in plan: what to ask when, what they agreed to share, and its phase.

Times are seconds since the epoch (the injectable clock's). Phases:
  draft    the setup is under way (not scheduled)
  waiting  the next check-in is due at `next_at`
  asked    the question went out at `asked_at`; missed when `next_at` (asked + grace) passes
  alerted  missed: the operators were alerted; waits for a late answer until the key expires
  ended    stopped after an alert: only the late answer's notice to the operators is left
`late` holds an answer given after the alert ("ok", "help", "stop") until the operators are told.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Phase = Literal["draft", "waiting", "asked", "alerted", "ended"]
Answer = Literal["ok", "help", "stop"]
DAY = 24 * 3600
WEEK = 7 * DAY
HOUR = 3600
# Past the plan's end and grace, the key lives this much longer: a late answer is still known.
AFTER_END = DAY
DRAFT_TTL = DAY  # an unfinished setup is forgotten after a day
SetupStep = Literal["interval", "duration", "grace", "country", "zone", "location", "employer",
                    "contact", "confirm"]


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
    next_at: float = 0.0
    asked_at: float = 0.0
    undelivered: bool = False  # the last question was refused (the bot is blocked)
    late: Answer | None = None
    last_answer: Answer | None = None  # to the question asked at `asked_at`
    # The person's clock (IANA name): times they see are shown in it; None: shown in UTC.
    zone: str | None = None
    # Shared with the operators only after a missed check-in, only what was agreed.
    country: str | None = None  # the destination they gave before leaving
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
        self.ends_at = now + self.duration_s
        self.next_at = now + self.interval_s

    def answered(self, now: float) -> bool:
        """An "all right": the next check-in after one interval; False when the plan is over."""
        self.undelivered = False
        following = now + self.interval_s
        if following > self.ends_at:
            return False
        self.phase, self.next_at = "waiting", following
        return True
