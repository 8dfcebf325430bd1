"""Ad checks per second on the labelled ads, and on one ad at Telegram's 4,096-character limit.

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
from bot.core.adcheck import AdChecker  # noqa: E402
from bot.core.adcheck_eval import read_ads  # noqa: E402


def _rate(checker: AdChecker, texts: list[str], rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            checker.check(text)
    return rounds * len(texts) / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    content = load_content(ROOT / "content")
    assert content.ad_check is not None
    start = time.perf_counter()
    checker = AdChecker(content.ad_check)
    build_ms = (time.perf_counter() - start) * 1000
    ads = [ad.text for ad in read_ads(ROOT / "tests" / "data" / "ads.yaml")]
    longest = (" ".join(ads) * 3)[:4096]
    results = {
        "build_ms": round(build_ms, 1),
        "ads_per_s": round(_rate(checker, ads, args.rounds), 1),
        "max_len_ads_per_s": round(_rate(checker, [longest], args.rounds * 5), 1),
        "python": platform.python_version(),
    }
    print("| measure | value |\n|---|---:|")
    print(f"| build the checker (compile patterns) | {results['build_ms']} ms |")
    print(f"| labelled ads (~350 characters) | {results['ads_per_s']} checks/s |")
    print(f"| one 4,096-character ad | {results['max_len_ads_per_s']} checks/s |")
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "adcheck.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
