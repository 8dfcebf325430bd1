"""Two facts the human offer's answer states: the risk level an operators' alert carries, and
when the team answers (bot/core/human_offer.py decides when they are said)."""

from __future__ import annotations

from babel.dates import get_timezone_location

from bot.config import OperatorSettings
from bot.content.models import Flow
from bot.core import flows
from bot.core.session import Session
from bot.i18n import Translator


def risk_level(session: Session, flow: Flow | None, reason: str) -> str | None:
    """The alert's risk level: "high" for the person's own risk, else the questionnaire's
    result ("low"/"medium"/"high"), None when there is neither."""
    level = None
    if flow is not None and session.flow is not None and session.flow.answers:
        level = flows.evaluate(flow, session.flow.answers).level.level
    if reason == "risk" or (session.at_risk and reason == "request"):
        return "high"
    return level or ("high" if session.at_risk else None)


def team_hours(operators: OperatorSettings, tr: Translator) -> str:
    """When the team answers, in the person's locale ("с 9:00 до 18:00"); "" without hours."""
    span = operators.span
    if span is None:
        return ""
    start, end = span
    try:
        city = get_timezone_location(operators.timezone, locale=tr.locale, return_city=True)
    except LookupError:
        city = operators.timezone
    return tr.gettext("Our team usually answers from {start} to {end} ({city} time).").format(
        start=tr.time(start),
        end=tr.time(end),
        city=city,
    )
