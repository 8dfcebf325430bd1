"""Word lists as the frames read them: a content list (language -> entries) in every language
at once, and the small tests of cleaned tokens against stems and multi-word cues.

The let-off frames (bot.nlu.past_safe, ...) receive their words from content/triage_frames.yaml
(`bot.content.models.TriageFrames`), already spelled as the bot reads a message. No list (a
missing file) is an empty one: nothing matches it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

Cue = tuple[str, ...]


class _Lists(Protocol):
    """A content list: language -> entries."""

    def values(self) -> Iterable[Sequence[str]]: ...


Cues = _Lists | None


def stems(cues: Cues) -> tuple[str, ...]:
    """The entries of every language, for `str.startswith` (stems) or substring tests."""
    return tuple(dict.fromkeys(e for entries in (cues or {}).values() for e in entries))


def words(cues: Cues) -> frozenset[str]:
    """The entries of every language as a set of whole words."""
    return frozenset(stems(cues))


def phrases(cues: Cues) -> tuple[tuple[str, ...], ...]:
    """The entries of every language as word sequences ("years ago" -> ("years", "ago"))."""
    return tuple(tuple(entry.split()) for entry in stems(cues))


def has_stem(tokens: Sequence[str], stems_: tuple[str, ...]) -> bool:
    """Whether a token begins with one of `stems_`."""
    return any(word.startswith(stems_) for word in tokens)


def has_cue(tokens: Sequence[str], cues: Sequence[Cue]) -> bool:
    """Whether one of `cues` (whole words in a row) occurs in `tokens` (an empty cue occurs in
    any non-empty message)."""
    present = set(tokens)
    for cue in cues:
        # Most cues have a word the message lacks: one set test instead of a scan per position.
        if not present.issuperset(cue):
            continue
        if not cue:
            return bool(tokens)
        first, size = cue[0], len(cue)
        for at in range(len(tokens) - size + 1):
            if tokens[at] == first and tuple(tokens[at : at + size]) == cue:
                return True
    return False
