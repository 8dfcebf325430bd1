"""Typos an ad's key words survive: the rules read a Cyrillic ad a second time with its
spelling folded, and their patterns are folded the same way (adcheck11b).

Two kinds of typo hid a flag from its rule: a doubled letter ("докуменнты", "паспортт") and an
unstressed "е" written as "и" ("туристичиская", "виза шенген туристичиская"). Folded, both
sides read "документы" and "туристичиская" alike: a doubled Cyrillic letter is read once and
"е" as "и" (never "о" as "а": "но" and "на" are different words to the rules).
"""

from __future__ import annotations

import re

from bot.core.adtext import Reading

_CYRILLIC = re.compile(r"[а-яіў]")
_SPELLING = {"е": "и"}
_TOKEN = re.compile(r"\\.|.", re.DOTALL)  # an escape ("\\S") or one character


def spelled(reading: Reading) -> Reading | None:
    """`reading` (the ad as `normalize` leaves it, or its transliteration in Cyrillic) with
    its spelling folded, each character mapped back to the ad's offsets; None when it has no
    Cyrillic letters (nothing to fold)."""
    low = reading.low
    if not _CYRILLIC.search(low):
        return None
    chars: list[str] = []
    origin: list[tuple[int, int]] = []
    for index, char in enumerate(low):
        if index and char == low[index - 1] and _CYRILLIC.match(char):
            origin[-1] = (origin[-1][0], index + 1)  # "нн" read as one "н"
            continue
        chars.append(_SPELLING.get(char, char))
        origin.append((index, index + 1))
    if reading.origin is not None:  # through the transliteration, back to the ad
        its = reading.origin
        origin = [(its[start][0], its[end - 1][1]) for start, end in origin]
    return Reading("".join(chars), origin)


def spell(pattern: str) -> str:
    """A pattern (already folded by `adtext.fold`) as `spelled` reads an ad: its own doubled
    Cyrillic letters once and "е" as "и"; escapes are kept (`\\S` stays `\\S`)."""
    out: list[str] = []
    for token in _TOKEN.findall(pattern):
        letter = _SPELLING.get(token, token)
        if not (out and out[-1] == letter and _CYRILLIC.match(letter)):
            out.append(letter)
    return "".join(out)
