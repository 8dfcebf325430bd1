"""What a bot process pays before its first answer: loading and checking content/ (the ad
check's rules compiled and its sentence model trained, the flags' examples tried) and training
the embedded NLU. Every bot process the tests start and every restart pays it.

Each round is a fresh Python process (nothing warm: no regex cache, no imports), which times
its phases in wall-clock seconds and in CPU seconds of the process (`time.process_time`: the
fairer comparison on a shared, loaded machine); the table shows the minimum and the median
over the rounds. Phases:
- import: the bot's content loader and the embedded NLU (scikit-learn);
- content: `load_content(content/)`, everything included;
- content again: a second `load_content` in the same process (a reload: the ad check's
  model trained again);
- ad rules, ad model: the ad check's two parts built once more, alone (`AdRules(rules)`,
  `AdSentenceModel.train`), to see where the content's time goes;
- nlu: `EmbeddedRecognizer.from_data_dir(nlu/data)`;
- start-up: content + nlu (what the bot waits for, imports aside);
- content cached, nlu cached, start-up cached: the same in a second fresh process pointed at
  the model cache (BOT_MODEL_CACHE_DIR, bot/modelcache) the first one filled: the ad check's
  model and the NLU read from disk, not trained (skipped for a `--root` without the cache).
  The first process's content and nlu phases include writing the cache (well under 0.1 s).

Run from the repository root: `python bench/bench_startup.py [--rounds N] [--root DIR]`;
`--root` times the code of another checkout (e.g. `git worktree` of main) for a before/after
comparison in the same conditions. Writes bench-results/startup.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PHASES = ("import", "content", "content again", "ad rules", "ad model", "nlu", "start-up")
CACHED = ("content cached", "nlu cached", "start-up cached")


class _Clock:
    """Wall-clock and CPU seconds of each phase, as "<phase>" and "<phase> cpu"."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}

    def start(self) -> None:
        self._wall, self._cpu = time.perf_counter(), time.process_time()

    def stop(self, phase: str) -> None:
        self.times[phase] = time.perf_counter() - self._wall
        self.times[f"{phase} cpu"] = time.process_time() - self._cpu


def one_round(cache_dir: Path | None) -> dict[str, float]:
    """The phases of one start-up, in seconds (run in a fresh process); `cache_dir`: the model
    cache to fill (None: the checkout has none)."""
    from bot.config import load_settings

    settings = load_settings()
    clock = _Clock()
    clock.start()
    from bot.content.loader import load_content
    from bot.core.adcheckers import AdCheckers
    from bot.core.admodel import AdSentenceModel, training_sentences
    from bot.core.adrules import AdRules
    from bot.nlu.embedded import EmbeddedRecognizer

    clock.stop("import")
    clock.start()
    checkers = AdCheckers() if cache_dir is None else _cached_checkers(cache_dir)
    content = load_content(settings.bot.content_dir, facts_dir=settings.bot.facts_dir,
                           ad_checkers=checkers)
    clock.stop("content")
    clock.start()
    if cache_dir is None:
        EmbeddedRecognizer.from_data_dir(settings.nlu.data_dir)
    else:
        _cached_recognizer(settings.nlu.data_dir, cache_dir)
    clock.stop("nlu")
    times = clock.times
    for kind in ("", " cpu"):
        times[f"start-up{kind}"] = times[f"content{kind}"] + times[f"nlu{kind}"]
    clock.start()
    load_content(settings.bot.content_dir, facts_dir=settings.bot.facts_dir)
    clock.stop("content again")
    rules = content.ad_check
    assert rules is not None
    clock.start()
    AdRules(rules)
    clock.stop("ad rules")
    clock.start()
    AdSentenceModel.train(rules, training_sentences(rules))
    clock.stop("ad model")
    return times


def cached_round(cache_dir: Path) -> dict[str, float]:
    """Content and NLU in a fresh process, read from the cache `one_round` filled."""
    from bot.config import load_settings

    settings = load_settings()
    clock = _Clock()
    from bot.content.loader import load_content

    clock.start()
    load_content(settings.bot.content_dir, facts_dir=settings.bot.facts_dir,
                 ad_checkers=_cached_checkers(cache_dir))
    clock.stop("content cached")
    clock.start()
    _cached_recognizer(settings.nlu.data_dir, cache_dir)
    clock.stop("nlu cached")
    times = clock.times
    for kind in ("", " cpu"):
        times[f"start-up cached{kind}"] = (times[f"content cached{kind}"]
                                           + times[f"nlu cached{kind}"])
    return times


def _cached_checkers(cache_dir: Path) -> Any:
    from bot.core.adcheckers import AdCheckers
    from bot.modelcache import ModelCache

    return AdCheckers(cache=ModelCache(cache_dir))


def _cached_recognizer(data_dir: Path, cache_dir: Path) -> Any:
    from bot.modelcache import ModelCache
    from bot.nlu.embedded_cache import trained_recognizer

    return trained_recognizer(data_dir, ModelCache(cache_dir))


def measure(rounds: int, root: Path) -> dict[str, Any]:
    """Run `rounds` fresh processes on the code in `root` (each, where `root` has the model
    cache, followed by one reading the cache it filled); per phase the min and median."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    env.pop("BOT_MODEL_CACHE_DIR", None)  # each round fills its own, empty at first
    has_cache = (root / "bot" / "modelcache").is_dir()
    runs: list[dict[str, float]] = []
    for _ in range(rounds):
        with tempfile.TemporaryDirectory(prefix="bench-models-") as cache_dir:
            given = ["--cache", cache_dir] if has_cache else []
            run = _child(["--one", *given], env, root)
            if has_cache:
                run |= _child(["--cached", cache_dir], env, root)
        runs.append(run)
    phases = [*PHASES, *(CACHED if has_cache else ())]
    return {
        phase: {"min": min(r[phase] for r in runs),
                "median": statistics.median(r[phase] for r in runs)}
        for phase in [*phases, *(f"{p} cpu" for p in phases)]
    }


def _child(args: list[str], env: dict[str, str], root: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, *args], env=env, cwd=root,
                          capture_output=True, text=True, check=True)
    found: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout whose code to time")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--cached", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_round(args.cache)))
        return
    if args.cached:
        print(json.dumps(cached_round(args.cached)))
        return
    figures = measure(args.rounds, args.root.resolve())
    print(f"start-up of {args.root.resolve()}, {args.rounds} fresh processes, "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'phase':<16} {'min s':>7} {'median s':>9} {'cpu min s':>10} {'cpu median s':>13}")
    for phase in (p for p in [*PHASES, *CACHED] if p in figures):
        wall, cpu = figures[phase], figures[f"{phase} cpu"]
        print(f"{phase:<16} {wall['min']:>7.2f} {wall['median']:>9.2f} "
              f"{cpu['min']:>10.2f} {cpu['median']:>13.2f}")
    out = ROOT / "bench-results" / "startup.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({
        "root": str(args.root.resolve()), "rounds": args.rounds, "figures": figures,
        "python": platform.python_version(), "load_average": os.getloadavg()[0],
    }, indent=2) + "\n")


if __name__ == "__main__":
    main()
