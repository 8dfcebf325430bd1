"""The facts of an alert taken into the person's open case: where they are, the risk level and
the warning signs a later consent added (a missed check-in's case knows none of them), so the
case record, its escalations and the operators' note say what the person has since told."""

from __future__ import annotations

from bot.core.events import OperatorAlert
from bot.core.signs import unmarked
from bot.handoff.alerts import facts_note
from bot.handoff.case import Case
from bot.handoff.parts import HandoffParts

# Higher wins: a later "low" never lowers what an earlier alert found.
LEVELS = ("", "low", "medium", "high")


def _level(code: str | None) -> int:
    return LEVELS.index(code) if code in LEVELS else 0


def merged(case: Case, alert: OperatorAlert) -> dict[str, str]:
    """The case fields the alert changes (empty: it adds nothing the record lacks)."""
    fields: dict[str, str] = {}
    if alert.country and alert.country != case.country:
        fields["country"] = alert.country
    if alert.risk_level and _level(alert.risk_level) > _level(case.risk_level):
        fields["risk_level"] = alert.risk_level
    # One sign, one line: the alert's form of it (current, taken back, an ad's) is the latest
    # and replaces the record's; a sign the alert does not name stays (bot/core/signs.py).
    latest = {unmarked(i): i for i in alert.indicators}
    signs = [latest.pop(unmarked(i), i) for i in case.indicators]
    signs += [i for i in latest.values() if i not in signs]
    if signs != case.indicators:
        fields["indicators"] = "\n".join(signs)
    return fields


def adds_facts(alert: OperatorAlert) -> bool:
    """Whether the alert carries anything the operators should read (not a bare ask)."""
    return bool(alert.country or alert.risk_level or alert.indicators or alert.summary
                or alert.user_text)


async def take_facts(parts: HandoffParts, case: Case, alert: OperatorAlert) -> bool:
    """Update the case record with the alert's facts and post them in the case; False when
    the alert adds nothing new: a retried update finds its facts taken already, and the same
    ask twice ("yes" pressed again, its answers the same) is one alert, not a note each time."""
    fields = merged(case, alert)
    if not fields and not alert.user_text:
        return False
    if fields:
        await parts.cases.update(case.id, **fields)
        case.country = fields.get("country", case.country)
        case.risk_level = fields.get("risk_level", case.risk_level)
        if "indicators" in fields:
            case.indicators = fields["indicators"].split("\n")
    await parts.board.post(case, facts_note(case, alert, parts.board.labels))
    return True
