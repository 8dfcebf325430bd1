"""How long recognising a country takes: building the index once per content load, and one
`find()` per text message (short, typical, and the longest Telegram message).

Run from the repository root: `python bench/bench_countries.py`. Prints milliseconds and
microseconds (median of 5 runs each), without and with the cities and regions of
content/places.yaml (reading that file is timed too, and the memory the places add).
"""

from __future__ import annotations

import statistics
import sys
import timeit
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.content.place_names import read_places  # noqa: E402
from bot.core.countries import CountryIndex  # noqa: E402
from tests.helpers.engine import shared_content  # noqa: E402

TEXTS = {
    "short answer ('я в Италии')": "я в Италии",
    "risk message naming a city": "I'm in Dubai, my employer took my passport",
    "risk message naming a city of places.yaml": "Я в Кракове, у меня забрали паспорт",
    "transliterated, a city of places.yaml": "ya v Krakove, zabrali pasport, ne vypuskayut",
    "4,000 characters, no country": "Работа на складе, условия такие. " * 120,
}


def _median_seconds(call: object, number: int) -> float:
    runs = timeit.repeat(call, number=number, repeat=5)  # type: ignore[arg-type]
    return statistics.median(runs) / number


def main() -> None:
    content = shared_content().content
    countries, path = content.countries, ROOT / "content" / "places.yaml"
    read = _median_seconds(lambda: read_places(path, countries), 3)
    print(f"{'read content/places.yaml (once per load)':45} {read * 1000:8.1f} ms")
    tracemalloc.start()
    places, _ = read_places(path, countries)
    with_places = CountryIndex(countries, places)
    kept = tracemalloc.get_traced_memory()[0]
    index = CountryIndex(countries)
    bare = tracemalloc.get_traced_memory()[0] - kept
    tracemalloc.stop()
    print(f"{'memory: index alone / with places':45} {bare / 2**20:8.2f} / {kept / 2**20:.2f} MiB")
    for label, places_now in (("countries only", None), ("with places", places)):
        build = _median_seconds(lambda p=places_now: CountryIndex(countries, p), 3)
        print(f"{'index build, ' + label:45} {build * 1000:8.1f} ms")
    for label, text in TEXTS.items():
        find = _median_seconds(lambda text=text: index.find(text), 200)
        found = _median_seconds(lambda text=text: with_places.find(text), 200)
        print(f"{'find: ' + label:45} {find * 1e6:8.1f} µs  with places {found * 1e6:8.1f} µs")


if __name__ == "__main__":
    main()
