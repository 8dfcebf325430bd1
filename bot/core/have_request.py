"""Asked for a person again while the team has their request: said once, with nothing more.

The handoff tells the engine each turn whether the person has an open case
(`Session.handoff_case`) and whether their phone was ever told of it (`Session.quiet` while
not: a silent alarm, a missed check-in). A repeated ask on a phone that knows of the case
gets "we have your request, a person from our team will answer here" (content/messages.yaml
`handoff_have_request`): no offer, no second alert, no second "passed to our team" or queue
place. A phone that never heard of the case asks as anyone asks the first time.
"""

from __future__ import annotations

from bot.core.events import Reply
from bot.core.turn import Turn


def have_request(turn: Turn) -> bool:
    """Answer a repeated ask for a person while the case is open and announced; True when
    answered so (the caller then offers nothing and raises no alert)."""
    session = turn.session
    if not session.handoff_case or session.quiet:
        return False
    session.awaiting = None
    turn.replies.append(Reply(turn.r.message("handoff_have_request"),
                              turn.r.action_rows(["hotlines", "menu"])))
    return True
