"""`python -m bot adcheck eval [FILE]`: per-flag precision and recall of the ad check on
labelled ads, overall and per language.

The labelled ads (default tests/data/ads.yaml) are `ads: [{id, lang, flags: [...], text}]`;
an ad with no flags is honest and should be rated "low". A label is a flag id of
content/ad_check.yaml, one of a flag's `aliases` (`salary_above_market` is `too_good`), or a
red-flag id of the facts file (`rf-fees`) when exactly one flag has it. A label that names no
flag is counted as a kind the check cannot find (recall 0%) and named in the output.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot.content.models import AdCheck
from bot.core.adcheck import AdChecker
from bot.core.admodel import AdSentenceModel, training_sentences

DEFAULT_DATA = Path("tests/data/ads.yaml")


class LabelledAd(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    lang: str
    flags: list[str] = Field(default_factory=list)
    text: str
    note: str | None = None  # the writer's reason for the labels; not read by the check

    @field_validator("flags")
    @classmethod
    def _plain_labels(cls, flags: list[str]) -> list[str]:
        return [flag.strip().lower() for flag in flags]


@dataclass
class FlagScore:
    """Counts for one flag kind over the labelled ads."""

    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    missed: list[str] = field(default_factory=list)  # ad ids
    extra: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        actual = self.true_positive + self.false_negative
        return self.true_positive / actual if actual else 1.0


@dataclass
class Evaluation:
    """Per-flag scores, and how honest and flagged ads were rated."""

    flags: dict[str, FlagScore]
    honest: int
    honest_low: int
    flagged: int
    flagged_not_low: int
    honest_not_low: list[str]

    @property
    def honest_low_rate(self) -> float:
        return self.honest_low / self.honest if self.honest else 1.0


def read_ads(path: Path) -> list[LabelledAd]:
    """The labelled ads of `path`; raises ValueError on a malformed file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("ads"), list):
        raise ValueError(f"{path}: expected `ads:` with a list of ads")
    return [LabelledAd.model_validate(item) for item in data["ads"]]


def label_names(checker: AdChecker) -> dict[str, str]:
    """Every name a label may use -> the flag id it means (ids, aliases, unambiguous indicators)."""
    flags = checker.rules.flags
    names = {f.indicator: f.id for f in flags}
    for indicator in {f.indicator for f in flags}:
        if sum(f.indicator == indicator for f in flags) > 1:
            del names[indicator]  # rf-wrong-visa is two flags: the label must say which
    for flag in flags:
        names.update({alias: flag.id for alias in flag.aliases})
        names[flag.id] = flag.id
    # "too-good" and "rf_fees" as people may type them
    spellings = {k.replace("_", "-"): v for k, v in names.items()}
    spellings |= {k.replace("-", "_"): v for k, v in names.items()}
    return spellings | names


def evaluate(checker: AdChecker, ads: Sequence[LabelledAd]) -> Evaluation:
    """Run the checker on every ad and count hits per flag kind."""
    names = label_names(checker)
    known = [f.id for f in checker.rules.flags]
    known += sorted({label for ad in ads for label in ad.flags if label not in names})
    scores = {flag_id: FlagScore() for flag_id in known}
    honest = honest_low = flagged = flagged_not_low = 0
    honest_not_low: list[str] = []
    for ad in ads:
        report = checker.check(ad.text)
        found = {f.rule.id for f in report.flags}
        wanted = {names.get(label, label) for label in ad.flags}
        for flag_id in known:
            score, want, got = scores[flag_id], flag_id in wanted, flag_id in found
            if want and got:
                score.true_positive += 1
            elif got:
                score.false_positive += 1
                score.extra.append(ad.id)
            elif want:
                score.false_negative += 1
                score.missed.append(ad.id)
        low = report.level.level == "low"
        if ad.flags:
            flagged += 1
            flagged_not_low += not low
        else:
            honest += 1
            honest_low += low
            if not low:
                honest_not_low.append(ad.id)
    return Evaluation(scores, honest, honest_low, flagged, flagged_not_low, honest_not_low)


def render(result: Evaluation, ads: int, unknown: Sequence[str] = ()) -> str:
    """A Markdown table, as pasted into README."""
    lines = [
        f"{ads} ads: {result.flagged} with red flags, {result.honest} honest.",
        "",
        "| flag | ads with it | found | precision | recall |",
        "|---|---:|---:|---:|---:|",
    ]
    for flag_id, s in result.flags.items():
        actual = s.true_positive + s.false_negative
        lines.append(
            f"| {flag_id} | {actual} | {s.true_positive} | {s.precision:.0%} | {s.recall:.0%} |"
        )
    lines += [
        "",
        f"Honest ads rated low risk: {result.honest_low}/{result.honest} "
        f"({result.honest_low_rate:.0%}).",
        f"Ads with red flags rated medium or high: {result.flagged_not_low}/{result.flagged}.",
    ]
    for flag_id, s in result.flags.items():
        if s.missed or s.extra:
            lines.append(f"- {flag_id}: missed in {s.missed or '-'}, wrongly in {s.extra or '-'}")
    if result.honest_not_low:
        lines.append(f"- honest ads not rated low: {result.honest_not_low}")
    if unknown:
        lines.append(f"- labels that name no flag (counted as missed): {list(unknown)}")
    return "\n".join(lines)


def render_languages(by_language: dict[str, Evaluation]) -> str:
    """Recall and precision per flag and language, and honest ads rated low per language."""
    languages = list(by_language)
    lines = [
        "| flag | " + " | ".join(f"{lang}: ads, precision, recall" for lang in languages) + " |",
        "|---|" + "---:|" * len(languages),
    ]
    flags = dict.fromkeys(f for result in by_language.values() for f in result.flags)
    for flag_id in flags:
        cells = []
        for lang in languages:
            s = by_language[lang].flags.get(flag_id, FlagScore())
            actual = s.true_positive + s.false_negative
            found = s.true_positive + s.false_positive
            precision = f"{s.precision:.0%}" if found else "–"
            recall = f"{s.recall:.0%}" if actual else "–"
            cells.append(f"{actual}, {precision}, {recall}")
        lines.append(f"| {flag_id} | " + " | ".join(cells) + " |")
    cells = [f"{r.honest_low}/{r.honest} ({r.honest_low_rate:.0%})" for r in by_language.values()]
    lines.append("| honest ads rated low | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def checker_without_set(rules: AdCheck, name: str) -> AdChecker:
    """The checker with its sentence model trained without the sentences taken from the ads of
    the file `name` (their `source` is "name#id"): that set's first sight for the model. The
    rules are as they are, written while reading the development sets."""
    kept = [s for s in training_sentences(rules) if not (s.source or "").startswith(name + "#")]
    return AdChecker(rules, AdSentenceModel.train(rules, kept))


def main(args: argparse.Namespace) -> int:
    """Print the table; exit 1 when the content has no ad check, 2 when the file of labelled
    ads cannot be read (said before the content is loaded)."""
    from bot.config import REPO_ROOT, BotSettings
    from bot.content.loader import load_content
    from bot.core.adcheckers import AdCheckers
    from bot.modelcache import model_cache_at

    path = Path(args.file or args.data or DEFAULT_DATA)
    try:
        ads = read_ads(path)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        print(f"cannot read the labelled ads: {exc}")
        return 2
    # The checker the content check built (rules and sentence model, as the bot runs them) is
    # the one measured: trained once, or read from BOT_MODEL_CACHE_DIR when it holds it.
    checkers = AdCheckers(cache=model_cache_at(BotSettings().model_cache_dir))
    content = load_content(Path(args.content) if args.content else REPO_ROOT / "content",
                           ad_checkers=checkers)
    if content.ad_check is None:
        print("content has no ad_check.yaml")
        return 1
    if getattr(args, "leave_set_out", False):
        checker = checker_without_set(content.ad_check, path.name)
    else:
        found = checkers.for_content(content)
        assert found is not None  # the content has an ad check
        checker = found
    names = label_names(checker)
    unknown = sorted({label for ad in ads for label in ad.flags if label not in names})
    print(render(evaluate(checker, ads), len(ads), unknown))
    order = {"ru": 0, "be": 1, "en": 2}
    languages = sorted({ad.lang for ad in ads}, key=lambda lang: (order.get(lang, 3), lang))
    by_language = {
        lang: evaluate(checker, [ad for ad in ads if ad.lang == lang]) for lang in languages
    }
    print("\nPer language:\n")
    print(render_languages(by_language))
    return 0
