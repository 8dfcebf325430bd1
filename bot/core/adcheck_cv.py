"""`python -m bot adcheck cv`: the sentence model's thresholds by cross-validation on the
development ads, and per-flag precision and recall of rules + model; `python -m bot adcheck
derive FILE...`: labelled sentences taken from labelled ads, for content/ad_check_sentences.yaml.

Cross-validation splits the development ads into folds. For each fold the model is trained
on the content's sentences except those taken from that fold's ads (their `source`), and the
fold's ads are checked. A flag's threshold is the lowest one at which honest ads stay low in at
least `--honest` of cases and the flag's precision stays at least `--precision`.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from bot.content.models import AdCheck
from bot.core.adcheck import AdChecker, Evidence
from bot.core.adcheck_eval import LabelledAd, label_names, read_ads
from bot.core.admodel import AdSentenceModel, LabelledSentence, training_sentences

DEV_SETS = ("tests/data/ads.yaml", "tests/data/ads_dev.yaml", "tests/data/ads_holdout.yaml",
            "tests/data/ads_heldout2.yaml", "tests/data/ads_heldout3.yaml",
            "tests/data/ads_heldout4.yaml", "tests/data/ads_heldout5.yaml")
LANGS = ("ru", "be", "en", "translit", "ru-latn", "be-latn")  # as ad_check_sentences.yaml has
OFF = 1.01  # a threshold no probability reaches
CANDIDATES = [round(float(x), 2) for x in np.arange(0.3, 1.0, 0.05)]


@dataclass(frozen=True, slots=True)
class Sourced:
    """A labelled ad and where it came from ("ads_dev.yaml#dev-ru-bad-01")."""

    ad: LabelledAd
    source: str
    wanted: frozenset[str]


def dev_ads(checker: AdChecker, files: Sequence[str]) -> list[Sourced]:
    """The labelled ads of `files`, their labels as flag ids."""
    names = label_names(checker)
    return [
        Sourced(ad, f"{Path(file).name}#{ad.id}", frozenset(names.get(x, x) for x in ad.flags))
        for file in files
        for ad in read_ads(Path(file))
    ]


def derive(checker: AdChecker, ads: Sequence[Sourced]) -> list[dict[str, object]]:
    """Sentences of honest ads as honest; in an ad with red flags, each sentence where a rule
    raises one of the ad's labelled flags, with those flags. Other sentences are left out."""
    out: list[dict[str, object]] = []
    seen: set[str] = set()
    for item in ads:
        evidence = checker.evidence(item.ad.text)
        text = item.ad.text
        for sentence in evidence.sentences:
            flags = [
                flag.id
                for flag, spans in zip(checker.rules.flags, evidence.rule_spans, strict=True)
                if flag.id in item.wanted
                and any(s.start < sentence.end and sentence.start < s.end for s in spans)
            ]
            words = " ".join(text[sentence.start : sentence.end].split())
            # "Tel.", "Contacts:": too little to learn from; a repeated line once is enough.
            if (item.wanted and not flags) or len(words.split()) < 3 or words.lower() in seen:
                continue
            seen.add(words.lower())
            lang = item.ad.lang if item.ad.lang in LANGS else "ru"
            out.append({"lang": lang, "flags": flags, "text": words, "source": item.source})
    return out


def _folds(ads: Sequence[Sourced], folds: int, seed: int) -> list[list[Sourced]]:
    order = list(ads)
    random.Random(seed).shuffle(order)
    return [order[i::folds] for i in range(folds)]


def cross_evidence(rules: AdCheck, ads: Sequence[Sourced], folds: int, seed: int,
                   c: float) -> list[tuple[Sourced, Evidence]]:
    """Every ad's evidence from a model that never saw that ad's sentences."""
    sentences = training_sentences(rules)
    out: list[tuple[Sourced, Evidence]] = []
    for fold in _folds(ads, folds, seed):
        held = {item.source for item in fold}
        train: list[LabelledSentence] = [s for s in sentences if s.source not in held]
        checker = AdChecker(rules, AdSentenceModel.train(rules, train, c=c))
        out += [(item, checker.evidence(item.ad.text)) for item in fold]
    return out


def choose_thresholds(checker: AdChecker, results: Sequence[tuple[Sourced, Evidence]],
                      honest_share: float, precision_target: float) -> list[float]:
    """Per flag, the lowest threshold at which the model's own flags keep `precision_target`
    and raise the flag in at most `honest_share` of the honest ads; a flag whose threshold in
    content is above 1 stays off. The model alone, not with
    the rules: the rules were written on these ads and would hide the model's mistakes."""
    flags = checker.rules.flags
    honest = sum(1 for item, _ in results if not item.wanted)
    chosen = [OFF] * len(flags)
    for index, flag in enumerate(flags):
        if checker.thresholds()[index] > 1:
            continue  # left to the rules by the editors (ad_check.yaml: a threshold above 1)
        for candidate in CANDIDATES:
            trial = [OFF] * len(flags)
            trial[index] = candidate
            alone = _score(checker, results, trial, rules=False)
            if (alone.precision(flag.id) >= precision_target
                    and alone.honest_flagged[flag.id] <= honest_share * honest):
                chosen[index] = candidate
                break
    return chosen


VETOES = (0.3, 0.2, 0.15, 0.1, 0.05)


def choose_vetoes(checker: AdChecker, results: Sequence[tuple[Sourced, Evidence]],
                  thresholds: list[float], lost: int) -> list[float]:
    """Per flag, the highest veto level at which rules + model lose at most `lost` of the
    development ads with that flag (0: no veto). The development ads have few honest
    sentences the rules mistake, so the veto's gain shows on fresh ads, its cost here."""
    flags = checker.rules.flags
    off = [0.0] * len(flags)
    base = _score(checker, results, thresholds, vetoes=off)
    chosen = [*off]
    for index, flag in enumerate(flags):
        for level in VETOES:
            trial = [*off]
            trial[index] = level
            score = _score(checker, results, thresholds, vetoes=trial)
            if score.tp[flag.id] >= base.tp[flag.id] - lost:
                chosen[index] = level
                break
    return chosen


@dataclass
class CvScore:
    """Counts per flag over the ads, and how many honest ads were rated low."""

    tp: dict[str, int]
    fp: dict[str, int]
    fn: dict[str, int]
    honest: int
    honest_low: int
    honest_flagged: dict[str, int]  # flag -> honest ads it was raised in

    @property
    def honest_low_rate(self) -> float:
        return self.honest_low / self.honest if self.honest else 1.0

    def precision(self, flag: str) -> float:
        found = self.tp[flag] + self.fp[flag]
        return self.tp[flag] / found if found else 1.0

    def recall(self, flag: str) -> float:
        actual = self.tp[flag] + self.fn[flag]
        return self.tp[flag] / actual if actual else 1.0


def _score(checker: AdChecker, results: Sequence[tuple[Sourced, Evidence]],
           thresholds: list[float], *, rules: bool = True,
           vetoes: list[float] | None = None) -> CvScore:
    ids = [f.id for f in checker.rules.flags]
    score = CvScore(dict.fromkeys(ids, 0), dict.fromkeys(ids, 0), dict.fromkeys(ids, 0), 0, 0,
                    dict.fromkeys(ids, 0))
    for item, evidence in results:
        report = checker.report(evidence, thresholds, rules=rules,
                                vetoes=vetoes or [0.0] * len(thresholds))
        found = {f.rule.id for f in report.flags}
        for flag in ids:
            want, got = flag in item.wanted, flag in found
            if want and got:
                score.tp[flag] += 1
            elif got:
                score.fp[flag] += 1
                score.honest_flagged[flag] += not item.wanted
            elif want:
                score.fn[flag] += 1
        if not item.wanted:
            score.honest += 1
            score.honest_low += report.level.level == "low"
    return score


def render(checker: AdChecker, score: CvScore, rules_only: CvScore, model_only: CvScore,
           thresholds: list[float], ads: int) -> str:
    """A Markdown table of per-flag precision and recall, rules only and rules + model."""
    lines = [
        f"{ads} development ads, cross-validated: the model never saw the sentences of the ad "
        "it checks.",
        "",
        "| flag | ads with it | threshold | rules: precision, recall | model alone: precision, "
        "recall | rules + model: precision, recall |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for flag, threshold in zip(checker.rules.flags, thresholds, strict=True):
        f = flag.id
        shown = f"{threshold:.2f}" if threshold <= 1 else "off"
        lines.append(
            f"| {f} | {score.tp[f] + score.fn[f]} | {shown} | "
            f"{rules_only.precision(f):.0%}, {rules_only.recall(f):.0%} | "
            f"{model_only.precision(f):.0%}, {model_only.recall(f):.0%} | "
            f"{score.precision(f):.0%}, {score.recall(f):.0%} |"
        )
    lines += ["", f"Honest ads rated low: rules {rules_only.honest_low}/{rules_only.honest}, "
              f"rules + model {score.honest_low}/{score.honest} ({score.honest_low_rate:.0%})."]
    return "\n".join(lines)


def render_sets(checker: AdChecker, results: Sequence[tuple[Sourced, Evidence]],
                thresholds: list[float], vetoes: list[float]) -> str:
    """Per development set (the file part of `source`): ads with red flags found (any flag
    right) and honest ads rated low, rules + model, cross-validated. A Markdown table."""
    lines = ["| set | ads | honest ads rated low | flags found (recall over all kinds) |",
             "|---|---:|---:|---:|"]
    for name in dict.fromkeys(item.source.split("#")[0] for item, _ in results):
        part = [(item, ev) for item, ev in results if item.source.startswith(name + "#")]
        score = _score(checker, part, thresholds, vetoes=vetoes)
        found = sum(score.tp.values())
        wanted = found + sum(score.fn.values())
        low = f"{score.honest_low}/{score.honest} ({score.honest_low_rate:.0%})"
        lines.append(f"| {name} | {len(part)} | {low} | "
                     f"{found}/{wanted} ({found / wanted if wanted else 1:.0%}) |")
    return "\n".join(lines)


def _content(args: argparse.Namespace) -> AdCheck | None:
    """The ad check of the content (--content or the repository's); None, said, without one."""
    from bot.config import REPO_ROOT
    from bot.content.loader import load_content

    content = load_content(Path(args.content) if args.content else REPO_ROOT / "content")
    if content.ad_check is None:
        print("content has no ad_check.yaml")
    return content.ad_check


def cv_main(args: argparse.Namespace) -> int:
    """Print the thresholds and the table; exit 1 when the content has no ad check."""
    rules = _content(args)
    if rules is None:
        return 1
    checker = AdChecker(rules)
    ads = dev_ads(checker, args.files or DEV_SETS)
    results: list[tuple[Sourced, Evidence]] = []
    for seed in range(args.seeds):
        results += cross_evidence(rules, ads, args.folds, seed, args.c)
    thresholds = choose_thresholds(checker, results, args.honest, args.precision)
    vetoes = choose_vetoes(checker, results, thresholds, args.lost)
    rules_only = _score(checker, results, [OFF] * len(thresholds))
    model_only = _score(checker, results, thresholds, rules=False)
    score = _score(checker, results, thresholds, vetoes=vetoes)
    print(render(checker, score, rules_only, model_only, thresholds, len(ads)))
    print("\n" + render_sets(checker, results, thresholds, vetoes))
    print("\nFor content/ad_check.yaml, `model:`")
    print("  thresholds: {" + ", ".join(
        f"{flag.id}: {threshold:.2f}" for flag, threshold in zip(rules.flags, thresholds,
                                                                 strict=True)) + "}")
    print("  vetoes: {" + ", ".join(
        f"{flag.id}: {veto:.2f}" for flag, veto in zip(rules.flags, vetoes, strict=True)) + "}")
    return 0


def derive_main(args: argparse.Namespace) -> int:
    """Print derived sentences as YAML items for content/ad_check_sentences.yaml."""
    rules = _content(args)
    if rules is None:
        return 1
    checker = AdChecker(rules)
    items = derive(checker, dev_ads(checker, args.files))
    print(yaml.safe_dump({"sentences": items}, allow_unicode=True, sort_keys=False, width=200))
    return 0
