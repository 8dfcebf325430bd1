"""Group messages handled per second by the group desk (no Telegram, no Redis: the core only).

With privacy mode off the bot reads every message of every group it is in, so the desk's cost
per ordinary message (chatter), per ad (recognised, checked, maybe warned) and per message at
Telegram's 4,096-character limit is what a busy group costs. Storage is in memory here, so the
figures are the CPU of the core; Redis adds its round trips (see bench_person_path.py).

Run from the repository root: `python bench/bench_groups.py [--rounds N]`.
Prints a table and writes bench-results/groups.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.content.loader import ContentHolder  # noqa: E402
from bot.core.adcheck_eval import read_ads  # noqa: E402
from bot.core.groups import GroupDesk, GroupMessage, GroupReplies  # noqa: E402
from bot.groups.counters import NoGroupCounters  # noqa: E402
from bot.groups.limits import GroupRateLimiter  # noqa: E402
from bot.groups.store import MemoryGroupSettings  # noqa: E402

CHATTER = [
    "Кто-нибудь работал на складе в Познани? Как там с жильём?",
    "Дзякуй за інфармацыю!", "ok thanks", "А визу долго ждать?",
    "Подскажите, где в Вильнюсе снять комнату недорого",
]


async def _rate(desk: GroupDesk, texts: list[str], rounds: int) -> float:
    async def admin() -> bool:
        return False

    start = time.perf_counter()
    n = 0
    for _ in range(rounds):
        for text in texts:
            n += 1
            # A new group key per message: the cap never cuts the work short.
            message = GroupMessage(group_key=f"{n:032d}", message_id=n, text=text)
            await desk.handle(message, username="smb_bot", is_admin=admin)
    return n / (time.perf_counter() - start)


async def run(rounds: int) -> dict[str, object]:
    holder = ContentHolder(ROOT / "content")
    replies = GroupReplies(lambda: holder.content, holder.i18n,
                           MemoryGroupSettings(), GroupRateLimiter(None), NoGroupCounters())
    desk = GroupDesk(replies)
    ads = [ad.text for ad in read_ads(ROOT / "tests" / "data" / "ads.yaml")]
    longest = (" ".join(ads) * 3)[:4096]
    await _rate(desk, CHATTER[:1], 1)  # build the per-content parts once
    return {
        "chatter_per_s": round(await _rate(desk, CHATTER, rounds * 10), 1),
        "ads_per_s": round(await _rate(desk, ads, rounds), 1),
        "max_len_per_s": round(await _rate(desk, [longest], rounds * 5), 1),
        "python": platform.python_version(),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    results = asyncio.run(run(args.rounds))
    print("| group message | handled per second (one core) |\n|---|---:|")
    print(f"| ordinary chatter (short) | {results['chatter_per_s']} |")
    print(f"| labelled job ads (~350 characters) | {results['ads_per_s']} |")
    print(f"| one 4,096-character message | {results['max_len_per_s']} |")
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "groups.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
