"""Small word tests shared by the round-18 frames (bot.nlu.fiction, bot.nlu.offer_check,
bot.nlu.penalty, bot.nlu.left_behind, bot.nlu.report_later, bot.nlu.stranded_cry): cleaned
tokens (bot.nlu.normalize.clean) against stems and multi-word cues."""

from __future__ import annotations

from collections.abc import Sequence

Cue = tuple[str, ...]


def has_stem(tokens: Sequence[str], stems: tuple[str, ...]) -> bool:
    """Whether a token begins with one of `stems`."""
    return any(word.startswith(stems) for word in tokens)


def has_cue(tokens: Sequence[str], cues: Sequence[Cue]) -> bool:
    """Whether one of `cues` (whole words in a row) occurs in `tokens`."""
    return any(
        tuple(tokens[at : at + len(cue)]) == cue for at in range(len(tokens)) for cue in cues
    )
