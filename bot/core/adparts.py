"""A long ad pasted in two messages, checked as one ad.

Telegram splits a text over 4,096 characters into messages of at most 4,096, so an ad pasted
after /checkad may arrive as two or more. A pasted text at least `recognise.split_chars` long
may be the first of them: it waits in this process's memory (`PendingTexts`, never Redis,
never a log) for `recognise.split_seconds`, and the session keeps only its digest and when the
wait ends (`AdFirstPart`). The next text is its rest: checked together, one report; a rest as
long as a part itself may be followed by another, so the parts so far wait again (an ad of
over 8,192 characters comes in three). "That is the whole ad" checks the parts so far alone;
/delete, /hide, another command or button, or the end of the wait drop them.

A short ad checked after /checkad waits the same time (`hold_checked`): people paste an ad
paragraph by paragraph, and a rest pasted next is checked with it (`rest_of_checked`).
"""

from __future__ import annotations

import hashlib
import time

from bot.content.models import AdCheck
from bot.core.events import Button, Reply
from bot.core.pending import PendingTexts
from bot.core.session import AdFirstPart
from bot.core.turn import Turn

PART = "ad:part"  # "That is the whole ad" under the request for the rest, then ":" and the tag
MAX_HOLD_SECONDS = 600.0  # the memory's own bound; the session's `until` ends the wait sooner


def offer_tag(text: str) -> str:
    """Eight hex digits that tell one held ad from another in the offer's buttons, so that an
    earlier offer's button is not taken for the latest ad (a digest: not the ad's words)."""
    return hashlib.blake2s(text.encode("utf-8"), digest_size=4).hexdigest()


class AdParts:
    """Holds a long ad's first part until its rest arrives (see the module's docstring)."""

    def __init__(self, held: PendingTexts | None = None) -> None:
        self._held = held or PendingTexts(MAX_HOLD_SECONDS)

    def whole(self, turn: Turn, text: str) -> tuple[str, bool | None]:
        """The ad to read now and whether it was joined: (first part + `text`, True) when a
        first part waits; (`text`, None) when one should wait but is gone from memory (a
        restart, another replica); else (`text`, False)."""
        part = turn.session.ad_part
        if part is None:
            return text, False
        turn.session.ad_part = None
        first = self._held.pop(turn.event.user_key)
        if part.until < time.time():
            return text, False
        if first is None or offer_tag(first) != part.tag:
            return text, None
        return f"{first}\n{text}", True

    def hold_first(self, turn: Turn, rules: AdCheck, text: str, last: str | None = None) -> bool:
        """Hold `text` (the parts so far) when its `last` part (by default `text` itself) is as
        long as one (`split_chars`), so more may follow, with the request for the next part and
        the button that checks the parts so far alone; True if held."""
        split = rules.recognise.split_chars
        part = text if last is None else last
        if split <= 0 or len(part) < split or rules.texts.first_part is None:
            return False
        self._held.put(turn.event.user_key, text)
        tag = offer_tag(text)
        turn.session.ad_part = AdFirstPart(
            tag=tag, until=time.time() + rules.recognise.split_seconds)
        alone = rules.texts.part_alone
        buttons = [[Button(turn.r.text(alone), f"{PART}:{tag}")]] if alone is not None else []
        turn.replies.append(Reply(turn.r.text(rules.texts.first_part), buttons))
        return True

    def hold_checked(self, turn: Turn, rules: AdCheck, text: str) -> None:
        """Keep a checked ad for `split_seconds` (memory only, its digest in the session), so a
        rest pasted next is checked with it (`rest_of_checked`); off with `split_chars` 0."""
        if rules.recognise.split_chars <= 0 or rules.texts.joined is None:
            return
        self._held.put(turn.event.user_key, text)
        turn.session.ad_part = AdFirstPart(
            tag=offer_tag(text), until=time.time() + rules.recognise.split_seconds, checked=True)

    def rest_of_checked(self, turn: Turn, text: str) -> str | None:
        """The checked ad and `text` as one, when a checked ad waits and `text` comes in time;
        the checked ad is let go either way (one rest at a time)."""
        part = turn.session.ad_part
        if part is None or not part.checked:
            return None
        turn.session.ad_part = None
        first = self._held.pop(turn.event.user_key)
        if first is None or offer_tag(first) != part.tag or part.until < time.time():
            return None
        return f"{first}\n{text}"

    def mark_offered(self, turn: Turn, rules: AdCheck, text: str) -> None:
        """An ad offered its check (held by the offer, not here) as long as a first part: its
        rest, if it comes within `split_seconds`, joins it (`rest_of_offer`)."""
        split = rules.recognise.split_chars
        turn.session.ad_part = None if split <= 0 or len(text) < split else AdFirstPart(
            tag=offer_tag(text), until=time.time() + rules.recognise.split_seconds)

    @staticmethod
    def rest_of_offer(turn: Turn, offered: str | None, text: str) -> str | None:
        """The offered first part and `text` as one ad, when `text` comes in time after it."""
        part = turn.session.ad_part
        if part is None:
            return None
        turn.session.ad_part = None  # one rest only; an offer already answered waits for none
        if offered is None or offer_tag(offered) != part.tag:
            return None
        return f"{offered}\n{text}" if part.until >= time.time() else None

    def take(self, turn: Turn, payload: str) -> str | None:
        """The first part the button `payload` names, taken out; None when it is gone."""
        part, turn.session.ad_part = turn.session.ad_part, None
        first = self._held.pop(turn.event.user_key)
        tag = payload[len(PART) + 1 :]
        if part is None or first is None or offer_tag(first) != tag or part.until < time.time():
            return None
        return first

    def drop(self, turn: Turn) -> None:
        """Forget a waiting first part (/delete, /hide, moving on)."""
        turn.session.ad_part = None
        self._held.pop(turn.event.user_key)


def is_part_button(payload: str | None) -> bool:
    """True for "That is the whole ad" under the request for a long ad's rest."""
    return bool(payload) and (payload == PART or str(payload).startswith(f"{PART}:"))
