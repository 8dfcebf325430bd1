"""Papers that are with the person nobody holds: "pasport u nee, nikto ee ne derzhit".

"паспорт у неё" is a danger phrase: the passport is with HER, a hostess or a boss who keeps it.
Set 13's "Znakomaya v Batumi ostalas bez deneg ... pasport u nee, nikto ee ne derzhit" says the
opposite: the passport is with the friend herself, whom nobody holds. So a documents phrase that
ends in a pronoun ("у неё", "у него", "у них") is let off when the message denies holding the
same person: a holding verb ("держит", "удерживает", "трымае", "holds", "keeps") with a negator
just before it and that pronoun next to it ("никто её не держит", "её никто не держит", "никто
не держит её"). Transliteration is read in its Cyrillic reading (bot.core.danger_phrases).

"паспорт у неё, нас никто не выпускает" (another person), "паспорт у него, меня он держит" (no
negator) and "паспорт у неё и не отдаёт" still fire.

The words are content: `not_held` in content/triage_frames.yaml
(`bot.content.models.NotHeldWords`); without them nothing is let off.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.nlu.cue_words import stems, words
from bot.nlu.negation import NEGATORS

if TYPE_CHECKING:
    from bot.content.models import NotHeldWords

_DOCUMENTS = "risk_documents_withheld"
_NEAR = 3  # words between the holding verb and the pronoun, the negator among them


class HeldPersons:
    """The holding verbs and the persons' forms of `words_` (None: nothing is let off)."""

    def __init__(self, words_: NotHeldWords | None = None) -> None:
        w = words_
        self.hold = stems(w.hold_stems if w else None)
        # The holder a phrase ends in, as the person it points to; the forms that person
        # takes as the object of "держит".
        self.person: dict[str, str] = {}
        for person, forms in (("she", w.she_words if w else None),
                              ("he", w.he_words if w else None),
                              ("they", w.they_words if w else None)):  # fmt: skip
            self.person.update(dict.fromkeys(words(forms), person))

    def read(self, tokens: Sequence[str]) -> NotHeld:
        """The documents phrases of cleaned `tokens` that name papers with a person nobody
        holds."""
        return NotHeld(tokens, self)


def _denied_holds(tokens: Sequence[str], held: HeldPersons) -> set[str]:
    """The persons the message says nobody holds ("никто её не держит": {"she"})."""
    persons: set[str] = set()
    for at, word in enumerate(tokens):
        if not word.startswith(held.hold):
            continue
        around = tokens[max(0, at - _NEAR) : at + 2]
        if not NEGATORS & set(tokens[max(0, at - _NEAR) : at]):
            continue
        persons |= {held.person[w] for w in around if w in held.person}
    return persons


class NotHeld:
    """Which documents phrases of one cleaned message name papers with a person nobody holds."""

    def __init__(self, tokens: Sequence[str], held: HeldPersons) -> None:
        self._person = held.person
        self._free = _denied_holds(tokens, held)

    def covers(self, phrase: Sequence[str], indicator: str) -> bool:
        """Whether a phrase's words `phrase`, pointing to `indicator`, end in a person the
        message says nobody holds."""
        if indicator != _DOCUMENTS or not phrase or not self._free:
            return False
        return self._person.get(phrase[-1]) in self._free
