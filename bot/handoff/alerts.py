"""What operators see: the alert, the case buttons, the outcome question (plain text, escaped
by the messenger). Operator-facing, so English; nothing here names or identifies the person."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.events import Button, Reply
from bot.handoff.cases import Case

PREFIX = "op"
REASONS = {"risk": "risk found", "request": "asked for a person", "self_check": "self-check"}
OUTCOMES: dict[str, str] = {
    "referred": "Referred to a hotline",
    "advice": "Advice given",
    "no_risk": "No risk",
    "unreachable": "Unreachable",
}


@dataclass(frozen=True, slots=True)
class Press:
    """A parsed operator button: `op:<action>:<case>[:<outcome>]`."""

    action: str
    case_id: str
    outcome: str = ""


def parse_press(payload: str | None) -> Press | None:
    """The operator action in a callback payload, or None if it is not one of ours."""
    parts = (payload or "").split(":")
    if len(parts) < 3 or parts[0] != PREFIX:
        return None
    return Press(parts[1], parts[2], parts[3] if len(parts) > 3 else "")


def case_buttons(case_id: str) -> list[list[Button]]:
    """Take / Close / Not at risk (each payload well under Telegram's 64 bytes)."""
    return [[
        Button("✋ Take", f"{PREFIX}:take:{case_id}"),
        Button("✖ Close", f"{PREFIX}:close:{case_id}"),
        Button("Not at risk", f"{PREFIX}:norisk:{case_id}"),
    ]]


def outcome_reply(case: Case) -> Reply:
    """Ask for the outcome: it goes into the anonymous counters for the NGO's reports."""
    buttons = [[Button(label, f"{PREFIX}:out:{case.id}:{key}")] for key, label in OUTCOMES.items()]
    return Reply(f"Case {case.pseudonym} is closed. What was the outcome?", buttons)


def alert_reply(case: Case, *, escalation: int = 0, topic_mode: bool = False) -> Reply:
    """The alert: pseudonym, language, country, risk, indicators, answers, waiting time."""
    head = f"🆘 New case: {case.pseudonym}"
    if escalation:
        head = f"⏰ ESCALATED ({escalation}): nobody has taken {case.pseudonym} yet"
    lines = [
        head,
        f"Reason: {REASONS.get(case.reason, case.reason)}",
        f"Language: {case.language or 'unknown'} · Country: {case.country or 'unknown'}",
        f"Risk level: {case.risk_level or 'unknown'}",
        f"Indicators: {', '.join(case.indicators) if case.indicators else 'none seen'}",
    ]
    if case.summary:
        lines.append("Answers:")
        lines.extend(f"• {line}" for line in case.summary)
    if case.user_text:
        lines.append(f"They wrote (shared with consent): {case.user_text}")
    lines.append(f"Waiting: {case.waited_min} min")
    if topic_mode:
        lines.append("Write in this topic to answer the person; press Take first.")
    else:
        lines.append("Reply to this message to answer the person; press Take first.")
    lines.append(f"Case #{case.id}")
    return Reply("\n".join(lines), case_buttons(case.id))


def note(text: str) -> Reply:
    """A short status line in the case (taken by, ended by the person, ...)."""
    return Reply(text)
