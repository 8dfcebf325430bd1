"""A passport the owner forgot at a hotel or a consulate, kept at its desk until collected (set
14, round 18).

"I forgot my passport at the hotel, they keep it at reception until I collect it in person",
"забыла паспорт в гостинице, его держат на ресепшене", "забылася пашпарт у гасцініцы" read as
documents withheld from the words "keep" and "passport". A desk keeping a forgotten passport
needs the owner's forgetting ("forgot", "забыл", "left my passport"), a place with a desk (a
hotel, a hostel, a reception, a consulate, a bank) and no sign of coercion: nobody refuses to
give it back or asks money for it, and no employer, agency or landlord is named.

Then the documents phrases are let off and the classifier's documents evidence does not count.
"I forgot my passport at the employer's office and they won't give it back", "забыла паспорт в
гостинице, а хозяин требует денег, чтобы вернуть" stay caught.
A passport handed in at a consulate, an embassy or a visa centre FOR A VISA, asked about (how
long, whether normal) is the same kind (round 32a): "сдала паспорт в консульство на визу, сколько
ждать?", "the embassy has kept my passport for the visa for three weeks, is that normal?"
(`for_a_visa`). It needs a visa word, a visa desk (not a hotel or "lost"), a question of waiting
and no coercion: "работодатель забрал паспорт на визу в консульство и не отдаёт", "the agency
kept my passport for the visa" stay caught.
The words are content: `left_behind` in content/triage_frames.yaml.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.nlu.cue_words import has_cue, has_stem, phrases, stems

if TYPE_CHECKING:
    from bot.content.models import LeftBehindWords


class LeftBehind:
    """The frame (module doc) with the words of `words_` (content/triage_frames.yaml
    `left_behind`); None: nothing is let off."""

    def __init__(self, words_: LeftBehindWords | None = None) -> None:
        w = words_
        self._forgot = stems(w.forgot_stems if w else None)
        self._forgot_phrases = phrases(w.forgot_phrases if w else None)
        self._desk = stems(w.desk_stems if w else None)  # a desk that keeps lost things
        # Coercion around it: a refusal, a price, an employer, an agency, a landlord.
        self._refusal = phrases(w.refusal if w else None)
        self._coercion = stems(w.coercion_stems if w else None)
        self._visa = stems(w.visa_stems if w else None)
        self._visa_desk = stems(w.visa_desk_stems if w else None)
        self._visa_desk_phrases = phrases(w.visa_desk_phrases if w else None)
        self._wait = stems(w.wait_stems if w else None)

    def at_a_desk(self, tokens: Sequence[str]) -> bool:
        """Whether cleaned `tokens` tell a passport the owner forgot at a desk that keeps it for
        them, with no coercion around it (module doc)."""
        forgot = has_stem(tokens, self._forgot) or has_cue(tokens, self._forgot_phrases)
        return (
            forgot
            and has_stem(tokens, self._desk)
            and not has_cue(tokens, self._refusal)
            and not has_stem(tokens, self._coercion)
        )

    def for_a_visa(self, tokens: Sequence[str]) -> bool:
        """Whether cleaned `tokens` ask about a passport handed in at a visa desk for a visa,
        with no coercion around it (module doc)."""
        desk = has_stem(tokens, self._visa_desk) or has_cue(tokens, self._visa_desk_phrases)
        return (
            desk
            and has_stem(tokens, self._visa)
            and has_stem(tokens, self._wait)
            and not has_cue(tokens, self._refusal)
            and not has_stem(tokens, self._coercion)
        )
