#!/usr/bin/env python
"""List the training utterances the embedded NLU gets wrong in cross-validation.

Runs the same cross-validation as `python -m bot nlu cv` (held-out folds of nlu/data) and
prints every misclassified utterance grouped by gold -> predicted intent, plus the risk
utterances triage misses and the non-risk utterances it flags (false alarms).

    .venv/bin/python scripts/nlu-confusions.py                 # all languages
    .venv/bin/python scripts/nlu-confusions.py --group en      # one group (ru, be, en, ru-translit)
    .venv/bin/python scripts/nlu-confusions.py --gold stranded_abroad --seeds 0 1 2
    .venv/bin/python scripts/nlu-confusions.py --check-tests   # training vs nlu/tests overlap

The output contains training utterances only (no user data). `--check-tests` reports training
examples that duplicate or nearly duplicate a held-out test example (difflib ratio > 0.8),
so the test set stays independent of the training data.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bot.config import load_settings  # noqa: E402
from bot.nlu.base import RISK_INTENTS  # noqa: E402
from bot.nlu.cli import build_triage  # noqa: E402
from bot.nlu.data import Example, load_examples  # noqa: E402
from bot.nlu.evaluate import cross_validate  # noqa: E402


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).strip()


def check_tests(train: list[Example], tests: list[Example], ratio: float) -> int:
    """Print training examples equal or similar to a test example; the number found."""
    by_norm = {_norm(t.text): t for t in tests}
    found = 0
    for example in train:
        norm = _norm(example.text)
        if norm in by_norm:
            print(f"DUPLICATE  [{example.intent}] {example.text!r}")
            found += 1
            continue
        for test in tests:
            other = _norm(test.text)
            if abs(len(other) - len(norm)) > 0.4 * max(len(norm), len(other)):
                continue
            matcher = difflib.SequenceMatcher(None, norm, other)
            if matcher.real_quick_ratio() > ratio and matcher.quick_ratio() > ratio:
                r = matcher.ratio()
                if r > ratio:
                    print(f"NEAR {r:.2f}  [{example.intent}] {example.text!r}\n"
                          f"       test [{test.intent}] {test.text!r}")
                    found += 1
                    break
    # Near-duplicates inside the training data itself (same intent or not).
    seen: dict[str, Example] = {}
    for example in train:
        norm = _norm(example.text)
        if norm in seen:
            print(f"TRAIN DUP  [{example.intent}] / [{seen[norm].intent}] {example.text!r}")
            found += 1
        seen[norm] = example
    print(f"{found} overlaps between {len(train)} training and {len(tests)} test utterances")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0])
    parser.add_argument("--group", help="only this group: ru, be, en, ru-translit, ...")
    parser.add_argument("--gold", help="only utterances of this gold intent")
    parser.add_argument("--threshold", type=float, help="risk threshold (default: settings)")
    parser.add_argument("--check-tests", action="store_true")
    parser.add_argument("--ratio", type=float, default=0.8)
    args = parser.parse_args()

    settings = load_settings()
    if args.threshold is not None:
        nlu = settings.nlu.model_copy(update={"risk_threshold": args.threshold})
        settings = settings.model_copy(update={"nlu": nlu})
    examples = load_examples(settings.nlu.data_dir)
    if args.check_tests:
        tests = load_examples(REPO / "nlu" / "tests")
        return 1 if check_tests(examples, tests, args.ratio) else 0

    triage = build_triage(settings, phrases=True)
    wrong: dict[tuple[str, str], list[str]] = defaultdict(list)
    missed: list[str] = []
    alarms: list[str] = []
    total = Counter[str]()
    for seed in args.seeds:
        outcomes = cross_validate(examples, {"t": triage}, folds=args.folds, seed=seed)["t"]
        for example, result, decision in outcomes:
            if args.group and example.group != args.group:
                continue
            if args.gold and example.intent != args.gold:
                continue
            total[example.group] += 1
            tag = f"{example.group:11} {result.confidence:.2f} risk={decision.risk_score:.2f}"
            line = f"  {tag}  {example.text}"
            if example.intent != result.intent:
                wrong[(example.intent, result.intent)].append(line)
            if example.intent in RISK_INTENTS and not decision.at_risk:
                missed.append(f"  [{example.intent} -> {result.intent}] {tag}  {example.text}")
            if example.intent not in RISK_INTENTS and decision.at_risk:
                alarms.append(f"  [{example.intent} -> {result.intent}] {tag}  {example.text}")

    errors = sum(len(v) for v in wrong.values())
    print(f"{errors} misclassified of {sum(total.values())} held-out predictions "
          f"(seeds {args.seeds}, {args.folds} folds)\n")
    for (gold, predicted), lines in sorted(wrong.items(), key=lambda kv: -len(kv[1])):
        print(f"{gold} -> {predicted} ({len(lines)})")
        print("\n".join(sorted(lines)))
    print(f"\nrisk utterances not flagged ({len(missed)})")
    print("\n".join(missed))
    print(f"\nfalse alarms ({len(alarms)})")
    print("\n".join(alarms))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
