"""An ordinary workplace consequence threatened: a bonus, a review, a reprimand (set 14,
round 18).

"boss threatens to take my bonus if I'm late again lol", "грозится лишить премии, если опоздаю
😤", "threatened me with a bad review", "начальнік пагражае пазбавіць прэміі" name a threat verb,
but what is threatened is an ordinary consequence at work, like a dismissal
(bot.nlu.everyday.dismissal_looms). Every threat verb must have such a consequence (or a
dismissal) within the next `_NEAR` words, and the message must name no coercive means
(bot.nlu.coercion: violence, the police or deportation, documents, a lock, the family, a debt).
The consequences are content: `penalty` in content/triage_frames.yaml.

Then the threat phrases are let off and the classifier's threat evidence does not count
(bot.core.danger_phrases, bot.core.triage). "threatens to take my bonus and to tell the police",
"пригрозил лишить премии и избить", "threatens my family" stay caught.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.nlu.coercion import Coercion
from bot.nlu.cue_words import has_stem, phrases, stems, words
from bot.nlu.everyday import Everyday

if TYPE_CHECKING:
    from bot.content.models import PenaltyWords

_NEAR = 5  # words after a threat verb


class Penalty:
    """The penalty frame (module doc) with the words of `words_` (content/triage_frames.yaml
    `penalty`: a bonus, a review, a reprimand, overtime); None: nothing is let off."""

    def __init__(self, words_: PenaltyWords | None = None) -> None:
        self._penalties = stems(words_.penalty_stems if words_ else None)
        self._penalty_words = words(words_.penalty_words if words_ else None)
        self._comments = phrases(words_.comment_phrases if words_ else None)

    def _comment(self, tokens: Sequence[str], at: int) -> bool:
        """Whether the threat word at `at` is the writer's comment ("what a threat")."""
        return any(tuple(tokens[max(0, at - len(cue)) : at]) == cue for cue in self._comments)

    def looms(self, tokens: Sequence[str], everyday: Everyday, coercion: Coercion) -> bool:
        """Whether every threat verb of cleaned `tokens` threatens an ordinary workplace
        consequence or a dismissal, and no coercive means is named (module doc); `everyday` and
        `coercion`: the content's frames (content/triage_frames.yaml)."""
        if not (self._penalties or self._penalty_words) or coercion.named(tokens):
            return False
        threats = [at for at, word in enumerate(tokens)
                   if word.startswith(everyday.threat_verbs) and not self._comment(tokens, at)]
        if not threats:
            return False
        return all(
            has_stem(tokens[at + 1 : at + 1 + _NEAR], self._penalties)
            or bool(self._penalty_words & set(tokens[at + 1 : at + 1 + _NEAR]))
            or everyday.dismissal_looms(tokens[at : at + 1 + _NEAR])
            for at in threats
        )
