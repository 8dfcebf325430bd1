#!/usr/bin/env python
"""How well the danger phrases (content/danger_phrases.yaml) cover labelled NLU utterances.

Uses the bot's real matcher (bot.core.danger_phrases.DangerPhraseMatcher: the bot's
normalisation, transliterated Russian also checked against the Cyrillic phrases, and the let-off
lists of content/triage_frames.yaml), so the figures are what the bot does in production.

Reports, for any Rasa NLU YAML file or directory (default: nlu/data):
  * coverage: the share of risk utterances (risk_* and emergency_now) matched by a phrase,
    per intent and per language group (ru, ru-translit, be, en, ...);
  * wrong indicator: risk utterances matched only by phrases of a different risk intent;
  * false alarms: the share of non-risk utterances matched by a phrase, each one listed with
    the phrases that fired.

    .venv/bin/python scripts/danger-phrase-coverage.py                     # nlu/data
    .venv/bin/python scripts/danger-phrase-coverage.py nlu/tests           # held-out data
    .venv/bin/python scripts/danger-phrase-coverage.py nlu/data --missed   # list the misses
    .venv/bin/python scripts/danger-phrase-coverage.py nlu/data --phrases other.yaml

Exit status: 0, or 1 with --max-false-alarm-rate when the false-alarm rate is above it.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.content.reader import read_danger_phrases_file  # noqa: E402
from bot.core.danger_phrases import DangerPhraseMatcher  # noqa: E402
from bot.nlu.base import RISK_INTENTS  # noqa: E402
from bot.nlu.data import Example, load_many  # noqa: E402
from bot.nlu.phrase_breadth import breadth_let_offs  # noqa: E402


def pct(part: int, whole: int) -> str:
    return f"{part:4d}/{whole:<4d} {100 * part / whole:5.1f}%" if whole else f"{0:4d}/{0:<4d}     -"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="NLU YAML files or directories")
    parser.add_argument("--phrases", type=Path, default=ROOT / "content" / "danger_phrases.yaml")
    parser.add_argument("--frames", type=Path, default=ROOT / "content" / "triage_frames.yaml",
                        help="the let-off word lists the matcher reads")
    parser.add_argument("--missed", action="store_true", help="list risk utterances not matched")
    parser.add_argument("--wrong", action="store_true", help="list wrong-indicator matches")
    parser.add_argument("--intent", help="only this intent's misses with --missed")
    parser.add_argument("--unused", action="store_true", help="list phrases that matched nothing")
    parser.add_argument("--max-false-alarm-rate", type=float, default=None, metavar="PERCENT")
    args = parser.parse_args(argv)

    paths = args.paths or [ROOT / "nlu" / "data"]
    examples: list[Example] = load_many(paths)
    phrases = read_danger_phrases_file(args.phrases)
    matcher = DangerPhraseMatcher(phrases, breadth_let_offs(args.frames))
    print(f"{len(matcher)} phrases from {args.phrases}; {len(examples)} utterances from "
          + ", ".join(str(p) for p in paths))  # fmt: skip

    risk_total: Counter[str] = Counter()
    risk_hit: Counter[str] = Counter()
    group_total: Counter[str] = Counter()
    group_hit: Counter[str] = Counter()
    wrong: list[tuple[Example, list[str]]] = []
    missed: list[Example] = []
    false_alarms: list[tuple[Example, list[str]]] = []
    other_total: Counter[str] = Counter()
    used: Counter[str] = Counter()
    for ex in examples:
        matches = matcher.find(ex.text)
        for m in matches:
            used[m.phrase] += 1
        if ex.intent in RISK_INTENTS:
            risk_total[ex.intent] += 1
            group_total[ex.group] += 1
            if matches:
                risk_hit[ex.intent] += 1
                group_hit[ex.group] += 1
                indicators = {m.indicator for m in matches}
                if ex.intent not in indicators:
                    wrong.append((ex, [f"{m.phrase} -> {m.indicator}" for m in matches]))
            else:
                missed.append(ex)
        else:
            other_total[ex.group] += 1
            if matches:
                false_alarms.append((ex, [f"{m.phrase} -> {m.indicator}" for m in matches]))

    n_risk, n_hit = sum(risk_total.values()), sum(risk_hit.values())
    print("\nCoverage of risk utterances, per intent:")
    for intent in sorted(risk_total):
        print(f"  {intent:28s} {pct(risk_hit[intent], risk_total[intent])}")
    print("per language:")
    for group in sorted(group_total):
        print(f"  {group:28s} {pct(group_hit[group], group_total[group])}")
    print(f"  {'ALL':28s} {pct(n_hit, n_risk)}")
    print(f"  matched only by another intent's phrase: {len(wrong)}")

    n_other = sum(other_total.values())
    fa_groups = Counter(ex.group for ex, _ in false_alarms)
    print("\nFalse alarms on non-risk utterances:")
    for group in sorted(other_total):
        print(f"  {group:28s} {pct(fa_groups[group], other_total[group])}")
    print(f"  {'ALL':28s} {pct(len(false_alarms), n_other)}")
    for ex, fired in false_alarms:
        print(f"    [{ex.intent}/{ex.group}] {ex.text!r}  <- {'; '.join(fired)}")

    if args.wrong and wrong:
        print("\nWrong indicator (utterance intent not among the fired indicators):")
        for ex, fired in wrong:
            print(f"    [{ex.intent}/{ex.group}] {ex.text!r}  <- {'; '.join(fired)}")
    if args.missed:
        print("\nMissed risk utterances:")
        for ex in missed:
            if args.intent is None or ex.intent == args.intent:
                print(f"    [{ex.intent}/{ex.group}] {ex.text}")
    if args.unused:
        print("\nPhrases that matched nothing here:")
        for items in phrases.values():
            for item in items:
                if not used[item.phrase]:
                    print(f"    {item.phrase}  ({item.indicator})")

    if args.max_false_alarm_rate is not None and n_other:
        if 100 * len(false_alarms) / n_other > args.max_false_alarm_rate:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
