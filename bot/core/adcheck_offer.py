"""The offer to check a message that looks like an ad: "Check this ad" / "No, thanks".

Each button carries the ad's `offer_tag`, so a button under an older offer is told apart from
the one under the ad now held (bot/core/adparts.py)."""

from __future__ import annotations

from bot.core.adparts import offer_tag
from bot.core.events import Button
from bot.core.labels import AD_CHECK_THIS, CONSENT_NO
from bot.core.turn import Turn

CHECK = "ad:check"  # "Check this ad" under the offer, then ":" and the ad's `offer_tag`
SKIP = "ad:no"  # "No, thanks" under it, tagged the same way


def put_offer_buttons(turn: Turn, text: str) -> None:
    """"Check this ad" / "No, thanks" under the last reply of `turn`, tagged with `text`."""
    tr, tag = turn.r.tr, offer_tag(text)
    turn.replies[-1].buttons = [
        [Button(tr.gettext(AD_CHECK_THIS), f"{CHECK}:{tag}")],
        [Button(tr.gettext(CONSENT_NO), f"{SKIP}:{tag}")],
    ]


def offer_button(payload: str | None) -> tuple[str, str | None] | None:
    """(CHECK or SKIP, the tag or None for an untagged button of an older release); None for
    any other payload."""
    for action in (CHECK, SKIP):
        if payload == action:
            return action, None
        if payload and payload.startswith(f"{action}:"):
            return action, payload[len(action) + 1 :]
    return None
