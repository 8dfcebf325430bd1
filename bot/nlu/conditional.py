"""Danger phrases inside a condition that has not come true: a question asked in advance, a
contract clause on what leaving early costs, a debt to a bank.

Three kinds of benign message name a harm as a condition, not as what is happening (issue 10,
the 2026-11-30 held-out set 7):

* an if-clause asked about in advance: "а если не заплатят?", "esli na rabote zaberut telefon,
  kak svyazat'sya s rodnymi?" (Russian and Belarusian say it with a perfective future:
  "заплатят", "заберут", "адпусцяць"), or "If they threaten me or hold my pay, who do I call
  there? Asking before I go" (English has no such future, so the message must say it is asked
  in advance or only asked: `bot.nlu.reassured`);
* a training-cost clause: "если уволюсь раньше, должен буду вернуть деньги за обучение" -- a
  debt phrase in a message about a course or training and leaving early is contract advice;
* an everyday debt to a bank: "my bank says I owe 3,000 on my credit card".

The danger phrases stay the safety net: an if-clause in the present with no reassurance ("что
делать, если не отпускают?", "што рабіць, калі не адпускаюць?", "what do I do if they don't
let me leave") or with "again" ("if they hit me again") still fires; a debt to the boss, the
agency or the landlord ("the bank loan was for the agency, now the boss says I owe him") still
fires, and so does a training debt with nothing about leaving early ("я должен им деньги за
обучение и меня не отпускают").
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.nlu.normalize import cyrillize, has_latin_words
from bot.nlu.reassured import reassured

# Transliterated "esli" is matched in its Cyrillic reading.
_IF_WORDS = frozenset("if если калі esli kali".split())
# The if-clause is about something that has happened before: "if they hit me again".
_AGAIN = frozenset("again снова опять зноў ізноў still anymore".split())
# Perfective futures of the danger verbs (not their presents: "не платят", "не адпускаюць").
_FUTURES = frozenset(
    "заплатят заплатит заберут заберет отдадут отдаст отпустят отпустит выпустят "
    "выпустит вернут вернет удержат оставят "
    "заплацяць заплаціць забяруць забярэ аддадуць аддасць адпусцяць адпусціць выпусцяць "
    "выпусціць вернуць".split()
)
_IF_SPAN = 8  # words from the if-word to the phrase's start
# Asked before going: "Asking before I go", "перед поездкой", "я ещё не уехала". Not a
# reassurance for the model (bot.nlu.reassured): "обновить паспорт перед поездкой" is
# a legal-work question, and the token pulled such lines into the safety plan.
_IN_ADVANCE: tuple[tuple[str, ...], ...] = (
    ("asking", "before"), ("before", "i", "go"), ("before", "i", "leave"), ("before", "leaving"),
    ("before", "i", "travel"), ("haven't", "left"), ("havent", "left"), ("not", "left", "yet"),
    ("перед", "поездкой"), ("перед", "отъездом"), ("до", "отъезда"), ("спрашиваю", "заранее"),
    ("пока", "не", "уехал"), ("пока", "не", "уехала"), ("еще", "не", "уехал"),
    ("еще", "не", "уехала"), ("перад", "паездкай"), ("перад", "ад'ездам"),
    ("пакуль", "не", "паехала"), ("пакуль", "не", "паехаў"), ("яшчэ", "не", "паехала"),
    ("яшчэ", "не", "паехаў"), ("пытаюся", "загадзя"),
)  # fmt: skip
# A course or training the contract makes one repay.
_TRAINING_STEMS = ("обучени", "обучен", "курс", "навучан", "training", "course", "тренинг",
                   "трэнінг")  # fmt: skip
# Leaving early, which the clause makes cost money ("if I leave before 6 months").
_EARLY = frozenset(
    "раньше досрочно уволюсь уйду уволиться уйти раней звольнюся сыду звольніцца early before "
    "quit leave".split()
)
_BANK_STEMS = ("банк", "кредит", "ипотек", "займ", "микрозайм", "крэдыт", "іпатэк", "bank",
               "credit", "loan", "mortgage")  # fmt: skip
# A debt to one of these is the risk kind, whatever else the message names.
_CREDITOR_STEMS = ("работодат", "начальн", "бригадир", "хозя", "агент", "агенц", "фирм",
                   "наймальн", "гаспадар", "employer", "boss", "agenc", "agent", "recruit",
                   "landlord", "foreman", "company", "посредник", "вербовщ")  # fmt: skip
DEBT_INDICATOR = "risk_debt_bondage"


def future_condition(tokens: Sequence[str]) -> bool:
    """Whether cleaned `tokens` ask about a harm as a future condition: an if-word with a
    perfective future of a danger verb a few words on ("а если не заплатят?", "калі не
    заплацяць у канцы сезона"), without "again". The classifier's risk evidence alone then
    needs more weight (bot.core.triage); the danger phrases decide as above."""
    words = list(tokens)
    if has_latin_words(" ".join(words)):
        words = cyrillize(" ".join(words)).split()
    if any(word in _AGAIN for word in words):
        return False
    return any(
        word in _IF_WORDS and any(w in _FUTURES for w in words[at + 1 : at + 1 + _IF_SPAN])
        for at, word in enumerate(words)
    )


class Conditions:
    """Which danger-phrase matches of one cleaned message sit inside a condition (module doc).

    `clauses`: the clause number of each token (`bot.nlu.negation.clause_numbers`); without it
    no if-clause is found (the debt rules need none).
    """

    def __init__(self, tokens: Sequence[str], clauses: Sequence[int] | None, raw: str) -> None:
        self._tokens = tokens
        self._clauses = clauses
        self._asked_in_advance = reassured(tokens, raw) or any(
            tuple(tokens[at : at + len(cue)]) == cue
            for at in range(len(tokens))
            for cue in _IN_ADVANCE
            if cue[0] == tokens[at]
        )
        creditor = any(word.startswith(_CREDITOR_STEMS) for word in tokens)
        training = any(word.startswith(_TRAINING_STEMS) for word in tokens)
        early = any(word in _EARLY for word in tokens) and any(w in _IF_WORDS for w in tokens)
        self._debt_benign = not creditor and (
            (training and early) or any(word.startswith(_BANK_STEMS) for word in tokens)
        )

    def _in_if_clause(self, start: int, end: int) -> bool:
        tokens, clauses = self._tokens, self._clauses
        if clauses is None or start >= len(clauses):
            return False
        clause = clauses[start]
        for at in range(start - 1, max(-1, start - 1 - _IF_SPAN), -1):
            if clauses[at] != clause:
                return False
            if tokens[at] in _IF_WORDS:
                span = tokens[at : min(end, len(tokens))]
                whole = [w for w, c in zip(tokens, clauses, strict=True) if c == clause]
                if any(word in _AGAIN for word in whole):
                    return False  # "if they threaten me again"
                return self._asked_in_advance or any(word in _FUTURES for word in span)
        return False

    def covers(self, start: int, length: int, indicator: str) -> bool:
        """Whether a phrase of `length` words starting at token `start`, pointing to
        `indicator`, is inside a condition that has not come true."""
        if indicator == DEBT_INDICATOR and self._debt_benign:
            return True
        return self._in_if_clause(start, start + length)
