"""The ad check's sentence model training time and the latency of one check (p50/p99, rules and
model, on the development ads); ad checks per second on the labelled ads, and on one ad at
Telegram's 4,096-character limit;
and the linear-time rule on odd input (issue 19 item 5, as bench/bench_long_input.py does for
the NLU): long runs of one character, where a pattern that starts with an unguarded run or has
the `\\w*[class]\\w*` shape would be quadratic. Each input is timed at 4,096 and 16,384
characters (the most the check reads, MAX_TEXT_CHARS); linear means the larger takes about four
times as long (target: at most 6 times; quadratic would be 16).

Run from the repository root: `python bench/bench_adcheck.py [--rounds N]`.
Prints a table and writes bench-results/adcheck.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.content.loader import load_content  # noqa: E402
from bot.core.adcheck import AdChecker, build_ad_checker  # noqa: E402
from bot.core.adcheck_eval import read_ads  # noqa: E402
from bot.nlu.normalize import MAX_TEXT_CHARS  # noqa: E402


def _rate(checker: AdChecker, texts: list[str], rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            checker.check(text)
    return rounds * len(texts) / (time.perf_counter() - start)


ODD_INPUTS = {
    "digits": "1",
    "latin letters": "a",
    "cyrillic letters": "а",
    "dots": ".",
    "spaces": " ",
    "words": "abcdefgh ",
    "trigger words": "билет оплата 100 евро за ",
    "transliterated": "oplata za oformlenie 100 evro ",
}
TARGET_GROWTH = 6.0


def _best_ms(checker: AdChecker, text: str, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        checker.check(text)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    content = load_content(ROOT / "content")
    assert content.ad_check is not None
    start = time.perf_counter()
    AdChecker(content.ad_check)
    build_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    checker = build_ad_checker(content.ad_check)  # as the bot builds it: rules + sentence model
    train_ms = (time.perf_counter() - start) * 1000
    data = ROOT / "tests" / "data"
    ads = [ad.text for name in ("ads.yaml", "ads_dev.yaml") for ad in read_ads(data / name)]
    longest = (" ".join(ads) * 3)[:4096]
    latencies = sorted(_best_ms(checker, text, repeat=1) for text in ads * 3)
    results: dict[str, object] = {
        "build_ms": round(build_ms, 1),
        "train_ms": round(train_ms, 1),
        "training_sentences": len(content.ad_check.training),
        "check_p50_ms": round(latencies[len(latencies) // 2], 2),
        "check_p99_ms": round(latencies[int(len(latencies) * 0.99)], 2),
        "ads_per_s": round(_rate(checker, ads, args.rounds), 1),
        "max_len_ads_per_s": round(_rate(checker, [longest], args.rounds * 5), 1),
        "python": platform.python_version(),
    }
    print("| measure | value |\n|---|---:|")
    print(f"| build the checker (compile patterns) | {results['build_ms']} ms |")
    print(f"| train the sentence model ({results['training_sentences']} sentences + examples)"
          f" with the rules | {results['train_ms']} ms |")
    print(f"| one check, rules + model, p50 / p99 ({len(latencies)} checks) | "
          f"{results['check_p50_ms']} / {results['check_p99_ms']} ms |")
    print(f"| labelled ads (~250 characters) | {results['ads_per_s']} checks/s |")
    print(f"| one 4,096-character ad | {results['max_len_ads_per_s']} checks/s |")
    odd: dict[str, dict[str, float]] = {}
    for name, unit in ODD_INPUTS.items():
        small = _best_ms(checker, (unit * 4096)[:4096])
        large = _best_ms(checker, (unit * MAX_TEXT_CHARS)[:MAX_TEXT_CHARS])
        odd[name] = {"ms_4096": round(small, 1), "ms_16384": round(large, 1)}
    results["odd_input"] = odd
    print("\n| odd input | 4,096 chars | 16,384 chars | growth |\n|---|---:|---:|---:|")
    worst = 0.0
    for name, row in odd.items():
        growth = row["ms_16384"] / max(row["ms_4096"], 0.1)
        worst = max(worst, growth)
        print(f"| {name} | {row['ms_4096']} ms | {row['ms_16384']} ms | {growth:.1f}x |")
    verdict = "OK" if worst <= TARGET_GROWTH else "over target"
    print(f"worst growth {worst:.1f}x for 4x the input (target <= {TARGET_GROWTH:.0f}x): {verdict}")
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "adcheck.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
