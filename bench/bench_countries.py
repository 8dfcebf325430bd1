"""How long recognising a country takes: building the index once per content load, and one
`find()` per text message (short, typical, and the longest Telegram message).

Run from the repository root: `python bench/bench_countries.py`. Prints milliseconds and
microseconds (median of 5 runs each).
"""

from __future__ import annotations

import statistics
import sys
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core.countries import CountryIndex  # noqa: E402
from tests.helpers.engine import shared_content  # noqa: E402

TEXTS = {
    "short answer ('я в Италии')": "я в Италии",
    "risk message naming a city": "I'm in Dubai, my employer took my passport",
    "4,000 characters, no country": "Работа на складе, условия такие. " * 120,
}


def _median_seconds(call: object, number: int) -> float:
    runs = timeit.repeat(call, number=number, repeat=5)  # type: ignore[arg-type]
    return statistics.median(runs) / number


def main() -> None:
    countries = shared_content().content.countries
    build = _median_seconds(lambda: CountryIndex(countries), 3)
    print(f"{'index build (once per content load)':45} {build * 1000:8.1f} ms")
    index = CountryIndex(countries)
    for label, text in TEXTS.items():
        find = _median_seconds(lambda text=text: index.find(text), 200)
        print(f"{'find: ' + label:45} {find * 1e6:8.1f} µs")


if __name__ == "__main__":
    main()
