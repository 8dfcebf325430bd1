"""Deep links from a group into the private chat: `t.me/<bot>?start=<payload>`.

A payload is public (anyone in the group sees the button), so it says only which door was
used, never who or what: `help` (a danger phrase was seen) or `checkad` (an ad warning).
In private, `/start help` leads into the normal at-risk path and `/start checkad` into the
ad check; any other payload is a plain /start.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Literal

from bot.core.commands import command_name
from bot.core.events import EventKind, IncomingEvent, Reply
from bot.core.turn import Turn

Payload = Literal["help", "checkad"]
HELP: Payload = "help"
CHECK_AD: Payload = "checkad"
_PAYLOADS: tuple[Payload, ...] = (HELP, CHECK_AD)


def start_link(username: str, payload: Payload | None = None) -> str | None:
    """The https link opening the bot's private chat (with /start `payload`); None without
    the bot's username (getMe did not answer yet)."""
    if not username:
        return None
    link = f"https://t.me/{username}"
    return f"{link}?start={payload}" if payload else link


def start_payload(event: IncomingEvent) -> Payload | None:
    """The payload of a private "/start <payload>" this module knows, else None."""
    if event.kind != EventKind.COMMAND:
        return None
    words = (event.text or "").split()
    if len(words) != 2 or command_name(event.text) != "/start":
        return None
    payload = words[1].strip()
    return next((p for p in _PAYLOADS if p == payload), None)


class DeepLinkStep:
    """The engine's step for `/start help` and `/start checkad` (a small part of dispatch)."""

    def claims(self, event: IncomingEvent) -> bool:
        return start_payload(event) is not None

    def on_event(self, turn: Turn, *, help_now: Callable[[Turn], None],
                 check_ad: Callable[[Turn], None]) -> None:
        """`help_now(turn)`: the at-risk path's first reply; `check_ad(turn)`: the ad check
        started as by /checkad (both the engine's own steps)."""
        payload = start_payload(turn.event)
        if payload == HELP:
            help_now(turn)
            return
        if not turn.session.onboarded:  # what is kept, said once, before anything is pasted
            turn.replies.append(Reply(turn.r.message("privacy_notice")))
            turn.session.onboarded = True
        turn.event = replace(turn.event, text="/checkad")
        check_ad(turn)
