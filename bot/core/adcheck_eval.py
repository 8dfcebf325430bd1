"""`python -m bot adcheck eval`: per-flag precision and recall of the ad check on labelled ads.

The labelled ads (default tests/data/ads.yaml) are `ads: [{id, lang, flags: [...], text}]`;
an ad with no flags is honest and should be rated "low".
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from bot.core.adcheck import AdChecker

DEFAULT_DATA = Path("tests/data/ads.yaml")


class LabelledAd(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    lang: str
    flags: list[str] = Field(default_factory=list)
    text: str


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


def evaluate(checker: AdChecker, ads: Sequence[LabelledAd]) -> Evaluation:
    """Run the checker on every ad and count hits per flag kind."""
    known = [f.id for f in checker.rules.flags]
    scores = {flag_id: FlagScore() for flag_id in known}
    honest = honest_low = flagged = flagged_not_low = 0
    honest_not_low: list[str] = []
    for ad in ads:
        report = checker.check(ad.text)
        found = {f.rule.id for f in report.flags}
        for flag_id in known:
            score, want, got = scores[flag_id], flag_id in ad.flags, flag_id in found
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


def render(result: Evaluation, ads: int) -> str:
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
    return "\n".join(lines)


def main(args: argparse.Namespace) -> int:
    """Print the table; exit 1 when the content has no ad check."""
    from bot.config import REPO_ROOT
    from bot.content.loader import load_content

    content = load_content(Path(args.content) if args.content else REPO_ROOT / "content")
    if content.ad_check is None:
        print("content has no ad_check.yaml")
        return 1
    ads = read_ads(Path(args.data or DEFAULT_DATA))
    print(render(evaluate(AdChecker(content.ad_check), ads), len(ads)))
    return 0
