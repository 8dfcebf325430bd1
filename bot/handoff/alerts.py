"""What operators see: the alert, the case buttons, the outcome question (plain text, escaped
by the messenger). Operator-facing, so English; nothing here names or identifies the person."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo

from bot.core.events import Button, Reply
from bot.handoff.cases import Case
from bot.i18n import N_

SUGGEST_UNREACHABLE = N_("The person has blocked the bot: the outcome is probably Unreachable.")

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


def case_buttons(case_id: str, *, take: bool = True) -> list[list[Button]]:
    """Take / Close / Not at risk (each payload well under Telegram's 64 bytes)."""
    row = [
        Button("✋ Take", f"{PREFIX}:take:{case_id}"),
        Button("✖ Close", f"{PREFIX}:close:{case_id}"),
        Button("Not at risk", f"{PREFIX}:norisk:{case_id}"),
    ]
    return [row if take else row[1:]]


def outcome_buttons(case_id: str, *, unreachable: bool = False) -> list[list[Button]]:
    """One button per outcome; Unreachable first when the person has blocked the bot."""
    keys = sorted(OUTCOMES, key=lambda key: key != "unreachable") if unreachable else OUTCOMES
    return [[Button(OUTCOMES[key], f"{PREFIX}:out:{case_id}:{key}")] for key in keys]


def outcome_reply(case: Case, translate: Callable[[str], str] = str) -> Reply:
    """Ask for the outcome: it goes into the anonymous counters for the NGO's reports."""
    text = f"Case {case.pseudonym} is closed. What was the outcome?"
    if case.unreachable:
        text += "\n" + translate(SUGGEST_UNREACHABLE)
    return Reply(text, outcome_buttons(case.id, unreachable=case.unreachable))


def _details(case: Case) -> list[str]:
    lines = [
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
    return lines


def alert_reply(case: Case, *, escalation: int = 0, topic_mode: bool = False) -> Reply:
    """The alert: pseudonym, language, country, risk, indicators, answers, waiting time."""
    head = f"🆘 New case: {case.pseudonym}"
    if escalation:
        head = f"⏰ ESCALATED ({escalation}): nobody has taken {case.pseudonym} yet"
    lines = [head, *_details(case), f"Waiting: {case.waited_min} min"]
    if topic_mode:
        lines.append("Write in this topic to answer the person; press Take first.")
    else:
        lines.append("Reply to this message to answer the person; press Take first.")
    lines.append(f"Case #{case.id}")
    return Reply("\n".join(lines), case_buttons(case.id))


def status_reply(case: Case, tz: tzinfo, *, ask_outcome: bool = False,
                 translate: Callable[[str], str] = str) -> Reply:
    """The first alert redrawn after Take, Close or the outcome: the details, who took it and
    when, how it ended; the buttons that still apply (outcome buttons only if `ask_outcome`).

    A closed case no longer keeps the answers, so once the outcome is recorded they are gone
    from the alert too.
    """
    def at(stamp: float) -> str:
        return datetime.fromtimestamp(stamp, tz).strftime("%H:%M")

    lines = [f"🆘 New case: {case.pseudonym}", *_details(case)]
    end = case.taken_at or case.closed_at
    if end:
        lines.append(f"Waited: {max(0, int((end - case.created) // 60))} min")
    if case.state == "taken":
        if case.thread_id:
            lines.append("Write in this topic to answer the person.")
        else:
            lines.append("Reply to this message to answer the person.")
    if case.operator and case.taken_at:
        lines.append(f"✅ Taken by operator {case.operator} at {at(case.taken_at)}")
    buttons: list[list[Button]] = []
    if case.state == "taken":
        buttons = case_buttons(case.id, take=False)
    elif case.state == "closed":
        when = at(case.closed_at) if case.closed_at else "?"
        if case.closed_by == "person":
            lines.append(f"✖ The person ended the conversation at {when}")
        elif case.closed_by == "erased":
            lines.append(f"✖ The person erased their data at {when}; the conversation ended")
        else:
            lines.append(f"✖ Closed by operator {case.closed_by or '?'} at {when}")
        if case.outcome:
            lines.append(f"Outcome: {OUTCOMES.get(case.outcome, case.outcome)}")
        elif ask_outcome:
            lines.append("What was the outcome?")
            if case.unreachable:
                lines.append(translate(SUGGEST_UNREACHABLE))
            buttons = outcome_buttons(case.id, unreachable=case.unreachable)
        else:
            lines.append("Outcome: not recorded yet")
    lines.append(f"Case #{case.id}")
    return Reply("\n".join(lines), buttons)
