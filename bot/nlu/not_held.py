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
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.nlu.negation import NEGATORS

# The holder a phrase ends in, as the person it points to; the forms that person takes as the
# object of "держит".
_PERSON = {"нее": "she", "ней": "she", "ее": "she", "него": "he", "нем": "he", "его": "he",
           "них": "they", "их": "they", "яе": "she", "яго": "he", "іх": "they", "her": "she",
           "him": "he", "them": "they"}  # fmt: skip
_HOLD_STEMS = ("держ", "удерж", "трым", "утрым", "hold", "keep", "kept")
_DOCUMENTS = "risk_documents_withheld"
_NEAR = 3  # words between the holding verb and the pronoun, the negator among them


def _denied_holds(tokens: Sequence[str]) -> set[str]:
    """The persons the message says nobody holds ("никто её не держит": {"she"})."""
    persons: set[str] = set()
    for at, word in enumerate(tokens):
        if not word.startswith(_HOLD_STEMS):
            continue
        around = tokens[max(0, at - _NEAR) : at + 2]
        if not NEGATORS & set(tokens[max(0, at - _NEAR) : at]):
            continue
        persons |= {_PERSON[w] for w in around if w in _PERSON}
    return persons


class NotHeld:
    """Which documents phrases of one cleaned message name papers with a person nobody holds."""

    def __init__(self, tokens: Sequence[str]) -> None:
        self._free = _denied_holds(tokens)

    def covers(self, phrase: Sequence[str], indicator: str) -> bool:
        """Whether a phrase's words `phrase`, pointing to `indicator`, end in a person the
        message says nobody holds."""
        if indicator != _DOCUMENTS or not phrase or not self._free:
            return False
        return _PERSON.get(phrase[-1]) in self._free
