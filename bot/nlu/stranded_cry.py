"""A cry for help about an ordinary trouble: a missed train, a lost wallet (set 14, round 18).

"ратуйце!!! спазнілася на цягнік у Варшаве, грошай няма", "спасите, опоздала на автобус", "help,
missed my flight and have no money" are stranded_abroad: the person is stuck, not in danger.
The frame needs a missed connection or a lost wallet or card, and no danger named (a lock,
violence, documents taken, a threat, someone after them: bot.nlu.coercion).

Then a danger phrase made of cry words alone ("ратуйце", "спасите меня", "sos") is let off and the
classifier's cry evidence does not count. "ратуйце, спазнілася на цягнік, а за мной гоняцца"
and "спасите, меня заперли" stay caught.
The words are content: `stranded_cry` in content/triage_frames.yaml.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.nlu.coercion import Coercion
from bot.nlu.cue_words import has_stem, stems, words

if TYPE_CHECKING:
    from bot.content.models import StrandedCryWords


class StrandedCry:
    """The frame (module doc) with the words of `words_` (content/triage_frames.yaml
    `stranded_cry`); None: nothing is let off."""

    def __init__(self, words_: StrandedCryWords | None = None) -> None:
        w = words_
        self._missed = stems(w.missed_stems if w else None)
        self._thing = stems(w.thing_stems if w else None)
        # Cry words: a phrase made of these alone is a cry, not a danger named.
        self._cry = words(w.cry_words if w else None)

    def ordinary_trouble(self, tokens: Sequence[str], coercion: Coercion) -> bool:
        """Whether cleaned `tokens` name a missed connection or a lost wallet and no danger
        (module doc)."""
        return (
            has_stem(tokens, self._missed)
            and has_stem(tokens, self._thing)
            and not coercion.named(tokens)
        )

    def only_a_cry(self, matched: Sequence[str]) -> bool:
        """Whether a phrase's matched words are cry words alone ("ратуйце", "спасите меня")."""
        return bool(self._cry) and all(word in self._cry for word in matched)
