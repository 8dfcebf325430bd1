#!/usr/bin/env python
"""Cross-validation of the older training lines with and without some new files, on the same folds.

`python -m bot nlu cv --older-than FILE` redraws every fold when lines are added, so a change in
its figures mixes what the new lines teach with which older lines landed in which fold. Here
the folds are drawn over the lines outside the `--added` files only, and the added lines join
every training fold (never a test fold): the two runs differ only by the added lines.

    .venv/bin/python scripts/nlu-cv-paired.py --added lookalike5.yml --seed 0 \
        --older-than negation.yml --older-than contrast.yml --older-than documents.yml \
        --older-than lookalike2.yml --older-than lookalike3.yml

Prints the metrics table of the older lines (outside the `--older-than` and `--added` files)
without and with the added lines, and with --list the older lines whose intent changed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import load_settings  # noqa: E402
from bot.nlu.cli import build_triage  # noqa: E402
from bot.nlu.data import Example, load_examples  # noqa: E402
from bot.nlu.embedded import EmbeddedRecognizer  # noqa: E402
from bot.nlu.evaluate import Outcome, cross_validate, format_table  # noqa: E402


def _split(data_dir: Path, added: set[str]) -> tuple[list[Example], list[Example]]:
    files = sorted(p for p in data_dir.rglob("*") if p.suffix in (".yml", ".yaml"))
    base = [e for f in files if f.name not in added for e in load_examples(f)]
    extra = [e for f in files if f.name in added for e in load_examples(f)]
    return base, extra


def _older(outcomes: Sequence[Outcome], older: set[tuple[str, str]]) -> list[Outcome]:
    return [o for o in outcomes if (o[0].text, o[0].intent) in older]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--added", action="append", required=True, help="a file name in nlu/data")
    parser.add_argument("--older-than", action="append", default=[], help="not an older file")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--list", action="store_true", help="the older lines that changed")
    args = parser.parse_args(argv)
    settings = load_settings()
    added = set(args.added)
    base, extra = _split(settings.nlu.data_dir, added)
    newer = added | set(args.older_than)
    older = {(e.text, e.intent) for e in _split(settings.nlu.data_dir, newer)[0]}
    triages = {"model+phrases": build_triage(settings)}
    runs: dict[str, list[Outcome]] = {}
    for name, lines in (("without", []), ("with", extra)):

        def train(examples: Sequence[Example], lines: list[Example] = lines) -> EmbeddedRecognizer:
            return EmbeddedRecognizer.train([*examples, *lines])

        named = cross_validate(base, triages, folds=args.folds, seed=args.seed, train=train)
        runs[name] = _older(named["model+phrases"], older)
    print(f"{len(runs['with'])} older lines, {len(extra)} added lines ({', '.join(sorted(added))})"
          f", seed {args.seed}\n{format_table(runs)}")  # fmt: skip
    if args.list:
        for (example, before, _), (_, after, _) in zip(runs["without"], runs["with"], strict=True):
            if (before.intent == example.intent) != (after.intent == example.intent):
                verdict = "gained" if after.intent == example.intent else "lost"
                print(f"{verdict} {example.group} {example.intent} -> {after.intent}: "
                      f"{example.text}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
