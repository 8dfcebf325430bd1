"""A deduction the contract writes down, asked about: contract advice, not wages withheld.

"В договоре написано, что вычитают 250 евро за жильё, это нормально?", "по дамове вылічваюць
за жыллё, ці законна?", "my contract says they deduct for the room, is that legal?" ask whether
a written term is lawful. A deduction phrase ("вычита* за жиль*") is let off when, in its
sentence and before it, the contract is named as written ("в договоре написано", "по договору",
"my contract says") with no "but" / "а" in between, and the message asks ("?", "законно",
"is it legal"). The contract may come after it too, as the writer's own confirmation (set 13:
"vychitayut za zhilye 300 evro eto normalno? po dogovoru vrode tak"), with no "but" and no
negator from the phrase on ("... а в договоре такого нет" is the harm). A question how much
may be deducted, asked before the deduction in its sentence ("сколько могут вычитать за жильё?",
"колькі могуць вылічваць за жыллё?"), is a rate asked about, contract named or not.

Deductions that leave nothing, or a debt that grows, are the harm however they are asked:
"вычитают столько, что ничего не остаётся", "they deduct so much that nothing is left", "I owe
more every month", "в договоре 1500, а вычитают половину" keep the phrase (and the classifier
decides as usual). Only deduction phrases are let off; any other phrase fires as before.

The words are content: `written_terms` in content/triage_frames.yaml
(`bot.content.models.WrittenTermsWords`); without them nothing is let off.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.nlu.cue_words import stems, words
from bot.nlu.negation import NEGATORS, clause_numbers

if TYPE_CHECKING:
    from bot.content.models import WrittenTermsWords

_SENTENCE_BREAK = re.compile(r"[.!?;…\n]+")


class WrittenTerms:
    """The words of a written term (module doc) from `words_` (None: nothing is let off)."""

    def __init__(self, words_: WrittenTermsWords | None = None) -> None:
        w = words_
        self.deduction = stems(w.deduction_stems if w else None)
        self.contract = stems(w.contract_stems if w else None)
        self.written = stems(w.written_stems if w else None)
        self.by = words(w.by_words if w else None)
        self.in_ = words(w.in_words if w else None)
        self.contrast = words(w.contrast_words if w else None)
        self.asking = stems(w.asking_stems if w else None)
        self.amount = words(w.amount_words if w else None)
        self.excess = stems(w.excess_stems if w else None)

    def read(self, tokens: Sequence[str], raw: str) -> WrittenDeductions:
        """The deduction phrases of one cleaned message that ask about a written term."""
        return WrittenDeductions(tokens, raw, self)


class WrittenDeductions:
    """Which deduction phrases of one cleaned message ask about a written term (module doc)."""

    def __init__(self, tokens: Sequence[str], raw: str, terms: WrittenTerms) -> None:
        self._tokens = tokens
        self._terms = t = terms
        self._asking = (
            "?" in raw
            or any(w.startswith(t.asking) for w in tokens)
            or any(w in t.amount for w in tokens)  # "сколько могут вычитать за жильё" asks
        )
        self._excess = any(w.startswith(t.excess) for w in tokens)
        self._sentences = (
            clause_numbers(raw, tokens, _SENTENCE_BREAK)
            if self._asking and not self._excess
            else None
        )

    def _written_before(self, start: int) -> bool:
        tokens, sentences, t = self._tokens, self._sentences, self._terms
        if sentences is None or start >= len(tokens):
            return False
        contract = written = False
        for at in range(start - 1, -1, -1):
            if sentences[at] != sentences[start] or tokens[at] in t.contrast:
                break
            word = tokens[at]
            if word in t.amount:  # "сколько могут вычитать за жильё?": a rate asked about
                return True
            if word.startswith(t.contract):
                contract = True
                written = written or (at > 0 and tokens[at - 1] in t.by)
            written = written or word.startswith(t.written)
        return contract and written

    def _written_after(self, end: int) -> bool:
        """The contract named as written after token `end`: "... по договору вроде так", "it's
        in the contract", with no "but" and no negator on the way."""
        tokens, t = self._tokens, self._terms
        for at in range(end, len(tokens)):
            word = tokens[at]
            if word in t.contrast or word in NEGATORS:
                return False
            if word.startswith(t.contract):
                before = tokens[max(0, at - 3) : at]
                return any(w in t.by or w in t.in_ or w.startswith(t.written) for w in before)
        return False

    def covers(self, start: int, matched: str, indicator: str) -> bool:
        """Whether the phrase `matched` at token `start`, pointing to `indicator`, is a
        deduction the contract writes down, asked about."""
        if indicator != "risk_wages_withheld" or self._sentences is None:
            return False
        if not any(word.startswith(self._terms.deduction) for word in matched.split()):
            return False
        return self._written_before(start) or self._written_after(start + len(matched.split()))
