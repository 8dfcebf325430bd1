"""A message told as a joke as a whole (round 32c of issue 10), for the danger words it carries:

* an anecdote opened as one: "анекдот: начальник забрал у работника паспорт, а тот ...",
  "анекдот про шефа, который ...", "жарт: шэф забраў пашпарт ...", "joke: a boss takes a
  worker's passport and ...", "here's a joke: ...";
* a pet or a small child, the subject at the start, laughed at: "мой кот держит меня в
  заложниках, не даёт встать с дивана 😂", "сабака трымае мяне ў закладніках 😂", "my toddler
  took me hostage again 🤣"; never with an employer, a landlord or an agency named, nor with
  another clause opened by a joint ("мой кот спит 😂, а документы забрали", round 32d);
* someone's joke reported: "муж шутит, что заставит меня отрабатывать этот ужин вечно", "my
  husband keeps joking he'll make me work it off forever": the words after "шутит" only, and
  not when the writer says they are there ("друг шутит, что я тут в рабстве").

None of them with a cry, a doubt or a statement in earnest after the joke (`JokeFrame.frame`,
`JokeFrame.cries`): "анекдот не до смеха: хозяин забрал паспорт" stays a report. Laughter alone
is never such a frame: "забрали паспорт и не отдают 😂 что делать", "нас закрыли на складе 😅
помогите" are read as written.

The words are content: `joke_frame.told` in content/triage_words.yaml
(`bot.content.models.ToldJokeWords`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from bot.nlu.joke_frame import JokeFrame
from bot.nlu.negation import NEGATORS
from bot.nlu.normalize import clean

if TYPE_CHECKING:
    from bot.content.models import ToldJokeWords

# What follows an anecdote's opener in the raw text: a colon or a dash.
_OPENER_END = re.compile(r"\s*[:—–-]")
_SAME_LENGTH = str.maketrans({"ё": "е", "’": "'", "ʼ": "'", "`": "'"})


def _phrases(items: Iterable[str]) -> list[tuple[str, ...]]:
    """Entries as cleaned word tuples, longest first, empty ones dropped."""
    cleaned = {tuple(clean(item).split()) for item in items}
    return sorted((c for c in cleaned if c), key=len, reverse=True)


class ToldJoke:
    """The told-joke frames of the content (module doc); `words` None: no message is one.
    Every method takes the cleaned message's tokens and its raw text."""

    def __init__(self, words: ToldJokeWords | None = None, jokes: JokeFrame | None = None,
                 joints: Sequence[tuple[str, ...]] = ()) -> None:
        self._jokes = jokes or JokeFrame()
        self._openers = _phrases(words.anecdote_openers if words else ())
        self._alone = _phrases(words.anecdote_phrases if words else ())
        self._about = frozenset(w for (w,) in _phrases(words.anecdote_about if words else ()))
        self._agents = frozenset(w for p in _phrases(words.harmless_agents if words else ())
                                 for w in p)  # fmt: skip
        self._determiners = frozenset(
            w for p in _phrases(words.agent_determiners if words else ()) for w in p
        )
        self._serious = tuple(w for (w, *_) in _phrases(words.serious_agent_stems if words else ()))
        self._group = frozenset(w for (w, *_) in _phrases(words.group_words if words else ()))
        # where a pet's clause ends: calm_situations.pet_clause_joints, one list for both frames
        self._joints = tuple(joints)
        self._here = frozenset(w for (w, *_) in _phrases(words.here_words if words else ()))
        self._reports = tuple(w for (w, *_) in _phrases(words.report_stems if words else ()))

    def _anecdote(self, tokens: Sequence[str], raw: str) -> bool:
        """Opened as an anecdote: "анекдот: ...", "анекдот про ...", "here's a joke"."""
        if any(tuple(tokens[: len(p)]) == p for p in self._alone):
            return True
        lowered = raw.lower().translate(_SAME_LENGTH)
        for opener in self._openers:
            if tuple(tokens[: len(opener)]) != opener:
                continue
            if len(tokens) > len(opener) and tokens[len(opener)] in self._about:
                return True
            found = re.match(r"\W*" + r"\W+".join(map(re.escape, opener)), lowered)
            if found and _OPENER_END.match(lowered, found.end()):
                return True
        return False

    def _pet(self, tokens: Sequence[str], raw: str) -> bool:
        """A pet or a small child first ("мой кот ...", "my toddler ..."), laughed at, and no
        one named who may really hold a person, no workplace and no group ("нас")."""
        first = tokens[1:2] if tokens[:1] and tokens[0] in self._determiners else tokens[:1]
        return (
            bool(first)
            and first[0] in self._agents
            and self._jokes.laughing(tokens, raw)
            and not any(word.startswith(self._serious) or word in self._group for word in tokens)
            and not self._another_clause(tokens)
        )

    def _another_clause(self, tokens: Sequence[str]) -> bool:
        """A joint ("а", "but", "and then": the `joints` given) after the pet opens a clause of
        its own: the pet's joke does not cover it (round 32d)."""
        return any(
            tuple(tokens[at : at + len(joint)]) == joint
            for at in range(1, len(tokens))
            for joint in self._joints
        )

    def whole(self, tokens: Sequence[str], raw: str) -> bool:
        """Whether the whole message is told as a joke: an anecdote opened as one or a pet
        laughed at, with no cry and no doubt whether it is a joke (the classifier does not
        decide then)."""
        if not tokens or not (self._anecdote(tokens, raw) or self._pet(tokens, raw)):
            return False
        return not (self._jokes.cries(tokens) or self._jokes.asked(raw))

    def pet_at(self, tokens: Sequence[str], raw: str) -> int | None:
        """The token index of the pet or child a message laughed at starts with ("мой кот ..."),
        when `whole` holds for it; None otherwise. Only the danger phrases of its own clause are
        its words: "мой ребёнок плачет, меня заперли 😅" is read as written after the comma."""
        if not self._pet(tokens, raw) or not self.whole(tokens, raw):
            return None
        return 1 if tokens[0] in self._determiners else 0

    def covered_from(self, tokens: Sequence[str], raw: str) -> int | None:
        """The first token index of the words told as a joke (to the message's end): 0 for an
        anecdote opened as one, the reporting word for someone's joke reported ("муж шутит,
        что ..."); None when nothing is (a pet: `pet_at`)."""
        if self._anecdote(tokens, raw) and self.whole(tokens, raw):
            return 0
        if self._here & set(tokens):
            return None  # "друг шутит, что я тут в рабстве": the writer is there
        for at, word in enumerate(tokens):
            if not word.startswith(self._reports) or NEGATORS & set(tokens[max(0, at - 2) : at]):
                continue
            # a joke frame of the whole message: no cry, no doubt, nothing in earnest after it
            return at if self._jokes.frame(tokens, raw) else None
        return None
