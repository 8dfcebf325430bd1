"""What operators see: the alert, the case buttons, the outcome question (plain text, escaped
by the messenger), in OPERATOR_LANGUAGE with labels instead of codes (see `labels`). Nothing
here names or identifies the person: they are a pseudonym; operators (staff) by their name."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from bot.core.commands import command_name
from bot.core.events import Button, OperatorAlert, Reply
from bot.core.silent_alarm import INDICATOR as SILENT_ALARM
from bot.handoff.case import Case
from bot.handoff.labels import OUTCOMES, OperatorTexts
from bot.i18n import N_

SUGGEST_UNREACHABLE = N_("The person has blocked the bot: the outcome is probably Unreachable.")
# The note markers: an operator's message in a case starting with one stays in the topic.
NOTE_MARKERS = ("!", "/note")
HELP_TOPIC = N_("Write in this topic to answer the person; press Take first. Start a message "
                "with ! or /note for a note only colleagues see.")
HELP_REPLY = N_("Reply to this message to answer the person; press Take first. Start a reply "
                "with ! or /note for a note only colleagues see.")
HELP_TAKEN_TOPIC = N_("Write in this topic to answer the person (! or /note: a note only "
                      "colleagues see).")
HELP_TAKEN_REPLY = N_("Reply to this message to answer the person (! or /note: a note only "
                      "colleagues see).")

PREFIX = "op"
# A case's button pressed outside the operators' chat (an alert left in a chat that is no
# longer OPERATOR_CHAT_ID, one forwarded elsewhere): the press changes nothing.
PRESS_ELSEWHERE = N_("These buttons work only in the team's chat. Nothing was changed.")


def is_note(text: str | None) -> bool:
    """Whether an operator's message (or caption) is an internal note: `!...` or `/note ...`
    (also `/NOTE` and `/note@Bot`, which the transport has already reduced to `/note`)."""
    return (text or "").lstrip().startswith("!") or command_name(text) == "/note"


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


def case_buttons(case_id: str, texts: OperatorTexts, *, take: bool = True
                 ) -> list[list[Button]]:
    """Take / Close / Not at risk; once taken, Close / Not at risk and Hand over (each payload
    well under Telegram's 64 bytes)."""
    row = [
        Button("✋ " + texts.text(N_("Take")), f"{PREFIX}:take:{case_id}"),
        Button("✖ " + texts.text(N_("Close")), f"{PREFIX}:close:{case_id}"),
        Button(texts.text(N_("Not at risk")), f"{PREFIX}:norisk:{case_id}"),
    ]
    if take:
        return [row]
    # Taken: the one who has it may hand it to a colleague (the list comes in the case).
    return [row[1:], [Button("🔀 " + texts.text(N_("Hand over")), f"{PREFIX}:xfer:{case_id}")]]


def outcome_buttons(case_id: str, texts: OperatorTexts, *, unreachable: bool = False
                    ) -> list[list[Button]]:
    """One button per outcome; Unreachable first when the person has blocked the bot."""
    keys = sorted(OUTCOMES, key=lambda key: key != "unreachable") if unreachable else OUTCOMES
    return [[Button(texts.outcome(key), f"{PREFIX}:out:{case_id}:{key}")] for key in keys]


def outcome_reply(case: Case, texts: OperatorTexts) -> Reply:
    """Ask for the outcome: it goes into the anonymous counters for the NGO's reports."""
    text = texts.text(N_("Case {case} is closed. What was the outcome?"), case=case.pseudonym)
    if case.unreachable:
        text += "\n" + texts.text(SUGGEST_UNREACHABLE)
    return Reply(text, outcome_buttons(case.id, texts, unreachable=case.unreachable))


def alert_lines(case: Case, texts: OperatorTexts) -> list[str]:
    """The alert's head and details, for the plain alert posted without a queue or relay."""
    return ["🆘 " + texts.text(N_("New case: {case}"), case=case.pseudonym),
            *_details(case, texts)]


def silent_case(case: Case) -> bool:
    """A missed check-in or a silent alarm: the person did not write to us just now, so the
    case knows only the last country they named (maybe long ago), and someone else may be
    holding their phone."""
    return case.reason == "checkin" or SILENT_ALARM in case.indicators


def unannounced(case: Case) -> bool:
    """A silent case no operator has written in to the person yet: nothing on their phone says
    a team is involved, so the bot speaks there as if there were no case (ordinary replies, no
    queue, no "taken" or "closed"), and only an operator's own message changes that."""
    return silent_case(case) and not case.spoken


def _details(case: Case, texts: OperatorTexts) -> list[str]:
    unseen = silent_case(case)
    reason = texts.reason(case.reason)
    if SILENT_ALARM in case.indicators:  # not a risk the triage found: their code word
        reason = texts.text(N_("silent alarm: they wrote their code word"))
    country = N_("Language: {language} · Country: {country}")
    if unseen:  # never taken for where they are now
        country = (N_("Language: {language} · Last country they named: {country}")
                   if case.country else N_("Language: {language} · Where they are now: not known"))
    lines = [
        texts.text(N_("Reason: {reason}"), reason=reason),
        texts.text(country, language=texts.person_language(case.language),
                   country=texts.country(case.country)),
        texts.text(N_("Risk level: {level}"), level=texts.risk_level(case.risk_level)),
        texts.text(N_("Warning signs: {signs}"), signs=texts.indicators(case.indicators)),
    ]
    if unseen:
        lines.append("⚠️ " + texts.text(N_(
            "Someone else may be holding their phone: anything written to them can be seen.")))
    if case.erased:
        lines.append("🔕 " + texts.text(N_(
            "Their data was erased by /delete on their phone, maybe not by them: the bot can no "
            "longer reach them.")))
    if case.summary:
        lines.append(texts.text(N_("What they agreed in advance to show:") if case.reason ==
                                "checkin" else N_("Answers:")))
        lines.extend(f"• {line}" for line in case.summary)
    if case.user_text:
        lines.append(texts.text(N_("They wrote (shared with consent): {text}"),
                                text=case.user_text))
    return lines


def silent_note(case: Case, alert: OperatorAlert, texts: OperatorTexts) -> Reply:
    """A silent alert (the code word) for a person whose case is already open: its details
    posted in that case, since a second case is never opened for one person."""
    raised = Case.from_alert(alert, id=case.id, user_key="", pseudonym=case.pseudonym)
    head = "🔕 " + texts.text(N_("{case}: a silent alert in this open case. Nothing about it "
                                 "was shown on their phone."), case=case.pseudonym)
    return Reply("\n".join([head, *_details(raised, texts)]))


def facts_note(case: Case, alert: OperatorAlert, texts: OperatorTexts) -> Reply:
    """What the person agreed to pass on while their case was already open (after a missed
    check-in, a code word, or an earlier ask): the new alert's details, posted in that case,
    since a second case is never opened for one person (the case record takes its facts)."""
    raised = Case.from_alert(alert, id=case.id, user_key="", pseudonym=case.pseudonym)
    head = "📝 " + texts.text(N_("{case} agreed to pass this on while the case was open:"),
                              case=case.pseudonym)
    return Reply("\n".join([head, *_details(raised, texts)]))


def ad_note(case: Case, alert: OperatorAlert, texts: OperatorTexts) -> Reply:
    """A job ad the person checked in the bot while their case is open: its red flags (by id)
    and the level they were told, posted in that case; the ad's text was never kept."""
    raised = Case.from_alert(alert, id=case.id, user_key="", pseudonym=case.pseudonym)
    head = "📋 " + texts.text(N_("{case} checked a job ad in the bot. The ad's text is not "
                                 "kept: only its red flags and the risk level they were shown."),
                              case=case.pseudonym)
    return Reply("\n".join([head, *_details(raised, texts)]))


def _alert_id(case: Case, escalation: int) -> str:
    """The case id, and the escalation number after a slash (an escalation is its own post)."""
    return f"{case.id}/{escalation}" if escalation else case.id


def _case_line(case: Case, texts: OperatorTexts) -> str:
    return texts.text(N_("Case #{id}"), id=case.id)


def escalation_count(case: Case, escalation: int) -> int:
    """Which escalation of the case's current life this is (1 for the first): alert numbers
    run on across a reopening, whose announcement is number `case.reopened`, so a reopened
    case counts its escalations from there, like a new case."""
    if case.reopened and escalation > case.reopened:
        return escalation - case.reopened
    return escalation


def alert_reply(case: Case, texts: OperatorTexts, *, escalation: int = 0,
                topic_mode: bool = False, reopened: bool = False,
                repeat: bool = False) -> Reply:
    """The alert: pseudonym, language, country, risk, warning signs, answers, waiting time.

    `reopened`: the person asked again within the reopen window, in the case's own topic.
    `repeat`: an earlier post of this very alert may have arrived (it was interrupted before
    its result was known); the alert says so, so operators see one case, not two.
    """
    head = "🆘 " + texts.text(N_("New case: {case}"), case=case.pseudonym)
    if reopened:
        head = "🔁 " + texts.text(N_("{case} asked for a person again: the case is reopened"),
                                  case=case.pseudonym)
    elif escalation:
        head = "⏰ " + texts.text(N_("ESCALATED ({n}): nobody has taken {case} yet"),
                                  n=escalation_count(case, escalation), case=case.pseudonym)
    lines = [head]
    if repeat:
        lines.append("⚠️ " + texts.text(N_(
            "Possibly a repeat of alert #{id}: posting it was interrupted before we knew "
            "whether it arrived. The same case, not a new one."), id=_alert_id(case, escalation)))
    lines += [*_details(case, texts),
             texts.text(N_("Waiting: {minutes} min"), minutes=case.waited_min)]
    lines.append(texts.text(HELP_TOPIC if topic_mode else HELP_REPLY))
    lines.append(_case_line(case, texts))
    return Reply("\n".join(lines), case_buttons(case.id, texts))


def operator_name(case: Case, texts: OperatorTexts, *, closer: bool = False) -> str:
    """Who took (or closed) the case: their Telegram first name, else a neutral word."""
    name = case.closed_name if closer else case.operator_name
    return name or texts.text(N_("an operator"))


def status_reply(case: Case, tz: tzinfo, texts: OperatorTexts, *,
                 ask_outcome: bool = False) -> Reply:
    """The first alert redrawn after Take, Close or the outcome: the details, who took it and
    when, how it ended; the buttons that still apply (outcome buttons only if `ask_outcome`).

    A closed case no longer keeps the answers, so once the outcome is recorded they are gone
    from the alert too.
    """
    def at(stamp: float) -> str:
        return datetime.fromtimestamp(stamp, tz).strftime("%H:%M")

    lines = ["🆘 " + texts.text(N_("New case: {case}"), case=case.pseudonym),
             *_details(case, texts)]
    end = case.taken_at or case.closed_at
    if end:
        lines.append(texts.text(N_("Waited: {minutes} min"),
                                minutes=max(0, int((end - case.created) // 60))))
    if case.state == "taken":
        lines.append(texts.text(HELP_TAKEN_TOPIC if case.thread_id else HELP_TAKEN_REPLY))
    if case.operator and case.taken_at:
        lines.append("✅ " + texts.text(N_("Taken by {name} at {time}"),
                                        name=operator_name(case, texts), time=at(case.taken_at)))
    buttons: list[list[Button]] = []
    if case.state == "taken":
        buttons = case_buttons(case.id, texts, take=False)
    elif case.state == "closed":
        when = at(case.closed_at) if case.closed_at else "?"
        if case.closed_by == "person":
            lines.append("✖ " + texts.text(N_("The person ended the conversation at {time}"),
                                           time=when))
        elif case.closed_by == "erased":
            lines.append("✖ " + texts.text(
                N_("The person erased their data at {time}; the conversation ended"), time=when))
        else:
            lines.append("✖ " + texts.text(N_("Closed by {name} at {time}"),
                                           name=operator_name(case, texts, closer=True),
                                           time=when))
        if case.outcome:
            lines.append(texts.text(N_("Outcome: {outcome}"),
                                    outcome=texts.outcome(case.outcome)))
        elif ask_outcome:
            lines.append(texts.text(N_("What was the outcome?")))
            if case.unreachable:
                lines.append(texts.text(SUGGEST_UNREACHABLE))
            buttons = outcome_buttons(case.id, texts, unreachable=case.unreachable)
        else:
            lines.append(texts.text(N_("Outcome: not recorded yet")))
    lines.append(_case_line(case, texts))
    return Reply("\n".join(lines), buttons)
