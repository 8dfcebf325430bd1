"""A thing lent to a neighbour or a friend and not given back: what was taken decides.

"sosed zabral moyu drel i ne otdaet", "my neighbour borrowed my ladder and won't give it back",
"сябар узяў ровар і не вяртае": the words of a withheld passport ("забрал ... не отдаёт",
"won't give it back") about a drill, a ladder or a book. The model read them as documents
withheld (0.6-0.9) and "won't give it back" is a danger phrase.

`borrowed_thing` is true when the message names a lender's side (a borrowing verb, or a
neighbour, a friend, a flatmate or a colleague as the taker) and a thing not given back ("не
отдаёт", "won't give it back": without it the friend is the harmed one, "подруге не платят"),
names nothing a person is held by
(a passport, documents, an ID or a permit, a phone, money, wages, a bank card), and names no
employer, agency or landlord. Then the documents and wages phrases do not fire, and the
classifier's evidence for those two intents does not count (bot.core.triage): a threat or a
locked door in the same message still does. "сосед по комнате забрал мой паспорт", "a friend of
the boss took my phone", "the foreman borrowed my passport" stay at risk.

`held_deposit` (set 13): a landlord's deposit or rent not given back ("my landlord is holding my
deposit and won't give it back", "хозяин квартиры не возвращает залог") is a housing dispute,
not documents or wages withheld: a deposit or a landlord named, nothing a person is held by
(money aside: the deposit is money) and no employer, agency, workplace or dormitory.
"the employer holds my passport as a deposit", "хозяин квартиры забрал паспорт в залог" stay at
risk. `nothing_held` is any of the three.

The words are content: `borrowed` in content/triage_frames.yaml
(`bot.content.models.BorrowedWords`); without them nothing is let off.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.nlu.cue_words import stems, words

if TYPE_CHECKING:
    from bot.content.models import BorrowedWords

# The indicators a borrowed drill is mistaken for: their phrases do not fire on it, and the
# classifier's evidence for them does not count (bot.core.triage).
HELD_INDICATORS = frozenset({"risk_documents_withheld", "risk_wages_withheld"})


class Borrowed:
    """The frames of a thing lent, a friend's debt and a landlord's deposit (module doc), with
    the words of `words_` (None: nothing is let off). Every method takes cleaned tokens."""

    def __init__(self, words_: BorrowedWords | None = None) -> None:
        w = words_
        self._borrow = stems(w.borrow_stems if w else None)
        self._taker = stems(w.taker_stems if w else None)
        self._friend = words(w.friend_words if w else None)
        self._return = stems(w.return_stems if w else None)
        self._give = words(w.give_words if w else None)
        self._back = words(w.back_words if w else None)
        self._held = stems(w.held_stems if w else None)
        self._employer = stems(w.employer_stems if w else None)
        self._owe = stems(w.owe_stems if w else None)
        self._kin = words(w.kin_words if w else None)
        self._to_me = words(w.to_me_words if w else None)
        self._held_not_money = stems(w.held_not_money_stems if w else None)
        self._held_not_debt = stems(w.held_not_debt_stems if w else None)
        self._owner = stems(w.owner_stems if w else None)
        self._deposit = stems(w.deposit_stems if w else None)
        self._landlord = stems(w.landlord_stems if w else None)
        self._work = stems(w.work_stems if w else None)

    def private_debt(self, tokens: Sequence[str]) -> bool:
        """Whether `tokens` tell of money a friend, a neighbour or a relative owes the writer
        ("a friend owes me 500 euros"), with no employer, agency or landlord and no document
        named."""
        lender = any(
            w.startswith(self._taker) or w in self._friend or w in self._kin for w in tokens
        )
        owes_me = any(
            w.startswith(self._owe) and self._to_me & set(tokens[at + 1 : at + 3])
            for at, w in enumerate(tokens)
        )
        return (
            lender
            and owes_me
            and not any(w.startswith(self._held_not_money) for w in tokens)
            and not any(w.startswith(self._employer) for w in tokens)
        )

    def borrowed_thing(self, tokens: Sequence[str]) -> bool:
        """Whether `tokens` tell of a thing a neighbour or a friend took or borrowed (module
        doc)."""
        lent = any(
            w.startswith(self._borrow + self._taker) or w in self._friend for w in tokens
        )
        return (
            lent
            and (
                any(w.startswith(self._return) for w in tokens)
                or any(w in self._back and self._give & set(tokens[max(0, at - 3) : at])
                       for at, w in enumerate(tokens))
            )
            and not any(w.startswith(self._held) for w in tokens)
            and not any(w.startswith(self._employer) for w in tokens)
        )  # fmt: skip

    def held_deposit(self, tokens: Sequence[str]) -> bool:
        """Whether `tokens` tell of a landlord's deposit not given back (module doc)."""
        not_employer = self._landlord + self._owner
        return (
            any(w.startswith(self._deposit + self._landlord) for w in tokens)
            and not any(w.startswith(self._held_not_money + self._held_not_debt) for w in tokens)
            and not any(
                w.startswith(self._work) or (w.startswith(self._employer)
                                             and not w.startswith(not_employer))
                for w in tokens
            )
        )  # fmt: skip

    def nothing_held(self, tokens: Sequence[str]) -> bool:
        """A thing lent, a friend's debt or a landlord's deposit: no person is held by it."""
        return (
            self.borrowed_thing(tokens)
            or self.private_debt(tokens)
            or self.held_deposit(tokens)
        )
