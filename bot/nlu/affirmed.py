"""What the writer affirms is fine, for the classifier's evidence (set 14, round 18).

"не то чтобы мне не платили, платят, но с опозданием", "мяне не падманулі, усё плацяць як
абяцалі, але хачу змяніць працу", "they don't keep our passports and we can go out whenever we
want, but the agency wants to move us" carry the words of wages withheld, deception, documents
and movement, and the classifier reads them so (0.5-0.9). The writer says the opposite:

* pay is paid: a pay verb in the present with no negator just before it ("платят", "усё
  плацяць", "they pay us"), and nothing over months ("три месяца не платят, платят только
  аванс" is no reassurance) -> the wages evidence does not count;
* pay not held back: "зарплату не задерживают", "заробак ня затрымліваюць" (every such verb
  negated, no months and no shortfall named) -> wages;
* not deceived: "не обманули", "мяне не падманулі", "they didn't deceive us" -> deception;
* free to go: "можем выходить когда хотим", "we can go out whenever we want" -> movement;
* the papers are not kept: "паспорта у нас", "they don't keep our passports" -> documents.

Only the classifier's evidence is touched: the danger phrases decide as ever, so "платят, но
паспорт забрали" still fires on its phrase. The words are content: `affirmed` in
content/triage_frames.yaml; a negator (bot.nlu.negation.NEGATORS) is grammar and stays in code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.nlu.cue_words import Cue, has_cue, has_stem, phrases, stems, words
from bot.nlu.negation import NEGATORS

if TYPE_CHECKING:
    from bot.content.models import AffirmedWords

WAGES = "risk_wages_withheld"
DECEPTION = "risk_deceptive_job"
MOVEMENT = "risk_movement_restricted"
DOCUMENTS = "risk_documents_withheld"


def _cue_at(tokens: Sequence[str], at: int, cue: Cue) -> bool:
    return tuple(tokens[at : at + len(cue)]) == cue


class Affirmed:
    """What a writer affirms is fine (module doc), with the words of `words_`
    (content/triage_frames.yaml `affirmed`); None: nothing is affirmed."""

    def __init__(self, words_: AffirmedWords | None = None) -> None:
        w = words_
        self._pay_words = words(w.pay_words if w else None)
        self._pay_stems = stems(w.pay_stems if w else None)
        # Pay affirmed only as a reassurance: after "не то чтобы" / "not that", or "as
        # promised", "on time"; "платят меньше", "they only pay half" name a shortfall.
        self._reassured = phrases(w.not_that if w else None) + phrases(w.as_promised if w else None)
        self._not_fine = stems(w.month_stems if w else None) + stems(
            w.shortfall_stems if w else None
        )
        self._deceive = stems(w.deceive_stems if w else None)
        self._withhold = stems(w.withhold_stems if w else None)
        self._free = phrases(w.free if w else None)
        self._keep = stems(w.keep_stems if w else None)
        self._papers = stems(w.paper_stems if w else None)

    def _negated(self, tokens: Sequence[str], at: int) -> bool:
        """A negator just before token `at`, or two before it with no other pay verb between
        ("не всегда платят" is negated; in "мне не платили, платят" the "не" is the other
        verb's)."""
        if at and tokens[at - 1] in NEGATORS:
            return True
        return (
            at > 1
            and tokens[at - 2] in NEGATORS
            and not tokens[at - 1].startswith(self._pay_stems)
        )

    def fine(self, tokens: Sequence[str]) -> frozenset[str]:
        """The risk intents cleaned `tokens` affirm are fine (module doc)."""
        found: set[str] = set()
        negated = self._negated
        paid = any(w in self._pay_words and not negated(tokens, at) for at, w in enumerate(tokens))
        reassured = has_cue(tokens, self._reassured)
        if paid and reassured and not has_stem(tokens, self._not_fine):
            found.add(WAGES)
        held = [at for at, w in enumerate(tokens) if w.startswith(self._withhold)]
        not_fine = has_stem(tokens, self._not_fine)
        if held and all(negated(tokens, at) for at in held) and not not_fine:
            found.add(WAGES)  # "заробак мне ня затрымліваюць", "nobody is withholding my pay"
        deceive = [at for at, w in enumerate(tokens) if w.startswith(self._deceive)]
        if deceive and all(negated(tokens, at) for at in deceive):
            found.add(DECEPTION)
        if has_cue(tokens, self._free) and any(
                _cue_at(tokens, at, cue) and not negated(tokens, at)
                for at in range(len(tokens)) for cue in self._free):  # fmt: skip
            found.add(MOVEMENT)
        kept = [at for at, w in enumerate(tokens) if w.startswith(self._keep)]
        papers = has_stem(tokens, self._papers)
        if papers and kept and all(negated(tokens, at) for at in kept):
            found.add(DOCUMENTS)
        return frozenset(found)
