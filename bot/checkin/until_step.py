"""An end date typed at the check-in setup ("до конца декабря", "until 15 January", "да 1
сакавіка"): the plan ends that day, or the step asks plainly (a date that has passed, one too
far ahead, one that is no date). The words are read by typed_until.py."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from babel import Locale
from babel.dates import format_date

from bot.checkin.plan import HOUR, CheckinPlan
from bot.checkin.typed_until import Until, read_until
from bot.content.models import Checkin
from bot.core.events import Reply
from bot.core.turn import Turn

__all__ = ["day_label", "names_until", "take_until", "until_rest"]


def _today(now: float) -> date:
    return datetime.fromtimestamp(now, UTC).date()


def _read(text: str, texts: Checkin, now: float) -> Until | None:
    return read_until(text, texts.words.until, _today(now), texts.until_most_days)


def names_until(text: str, texts: Checkin | None, now: float) -> bool:
    """Whether the text is wholly an end date (readable or not): a setup step takes it."""
    found = _read(text, texts, now) if texts is not None else None
    return found is not None and not found.rest.strip(" ,.;!?")


def until_rest(text: str, texts: Checkin, now: float) -> str | None:
    """The text without the end date it names ("каждые 3 дня | до 15 января"), or None when
    it names none (a cue alone, "до никогда", is none here)."""
    found = _read(text, texts, now)
    return None if found is None or found.cue_only else found.rest


def day_label(day: date, locale: Locale, now: float) -> str:
    """"15 января", "1 сакавіка 2028": the year only when it is not this one."""
    pattern = "d MMMM" if day.year == _today(now).year else "d MMMM y"
    return format_date(day, pattern, locale=locale)


def take_until(turn: Turn, texts: Checkin, plan: CheckinPlan, text: str,
               now: float) -> str | None:
    """The end date a message names, set on the draft (its duration: until that day ends),
    or, for one that cannot be taken, the question why under the step; the rest of the
    message (its other settings) is returned. None when the message names no end date (at
    another step than "how long?", a date that is no date is not looked for)."""
    found = _read(text, texts, now)
    if found is None or (found.cue_only and plan.step != "duration"):
        return None
    r = turn.r
    if found.day is not None:
        plan.until = found.day
        plan.duration_s = max(HOUR, int(plan.until_end() - now))
        return found.rest
    template = {"past": texts.texts.until_past, "far": texts.texts.until_too_far,
                "unreadable": texts.texts.until_unreadable}[found.problem or "unreadable"]
    last = _today(now) + timedelta(days=texts.until_most_days)
    turn.replies.append(Reply(r.text(template).format(date=day_label(last, r.tr.locale, now))))
    return found.rest
