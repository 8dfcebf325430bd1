"""A deduction the contract writes down, asked about: contract advice, not wages withheld.

"В договоре написано, что вычитают 250 евро за жильё, это нормально?", "по дамове вылічваюць
за жыллё, ці законна?", "my contract says they deduct for the room, is that legal?" ask whether
a written term is lawful. A deduction phrase ("вычита* за жиль*") is let off when, in its
sentence and before it, the contract is named as written ("в договоре написано", "по договору",
"my contract says") with no "but" / "а" in between, and the message asks ("?", "законно",
"is it legal"). The contract may come after it too, as the writer's own confirmation (set 13:
"vychitayut za zhilye 300 evro eto normalno? po dogovoru vrode tak"), with no "but" and no
negator from the phrase on ("... а в договоре такого нет" is the harm).

Deductions that leave nothing, or a debt that grows, are the harm however they are asked:
"вычитают столько, что ничего не остаётся", "they deduct so much that nothing is left", "I owe
more every month", "в договоре 1500, а вычитают половину" keep the phrase (and the classifier
decides as usual). Only deduction phrases are let off; any other phrase fires as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.nlu.negation import NEGATORS, clause_numbers

_DEDUCTION_STEMS = ("вычит", "вычет", "вылічв", "вылік", "удерж", "утрым", "deduct", "vychit")
_CONTRACT_STEMS = ("договор", "контракт", "дамов", "кантракт", "contract", "agreement",
                   "dogovor", "kontrakt")  # fmt: skip
_WRITTEN_STEMS = ("написан", "указан", "прописан", "пишут", "сказан", "напісан", "пазначан",
                  "прапісан", "written", "says", "states", "stated", "lists", "listed", "napisan",
                  "ukazan", "propisan")  # fmt: skip
# "по договору вычитают", "under the contract", "паводле дамовы": the contract's own terms.
_BY = frozenset("по под согласно паводле па under per by according".split())
# "в договоре так", "it's in the contract": the contract after the deduction.
_IN = frozenset("в у ў in v".split())
_CONTRAST = frozenset("а но але but however однако yet though".split())
_ASKING_STEMS = ("законн", "нормальн", "легальн", "законна", "нармальн", "legal", "lawful",
                 "normal", "allowed", "zakonn", "normaln")  # fmt: skip
# The harm, however it is asked: nothing left, half the pay, more than earned, a growing debt.
_EXCESS_STEMS = ("ничего", "нічога", "nothing", "столько", "столькі", "половин", "палов", "half",
                 "больше", "больш", "more", "минус", "мінус", "minus", "долж", "owe", "вінен",
                 "вінна", "everything", "всё", "все", "ўсё", "усё", "почти", "амаль", "almost",
                 "nichego", "stolko", "bolshe", "долг", "доўг", "debt", "dolg", "раст", "grow",
                 "отраб", "адпрац")  # fmt: skip
_SENTENCE_BREAK = re.compile(r"[.!?;…\n]+")


class WrittenDeductions:
    """Which deduction phrases of one cleaned message ask about a written term (module doc)."""

    def __init__(self, tokens: Sequence[str], raw: str) -> None:
        self._tokens = tokens
        self._asking = "?" in raw or any(w.startswith(_ASKING_STEMS) for w in tokens)
        self._excess = any(w.startswith(_EXCESS_STEMS) for w in tokens)
        self._sentences = (
            clause_numbers(raw, tokens, _SENTENCE_BREAK)
            if self._asking and not self._excess
            else None
        )

    def _written_before(self, start: int) -> bool:
        tokens, sentences = self._tokens, self._sentences
        if sentences is None or start >= len(tokens):
            return False
        contract = written = False
        for at in range(start - 1, -1, -1):
            if sentences[at] != sentences[start] or tokens[at] in _CONTRAST:
                break
            word = tokens[at]
            if word.startswith(_CONTRACT_STEMS):
                contract = True
                written = written or (at > 0 and tokens[at - 1] in _BY)
            written = written or word.startswith(_WRITTEN_STEMS)
        return contract and written

    def _written_after(self, end: int) -> bool:
        """The contract named as written after token `end`: "... по договору вроде так", "it's
        in the contract", with no "but" and no negator on the way."""
        tokens = self._tokens
        for at in range(end, len(tokens)):
            word = tokens[at]
            if word in _CONTRAST or word in NEGATORS:
                return False
            if word.startswith(_CONTRACT_STEMS):
                before = tokens[max(0, at - 3) : at]
                return any(w in _BY or w in _IN or w.startswith(_WRITTEN_STEMS) for w in before)
        return False

    def covers(self, start: int, matched: str, indicator: str) -> bool:
        """Whether the phrase `matched` at token `start`, pointing to `indicator`, is a
        deduction the contract writes down, asked about."""
        if indicator != "risk_wages_withheld" or self._sentences is None:
            return False
        if not any(word.startswith(_DEDUCTION_STEMS) for word in matched.split()):
            return False
        return self._written_before(start) or self._written_after(start + len(matched.split()))
