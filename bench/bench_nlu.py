"""Embedded NLU: training time and parse latency (sync, async, with triage) on the test set.

Run from the repository root: `python bench/bench_nlu.py [--repeat N]`.
Prints a table and writes bench-results/nlu.json. Targets: training well under 2 s,
parse p99 well under 5 ms, parse + triage p99 under 2 ms (issue 10).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # so that `bot` imports from a checkout

from bot.config import Settings  # noqa: E402
from bot.nlu.cli import build_triage  # noqa: E402
from bot.nlu.data import load_examples  # noqa: E402
from bot.nlu.embedded import EmbeddedRecognizer  # noqa: E402

TARGET_TRAIN_S = 2.0
TARGET_P99_MS = 5.0


def _percentiles(samples_s: list[float]) -> dict[str, float]:
    ordered = sorted(samples_s)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000  # noqa: E731
    return {"p50_ms": pick(0.50), "p99_ms": pick(0.99), "max_ms": ordered[-1] * 1000}


def default_settings() -> Settings:
    """Every setting at its default: environment variables and .env do not change the bench.

    (tests.helpers.chat.plain_settings skips .env but still reads NLU_*, BOT_*, ... variables.)
    """
    return Settings.model_validate(
        {name: field.annotation.model_construct() for name, field in Settings.model_fields.items()}
    )


def _timed(
    call: Callable[[str], object],
    texts: list[str],
    repeat: int,
    clock: Callable[[], float] = time.perf_counter,
) -> dict[str, float]:
    for text in texts[:20]:  # warm caches (numpy, regex compilation)
        call(text)
    samples: list[float] = []
    gc.disable()  # a collection in the middle of one parse is not the parser's latency
    try:
        for _ in range(repeat):
            for text in texts:
                start = clock()
                call(text)
                samples.append(clock() - start)
    finally:
        gc.enable()
    return _percentiles(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="passes over the test utterances")
    parser.add_argument("--out", default=str(ROOT / "bench-results" / "nlu.json"))
    args = parser.parse_args()

    settings = default_settings()
    examples = load_examples(settings.nlu.data_dir)
    # Both held-out sets: the canonical one and the hard one (long stories, layouts, negations).
    texts = [e.text for e in load_examples(ROOT / "nlu" / "tests" / "test_nlu.yml")]
    texts += [e.text for e in load_examples(ROOT / "nlu" / "tests" / "hard")]
    train_runs = []
    for _ in range(3):
        start = time.perf_counter()
        model = EmbeddedRecognizer.train(examples)
        train_runs.append(time.perf_counter() - start)
    triage = build_triage(settings)  # the content's danger phrases, nlu.risk_threshold

    loop = asyncio.new_event_loop()
    try:
        rows = {
            "parse_sync": _timed(model.parse_sync, texts, args.repeat),
            "parse (async)": _timed(
                lambda t: loop.run_until_complete(model.parse(t)), texts, args.repeat
            ),
            "parse + triage": _timed(
                lambda t: triage.assess(t, model.parse_sync(t)), texts, args.repeat
            ),
            # CPU time of this process: on a shared, busy machine the wall-clock p99 is mostly
            # time spent waiting for a core, not work.
            "parse+triage CPU": _timed(
                lambda t: triage.assess(t, model.parse_sync(t)),
                texts,
                args.repeat,
                time.thread_time,
            ),
        }
    finally:
        loop.close()

    result: dict[str, Any] = {
        "training_examples": len(examples),
        "test_utterances": len(texts),
        "train_s": {"median": statistics.median(train_runs), "min": min(train_runs)},
        "latency": rows,
        "targets": {"train_s": TARGET_TRAIN_S, "p99_ms": TARGET_P99_MS},
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
    }
    print(f"training: {len(examples)} examples, median {result['train_s']['median']:.2f} s "
          f"(min {result['train_s']['min']:.2f} s; target < {TARGET_TRAIN_S} s)")  # fmt: skip
    print(f"{'':16} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}   ({len(texts)} utterances "
          f"x {args.repeat})")  # fmt: skip
    for name, row in rows.items():
        print(f"{name:16} {row['p50_ms']:8.3f} {row['p99_ms']:8.3f} {row['max_ms']:8.3f}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
