"""The scope of a negation or a hypothetical over a danger phrase found in a message.

"никто не забирал паспорт", "they did not lock us in" and "just in case: what if they keep my
passport?" name a harm that did not happen; "не отдают паспорт" and "they don't let me leave"
name a harm that is the negation itself. So a phrase is read as negated only when:

* a negator ("не", "not", "nobody", "никто", "ніхто", "never", "didn't" ...) stands at most
  `SCOPE` words before it, in the same clause (no comma, full stop or "but" between them), with
  no "stop" verb after it ("не перестают бить" is still violence);
* or a clause that begins with a negator ends with "or anything (like that)", "или что-то
  такое", "ці нешта такое" after the phrase: the negator covers the whole list ("nobody's taken
  my papers or threatened me or anything like that");
* the phrase carries no negation of its own ("не отдают паспорт*" is written negated);
* the phrase names a harm done, not something withheld: phrases with "let", "pay", "give",
  "отдают", "плацяць", "выпускают" ... are the harm when negated, so they are never suppressed.

A hypothetical frame ("на всякий случай", "just in case", "what if", "если вдруг", "if ...
ever") or a story in a film, book or essay anywhere before a phrase suppresses it too (only
where it frames the message, `bot.nlu.story_frame`: "the book is at zero" is a debt ledger),
and so does "gave it back" / "вернули" after it (a passport checked at the border and handed
back).
The danger phrases stay the safety net: when in doubt a phrase fires. (Only phrases that can be
negated are checked: see `polarity_free`.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.nlu.general_question import FIRST_PERSON
from bot.nlu.normalize import clean
from bot.nlu.story_frame import story_frame_at

SCOPE = 2  # words between the negator and the phrase, the negator included

NEGATORS = frozenset(
    "не ня not never nobody noone никто никого никогда ніхто нікога ніколі didn't didnt "
    "don't dont doesn't doesnt haven't havent hasn't hasnt wasn't wasnt weren't werent won't "
    "wont can't cant cannot "
    # contractions of a negative pronoun or "is"/"are" ("nobody's holding my documents",
    # "nothing's wrong", "there ain't anyone", "isn't anyone"): the same negation, one token
    "nobody's nobodys noone's nothing's nothings isn't isnt aren't arent ain't aint "
    # transliterated Russian, matched before it is read back into Cyrillic ("ya ne v opasnosti")
    "ne nikto nikogo nikogda".split()
)
# "no one", "no one's": the second word of a two-word negator after "no".
_NO_ONE = frozenset("one one's ones".split())
# Clause joints that end a negation's scope, like a comma does.
JOINTS = frozenset("but and но а и але і ды".split())
# After a negator these turn it round: "не перестают бить", "won't stop hitting me".
_STOP_STEMS = ("stop", "перестал", "перестан", "перестаю", "прекрат", "прекращ", "перастал",
               "перастан", "перастаю", "спыня", "спыні", "quit")  # fmt: skip
# Phrases about something withheld: negated, they are the harm itself.
_WITHHOLDING_STEMS = (
    "let", "allow", "give", "gave", "return", "pay", "paid", "releas", "leave", "go", "out",
    "отда", "отдад", "верн", "возвра", "плат", "плач", "выплат", "выпуск", "отпуск", "пуска",
    "пуст", "дают", "дает", "дал", "дава", "разреш", "уйти", "уехать", "выйти", "уеха",
    "адда", "аддад", "вярта", "плац", "вызвал", "адпуск", "выпуска", "пуск", "даюць", "дае",
    "дазвал", "дазвол", "сысці", "выйсці", "з'ехаць", "паехаць", "адпусц",
)  # fmt: skip
_HYPOTHETICALS: tuple[tuple[str, ...], ...] = (
    ("на", "всякий", "случай"), ("на", "ўсякі", "выпадак"), ("на", "усякі", "выпадак"),
    ("just", "in", "case"), ("in", "case"), ("what", "if"), ("если", "вдруг"),
    ("калі", "раптам"), ("а", "вдруг"), ("hypothetically",), ("гипотетически",),
    ("гіпатэтычна",), ("теоретически",), ("тэарэтычна",), ("in", "theory"),
    ("если", "бы"), ("калі", "б"), ("калі", "бы"), ("esli", "by"), ("what", "would"),
    ("suppose",), ("imagine",),
)  # fmt: skip
# News and articles about others: like a story, but a phrase in a clause with a first-person
# word is the writer's own ("как в новостях: нас держат на ферме"), so those still fire.
_NEWS_STEMS = ("новост", "новасц", "навін", "стать", "артыкул")
_NEWS_WORDS = frozenset("news article articles report headline headlines".split())
# "if" with "ever" a few words on ("if my employer ever asks to hold my passport").
_IF_WORDS = frozenset("if если калі".split())
_EVER_WORDS = frozenset("ever когда-нибудь когда-либо калі-небудзь".split())
_IF_EVER_SPAN = 4
_CLAUSE_BREAK = re.compile(r"[,.;:!?()\[\]\n«»\"…]+|\s[-–—]+\s")


def clause_numbers(
    raw: str, tokens: Sequence[str], breaks: re.Pattern[str] = _CLAUSE_BREAK
) -> list[int] | None:
    """The clause number of each token of `clean(raw)`, or None if they do not line up;
    `breaks` says where a clause ends (a sentence's end, for whole sentences)."""
    numbers: list[int] = []
    for number, clause in enumerate(breaks.split(raw)):
        numbers += [number] * len(clean(clause).split())
    return numbers if len(numbers) == len(tokens) else None


def _negator_before(tokens: Sequence[str], clauses: Sequence[int] | None, start: int) -> bool:
    for back in range(1, SCOPE + 1):
        at = start - back
        if at < 0 or tokens[at] in JOINTS:
            return False
        if clauses is not None and clauses[at] != clauses[start]:
            return False
        word = tokens[at]
        if word in NEGATORS or (word in _NO_ONE and at > 0 and tokens[at - 1] == "no"):
            turned = any(tokens[i].startswith(_STOP_STEMS) for i in range(at + 1, start))
            return not turned
    return False


Cues = dict[str, tuple[tuple[str, ...], ...]]


def by_first_word(cues: tuple[tuple[str, ...], ...]) -> Cues:
    """Cues indexed by their first word, so each token costs one dict look-up."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for cue in cues:
        index.setdefault(cue[0], []).append(cue)
    return {word: tuple(found) for word, found in index.items()}


_HYPOTHETICAL_CUES = by_first_word(_HYPOTHETICALS)


def cue_at(tokens: Sequence[str], at: int, cues: Cues) -> bool:
    """Whether one of `cues` (indexed by `by_first_word`) starts at token `at`."""
    return any(tuple(tokens[at : at + len(cue)]) == cue for cue in cues.get(tokens[at], ()))


def negated_at(tokens: Sequence[str], at: int, clauses: Sequence[int] | None = None) -> bool:
    """Whether a negator stands up to SCOPE words before token `at`, in its clause: "never gave
    it back" is negated, "никто не забирал, просто спрашиваю" is not."""
    return any(
        tokens[i] in NEGATORS and (clauses is None or clauses[i] == clauses[at])
        for i in range(max(0, at - SCOPE), at)
    )


def frames_at(tokens: Sequence[str], at: int) -> bool:
    """Whether a hypothetical or story frame starts at token `at`."""
    if story_frame_at(tokens, at):
        return True
    word = tokens[at]
    if word in _IF_WORDS and any(w in _EVER_WORDS for w in tokens[at + 1 : at + 1 + _IF_EVER_SPAN]):
        return True
    return cue_at(tokens, at, _HYPOTHETICAL_CUES)


def polarity_free(phrase_words: Sequence[str]) -> bool:
    """Whether a phrase can be negated by its context: no negator or withholding word in it."""
    return not any(word in NEGATORS or word.startswith(_WITHHOLDING_STEMS) for word in phrase_words)


# "... and gave it back", "... и сразу вернули": what was taken was returned (a check at the
# border, a copy made). Not after a negator: "и не вернули" is the harm.
_GIVEN_BACK: tuple[tuple[str, ...], ...] = (
    ("gave", "it", "back"), ("gave", "them", "back"), ("handed", "it", "back"),
    ("handed", "them", "back"), ("returned", "it"), ("returned", "them"), ("вернули",),
    ("вернул",), ("вернула",), ("отдали", "обратно"), ("отдал", "обратно"), ("вярнулі",),
    ("вярнуў",), ("аддалі", "назад"), ("аддаў", "назад"),
    # transliteration and Łacinka: the Latin reading is matched by the Latin phrases
    ("vernuli",), ("vernul",), ("vernula",), ("otdali", "obratno"), ("otdal", "obratno"),
    ("viarnuli",), ("vjarnuli",), ("vyarnuli",), ("viarnuŭ",), ("addali", "nazad"),
)  # fmt: skip
_GIVEN_BACK_CUES = by_first_word(_GIVEN_BACK)
# "... и через 10 минут отдали, это нормально?": "gave" ending its clause gave it back; "отдали
# хозяину" (gave it to someone) does not end the clause and is no return.
_GIVEN_AT_CLAUSE_END = frozenset(
    "отдали отдал отдала аддалі аддаў аддала otdali otdal otdala".split()
)


# "... or anything like that" closing a clause that began with a negator: the negator covers
# every harm listed in it ("nobody took my passport or threatened me or anything like that").
_LIST_TAILS: tuple[tuple[str, ...], ...] = (
    ("or", "anything"), ("или", "что-то", "такое"), ("или", "что-то", "подобное"),
    ("или", "что-нибудь", "такое"), ("ці", "нешта", "такое"), ("або", "нешта", "такое"),
    ("ili", "chto-to", "takoe"),
)  # fmt: skip
_LIST_TAIL_CUES = by_first_word(_LIST_TAILS)


def _negated_lists(tokens: Sequence[str], clauses: Sequence[int] | None) -> list[tuple[int, int]]:
    """(first negator, list tail) token spans of the clauses a negated list closes."""
    if clauses is None:
        return []
    spans = []
    for at in range(len(tokens)):
        if not cue_at(tokens, at, _LIST_TAIL_CUES):
            continue
        negator = next(
            (i for i in range(at) if clauses[i] == clauses[at] and tokens[i] in NEGATORS), None
        )
        if negator is not None:
            spans.append((negator, at))
    return spans


class NegationScope:
    """Where negations and frames sit in one cleaned message, found in one pass.

    `negated(start)` then costs a few token look-ups, so a message with many phrase matches
    stays linear in its length.
    """

    def __init__(self, tokens: Sequence[str], clauses: Sequence[int] | None) -> None:
        self._tokens = tokens
        self._clauses = clauses
        self._first_frame = next(
            (at for at in range(len(tokens)) if frames_at(tokens, at)), len(tokens)
        )
        self._first_news = next(
            (at for at, word in enumerate(tokens)
             if word in _NEWS_WORDS or word.startswith(_NEWS_STEMS)),
            len(tokens),
        )  # fmt: skip
        self._negated_lists = _negated_lists(tokens, clauses)
        self._last_given_back = next(
            (
                at
                for at in range(len(tokens) - 1, -1, -1)
                if self._given_back_at(at) and not negated_at(tokens, at, clauses)
            ),
            -1,
        )

    def _given_back_at(self, at: int) -> bool:
        if cue_at(self._tokens, at, _GIVEN_BACK_CUES):
            return True
        if self._tokens[at] not in _GIVEN_AT_CLAUSE_END or self._clauses is None:
            return False
        return at + 1 == len(self._tokens) or self._clauses[at + 1] != self._clauses[at]

    def hypothetical_just_before(self, start: int) -> bool:
        """Whether a hypothetical cue ("если вдруг", "what if", "калі раптам") ends at most one
        word before token `start`, in its clause: "а если вдруг не заплатят" asks about a harm
        that has not happened. Only this close: "не платят, а если вдруг уволят" still fires."""
        tokens, clauses = self._tokens, self._clauses
        for at in range(max(0, start - 4), start):
            for cue in _HYPOTHETICAL_CUES.get(tokens[at], ()):
                end = at + len(cue)
                if tuple(tokens[at:end]) != cue or not start - 1 <= end <= start:
                    continue
                if clauses is None or clauses[at] == clauses[start]:
                    return True
        return False

    def negated(self, start: int) -> bool:
        """Whether the phrase starting at token `start` is under a negation or a frame, or
        what it names was given back later in the message."""
        return (
            _negator_before(self._tokens, self._clauses, start)
            or any(negator < start < tail for negator, tail in self._negated_lists)
            or self._first_frame < start
            or self._last_given_back > start
            or (self._first_news < start and not self._personal(start))
        )

    def _personal(self, start: int) -> bool:
        """Whether the clause of token `start` has a first-person word (all of the message when
        its clauses are unknown)."""
        clauses = self._clauses
        return any(
            word in FIRST_PERSON and (clauses is None or clauses[at] == clauses[start])
            for at, word in enumerate(self._tokens)
        )
