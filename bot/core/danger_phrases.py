"""The danger-phrase layer: content/danger_phrases.yaml compiled into one matcher that finds
phrases of every language in a message, skipping those under a negation, a hypothetical, a
general question or about someone else (bot.core.phrase_let_offs)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bot.content.models import DangerPhrase
from bot.core.phrase_let_offs import PhraseLetOffs
from bot.core.phrase_rules import PhraseRule, phrase_words
from bot.nlu.let_offs import LetOffs
from bot.nlu.pay_held import INDICATOR as PAY_HELD
from bot.nlu.pay_held import LABEL as PAY_HELD_LABEL
from bot.nlu.reading import MessageReading

# Occurrences of one phrase looked at for one not under a negation: a person does not write
# the same phrase dozens of times, and a flood of negated copies must not cost seconds.
MAX_OCCURRENCES = 32
# A message of at most this many words may hold an `alone` cry as a clause of its own, after a
# comma or a full stop ("no pay, trapped", "паспорт забрали. заперта"): a short cry often
# names its plight first. Longer messages need the cry to be the whole message.
SHORT_CRY = 4
# A bare call for help ("помогите", "help") names no plight: beside another clause it is left to
# the classifier, as before, so "я в Варшаве, помогите" inside an open case adds no new sign.
_EMERGENCY = "emergency_now"


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """One danger phrase found in a message."""

    phrase: str
    indicator: str


class DangerPhraseMatcher:
    """Finds danger phrases of every language in a message (people mix languages).

    With well over a thousand phrases, running every regex on every message is too slow for
    the per-message path, so rules are indexed by their rarest word: only the rules whose
    rarest word (or stem) occurs in the message, and all of whose other words occur too, are
    tried.
    """

    def __init__(
        self, phrases: Mapping[str, Iterable[DangerPhrase]], let_offs: LetOffs | None = None
    ) -> None:
        # The content's let-off frames (bot.core.triage.let_offs_of); none: nothing let off.
        self._let_offs = let_offs or LetOffs()
        self._count = 0
        self._by_word: dict[str, list[PhraseRule]] = {}
        self._by_stem: dict[str, list[PhraseRule]] = {}
        rules: list[PhraseRule] = []
        for items in phrases.values():
            for item in items:
                words = phrase_words(item.phrase)
                if words:
                    rules.append(PhraseRule.of(self._count, item, words))
                    self._count += 1
        # Each rule under its rarest word: "я", "меня", "i" begin hundreds of phrases, and a
        # rule is only tried when all its words occur, so any one of them finds the same rules.
        shared = Counter(key for rule in rules for key in (*rule.words, *rule.stems))
        for rule in rules:
            keys = [(shared[w], -len(w), w, False) for w in sorted(rule.words)]
            keys += [(shared[s], -len(s), s, True) for s in sorted(rule.stems)]
            _, _, key, star = min(keys)
            (self._by_stem if star else self._by_word).setdefault(key, []).append(rule)
        self._stem_lengths = sorted({len(stem) for stem in self._by_stem})
        self._all_stem_lengths = sorted({len(stem) for rule in rules for stem in rule.stems})

    def __len__(self) -> int:
        return self._count

    def _candidates(self, tokens: list[str]) -> list[PhraseRule]:
        found: dict[int, PhraseRule] = {}
        for token in set(tokens):
            for rule in self._by_word.get(token, ()):
                found[rule.number] = rule
            for length in self._stem_lengths:
                if length > len(token):
                    break
                for rule in self._by_stem.get(token[:length], ()):
                    found[rule.number] = rule
        present = set(tokens)
        prefixes: set[str] | None = None  # the words' beginnings: only if a rule needs them
        tried: list[PhraseRule] = []
        for key in sorted(found):
            rule = found[key]
            if not rule.words <= present:
                continue
            if rule.stems:
                if prefixes is None:
                    prefixes = {
                        token[:length]
                        for token in present
                        for length in self._all_stem_lengths
                        if length <= len(token)
                    }
                if not rule.stems <= prefixes:
                    continue
            tried.append(rule)
        return tried

    def find(self, text: str | MessageReading) -> list[PhraseMatch]:
        """Every matching phrase not under a negation, a hypothetical or a general question,
        in file order, in a message or its reading (`MessageReading.variants`: transliterated
        Russian is also matched against the Cyrillic phrases, and text typed on the wrong
        keyboard layout in the layouts it may have meant)."""
        reading = text if isinstance(text, MessageReading) else MessageReading.of(text)
        matches: dict[int, PhraseMatch] = {}
        for raw, variant in reading.variants:
            tokens = variant.split()
            frames: PhraseLetOffs | None = None  # built for the first match only
            for rule in self._candidates(tokens):
                if rule.number in matches:
                    continue
                counted = start = 0  # the token index of each match, counted as we go
                for occurrence, found in enumerate(rule.pattern.finditer(variant)):
                    if occurrence >= MAX_OCCURRENCES:
                        break
                    words = len(found.group(0).split())
                    if rule.phrase.alone and words != len(tokens) and (
                        len(tokens) > SHORT_CRY or rule.phrase.indicator == _EMERGENCY
                    ):
                        break  # an `alone` phrase inside a longer message
                    if frames is None:
                        frames = PhraseLetOffs(raw, tokens, self._let_offs)
                    start += variant.count(" ", counted, found.start() + 1)
                    counted = found.start() + 1
                    if rule.phrase.alone and words != len(tokens) and (
                        not _whole_clause(frames.clauses, start, words)
                        or frames.everyday.nuisance(tokens)  # "сосед сверлит стену, помогите"
                    ):
                        break  # in a short message, an `alone` phrase must be a clause of its own
                    if frames.suppress(rule, start, found.group(0)):
                        continue
                    matches[rule.number] = PhraseMatch(rule.phrase.phrase, rule.phrase.indicator)
                    break
            # pay held to keep the worker: words far apart, no one phrase (bot.nlu.pay_held)
            span = None if self._count in matches else self._let_offs.pay_held.find(tokens)
            if span is not None:
                frames = frames or PhraseLetOffs(raw, tokens, self._let_offs)
                if not frames.suppress_frame(*span, PAY_HELD):
                    matches[self._count] = PhraseMatch(PAY_HELD_LABEL, PAY_HELD)
        return [matches[key] for key in sorted(matches)]


def _whole_clause(clauses: list[int] | None, start: int, words: int) -> bool:
    """Whether tokens `start`..`start + words` are one whole clause of the message (`clauses`:
    the clause number of each token, `bot.nlu.negation.clause_numbers`; None: not lined up)."""
    if clauses is None or start + words > len(clauses):
        return words == len(clauses or ())
    number = clauses[start]
    return clauses.count(number) == words and all(
        clauses[i] == number for i in range(start, start + words)
    )
