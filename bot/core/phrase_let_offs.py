"""Why a danger phrase found in a message names no harm to the person: a negation, a
hypothetical, a general question, someone else's story, a mention, the let-off frames of the
content (bot.nlu.*). `PhraseLetOffs` reads one cleaned message variant once, for every match
the matcher (bot.core.danger_phrases) finds in it."""

from __future__ import annotations

from functools import cached_property

from bot.core.phrase_rules import PhraseRule
from bot.nlu.borrowed import HELD_INDICATORS
from bot.nlu.bystander import Bystander
from bot.nlu.calm_frames import CalmFrames
from bot.nlu.conditional import Conditions
from bot.nlu.general_question import GeneralQuestions
from bot.nlu.let_offs import LetOffs
from bot.nlu.mention import Mentions
from bot.nlu.negation import JOINTS, NEGATORS, NegationScope, clause_numbers
from bot.nlu.not_that import denied_twice, negator_elsewhere
from bot.nlu.written_terms import WrittenDeductions


def _negator_inside(matched: str) -> bool:
    """Whether a negator sits in a match's gap ("я не в опасности" for "я в опасности", "мне не
    угрожают" for "мне угрожают"): only negatable phrases are checked, and they hold none."""
    return any(word in NEGATORS for word in matched.split())


# Transliterated joints ("ne uderzhivali i platyat"): only here, where "i" cannot be the pronoun
# (it sits between a negator and the phrase's verb). Grammar, like bot.nlu.negation.JOINTS, not
# an editor's vocabulary: it stays in code.
_LATIN_JOINTS = frozenset("i a no ale".split())


def _negator_of_another_verb(rule: PhraseRule, matched: str) -> bool:
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



class PhraseLetOffs:
    """The negations, hypotheticals and general questions of one cleaned message variant."""

    def __init__(self, raw: str, tokens: list[str], let_offs: LetOffs) -> None:
        # Each frame is read the first time a match asks for it: most matches are decided by
        # the first few (a negation), and a report with a phrase in it by all of them once.
        self.raw, self.tokens, self.let_offs = raw, tokens, let_offs
        self.everyday = let_offs.everyday
        self.keys = let_offs.locked_keys

    @cached_property
    def clauses(self) -> list[int] | None:
        return clause_numbers(self.raw, self.tokens)

    @cached_property
    def scope(self) -> NegationScope:
        return NegationScope(self.tokens, self.clauses)

    @cached_property
    def general(self) -> GeneralQuestions:
        return GeneralQuestions(self.tokens, self.clauses)

    @cached_property
    def bystander(self) -> Bystander:
        return Bystander(self.tokens, self.clauses, self.everyday.threat_verbs)

    @cached_property
    def conditions(self) -> Conditions:
        return Conditions(self.tokens, self.clauses, self.raw)

    @cached_property
    def mentions(self) -> Mentions:
        return Mentions(self.tokens, self.clauses, self.raw, self.let_offs)

    @cached_property
    def written(self) -> WrittenDeductions:
        return self.let_offs.written_terms.read(self.tokens, self.raw)

    @cached_property
    def borrowed(self) -> bool:
        return self.let_offs.borrowed.nothing_held(self.tokens)

    @cached_property
    def short_delay(self) -> bool:
        return self.everyday.short_delay(self.tokens) or self.everyday.paid_in_full(self.tokens)

    @cached_property
    def bonus_cut(self) -> bool:
        return self.everyday.bonus_cut(self.tokens)

    @cached_property
    def dismissal(self) -> bool:
        return self.everyday.dismissal_looms(self.tokens)

    @cached_property
    def joked_until(self) -> int:
        return self.let_offs.jokes.serious_from(self.tokens, self.raw)

    @cached_property
    def told_from(self) -> int:
        # "анекдот: шеф забрал паспорт ...", "муж шутит, что ..." (bot.nlu.told_joke)
        told = self.let_offs.told_jokes.covered_from(self.tokens, self.raw)
        return len(self.tokens) if told is None else told

    @cached_property
    def pet(self) -> int | None:
        # "мой кот держит меня в заложниках 😂" (bot.nlu.told_joke): where the pet is named
        return self.let_offs.told_jokes.pet_at(self.tokens, self.raw)

    def told_as_joke(self, start: int, end: int) -> bool:
        """Whether tokens `start`..`end` are words told as a joke (bot.nlu.told_joke): after an
        anecdote's opener or a joke reported, or in a pet's own clause with no joint ("а",
        "but") between the pet and them."""
        if start >= self.told_from:
            return True
        clauses, pet = self.clauses, self.pet
        if pet is None or clauses is None or end > len(clauses):
            return False
        return all(clauses[at] == clauses[pet] and self.tokens[at] not in JOINTS
                   for at in range(pet, end))  # fmt: skip

    @cached_property
    def calm(self) -> CalmFrames:
        return CalmFrames.read(self.tokens, self.raw, self.let_offs)

    def suppress_frame(self, start: int, end: int, indicator: str) -> bool:
        """Whether a frame's words at tokens `start`..`end` name no harm to anyone: negated,
        asked in general or "what if", a mention, a story over (the phrases' let-offs)."""
        matched, length = self.tokens[start:end], end - start
        return (self.scope.negated(start) or bool(NEGATORS & set(matched))
                or self.told_as_joke(start, end)
                or self.calm.lets_off(indicator, matched)
                or self.conditions.covers(start, length, indicator)
                or self.mentions.covers(start, length, indicator)
                or self.general.covers(start))  # fmt: skip

    def suppress(self, rule: PhraseRule, start: int, matched: str) -> bool:
        """Whether the match of `rule` at token `start` names no harm happening to the person."""
        if rule.negatable and (self.scope.negated(start) or _negator_inside(matched)):
            return True  # "никто не забирал паспорт", "they did not lock us in"
        # "шеф держит меня в рабстве, шучу) а если серьёзно, ..." (bot.nlu.joke_frame)
        if start + len(matched.split()) <= self.joked_until:
            return True
        if self.told_as_joke(start, start + len(matched.split())):
            return True  # "анекдот: ...", "мой кот держит меня в заложниках 😂"
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
        if rule.phrase.indicator == _MOVEMENT and self.keys.in_gap(matched, rule.owns):
            return True  # "locked my keys in the room" (bot.nlu.locked_keys)
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
        # "премию урезали по решению руководства, оклад платят" (bot.nlu.everyday)
        if indicator == _WAGES and self.bonus_cut:
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
