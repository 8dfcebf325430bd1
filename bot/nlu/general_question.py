"""A general question about the law or the warning signs, not a report of what is happening.

"можно ли законно удерживать паспорт работника?", "is it legal for an employer to hold your
passport?", "как понять заранее, что тебя хотят продать в рабство?", "is there no way out of
this contract?" name a harm in a question about the general case, before anything happened. A
danger phrase in such a clause is not a report, so it does not fire (`GeneralQuestions`); the
classifier reads the message as usual.

A clause is a general question when it opens with a question cue ("можно ли", "законно ли",
"как понять", "is it legal", "is there", "ці можна"), the phrase comes after it, and the clause
has no word of the first person ("я", "мой", "нас", "мяне", "my", "we" ...). The danger
phrases stay the safety net: "законно ли, что у меня забрали паспорт?", "is it legal that they
keep my passport?" and "как понять, что меня продали" (the phrase in a clause of its own) still
fire, and so does every phrase written with a negation ("не платят", "не отдают"): a withheld
duty said in a question is too often the person's own.
"""

from __future__ import annotations

from collections.abc import Sequence

# Question openers: each must begin its clause (after at most one of `_LEAD`).
_CUES: tuple[tuple[str, ...], ...] = (
    # ru (transliterated Russian is matched after it is read back into Cyrillic)
    ("можно", "ли"), ("законно", "ли"), ("имеет", "ли", "право"), ("имеют", "ли", "право"),
    ("вправе", "ли"), ("может", "ли"), ("могут", "ли"), ("разрешено", "ли"),
    ("разрешается", "ли"), ("есть", "ли"), ("бывает", "ли"), ("как", "понять"),
    ("как", "узнать"), ("как", "распознать"), ("как", "отличить"), ("как", "заранее"),
    ("как", "не", "попасть"), ("какие", "признаки"), ("по", "каким", "признакам"),
    # be
    ("ці", "можна"), ("ці", "законна"), ("ці", "мае", "права"), ("ці", "маюць", "права"),
    ("ці", "можа"), ("ці", "могуць"), ("ці", "дазволена"), ("ці", "бывае"),
    ("як", "зразумець"), ("як", "даведацца"), ("як", "распазнаць"), ("як", "адрозніць"),
    ("як", "загадзя"), ("як", "не", "трапіць"), ("якія", "прыкметы"),
    ("па", "якіх", "прыкметах"),
    # en
    ("is", "it", "legal"), ("is", "that", "legal"), ("is", "this", "legal"),
    ("is", "it", "allowed"), ("are", "employers", "allowed"), ("can", "an"), ("can", "a"),
    ("can", "employers"), ("may", "an"), ("may", "a"), ("is", "there"), ("are", "there"),
    ("how", "do", "you", "know"), ("how", "do", "you", "spot"), ("how", "can", "you", "tell"),
    ("how", "to", "tell"), ("how", "to", "spot"), ("how", "to", "recognise"),
    ("how", "to", "recognize"), ("how", "to", "avoid"), ("what", "are", "the", "signs"),
)  # fmt: skip
# A word a question may open with before its cue: "а можно ли", "and is it legal".
_LEAD = frozenset("а и но ну і ды and but so".split())
_CUES_BY_WORD: dict[str, tuple[tuple[str, ...], ...]] = {}
for _cue in _CUES:
    _CUES_BY_WORD[_cue[0]] = (*_CUES_BY_WORD.get(_cue[0], ()), _cue)

# The person speaking (alone or with others): a clause with one of these is about them.
FIRST_PERSON = frozenset(
    # ru
    "я меня мне мной мною мой моя мое мои моего моей моих моим моими моему мою нас нам нами "
    "наш наша наше наши нашего нашей наших нашим нашими нашу сам сама "
    # be
    "мяне мной мной мая мае маіх маім маімі маю майго майму намі наша нашы нашых нашым "
    "нашай "
    # en
    "i me my mine myself we us our ours ourselves i'm im i've ive i'd i'll ill we're "
    "we've".split()
)


class GeneralQuestions:
    """Which clauses of one cleaned message are general questions (see the module doc).

    `clauses`: the clause number of each token (`bot.nlu.negation.clause_numbers`); without it
    no clause is taken for a general question.
    """

    def __init__(self, tokens: Sequence[str], clauses: Sequence[int] | None) -> None:
        self._clauses = clauses
        self._first_cue: dict[int, int] = {}  # clause -> token index where its first cue ends
        personal: set[int] = set()
        if clauses is None:
            return
        for at, word in enumerate(tokens):
            clause = clauses[at]
            if word in FIRST_PERSON:
                personal.add(clause)
            opening = at == 0 or clauses[at - 1] != clause  # the clause's first word
            if not opening and at >= 1 and tokens[at - 1] in _LEAD:
                opening = at == 1 or clauses[at - 2] != clause
            if not opening or clause in self._first_cue:
                continue
            for cue in _CUES_BY_WORD.get(word, ()):
                if tuple(tokens[at : at + len(cue)]) == cue:
                    self._first_cue[clause] = at + len(cue)
                    break
        for clause in personal:
            self._first_cue.pop(clause, None)

    def covers(self, start: int) -> bool:
        """Whether a phrase starting at token `start` is inside a general question."""
        if self._clauses is None or start >= len(self._clauses):
            return False
        end = self._first_cue.get(self._clauses[start])
        return end is not None and end <= start
