"""What the writer affirms is fine, for the classifier's evidence (set 14, round 18).

"не то чтобы мне не платили, платят, но с опозданием", "мяне не падманулі, усё плацяць як
абяцалі, але хачу змяніць працу", "they don't keep our passports and we can go out whenever we
want, but the agency wants to move us" carry the words of wages withheld, deception, documents
and movement, and the classifier reads them so (0.5-0.9). The writer says the opposite:

* pay is paid: a pay verb in the present with no negator just before it ("платят", "усё
  плацяць", "they pay us"), and nothing over months ("три месяца не платят, платят только
  аванс" is no reassurance) -> the wages evidence does not count;
* not deceived: "не обманули", "мяне не падманулі", "they didn't deceive us" -> deception;
* free to go: "можем выходить когда хотим", "we can go out whenever we want" -> movement;
* the papers are not kept: "паспорта у нас", "they don't keep our passports" -> documents.

Only the classifier's evidence is touched: the danger phrases decide as ever, so "платят, но
паспорт забрали" still fires on its phrase.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.nlu.cue_words import Cue, has_cue, has_stem
from bot.nlu.negation import NEGATORS

WAGES = "risk_wages_withheld"
DECEPTION = "risk_deceptive_job"
MOVEMENT = "risk_movement_restricted"
DOCUMENTS = "risk_documents_withheld"

_PAY_WORDS = frozenset("платят плацяць platyat плоцяць pay pays paying".split())
_MONTH_STEMS = ("месяц", "месяцаў", "месяца", "month", "mesyac", "mesyats", "недел", "тыдн",
                "week")  # fmt: skip
# Pay affirmed only as a reassurance: after "не то чтобы" / "not that", or "as promised", "on
# time"; "платят меньше", "they only pay half" name a shortfall.
_NOT_THAT: tuple[Cue, ...] = (
    ("не", "то", "чтобы"), ("не", "тое", "каб"), ("ne", "to", "chtoby"), ("ne", "toe", "kab"),
    ("not", "that"),
)  # fmt: skip
_AS_PROMISED: tuple[Cue, ...] = (
    ("как", "обещали"), ("як", "абяцалі"), ("as", "promised"), ("вовремя",), ("on", "time"),
    ("у", "тэрмін"), ("в", "срок"), ("kak", "obeshchali"), ("vovremya",),
)  # fmt: skip
_SHORTFALL_STEMS = ("меньш", "менш", "less", "half", "половин", "палов", "only", "тольк",
                    "толькі", "tolk", "never", "штраф", "fine", "cut", "refus", "below", "ниже",
                    "ніжэй", "advance", "аванс", "penn", "копе")  # fmt: skip
_DECEIVE_STEMS = ("обман", "падман", "ашука", "обману", "deceiv", "cheat", "lied", "obman")
_FREE: tuple[Cue, ...] = (
    ("whenever", "we", "want"), ("whenever", "i", "want"), ("free", "to", "leave"),
    ("free", "to", "go"), ("когда", "хотим"), ("когда", "хочу"), ("калі", "хочам"),
    ("калі", "хачу"), ("kogda", "hotim"), ("kogda", "khotim"), ("свободно", "выходим"),
    ("свабодна", "выходзім"),
)  # fmt: skip
_KEEP_STEMS = ("keep", "kept", "hold", "держ", "трым", "забира", "забрал", "забіра", "забрал",
               "take", "took", "derzh", "zabra")  # fmt: skip
_PAPER_STEMS = ("passport", "document", "паспорт", "пашпарт", "докум", "дакум", "pasport")


_PAY_STEMS = ("плат", "плац", "plat", "paid", "pay")


def _negated(tokens: Sequence[str], at: int) -> bool:
    """A negator just before token `at`, or two before it with no other pay verb between ("не
    всегда платят" is negated; in "мне не платили, платят" the "не" is the other verb's)."""
    if at and tokens[at - 1] in NEGATORS:
        return True
    return at > 1 and tokens[at - 2] in NEGATORS and not tokens[at - 1].startswith(_PAY_STEMS)


def _cue_at(tokens: Sequence[str], at: int, cue: Cue) -> bool:
    return tuple(tokens[at : at + len(cue)]) == cue


def affirmed_fine(tokens: Sequence[str]) -> frozenset[str]:
    """The risk intents cleaned `tokens` affirm are fine (module doc)."""
    found: set[str] = set()
    paid = any(w in _PAY_WORDS and not _negated(tokens, at) for at, w in enumerate(tokens))
    reassured = has_cue(tokens, _NOT_THAT + _AS_PROMISED)
    if paid and reassured and not has_stem(tokens, _MONTH_STEMS + _SHORTFALL_STEMS):
        found.add(WAGES)
    deceive = [at for at, w in enumerate(tokens) if w.startswith(_DECEIVE_STEMS)]
    if deceive and all(_negated(tokens, at) for at in deceive):
        found.add(DECEPTION)
    if has_cue(tokens, _FREE) and any(_cue_at(tokens, at, cue) and not _negated(tokens, at)
                                      for at in range(len(tokens)) for cue in _FREE):  # fmt: skip
        found.add(MOVEMENT)
    kept = [at for at, w in enumerate(tokens) if w.startswith(_KEEP_STEMS)]
    papers = has_stem(tokens, _PAPER_STEMS)
    if papers and kept and all(_negated(tokens, at) for at in kept):
        found.add(DOCUMENTS)
    return frozenset(found)
