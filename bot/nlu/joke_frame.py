"""A joke said as one: "шеф сказал, что запрёт нас в офисе до релиза 😂", "boss says he'll lock
us in till the deadline haha jk", "шэф жартуе, што зачыніць нас у офісе да рэлізу".

The classifier reads "запрёт нас" as a threat whatever the tone. A joke frame needs both a joke
marker and a frame that is clearly not literal:

* the writer calls it a joke ("это же шутка", "шучу", "jk", "just kidding", "жартуе"), or
* the writer laughs (😂, "ахах", "haha", "ha ha", "lol", ")))") at a work deadline as the
  condition ("до релиза", "пока не сдадим отчёт", "until the release", "till the deadline"), or
  in an everyday setting that no one is held in (a party, the dishes and the housework, a boring
  job, being locked OUT): "ha ha they locked me in the bathroom at the party", "I am trapped in
  a boring job lol", "муж кажа, што я трымаю яго ў рабстве, бо прымушаю мыць посуд 😂".

A cry is never a joke: "нас заперли, не смешно", "locked us in lol help", "не шучу", "no joke",
"seriously", "помогите", "sos", a fear word, a threat to life ("мне не жыць"), or a doubt
("не ведаю, жартуе ён ці не"), or a question whether it is one ("это шутка?", "is he
joking?": a threat quoted and asked about). Laughter alone is no frame either: "нас заперли в
офисе 😂", "they locked me in lol what do i do" and "boss locked us in the warehouse lol" are
read as written; crying (😭) is not laughter ("help they locked me in 😭").

The words are content: `joke_frame` in content/triage_words.yaml (`bot.content.models.JokeWords`);
a `JokeFrame` compiles them once, when the triage is built for the content.

A danger joked about that is over is a frame too (set 13): laughter, no cry, nothing repeating,
and the writer was let out already ("заперли в туалете 😂 замок сломался, уже выпустили") or
"sold" to another team at work ("меня продали в другую бригаду 😂"): `over` and `transfer_after`
(for the phrases: bot.nlu.mention). "нас заперли 😂 ещё не выпустили" is no release.

A joke named with its object covers that object only (`complement_words`): "lol I joke that
I'm a volunteer here 😅 the owner hasn't paid since spring, says he'll pay it all in autumn if I
don't quit" is no joke frame, its rest is a statement read as written.

A joke, then a turn to the serious part (round 32a): "начальник держит меня в плену 😄 а если
серьёзно, как попросить прибавку?", "бос трымае мяне ў палоне 😄 а калі сур'ёзна, ...", "my boss
keeps me captive lol jk, but seriously, how do I ask for a raise?" (`serious_turns`). The words
before the turn must laugh or name a joke and hold no cry; then the danger phrases before the
turn are let off (`serious_from`, bot.core.phrase_let_offs) and those after it fire as written:
"шучу, а если серьёзно — хозяин забрал паспорт и не отдаёт" stays caught.

Under a joke frame the classifier alone needs `bot.core.triage.JOKE_THRESHOLD` of risk
evidence; the danger phrases decide as usual (a movement phrase is let off only with laughter
and a harmless setting, a deadline among them: `bot.nlu.message_frames`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from bot.nlu.negation import NEGATORS
from bot.nlu.normalize import clean

if TYPE_CHECKING:
    from bot.content.models import JokeWords

_NOTHING = re.compile(r"(?!)")  # matches nothing: a frame without words
# The raw text spelled as the cleaned entries are, letter for letter (its offsets kept).
_SAME_LENGTH = str.maketrans({"ё": "е", "’": "'", "ʼ": "'", "`": "'"})
# A question: the words since the last sentence end or quote, up to a question mark.
_QUESTION = re.compile(r"[^.!?…\n«»\"“”]*\?")
# Where a clause ends: punctuation, a dash, an emoji or a run of brackets.
_CLAUSE_END = re.compile(r"[.,;:!?…\n—–]+|[\U0001F000-\U0001FAFF\u2600-\u27BF]+|\){2,}")
# A rest after a joke's object this short ("шучу, что я раб, ахах") is no statement of its own.
_LITERAL_REST = 3


def _entries(items: Iterable[str]) -> list[str]:
    """Entries as the cleaned message spells them (lower case, ё = е), empty ones dropped."""
    return [c for c in (" ".join(clean(item).split()) for item in items) if c]


def _words(items: Iterable[str], *, stems: bool = False) -> re.Pattern[str]:
    """Whole words or phrases (`stems`: the start of a word) of a cleaned, space-joined text."""
    entries = sorted(set(_entries(items)), key=len, reverse=True)
    if not entries:
        return _NOTHING
    tail = r"[^ ]*" if stems else ""
    return re.compile(rf"(?:^| )(?:{'|'.join(map(re.escape, entries))}){tail}(?= |$)")


def _marks(items: Iterable[str]) -> re.Pattern[str]:
    """Laughter marks in the raw text; ")))" means a run of three or more brackets."""
    parts = [r"\){3,}" if mark == ")))" else re.escape(mark) for mark in items if mark]
    return re.compile("|".join(parts)) if parts else _NOTHING


def _starts(pattern: re.Pattern[str], tokens: Sequence[str]) -> list[int]:
    """The token index where each match of `pattern` in the space-joined `tokens` begins."""
    text = " ".join(tokens)
    return [text.count(" ", 0, found.end() - len(found.group(0).lstrip()))
            for found in pattern.finditer(text)]  # fmt: skip


class JokeFrame:
    """The joke frame of content/triage_words.yaml (module doc), compiled once; `words` None:
    no message is a joke. Every method takes the cleaned message's tokens."""

    def __init__(self, words: JokeWords | None = None) -> None:
        self._marks = _marks(words.laughter_marks) if words else _NOTHING
        self._laughter = _words(
            [*(words.laughter_stems if words else ())], stems=True
        )
        self._laughter_phrases = _words(words.laughter_phrases if words else ())
        self._joke = _words(words.joke_stems if words else (), stems=True)
        self._joke_words = _words(words.joke_words if words else ())
        self._deadline = _words(words.deadline_stems if words else (), stems=True)
        self._everyday = _words(words.everyday_stems if words else (), stems=True)
        self._everyday_phrases = _words(words.everyday_phrases if words else ())
        self._cry_stems = _words(words.cry_stems if words else (), stems=True)
        self._cry_phrases = _words(words.cry_phrases if words else ())
        self._cry_words = frozenset(_entries(words.cry_words if words else ()))
        self._not_a_cry_after = frozenset(_entries(words.not_a_cry_after if words else ()))
        self._over = _words(words.over_phrases if words else ())
        self._transfer = _words(words.transfer_phrases if words else ())
        self._repeat = _words(words.repeat_stems if words else (), stems=True)
        # A question that expects "yes" says it is a joke ("это же шутка, да?", "it's a joke,
        # right?"): not a doubt.
        self._confirming = frozenset(_entries(words.confirming_words if words else ()))
        # The words that make a clause the joke's object ("шучу, что ...", "I joke that ...").
        self._complement = frozenset(_entries(words.complement_words if words else ()))
        turns = _entries(words.serious_turns if words else ())
        self._turn = _words(turns)
        # The same turns in the raw text (any punctuation between the words), to cut it there.
        self._raw_turn = (
            re.compile("|".join(r"[\W_]+".join(map(re.escape, t.split())) for t in turns), re.I)
            if turns
            else _NOTHING
        )

    def laughing(self, tokens: Sequence[str], raw: str) -> bool:
        """The writer laughs: 😂, ")))", "ахах", "haha", "ha ha", "lol" (not 😭)."""
        text = " ".join(tokens)
        return bool(
            self._marks.search(raw)
            or self._laughter.search(text)
            or self._laughter_phrases.search(text)
        )

    def deadline(self, tokens: Sequence[str]) -> bool:
        """A work deadline named: "до релиза", "till the deadline"."""
        return self._deadline.search(" ".join(tokens)) is not None

    def everyday_setting(self, tokens: Sequence[str]) -> bool:
        """A party, the housework, a boring job, or locked out: nobody is held there."""
        text = " ".join(tokens)
        return bool(self._everyday.search(text) or self._everyday_phrases.search(text))

    def cries(self, tokens: Sequence[str]) -> bool:
        """A cry for help, a "not funny" or a doubt: no joke frame then."""
        for at, word in enumerate(tokens):
            asked = any(w in self._not_a_cry_after for w in tokens[max(0, at - 2) : at])
            if word in self._cry_words and not asked:
                return True
        text = " ".join(tokens)
        return bool(self._cry_stems.search(text) or self._cry_phrases.search(text))

    def asked(self, raw: str) -> bool:
        """The writer asks whether it is a joke ("это шутка или нет?", "is he joking?", "ён
        жартуе?"): a joke named in a question is a doubt, never a frame."""
        # Its last clause: "he jokes he'll lock us in, do you help with jobs?" asks no doubt.
        questions = (clean(q.split(",")[-1]).split() for q in _QUESTION.findall(raw))
        return any(self.named(q) and not self._confirming & set(q) for q in questions)

    def named(self, tokens: Sequence[str]) -> bool:
        """The writer names a joke: "шучу", "это же шутка", "jk"."""
        text = " ".join(tokens)
        return bool(self._joke.search(text) or self._joke_words.search(text))

    def _jest(self, tokens: Sequence[str], raw: str) -> bool:
        """Laughter or a joke named, no cry, and nothing said to repeat ("каждый раз")."""
        return (
            (self.laughing(tokens, raw) or self.named(tokens))
            and not self.cries(tokens)
            and self._repeat.search(" ".join(tokens)) is None
        )

    def over(self, tokens: Sequence[str], raw: str) -> bool:
        """A danger joked about and over: "уже выпустили" (no negator just before), with
        laughter and no cry or repetition."""
        starts = _starts(self._over, tokens)
        released = any(not NEGATORS & set(tokens[max(0, at - 2) : at]) for at in starts)
        return released and self._jest(tokens, raw)

    def transfer_after(self, tokens: Sequence[str], raw: str, end: int) -> bool:
        """A transfer at work ("в другую бригаду") starting at most one word after token `end`
        (where a "продали" phrase ends) or on its last word ("sold me to" + "to another team"),
        joked about: "меня продали в другую бригаду 😂"."""
        starts = _starts(self._transfer, tokens)
        return any(end - 1 <= at <= end + 1 for at in starts) and self._jest(tokens, raw)

    def rest_after_object(self, raw: str) -> str | None:
        """What `raw` says after a joke named with its object ("lol I joke that I'm a volunteer
        here 😅 | the owner hasn't paid since spring"): the raw text after the object's clause,
        or None when no joke is named with an object."""
        clauses: list[tuple[list[str], int]] = []  # each clause's tokens and where it ends
        start = 0
        for found in _CLAUSE_END.finditer(raw):
            clauses.append((clean(raw[start : found.start()]).split(), found.start()))
            start = found.end()
        clauses.append((clean(raw[start:]).split(), len(raw)))
        for number, (words, _end) in enumerate(clauses):
            for at, word in enumerate(words):
                if not self.named([word]):
                    continue
                if self._complement & set(words[at + 1 : at + 3]):
                    return raw[clauses[number][1] :]  # "I joke that ...": this clause
                if at == len(words) - 1 and number + 1 < len(clauses):
                    following, end = clauses[number + 1]
                    if following[:1] and following[0] in self._complement:
                        return raw[end:]  # "шучу, что ...": the next clause
        return None

    def _said_in_earnest(self, raw: str) -> bool:
        """A joke named with its object and a statement of its own after it, itself no joke,
        deadline or everyday setting: "ахах шучу, что я тут волонтёр 😅 хозяин не платит с
        весны, говорит отдаст всё осенью, если не уволюсь"."""
        rest = self.rest_after_object(raw)
        if rest is None:
            return False
        words = clean(rest).split()
        if len(words) < _LITERAL_REST:
            return False
        return not (self.frame(words, rest) or self.deadline(words)
                    or self.everyday_setting(words))  # fmt: skip

    def serious_from(self, tokens: Sequence[str], raw: str) -> int:
        """The index in cleaned `tokens` of `raw` of the first word after a serious turn that
        follows a joke ("... 😄 а если серьёзно, | как ..."; module doc); 0 when there is none.
        """
        text = " ".join(tokens)
        found = self._turn.search(text)
        if found is None:
            return 0
        at = text.count(" ", 0, found.start() + 1) if found.start() else 0
        before = tokens[:at]
        cut = self._raw_turn.search(raw.lower().translate(_SAME_LENGTH))
        raw_before = raw[: cut.start()] if cut else ""
        joked = self.named(before) or self.laughing(before, raw_before)
        if not before or not joked or self.cries(before):
            return 0
        return at + len(found.group(0).split())

    def frame(self, tokens: Sequence[str], raw: str) -> bool:
        """Whether cleaned `tokens` of `raw` frame the message as a joke (module doc)."""
        # The frame's own signs first: they are cheap and most messages have none; the cries,
        # the doubts and the literal rest (which cleans each clause again) only then.
        text = " ".join(tokens)
        framed = (
            self.named(tokens)
            or self.over(tokens, raw)
            # "меня продали в другую бригаду 😂"
            or bool(self._transfer.search(text) and self._jest(tokens, raw))
            or (
                self.laughing(tokens, raw)
                and (self.deadline(tokens) or self.everyday_setting(tokens))
            )
        )
        return framed and not (self.cries(tokens) or self.asked(raw) or self._said_in_earnest(raw))
