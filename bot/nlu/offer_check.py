"""A job offer not yet accepted, asked about, with a red flag in it (set 14, round 18).

"they say the passport must be left with them for the first week 'for registration', is that
normal?", "мне предлагают работу, говорят паспорт надо оставить у них, это нормально?", "a
niece was offered dancing work abroad, girls 18-25, sounds fishy, what do you think?" are
job_offer_check: advice before a decision, nobody is held. The frame needs an offer (offered, a
vacancy, an interview, "предлагают", "прапануюць"), an opinion asked ("is that normal?", "sounds
fishy", "что думаете", "ці нармальна"), and the writer not there yet: nothing says they took
the job, arrived, or that it is happening now ("теперь", "уже", "here", "I took the job").
A request for a selfie with the passport or a photo of it, asked about the same way ("a
recruiter asks for a selfie holding my passport, is that a scam sign?", `photo_asked`), lets off
the held-documents phrases only; "he asked for a selfie with the passport and now keeps the
passport" is there already and stays caught, and a lock named beside it fires.

Then the phrases of held documents, wages, movement and deception are let off (a threat or a
cry still fires) and the classifier alone needs `bot.core.triage.REASSURED_THRESHOLD`. "I took
the job and now they keep my passport, is that normal?" and "мне предложили работу, я приехала,
а теперь паспорт у них" stay caught.
The words are content: `offer_check` in content/triage_frames.yaml.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.nlu.cue_words import has_cue, has_stem, phrases, stems, words

if TYPE_CHECKING:
    from bot.content.models import OfferCheckWords


class OfferCheck:
    """The offer frame (module doc) with the words of `words_` (content/triage_frames.yaml
    `offer_check`); None: nothing is let off."""

    def __init__(self, words_: OfferCheckWords | None = None) -> None:
        w = words_
        self._offer = stems(w.offer_stems if w else None)
        self._opinion = stems(w.opinion_stems if w else None)
        self._opinion_asked = phrases(w.opinion_asked if w else None)
        # A recruiter's request for a selfie with the passport or a photo of it, asked about
        # as a scam sign (round 32a): nothing handed over yet, it stands for an offer.
        self._photo = phrases(w.photo_asked if w else None)
        self._taken = stems(w.taken_stems if w else None)  # "забрали паспорт", "kept it"
        # The writer is there or took the job: then it is a report, not an offer.
        self._there = stems(w.there_stems if w else None)
        self._there_phrases = phrases(w.there_phrases if w else None)
        self._cry = words(w.cry_words if w else None)  # "scam vacancy, help" is a report

    def photo_asked(self, tokens: Sequence[str], raw: str) -> bool:
        """Whether cleaned `tokens` of `raw` ask whether a request for a selfie with the
        passport or a photo of it is a scam sign, the writer not there yet and the passport not
        taken (module doc). It lets off the documents phrases and evidence only: "they want a
        photo of my passport and keep me locked in" still fires on the lock."""
        asked = (has_stem(tokens, self._opinion) and "?" in raw) or has_cue(
            tokens, self._opinion_asked
        )
        return (
            has_cue(tokens, self._photo)
            and asked
            and not has_stem(tokens, self._taken)
            and not self._there_or_cry(tokens)
        )

    def _there_or_cry(self, tokens: Sequence[str]) -> bool:
        return (
            bool(self._cry & set(tokens))
            or has_stem(tokens, self._there)
            or has_cue(tokens, self._there_phrases)
        )

    def asked(self, tokens: Sequence[str], raw: str) -> bool:
        """Whether cleaned `tokens` of `raw` ask an opinion on a job offer the writer has not
        taken (module doc): an opinion word in a question, or a question cue."""
        asked = (has_stem(tokens, self._opinion) and "?" in raw) or has_cue(
            tokens, self._opinion_asked
        )
        return has_stem(tokens, self._offer) and asked and not self._there_or_cry(tokens)
