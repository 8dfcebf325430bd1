"""The person takes back what they said was happening to them: "нет, я в безопасности, это был
просто вопрос", "не пра мяне", "not about me, I was just asking".

Not a let-off of triage (a message with a danger in it is at risk whatever else it says): the
engine asks this only of a message triage read as calm, after signs were said
(bot/core/signs.py). The words are content: `taken_back` in content/triage_frames.yaml; without
them nothing is ever taken back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.nlu.cue_words import phrases, words

if TYPE_CHECKING:
    from bot.content.models import TakenBackWords


class TakenBack:
    """The phrases of `words_` (module doc); None: none."""

    def __init__(self, words_: TakenBackWords | None = None) -> None:
        self._phrases = phrases(words_.phrases if words_ else None)
        self._undo = words(words_.undo_words if words_ else None)

    def said(self, tokens: Sequence[str]) -> bool:
        """Whether `tokens` (cleaned) hold a phrase of taking back, not undone by the word just
        before it ("не просто вопрос")."""
        for cue in self._phrases:
            size = len(cue)
            for at in range(len(tokens) - size + 1):
                if tuple(tokens[at : at + size]) == cue and (
                        at == 0 or tokens[at - 1] not in self._undo):
                    return True
        return False
