"""A handoff case as operators see it (a pseudonym, never an id), and its form in Redis."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Literal

from bot.core.events import OperatorAlert

State = Literal["new", "taken", "closed"]


@dataclass(slots=True)
class Case:
    """One person's request for a human, as operators see it (a pseudonym, never an id)."""

    id: str
    user_key: str
    pseudonym: str
    reason: str
    language: str
    country: str = ""
    risk_level: str = ""
    indicators: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    user_text: str = ""  # only when the person agreed; dropped once the first alert is posted
    state: State = "new"
    operator: int = 0
    operator_name: str = ""  # the operator's Telegram first name (staff, not the person)
    thread_id: int = 0  # the forum topic in topic mode
    alert_msg: int = 0  # the first alert message in the operators' chat
    alert_edit: int = 0  # that message, when an edit can redraw it whole (else 0: post notes)
    created: float = 0.0
    taken_at: float = 0.0
    closed_at: float = 0.0
    closed_by: str = ""  # an operator's id, "person" (/stop) or "erased" (/delete)
    closed_name: str = ""  # the closing operator's first name
    outcome: str = ""
    unreachable: bool = False  # the person blocked the bot: "unreachable" is the likely outcome
    # An operator's message reached the person: a silent case (code word, missed check-in) is
    # from then on a conversation their phone shows (bot/handoff/alerts.py: `unannounced`).
    spoken: bool = False
    # /delete was written on a phone under a silent alarm: the case no longer leads to the
    # person, and stays open for operators (bot/handoff/erased.py).
    erased: bool = False
    posted: int = -1  # the last alert number posted (0 the first, then escalations)
    reopened: int = 0  # the alert number that announced the person's reopening (0: none)
    # The last alert number whose sendMessage was started: above `posted`, that post's end is
    # unknown (the process died or Redis failed before the result was recorded).
    posting: int = -1

    @classmethod
    def from_alert(cls, alert: OperatorAlert, *, id: str, user_key: str,
                   pseudonym: str) -> Case:
        """A new case holding what the alert says."""
        return cls(
            id=id, user_key=user_key, pseudonym=pseudonym, reason=alert.reason,
            language=alert.language, country=alert.country or "",
            risk_level=alert.risk_level or "", indicators=list(alert.indicators),
            summary=list(alert.summary), user_text=alert.user_text or "", created=time.time(),
        )

    @property
    def waited_min(self) -> int:
        return max(0, int((time.time() - self.created) // 60))

    def to_redis(self) -> dict[str, str]:
        fields = {
            "id": self.id, "user_key": self.user_key, "pseudonym": self.pseudonym,
            "reason": self.reason, "language": self.language, "country": self.country,
            "risk_level": self.risk_level, "indicators": "\n".join(self.indicators),
            "summary": "\n".join(self.summary), "user_text": self.user_text,
            "state": self.state, "operator": str(self.operator), "thread_id": str(self.thread_id),
            "alert_msg": str(self.alert_msg), "alert_edit": str(self.alert_edit),
            "created": repr(self.created), "taken_at": repr(self.taken_at),
            "closed_at": repr(self.closed_at), "closed_by": self.closed_by,
            "operator_name": self.operator_name, "closed_name": self.closed_name,
        }
        if self.unreachable:
            fields["unreachable"] = "1"
        if self.spoken:
            fields["spoken"] = "1"
        if self.erased:
            fields["erased"] = "1"
        if self.posted >= 0:
            fields["posted"] = str(self.posted)
        if self.reopened:
            fields["reopened"] = str(self.reopened)
        if self.posting >= 0:
            fields["posting"] = str(self.posting)
        if self.outcome:  # absent until recorded: HSETNX lets only the first press count
            fields["outcome"] = self.outcome
        return fields

    @classmethod
    def from_redis(cls, raw: dict[str, str]) -> Case:
        def lines(name: str) -> list[str]:
            return [line for line in raw.get(name, "").split("\n") if line]

        return cls(
            id=raw["id"], user_key=raw.get("user_key", ""), pseudonym=raw.get("pseudonym", ""),
            reason=raw.get("reason", ""), language=raw.get("language", ""),
            country=raw.get("country", ""), risk_level=raw.get("risk_level", ""),
            indicators=lines("indicators"), summary=lines("summary"),
            user_text=raw.get("user_text", ""), state=raw.get("state", "new"),  # type: ignore[arg-type]
            operator=int(raw.get("operator") or 0), thread_id=int(raw.get("thread_id") or 0),
            alert_msg=int(raw.get("alert_msg") or 0),
            alert_edit=int(raw.get("alert_edit") or 0), created=float(raw.get("created") or 0),
            taken_at=float(raw.get("taken_at") or 0), closed_at=float(raw.get("closed_at") or 0),
            closed_by=raw.get("closed_by", ""), outcome=raw.get("outcome", ""),
            operator_name=raw.get("operator_name", ""), closed_name=raw.get("closed_name", ""),
            unreachable=raw.get("unreachable") == "1", spoken=raw.get("spoken") == "1",
            erased=raw.get("erased") == "1",
            posted=int(raw.get("posted") or -1),
            reopened=int(raw.get("reopened") or 0), posting=int(raw.get("posting") or -1),
        )
