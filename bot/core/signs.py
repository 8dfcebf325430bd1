"""The warning signs a person's session holds, and how alerts show them (issue 10, item 6).

What operators read must follow the triage decision and what the person has said since:
* a sign the person's own message, the at-risk button or the self-check gave is theirs;
* a sign the person took back ("нет, я в безопасности, это был просто вопрос", read by
  bot/nlu/taken_back.py in a message triage read as calm) is shown marked "taken back", never
  dropped: someone may be made to say it, and the operator decides;
* a red flag of a job ad the person checked is the ad's, not their situation: shown marked so
  in any alert but the one that offer raised.
A sign raised again is current again. Only the engine changes the session (under the person's
lock); the handoff layer reads the marks (bot/handoff/labels.py, case_facts.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.content.models import Content
from bot.core.session import Session
from bot.nlu.normalize import clean
from bot.nlu.taken_back import TakenBack

TAKEN_BACK = "taken-back:"  # the sign, then taken back by the person
FROM_AD = "ad:"  # a red flag of a job ad they checked, not their own situation
MARKS = (TAKEN_BACK, FROM_AD)


def unmarked(code: str) -> str:
    """The sign's own code, without a mark."""
    for mark in MARKS:
        if code.startswith(mark):
            return code[len(mark):]
    return code


def add(session: Session, codes: Iterable[str]) -> None:
    """The person's own signs, current (again, if they had taken them back)."""
    for code in codes:
        if code not in session.risk_indicators:
            session.risk_indicators.append(code)
        if code in session.taken_back:
            session.taken_back.remove(code)


def add_from_ad(session: Session, codes: Iterable[str]) -> None:
    """A checked job ad's red flags (kept apart from the person's own signs)."""
    session.ad_signs.extend(c for c in codes if c not in session.ad_signs)


def take_back_if_said(session: Session, content: Content, text: str, *, at_risk: bool) -> bool:
    """Mark every current sign taken back when `text` (read calm by triage: `at_risk` False)
    takes them back; the risk episode ends with them. True when it did."""
    if at_risk or not session.risk_indicators:
        return False
    frames = content.triage_frames
    if not TakenBack(frames.taken_back if frames else None).said(clean(text).split()):
        return False
    session.taken_back.extend(c for c in session.risk_indicators if c not in session.taken_back)
    session.risk_indicators.clear()
    session.at_risk = False
    return True


def alert_signs(session: Session, *, ad_own: bool = False) -> tuple[str, ...]:
    """The signs an alert carries: the current ones, the checked ads' (marked, unless the
    alert is that check's own offer: `ad_own`), then those taken back (marked)."""
    ads = session.ad_signs if ad_own else [FROM_AD + c for c in session.ad_signs]
    return (*session.risk_indicators, *ads, *(TAKEN_BACK + c for c in session.taken_back))
