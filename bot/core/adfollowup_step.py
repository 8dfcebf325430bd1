"""The answer to a question about an offer right after its check (adflow17): "Што мне рабіць?
Яны хочуць каб я адказала сёння" is about the ad, whose pressure to decide is its red flag
(`rush`), not a danger the person is in now; "Ці варта ехаць?" is no answer to "which
country?". The flags found are said again with what to check, from the session's
`checked_ad` (flag ids and level only: the ad's text is never kept)."""

from __future__ import annotations

from bot.core.adcheck import AdChecker
from bot.core.adfollowup import RUSH
from bot.core.events import Reply
from bot.core.session import CheckedAd, PasteQuestion
from bot.core.turn import Reading, Turn

# The only risk the model may read in such a question ("что мне делать?" reads as one):
# a specific one it reads ("паспорт у них") still takes the at-risk path.
_VAGUE_RISK = frozenset({"emergency_now"})


def answer_follow_up(turn: Turn, checker: AdChecker | None, reading: Reading) -> bool:
    """Answer a question about the offer just checked; False when `reading` is not one.

    Never for a forwarded message (someone else's words), while something is to be pasted
    (an ad, a code word, a check-in's name), for a danger phrase ("they took my passport",
    "меня заперли"), a specific risk the model reads, or a question with words of a cry
    besides it (`AdFollowUpReader.asks`)."""
    session = turn.session
    checked = session.checked_ad
    if checked is None or checker is None or checker.rules.follow_up is None:
        return False
    if turn.event.forwarded or isinstance(session.awaiting, PasteQuestion):
        return False
    decision = reading.decision
    if decision.by_phrase or (decision.at_risk and set(decision.indicators) - _VAGUE_RISK):
        return False
    if not checker.follow_up.asks(reading.text):
        return False
    turn.replies.append(follow_up_reply(turn, checker, checked,
                                        pressed=checker.follow_up.pressed(reading.text)))
    return True


def follow_up_reply(turn: Turn, checker: AdChecker, checked: CheckedAd, *,
                    pressed: bool) -> Reply:
    """The flags found, each with what to check; the rush flag's words first when the person
    is pressed to answer (found in the ad or not); the risk level; what to check before
    answering. Every sentence is content's (content/ad_check.yaml)."""
    r, rules = turn.r, checker.rules
    follow_up = rules.follow_up
    assert follow_up is not None  # answer_follow_up checked it
    by_id = {flag.id: flag for flag in rules.flags}
    ids = [RUSH, *(i for i in checked.flags if i != RUSH)] if pressed else checked.flags
    lines = [r.text(follow_up.intro)]
    for flag in (by_id[i] for i in ids if i in by_id):
        words = (flag.explain, flag.check) if flag.id == RUSH and pressed else (flag.check,)
        lines.append(f"• {r.text(flag.title)}: " + " ".join(r.text(w) for w in words))
    level = next((lv for lv in rules.levels if lv.level == checked.level), None)
    found = len(lines) > 1
    parts = ["\n".join(lines) if found else r.text(rules.texts.none_found)]
    if checked.flags and level is not None:
        parts.append(r.text(level.text))
    parts.append(r.text(follow_up.before_answer))
    actions = ["job_check", "menu"] if turn.session.handoff_case else [
        "job_check", "human", "menu"]
    return Reply("\n\n".join(parts), r.action_rows(actions))
