"""The human side (OPERATOR_*): the operators' chat and ids, opening hours and closures,
capacity and escalation, the language of notes to operators, blocks and reopening."""

from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings

from bot.config._base import env_config
from bot.opening_hours import parse_hours, parse_week


class OperatorSettings(BaseSettings):
    model_config = env_config("OPERATOR_")

    chat_id: int | None = None
    ids: str = ""  # comma-separated Telegram user ids
    # e.g. "09:00-18:00" or "mon-fri 09:00-13:00,14:00-18:00; sat 10:00-14:00"; empty: always.
    hours: str = ""
    # Public holidays (the `holidays` package) of this country are closed days, e.g. "PL".
    holidays_country: str = ""
    # A YAML file listing closures: `closures: [2026-12-24, {from: 2026-12-31, to: 2027-01-02}]`.
    closures_file: Path | None = None
    timezone: str = "Europe/Minsk"
    capacity: int = Field(default=5, ge=1)  # open cases per operator before the queue grows
    escalate_after_min: int = Field(default=10, ge=1)
    # The language of the bot's notes to operators (ru, be or en).
    language: Literal["ru", "be", "en"] = "en"
    # Relay what an admin posts anonymously (as the group) in a case; off: refuse with a note.
    anonymous_admins: bool = True
    # How long `/block` in a case blocks an abusive person (days; `/block 3` overrides).
    block_days: int = Field(default=7, ge=1, le=90)
    # How long after closing a case it can be reopened (days): an operator's /reopen, or the
    # person asking for a human again, continues the same case and topic; later, a new case.
    # For that long the person's link to the case and their chat address are kept (0: never).
    reopen_days: int = Field(default=3, ge=0, le=30)

    @field_validator("ids")
    @classmethod
    def _ids(cls, value: str) -> str:
        for part in filter(None, (p.strip() for p in value.split(","))):
            if not part.lstrip("-").isdigit():
                raise ValueError(f"{part!r} is not a numeric Telegram id")
        return value

    @field_validator("hours")
    @classmethod
    def _hours(cls, value: str) -> str:
        parse_week(value)
        return value

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not a known time zone: use an IANA name such as "
                             "Europe/Minsk or Europe/Vilnius") from None
        return value

    @property
    def id_set(self) -> frozenset[int]:
        return frozenset(int(p) for p in self.ids.split(",") if p.strip())

    @property
    def span(self) -> tuple[time, time] | None:
        """The week's first range as (start, end); None (empty) means around the clock.

        What the engine's "usually answers from ... to ..." says.
        """
        week = parse_week(self.hours)
        if week is not None:
            return next((ranges[0] for ranges in week if ranges), None)
        return parse_hours(self.hours)
