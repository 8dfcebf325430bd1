#!/usr/bin/env python
"""Triage's decision on every message the tests and the development sets know, as JSON lines.

For a change that must not change what triage decides (words moved from code into content):
run it before and after, then compare.

    .venv/bin/python scripts/triage-decisions.py --out /tmp/before.jsonl
    ... the change ...
    .venv/bin/python scripts/triage-decisions.py --out /tmp/after.jsonl --compare /tmp/before.jsonl

The messages: every utterance of tests/data/*.yml (`nlu eval`'s sets) and every text of the ad
sets, and every string literal with a letter in tests/nlu/*.py and the tests/core files about
triage. Each line holds what `nlu parse` shows (language, intent, at_risk) with the
indicators, and what the danger-phrase matcher alone finds (as scripts/danger-phrase-coverage.py
and the phrase breadth check run it). Exit status 1 when --compare finds a difference.
"""

from __future__ import annotations

import argparse
import ast
import asyncio
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.config import load_settings  # noqa: E402
from bot.core.danger_phrases import DangerPhraseMatcher  # noqa: E402
from bot.nlu.cli import _assessed, build_triage, load_danger_phrases  # noqa: E402
from bot.nlu.data import load_examples  # noqa: E402
from bot.nlu.embedded import EmbeddedRecognizer  # noqa: E402
from bot.nlu.language import detect_language  # noqa: E402
from bot.nlu.phrase_breadth import breadth_let_offs  # noqa: E402

TRIAGE_TESTS = ("triage", "danger", "long_message", "at_risk", "risk")


def _texts_in(node: Any) -> Iterator[str]:
    """Every `text` value of an ad set."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "text" and isinstance(value, str):
                yield value
            else:
                yield from _texts_in(value)
    elif isinstance(node, list):
        for item in node:
            yield from _texts_in(item)


def _literals(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if any(c.isalpha() for c in node.value) and len(node.value) < 2000:
                yield node.value


def messages() -> list[str]:
    """Every message, once, in a fixed order."""
    found: list[str] = []
    data = ROOT / "tests" / "data"
    for path in sorted(data.glob("nlu_*.yml")):
        found += [e.text for e in load_examples(path)]
    for path in sorted([*data.glob("ads*.yaml"), *(data / "adcheck_kinds").glob("*.yaml")]):
        found += list(_texts_in(yaml.safe_load(path.read_text(encoding="utf-8"))))
    tests = sorted((ROOT / "tests" / "nlu").glob("*.py"))
    tests += [p for p in sorted((ROOT / "tests" / "core").glob("*.py"))
              if any(w in p.read_text(encoding="utf-8") for w in TRIAGE_TESTS)]  # fmt: skip
    for path in tests:
        found += list(_literals(path))
    return list(dict.fromkeys(found))


async def decide(texts: list[str]) -> list[dict[str, Any]]:
    settings = load_settings()
    recognizer = EmbeddedRecognizer.from_data_dir(settings.nlu.data_dir)
    triage = build_triage(settings)
    frames = settings.bot.content_dir / "triage_frames.yaml"
    matcher = DangerPhraseMatcher(
        load_danger_phrases(settings.bot.content_dir), breadth_let_offs(frames)
    )
    rows = []
    for text in texts:
        result = await recognizer.parse(text)
        decision = await _assessed(recognizer, triage, text, result)
        rows.append({
            "text": text,
            "language": detect_language(text),
            "intent": result.intent,
            "at_risk": decision.at_risk,
            "indicators": list(decision.indicators),
            "by_phrase": decision.by_phrase,
            "phrases": sorted({m.phrase for m in matcher.find(text)}),
        })  # fmt: skip
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="JSON lines to write")
    parser.add_argument("--compare", type=Path, help="JSON lines of an earlier run")
    args = parser.parse_args(argv)
    rows = asyncio.run(decide(messages()))
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    at_risk = sum(r["at_risk"] for r in rows)
    print(f"{len(rows)} messages, {at_risk} at risk: wrote {args.out}")
    if not args.compare:
        return 0
    before = {
        r["text"]: r
        for r in map(json.loads, args.compare.read_text("utf-8").splitlines())
    }
    # A test's new string is a new message, not a changed decision.
    new = [r for r in rows if r["text"] not in before]
    changed = [(before[r["text"]], r) for r in rows
               if r["text"] in before and before[r["text"]] != r]  # fmt: skip
    for old, row in changed:
        print(f"changed: {json.dumps(old, ensure_ascii=False)}\n     -> "
              f"{json.dumps(row, ensure_ascii=False)}")  # fmt: skip
    for row in new:
        print(f"new (not compared): {row['text'][:80]!r}")
    compared = len(rows) - len(new)
    print(f"{compared - len(changed)} identical, {len(changed)} changed, {len(new)} new "
          f"(compared with {len(before)} in {args.compare})")  # fmt: skip
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
