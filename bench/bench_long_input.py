"""Long words and long texts through the NLU: every step must be linear in the input.

Run from the repository root: `python bench/bench_long_input.py`. For each input (one Latin
word of 4,096 letters, the same in Cyrillic, 64 KiB and 1 MB of text, a 1 MB Latin word, many
negated danger phrases) it times what the bot does with one message: the language guess, the
classifier (on the first CLASSIFY_CHARS characters, as the engine does) and triage (danger
phrases and the negation scope on the whole text, of which the NLU reads MAX_TEXT_CHARS). The
quadratic pattern this replaced (`\\w*[а-яёіў]\\w*`, issue 19 item 5) is timed on the 4,096-letter
word for comparison. Writes bench-results/long_input.json. Targets: a Telegram-sized input
(4,096 characters) under 50 ms, and 1 MB no slower than 64 KiB (both are read up to
MAX_TEXT_CHARS, so the cost stops growing with the length).
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # so that `bot` imports from a checkout

from bench.bench_nlu import default_settings  # noqa: E402
from bot.core.text_step import CLASSIFY_CHARS  # noqa: E402
from bot.nlu.cli import build_triage  # noqa: E402
from bot.nlu.embedded import EmbeddedRecognizer  # noqa: E402
from bot.nlu.language import detect_language  # noqa: E402
from bot.nlu.normalize import MAX_TEXT_CHARS, clean  # noqa: E402

TARGET_MS = 50.0
OLD_PATTERN = re.compile(r"\w*[а-яёіў]\w*")
INPUTS: dict[str, str] = {
    "latin word 4,096": "a" * 4096,
    "cyrillic word 4,096": "а" * 4096,
    "text 64 KiB": ("they took my passport and " * 3000)[: 64 * 1024],
    "text 1 MB": ("they took my passport and " * 50_000)[:1_000_000],
    "latin word 1 MB": "a" * 1_000_000,
    "negated phrases 1 MB": ("никто не забрал паспорт " * 50_000)[:1_000_000],
}


def _best_ms(call: Callable[[], object], repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> int:
    settings = default_settings()
    model = EmbeddedRecognizer.from_data_dir(settings.nlu.data_dir)
    triage = build_triage(settings)
    rows: dict[str, dict[str, float]] = {}
    for name, text in INPUTS.items():
        rows[name] = {
            "chars": len(text),
            "clean_ms": _best_ms(lambda t=text: clean(t[:MAX_TEXT_CHARS])),
            "language_ms": _best_ms(lambda t=text: detect_language(t)),
            "parse_ms": _best_ms(lambda t=text: model.parse_sync(t[:CLASSIFY_CHARS])),
            "triage_ms": _best_ms(
                lambda t=text: triage.assess(t, model.parse_sync(t[:CLASSIFY_CHARS]))
            ),
        }
    old_ms = _best_ms(lambda: OLD_PATTERN.sub("", INPUTS["latin word 4,096"]), repeat=2)
    print(f"{'input':22} {'chars':>9} {'clean':>8} {'language':>9} {'parse':>8} "
          f"{'parse+triage':>13}  (ms, best of 5)")  # fmt: skip
    for name, row in rows.items():
        print(f"{name:22} {row['chars']:9.0f} {row['clean_ms']:8.2f} {row['language_ms']:9.2f} "
              f"{row['parse_ms']:8.2f} {row['triage_ms']:13.2f}")  # fmt: skip
    print(f"old `\\w*[а-яёіў]\\w*` on the 4,096-letter Latin word: {old_ms:.1f} ms")
    telegram = max(row["triage_ms"] for row in rows.values() if row["chars"] <= 4096)
    growth = rows["text 1 MB"]["triage_ms"] / rows["text 64 KiB"]["triage_ms"]
    print(f"4,096 characters: worst parse+triage {telegram:.2f} ms (target < {TARGET_MS:.0f} ms): "
          f"{'OK' if telegram < TARGET_MS else 'over target'}")  # fmt: skip
    print(f"1 MB / 64 KiB parse+triage: {growth:.2f}x (target <= 2): "
          f"{'OK' if growth <= 2 else 'grows with length'}")  # fmt: skip
    out = ROOT / "bench-results" / "long_input.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    result = {"rows": rows, "old_pattern_4096_ms": old_ms, "target_ms": TARGET_MS}
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
