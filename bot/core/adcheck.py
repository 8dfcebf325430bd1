"""Red flags in the text of a job ad, each pointing at the words that raised it.

Two sources, shown the same way: the rules of content/ad_check.yaml (`AdRules`: patterns per
flag and language, and pay limits per currency) quote the words they matched; the sentence
model (`AdSentenceModel`) quotes the sentence whose probability for a flag reached the flag's
threshold. Nothing here keeps or logs the ad's text.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace

import numpy as np

from bot.content.models import AdCheck, AdFlagRule, AdLevel
from bot.core.adchat import ChatQuestions
from bot.core.adcuewords import CueWords
from bot.core.adfollowup import AdFollowUpReader
from bot.core.adhtml import untagged
from bot.core.admodel import AdSentenceModel, training_sentences
from bot.core.admodel_cache import trained_ad_model
from bot.core.adpatterns import PatternCompiler
from bot.core.adquote import pick_quotes, quote
from bot.core.adrecognise import AdRecogniser
from bot.core.adrules import AdRules
from bot.core.adspans import inside, masked, merge_spans, overlap, within_sentences
from bot.core.adtext import Span, normalize, sentence_spans, unwrapped
from bot.modelcache import ModelCache
from bot.nlu.normalize import MAX_TEXT_CHARS

__all__ = ["AdChecker", "AdReport", "Evidence", "FoundFlag", "Span", "build_ad_checker",
           "merge_spans", "normalize", "pick_quotes", "quote"]

# A sentence's clauses for the model's veto: "Работа 2000€ без опыта, виза 300$ предоплата"
# is one sentence, but its "без" reassures about experience, not about the fee (adcheck10b).
_CLAUSE = re.compile(r"[^,;]+")


@dataclass(frozen=True, slots=True)
class FoundFlag:
    """One red flag found, with the spans of the ad that raised it (first match first);
    `by_model`: no rule matched, the spans are the sentences the model scored."""

    rule: AdFlagRule
    spans: tuple[Span, ...]
    by_model: bool = False


@dataclass(frozen=True, slots=True)
class AdReport:
    """The red flags of one ad, its score (sum of weights) and risk level; `notes`: flags
    found only in their milder reading (`AdMildReading`), shown after the red flags, never
    scored."""

    flags: tuple[FoundFlag, ...]
    score: int
    level: AdLevel
    notes: tuple[FoundFlag, ...] = ()

    @property
    def strong(self) -> bool:
        """True when the ad shows trafficking signs strongly: a strong flag, or a high level."""
        return self.level.level == "high" or any(f.rule.strong for f in self.flags)

    @property
    def indicators(self) -> tuple[str, ...]:
        """The facts file's red-flag ids, each once, in the order found."""
        return tuple(dict.fromkeys(f.rule.indicator for f in self.flags))


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the rules and the model saw in one ad, before thresholds: per flag (content order)
    the rules' spans; the ad's sentences; per sentence and flag the model's probability (0 for
    a flag whose `unless` matches in the ad)."""

    rule_spans: list[set[Span]]
    sentences: list[Span]
    probabilities: np.ndarray
    reassured: np.ndarray | None = None  # sentences x flags: a negation or `unless` is there
    cued: np.ndarray | None = None  # sentences x flags: a word of the flag's `cue_words`
    mild_spans: list[set[Span]] | None = None  # per flag, the words of its milder reading
    taken_back: list[set[Span]] | None = None  # per flag, rule spans no veto undoes (ad33b)


class AdChecker:
    """Built once per content; `check(text) -> AdReport`. Without `model`, rules only."""

    def __init__(self, rules: AdCheck, model: AdSentenceModel | None = None, *,
                 matcher: AdRules | None = None, compiler: PatternCompiler | None = None) -> None:
        """`matcher`: these rules' patterns compiled already (another checker's), so the
        some 3,000 patterns are not compiled again (about a second); else they are compiled
        with `compiler` (see `AdRules`)."""
        self.rules = rules
        self.model = model
        self.matcher = matcher or AdRules(rules, compiler)
        self.chat = ChatQuestions(rules.chat, compiler)
        self.cue_words = CueWords(rules, compiler)
        self.recogniser = AdRecogniser(
            rules.recognise, self.matcher, lambda text: bool(self.check(text).flags))
        self.follow_up = AdFollowUpReader(rules, self.recogniser)

    def patterns(self) -> list[re.Pattern[str]]:
        """Every compiled pattern searched through an ad's text (`AdRules.patterns`)."""
        return self.matcher.patterns()

    def thresholds(self) -> list[float]:
        """Per flag (content order), the model's threshold (above 1: the model never raises it)."""
        model = self.rules.model
        return [model.thresholds.get(f.id, model.threshold) for f in self.rules.flags]

    def uncued(self) -> list[float]:
        """Per flag (content order), the model's threshold in a sentence with none of the flag's
        `cue_words` (see `CueWords`)."""
        model = self.rules.model
        return [model.uncued.get(f.id, model.uncued_threshold) for f in self.rules.flags]

    # ---------------------------------------------------------------- recognising an ad
    def looks_like_ad(self, text: str, *, forwarded: bool = False) -> bool:
        """True when the message reads like a vacancy (`AdRecogniser.looks_like_ad`)."""
        return self.recogniser.looks_like_ad(untagged(text), forwarded=forwarded)

    def cries(self, text: str) -> bool:
        """True when it is a person's own cry for help (`AdRecogniser.cries`)."""
        return self.recogniser.cries(text)

    def is_pasted_ad(self, text: str) -> bool:
        """True when a text pasted after /checkad is an ad to check (`AdRecogniser`)."""
        return self.recogniser.is_pasted_ad(text)

    # ---------------------------------------------------------------- the check
    def evidence(self, text: str) -> Evidence:
        """The rules' spans and the model's probabilities for `text` (see `check`); a pasted
        chat's questions of the job-seeker's read as blank (`ChatQuestions`)."""
        text = self.chat.unasked(unwrapped(untagged(text[:MAX_TEXT_CHARS])))
        readings = self.matcher.readings(text)
        rule_spans = self.matcher.spans(readings)
        taken_back = self.matcher.taken_back(readings)
        mild = self.matcher.mild_spans(readings)
        sentences = sentence_spans(text)
        flags = self.rules.flags
        if self.model is None or not self.rules.model.enabled or not sentences:
            return Evidence(rule_spans, sentences, np.zeros((len(sentences), len(flags))),
                            mild_spans=mild, taken_back=taken_back)
        words = [text[s.start : s.end] for s in sentences]
        cyrillic = len(readings) > 1
        probabilities, reassured = self.model.read(words, cyrillic=cyrillic)
        for index in range(len(flags)):
            if self.matcher.unless(index, readings):  # "write to hr@firm.pl": not messenger-only
                probabilities[:, index] = 0.0
        # "We never keep passports": the model's words, but an honest promise (flag `honest`).
        probabilities[np.array(self.matcher.honest(words, cyrillic=cyrillic), dtype=bool)] = 0.0
        self._reassured_where_the_rules_are(text, sentences, rule_spans, reassured,
                                            cyrillic=cyrillic)
        cued = self.cue_words.cued(words, cyrillic=cyrillic)
        return Evidence(rule_spans, sentences, probabilities, reassured, cued, mild, taken_back)

    def _reassured_where_the_rules_are(self, text: str, sentences: list[Span],
                                       rule_spans: list[set[Span]], reassured: np.ndarray,
                                       *, cyrillic: bool) -> None:
        """Narrow `reassured` (sentences x flags, in place): a negation counts only in a clause
        that holds the flag's rule spans ("2000€ без опыта, виза 300$ предоплата": "без" is
        not about the fee), and never inside the rule's own words ("Разрешение на работу не
        нужно, работаем неофициально": the "не" is the red flag); a flag's `unless` ("we …
        pay the fee") counts sentence-wide."""
        assert self.model is not None
        negated, cued = self.model.reassurance(
            [text[s.start : s.end] for s in sentences], cyrillic=cyrillic)
        for row, sentence in enumerate(sentences):
            if not negated[row]:
                continue
            clauses = [Span(sentence.start + m.start(), sentence.start + m.end())
                       for m in _CLAUSE.finditer(text[sentence.start : sentence.end])]
            for column, spans in enumerate(rule_spans):
                held = [s for s in spans if sentence.start <= s.start and s.end <= sentence.end]
                if not held or cued[row, column]:
                    continue
                around = [c for c in clauses if any(overlap(c, s) for s in held)]
                in_clause, _ = self.model.reassurance(
                    [masked(text, c, held) for c in around or [sentence]], cyrillic=cyrillic)
                reassured[row, column] = any(in_clause)

    def check(self, text: str) -> AdReport:
        """Every red flag in `text`, its score and risk level.

        Reads the first MAX_TEXT_CHARS characters (the NLU's limit, four Telegram messages).
        An ad in transliterated Russian or Belarusian ("oplata za oformlenie 100 evro") is
        read a second time in Cyrillic letters; its spans still point at the ad's own words.
        Every span lies in one sentence of the ad (`within_sentences`): a quote shown is the
        words of one sentence. HTML pasted with the ad is read as a browser shows it
        (`bot.core.adhtml.untagged`, offsets kept).
        """
        evidence = self.evidence(text)
        report = self.report(evidence, self.thresholds())
        shown = untagged(text)

        def cut(found: FoundFlag) -> FoundFlag:
            return replace(found, spans=within_sentences(found.spans, evidence.sentences, shown))

        return replace(report, flags=tuple(map(cut, report.flags)),
                       notes=tuple(map(cut, report.notes)))

    def vetoes(self) -> list[float]:
        """Per flag (content order), the model's veto level (0: none), see `report`."""
        return [self.rules.model.vetoes.get(f.id, 0.0) for f in self.rules.flags]

    def report(self, evidence: Evidence, thresholds: list[float], *, rules: bool = True,
               vetoes: list[float] | None = None) -> AdReport:
        """The report for `evidence` with the model's `thresholds` (per flag, content order);
        `rules=False`: the model's flags alone (cross-validation).

        The model's veto: a rule's words in a sentence that also holds a negation or the
        flag's `unless` ("we never ask candidates to pay for the visa", "the employer pays the
        ticket, nothing is deducted") do not count when the model gives that sentence less
        than the flag's veto level: the rule matched words, the model read the sentence.
        The model alone quotes a sentence only where a word of the flag's `cue_words` stands
        outside a negation, or where its probability reaches the flag's `uncued` level.
        """
        vetoes = self.vetoes() if vetoes is None else vetoes
        uncued = self.uncued()
        found: list[FoundFlag] = []
        for index, flag in enumerate(self.rules.flags):
            ruled = evidence.rule_spans[index] if rules else set()
            if ruled and vetoes[index] > 0 and evidence.reassured is not None:
                firm = evidence.taken_back[index] if evidence.taken_back else set()
                ruled = {s for s in ruled
                         if s in firm or not self._vetoed(evidence, index, s, vetoes[index])}
            scored = [
                s for row, (s, p) in enumerate(
                    zip(evidence.sentences, evidence.probabilities[:, index], strict=True))
                if p >= thresholds[index] and (
                    evidence.cued is None or evidence.cued[row, index] or p >= uncued[index])
            ]
            if ruled:
                extra = [s for s in scored if not any(inside(r, s) for r in ruled)]
                found.append(FoundFlag(flag, merge_spans([*ruled, *extra])))
            elif scored:
                found.append(FoundFlag(flag, merge_spans(scored), by_model=True))
        score = sum(f.rule.weight for f in found)
        raised = {f.rule.id for f in found}
        notes = tuple(
            FoundFlag(flag, merge_spans(spans))
            for flag, spans in zip(self.rules.flags, evidence.mild_spans or [], strict=True)
            if spans and flag.id not in raised
        )
        level = self.level(score, flagged=bool(found), raised=raised)
        return AdReport(tuple(found), score, level, notes)

    @staticmethod
    def _vetoed(evidence: Evidence, index: int, span: Span, veto: float) -> bool:
        assert evidence.reassured is not None
        for row, sentence in enumerate(evidence.sentences):
            if sentence.start <= span.start and span.end <= sentence.end:
                return bool(evidence.reassured[row, index]
                            and evidence.probabilities[row, index] < veto)
        return False

    def level(self, score: int, *, flagged: bool = False,
              raised: Collection[str] = ()) -> AdLevel:
        """The highest level whose `min_score` the score reaches (levels sorted at load), or
        one of whose `together` groups of flag ids is all in `raised`; `flagged`: a red flag
        is shown, so never "low" beside it (a lone too_good of weight 2 read "Risk level: low"
        under "Pay far above normal")."""
        levels = self.rules.levels
        reached = [lvl for lvl in levels if score >= lvl.min_score or any(
            group and set(group) <= set(raised) for group in lvl.together)]
        found = max(reached, key=lambda lvl: lvl.min_score) if reached else levels[0]
        above = [lvl for lvl in levels if lvl.level != "low"]
        if flagged and found.level == "low" and above:
            return min(above, key=lambda lvl: lvl.min_score)
        return found


def build_ad_checker(rules: AdCheck, compiler: PatternCompiler | None = None,
                     cache: ModelCache | None = None) -> AdChecker:
    """The checker for `rules` with its sentence model trained (about a second); rules only
    when the model is off in content or there is nothing to learn from. `compiler`: the one
    the content check compiled the rules' patterns with (see `AdRules`); `cache`: where the
    trained model is read from, or saved to (bot/core/admodel_cache.py; None: trained)."""
    compiler = compiler or PatternCompiler()
    if not rules.model.enabled or not training_sentences(rules):
        return AdChecker(rules, compiler=compiler)
    model = trained_ad_model(rules, compiler=compiler, cache=cache)
    return AdChecker(rules, model, compiler=compiler)
