"""The danger-phrase layer: content/danger_phrases.yaml compiled into one matcher that finds
phrases of every language in a message, skipping those under a negation, a hypothetical, a
general question or about someone else."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bot.content.models import DangerPhrase
from bot.nlu.borrowed import HELD_INDICATORS
from bot.nlu.bystander import Bystander
from bot.nlu.calm_frames import CalmFrames
from bot.nlu.conditional import Conditions
from bot.nlu.general_question import GeneralQuestions
from bot.nlu.language import layout_variants
from bot.nlu.let_offs import LetOffs
from bot.nlu.mention import Mentions
from bot.nlu.negation import JOINTS, NEGATORS, NegationScope, clause_numbers, polarity_free
from bot.nlu.normalize import (
    MAX_TEXT_CHARS,
    clean,
    cyrillize,
    cyrillize_lacinka,
    has_lacinka,
    has_latin_words,
)
from bot.nlu.not_that import denied_twice, negator_elsewhere
from bot.nlu.pay_held import INDICATOR as PAY_HELD
from bot.nlu.pay_held import LABEL as PAY_HELD_LABEL

MAX_GAP = 2  # DangerPhrase: at most two other words between the phrase's words
# Occurrences of one phrase looked at for one not under a negation: a person does not write
# the same phrase dozens of times, and a flood of negated copies must not cost seconds.
MAX_OCCURRENCES = 32


def _phrase_words(phrase: str) -> list[tuple[str, bool]]:
    """The phrase's cleaned words, each with whether it ends in `*` (any ending)."""
    words: list[tuple[str, bool]] = []
    for raw in phrase.split():
        star = raw.endswith("*")
        parts = clean(raw.rstrip("*")).split()
        if parts:
            words += [(part, False) for part in parts[:-1]] + [(parts[-1], star)]
    return words


def _compile(words: list[tuple[str, bool]]) -> re.Pattern[str]:
    """A regex over cleaned text for one DangerPhrase's (non-empty) words."""
    gap = rf"(?: [^ ]+){{0,{MAX_GAP}}} "
    body = gap.join(re.escape(word) + (r"[^ ]*" if star else "") for word, star in words)
    return re.compile(rf"(?:^| ){body}(?= |$)")


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    """One danger phrase found in a message."""

    phrase: str
    indicator: str


@dataclass(frozen=True, slots=True)
class _Rule:
    number: int  # its place in the content file
    pattern: re.Pattern[str]
    phrase: DangerPhrase
    negatable: bool  # a negation or hypothetical before it means the harm did not happen
    negated: bool  # written with a negation ("не платят"): the withheld duty is the harm
    words: frozenset[str]  # its whole words: all must be in the message
    stems: frozenset[str]  # its `*` words' stems: each must begin a word of the message

    def owns(self, word: str) -> bool:
        """Whether `word` is one of the phrase's words (or begins with one of its stems)."""
        return word in self.words or word.startswith(tuple(self.stems))


def _variants(text: str) -> list[tuple[str, str]]:
    """(raw, cleaned) forms of `text` the phrases are matched in.

    Transliterated Russian is also matched against the Cyrillic phrases, and text typed on the
    wrong keyboard layout in the layouts it may have meant.
    """
    cleaned = clean(text)
    found = [(text, cleaned)]
    if has_latin_words(cleaned):
        found.append((text, cyrillize(cleaned)))
        if has_lacinka(cleaned):
            found.append((text, cyrillize_lacinka(cleaned)))
    found += [(restored, clean(restored)) for restored in layout_variants(text)]
    return found


# "locked my keys in", "ключы зачыніліся ўнутры": the keys are locked in, not the person.
_KEY_STEMS = ("key", "ключ")


def _keys_inside(rule: _Rule, matched: str) -> bool:
    """Whether a match has keys in its gap ("locked my keys in" for "locked in"), not in the
    phrase itself ("закрывают на ключ")."""
    return any(
        word.startswith(_KEY_STEMS)
        and word not in rule.words
        and not any(word.startswith(stem) for stem in rule.stems)
        for word in matched.split()
    )


def _negator_inside(matched: str) -> bool:
    """Whether a negator sits in a match's gap ("я не в опасности" for "я в опасности", "мне не
    угрожают" for "мне угрожают"): only negatable phrases are checked, and they hold none."""
    return any(word in NEGATORS for word in matched.split())


# Transliterated joints ("ne uderzhivali i platyat"): only here, where "i" cannot be the pronoun
# (it sits between a negator and the phrase's verb).
_LATIN_JOINTS = frozenset("i a no ale".split())


def _negator_of_another_verb(rule: _Rule, matched: str) -> bool:
    """Whether a phrase written with a negation found its negator in an earlier clause: "мне
    ничего не удерживали и платят полностью" for "не платят" (a joint, "и", "but", after the
    negator in the gap: the negator belongs to the verb before it). "штрафуют и не платят" and
    "не платят" keep their negator next to the verb."""
    words = matched.split()
    negator_at = next((at for at, word in enumerate(words) if word in NEGATORS), None)
    if negator_at is None:
        return False
    for word in words[negator_at + 1 :]:
        if word in rule.words or any(word.startswith(stem) for stem in rule.stems):
            return False  # the phrase's next word came first: the negator is its own
        if word in JOINTS or word in _LATIN_JOINTS:
            return True
    return False


_WAGES = "risk_wages_withheld"
_THREATS = "risk_violence_threats"
_MOVEMENT = "risk_movement_restricted"



class DangerPhraseMatcher:
    """Finds danger phrases of every language in a message (people mix languages).

    With well over a thousand phrases, running every regex on every message is too slow for
    the per-message path, so rules are indexed by their first word: only the rules whose first
    word (or stem) occurs in the message, and all of whose other words occur too, are tried.
    """

    def __init__(
        self, phrases: Mapping[str, Iterable[DangerPhrase]], let_offs: LetOffs | None = None
    ) -> None:
        # The content's let-off frames (bot.core.triage.let_offs_of); none: nothing let off.
        self._let_offs = let_offs or LetOffs()
        self._count = 0
        self._by_word: dict[str, list[_Rule]] = {}
        self._by_stem: dict[str, list[_Rule]] = {}
        for items in phrases.values():
            for item in items:
                words = _phrase_words(item.phrase)
                if not words:
                    continue
                first, star = words[0]
                index = self._by_stem if star else self._by_word
                rule = _Rule(
                    self._count,
                    _compile(words),
                    item,
                    polarity_free([w for w, _ in words]),
                    any(w in NEGATORS for w, _ in words),
                    frozenset(w for w, star in words if not star),
                    frozenset(w for w, star in words if star),
                )
                index.setdefault(first, []).append(rule)
                self._count += 1
        self._stem_lengths = sorted({len(stem) for stem in self._by_stem})
        self._all_stem_lengths = sorted(
            {len(stem) for rules in (*self._by_word.values(), *self._by_stem.values())
             for rule in rules for stem in rule.stems}
        )  # fmt: skip

    def __len__(self) -> int:
        return self._count

    def _candidates(self, tokens: list[str]) -> list[_Rule]:
        found: dict[int, _Rule] = {}
        for token in set(tokens):
            for rule in self._by_word.get(token, ()):
                found[rule.number] = rule
            for length in self._stem_lengths:
                if length > len(token):
                    break
                for rule in self._by_stem.get(token[:length], ()):
                    found[rule.number] = rule
        present = set(tokens)
        prefixes = {
            token[:length]
            for token in present
            for length in self._all_stem_lengths
            if length <= len(token)
        }
        return [
            found[key]
            for key in sorted(found)
            if found[key].words <= present and found[key].stems <= prefixes
        ]

    def find(self, text: str) -> list[PhraseMatch]:
        """Every matching phrase not under a negation, a hypothetical or a general question,
        in file order."""
        matches: dict[int, PhraseMatch] = {}
        for raw, variant in _variants(text[:MAX_TEXT_CHARS]):
            tokens = variant.split()
            frames: _Frames | None = None  # built for the first match only
            for rule in self._candidates(tokens):
                if rule.number in matches:
                    continue
                counted = start = 0  # the token index of each match, counted as we go
                for occurrence, found in enumerate(rule.pattern.finditer(variant)):
                    if occurrence >= MAX_OCCURRENCES:
                        break
                    if rule.phrase.alone and len(found.group(0).split()) != len(tokens):
                        break  # an `alone` phrase inside a longer message
                    if frames is None:
                        frames = _Frames(raw, tokens, self._let_offs)
                    start += variant.count(" ", counted, found.start() + 1)
                    counted = found.start() + 1
                    if frames.suppress(rule, start, found.group(0)):
                        continue
                    matches[rule.number] = PhraseMatch(rule.phrase.phrase, rule.phrase.indicator)
                    break
            # pay held to keep the worker: words far apart, no one phrase (bot.nlu.pay_held)
            span = None if self._count in matches else self._let_offs.pay_held.find(tokens)
            if span is not None:
                frames = frames or _Frames(raw, tokens, self._let_offs)
                if not frames.suppress_frame(*span, PAY_HELD):
                    matches[self._count] = PhraseMatch(PAY_HELD_LABEL, PAY_HELD)
        return [matches[key] for key in sorted(matches)]


class _Frames:
    """The negations, hypotheticals and general questions of one cleaned message variant."""

    def __init__(self, raw: str, tokens: list[str], let_offs: LetOffs) -> None:
        clauses = clause_numbers(raw, tokens)
        self.tokens, self.clauses = tokens, clauses
        self.scope = NegationScope(tokens, clauses)
        self.general = GeneralQuestions(tokens, clauses)
        self.everyday = everyday = let_offs.everyday
        self.bystander = Bystander(tokens, clauses, everyday.threat_verbs)
        self.conditions = Conditions(tokens, clauses, raw)
        self.mentions = Mentions(tokens, clauses, raw, let_offs)
        self.written = let_offs.written_terms.read(tokens, raw)
        self.borrowed = let_offs.borrowed.nothing_held(tokens)
        self.short_delay = everyday.short_delay(tokens)
        self.dismissal = everyday.dismissal_looms(tokens)
        self.calm = CalmFrames.read(tokens, raw, let_offs)

    def suppress_frame(self, start: int, end: int, indicator: str) -> bool:
        """Whether a frame's words at tokens `start`..`end` name no harm to anyone: negated,
        asked in general or "what if", a mention, a story over (the phrases' let-offs)."""
        matched, length = self.tokens[start:end], end - start
        return (self.scope.negated(start) or bool(NEGATORS & set(matched))
                or self.calm.lets_off(indicator, matched)
                or self.conditions.covers(start, length, indicator)
                or self.mentions.covers(start, length, indicator)
                or self.general.covers(start))  # fmt: skip

    def suppress(self, rule: _Rule, start: int, matched: str) -> bool:
        """Whether the match of `rule` at token `start` names no harm happening to the person."""
        if rule.negatable and (self.scope.negated(start) or _negator_inside(matched)):
            return True  # "никто не забирал паспорт", "they did not lock us in"
        if rule.negated and _negator_of_another_verb(rule, matched):
            return True  # "ничего не удерживали и платят полностью"
        # "не то чтобы мне не платили, платят", "мяне не падманулі, усё плацяць" (bot.nlu.not_that)
        if rule.negated and (
            denied_twice(self.tokens, self.clauses, start)
            or negator_elsewhere(self.clauses, start, matched.split(), rule.owns)
        ):
            return True
        # a game or a song, an offer asked about, a bonus threatened, a passport forgotten at a
        # hotel, a past case reported later, a missed train (bot.nlu.calm_frames)
        if self.calm.lets_off(rule.phrase.indicator, matched.split()):
            return True
        if rule.phrase.indicator == "risk_movement_restricted" and _keys_inside(rule, matched):
            return True  # "locked my keys in the room"
        if not rule.negatable and self.scope.hypothetical_just_before(start):
            return True  # "а если вдруг не заплатят", "what if they don't let me leave"
        # "я уже дома, а ребят там держат без документов", "I left, but the guys there still
        # aren't paid" (bot.nlu.bystander: the writer is safe, the clause has no first person)
        if self.bystander.covers(start, rule.phrase.indicator):
            return True
        # "а если не заплатят?", "if I leave early I repay the training", "my bank says I owe"
        # (bot.nlu.conditional)
        if self.conditions.covers(start, len(matched.split()), rule.phrase.indicator):
            return True
        # "новости про рабство", "в объявлении пишут 'долг за билет ...', я ещё дома", "заперли в
        # казарме ахах", robbed in the street (bot.nlu.mention)
        if self.mentions.covers(start, len(matched.split()), rule.phrase.indicator):
            return True
        # "my neighbour borrowed my ladder and won't give it back" (bot.nlu.borrowed)
        if self.borrowed and rule.phrase.indicator in HELD_INDICATORS:
            return True
        # "salary delayed 3 days because of holidays", "мне угрожает увольнение", "не выпускаюць
        # на працу без медкніжкі" (bot.nlu.everyday)
        indicator = rule.phrase.indicator
        everyday = self.everyday
        if self.short_delay and indicator == _WAGES and everyday.delay_phrase(matched.split()):
            return True
        # a threat ("угрожа* что"), not a harm done ("бьют")
        if self.dismissal and indicator == _THREATS and everyday.threat_words(matched.split()):
            return True
        if indicator == _MOVEMENT and everyday.to_work(matched):
            return True
        # "в договоре написано, что вычитают за жильё, это нормально?" (bot.nlu.written_terms)
        if self.written.covers(start, matched, rule.phrase.indicator):
            return True
        # "можно ли законно удерживать паспорт работника?" (bot.nlu.general_question); not a
        # phrase written with a negation ("не платят"): in a question it is too often one's own
        return not rule.negated and self.general.covers(start)
