"""Coercive means named in a message: what makes a labour framing ("угрожают уволить", "if I
change jobs", "I broke my contract") a forced-labour story.

The indicators of forced labour (ILO, "ILO Indicators of Forced Labour", 2012) include debt
bondage, intimidation and threats (among them a threat to denounce a worker to the police or
the migration authorities), retention of identity documents, restriction of movement, and
physical and sexual violence; threats against the family are among its forms of intimidation.
A message that names one of them is not let off as a dismissal question
(bot.nlu.everyday.dismissal_looms): "he'll tell the migration office I broke my contract if I
change jobs, and I can't leave until the loan is cleared" is debt bondage, not an HR question.

The words are content: `coercion` in content/triage_frames.yaml
(`bot.content.models.CoercionWords`); without them no coercive means is named.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.nlu.cue_words import stems, words

if TYPE_CHECKING:
    from bot.content.models import CoercionWords


class Coercion:
    """The coercive means of `words_` (module doc); None: none."""

    def __init__(self, words_: CoercionWords | None = None) -> None:
        w = words_
        self.stems = (  # also read by bot.nlu.calm_situations

            stems(w.violence_stems if w else None)
            + stems(w.authority_stems if w else None)
            + stems(w.document_stems if w else None)
            + stems(w.lock_stems if w else None)
            + stems(w.family_stems if w else None)
        )
        self._debt = words(w.debt_words if w else None)

    def named(self, tokens: Sequence[str]) -> bool:
        """Whether cleaned `tokens` name a coercive means (module doc): a debt, the police or
        the migration office, documents, a lock, violence or the family."""
        return any(word in self._debt or word.startswith(self.stems) for word in tokens)
