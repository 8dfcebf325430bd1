"""Where Rasa loses to the embedded model (or wins): per intent and per kind, on held-out files.

Both backends classify every line of each file (Rasa through the running server named by
RASA_URL / RASA_TOKEN, as `python -m bot nlu eval --backend both` does) and triage reads both
with the same danger phrases. Printed per file: accuracy of each backend per gold intent and
per kind with the difference in points, and the lines that only one backend got right (their
kind, language and the two predictions; the text only with --lines, since held-out lines are
not to be copied anywhere).

Usage: RASA_URL=http://127.0.0.1:PORT RASA_TOKEN=... RASA_TIMEOUT_MS=10000 \
       .venv/bin/python scripts/nlu-backend-gap.py FILE [FILE ...] [--lines]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.config import load_settings
from bot.core.triage import Triage
from bot.nlu.base import IntentRecognizer
from bot.nlu.cli import FACTORIES, build_triage
from bot.nlu.data import Example, load_examples
from bot.nlu.evaluate import Outcome


async def classify(
    recognizer: IntentRecognizer, triage: Triage, examples: Sequence[Example]
) -> list[Outcome]:
    """Each example's classification and triage decision."""
    try:
        outcomes = []
        for example in examples:
            result = await recognizer.parse(example.text)
            outcomes.append((example, result, triage.assess(example.text, result)))
        return outcomes
    finally:
        await recognizer.aclose()


def table(title: str, local: Sequence[Outcome], rasa: Sequence[Outcome], key: str) -> list[str]:
    """Accuracy per group (gold intent or kind), embedded / Rasa / difference, worst first."""
    groups: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for (example, mine, _), (_, theirs, _) in zip(local, rasa, strict=True):
        name = example.intent if key == "intent" else example.kind or "-"
        groups[name].append((mine.intent == example.intent, theirs.intent == example.intent))
    rows = []
    for name, pairs in groups.items():
        n = len(pairs)
        a, b = sum(p[0] for p in pairs) / n, sum(p[1] for p in pairs) / n
        rows.append((b - a, name, n, a, b))
    lines = [f"| {title} | n | embedded | Rasa | points |", "|---|---|---|---|---|"]
    for diff, name, n, a, b in sorted(rows):
        lines.append(f"| {name} | {n} | {a:.3f} | {b:.3f} | {diff * 100:+.1f} |")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--lines", action="store_true", help="print the disagreeing lines' text")
    args = parser.parse_args()
    settings = load_settings()
    triage = build_triage(settings)
    for file in args.files:
        examples = load_examples(Path(file))
        local = asyncio.run(classify(FACTORIES["local"](settings), triage, examples))
        rasa = asyncio.run(classify(FACTORIES["rasa"](settings), triage, examples))
        print(f"\n## {file} ({len(examples)} lines)\n")
        print("\n".join(table("intent", local, rasa, "intent")) + "\n")
        print("\n".join(table("kind", local, rasa, "kind")) + "\n")
        print("| only right | kind | lang | gold | embedded | Rasa | risk: embedded / Rasa |")
        print("|---|---|---|---|---|---|---|")
        for (example, mine, md), (_, theirs, td) in zip(local, rasa, strict=True):
            right = (mine.intent == example.intent, theirs.intent == example.intent)
            if right[0] == right[1] and md.at_risk == td.at_risk:
                continue
            who = "embedded" if right[0] and not right[1] else "rasa" if right[1] else "neither"
            print(f"| {who} | {example.kind or '-'} | {example.language} | {example.intent} | "
                  f"{mine.intent} | {theirs.intent} | {md.risk_score:.2f} {md.at_risk} / "
                  f"{td.risk_score:.2f} {td.at_risk} |")  # fmt: skip
            if args.lines:
                print(f"|   | {example.text[:160]} |||||")
    return 0


if __name__ == "__main__":
    sys.exit(main())
