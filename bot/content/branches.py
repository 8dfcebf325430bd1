"""Texts chosen by a choice the person or the deployment made, line by line.

Whether a person from the team can be reached at all is a choice of the deployment: without an
operators' chat (OPERATOR_CHAT_ID) nobody reads what the bot passes on. A text shown either way
marks its lines that are true only with a team by starting them with TEAM_MARK:

    • Обратитесь на горячую линию из списка выше.
    [team] • Или нажмите «Поговорить с человеком».

With a team the line is shown without the mark; without one it is left out. The check of what
each branch may promise is in `choicechecks.py`.
"""

from __future__ import annotations

TEAM_MARK = "[team]"  # a line shown only when a person from the team can be reached


def for_team(text: str, team: bool) -> str:
    """`text` as shown with a team (marks removed) or without one (marked lines left out)."""
    if TEAM_MARK not in text:
        return text
    lines = []
    for line in text.split("\n"):
        if line.lstrip().startswith(TEAM_MARK):
            if not team:
                continue
            line = line.lstrip().removeprefix(TEAM_MARK).lstrip()
        lines.append(line)
    return "\n".join(lines)


def team_lines(text: str) -> tuple[list[str], list[str]]:
    """(lines shown either way, lines shown only with a team), marks removed."""
    both: list[str] = []
    team_only: list[str] = []
    for line in text.split("\n"):
        if line.lstrip().startswith(TEAM_MARK):
            team_only.append(line.lstrip().removeprefix(TEAM_MARK).lstrip())
        else:
            both.append(line)
    return both, team_only
