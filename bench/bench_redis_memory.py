"""Redis memory per active person and per open case, for sizing `maxmemory` (docs/REDIS.md).

A real redis-server (no limit) is measured with `INFO memory` before and after:
- people: each talks to the real engine over the production session store (language, country,
  an at-risk message, a questionnaire half answered: a large session, not a typical one), and
  the transport's per-person keys hold 20 of their updates and 20 of the bot's messages (rate
  count, de-duplication marks, message ids for /hide);
- cases: each person asks for a human through the real handoff, and the alert is posted and
  acknowledged (case hash, person and topic links, waiting list, audit and counters, markers).

    .venv/bin/python bench/bench_redis_memory.py [--people 2000] [--cases 500]

Writes bench-results/redis-memory.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from redis.asyncio import Redis  # noqa: E402

from bot.adapters.telegram.state import RedisChatState  # noqa: E402
from bot.config import REPO_ROOT, OperatorSettings  # noqa: E402
from bot.core.engine import DialogueEngine  # noqa: E402
from bot.core.session_store import InMemorySessionStore  # noqa: E402
from bot.factory import build_triage  # noqa: E402
from bot.handoff.service import build_handoff  # noqa: E402
from bot.i18n import I18n  # noqa: E402
from bot.storage.fallback import FallbackSessionStore  # noqa: E402
from bot.storage.health import RedisHealth  # noqa: E402
from bot.storage.redis import RedisSessionStore, connect  # noqa: E402
from tests.handoff.conftest import (  # noqa: E402
    OPERATOR,
    OPS_CHAT,
    PSEUDONYMS,
    RecordingMessenger,
    alert,
    minimal_content,
)
from tests.helpers.chat import Chat, payloads, plain_settings  # noqa: E402
from tests.helpers.engine import shared_content, shared_recognizer  # noqa: E402
from tests.helpers.redis_server import running_redis  # noqa: E402

AT_RISK = "у меня забрали паспорт и не отдают"


async def used(client: Redis) -> int:
    return int((await client.info("memory"))["used_memory"])


async def people(url: str, client: Redis, count: int) -> dict[str, Any]:
    settings = plain_settings()
    redis = connect(url)
    store = FallbackSessionStore(RedisSessionStore(redis), RedisHealth(redis),
                                 InMemorySessionStore())
    engine = DialogueEngine(shared_content(), shared_recognizer(), build_triage(settings), store,
                            I18n(settings.bot.locales_dir), settings)
    chat_state = RedisChatState(redis)
    before = await used(client)
    started = time.perf_counter()
    for n in range(count):
        chat = Chat(engine, user_key=f"{n:032x}", chat_key=str(n))
        for m in range(20):
            await chat_state.admit(n * 100 + m, chat.user_key, message_id=m)
        await chat_state.remember(chat.user_key, range(1000, 1020))
        await chat.press("c:PL")
        await chat.say(AT_RISK)
        question = (await chat.press("m:job_check")).replies[-1]
        for _ in range(6):  # half of the 13 questions
            question = (await chat.press(payloads(question)[0])).replies[-1]
    after = await used(client)
    keys = await client.keys("smb:session:*")
    sizes = [len(await client.get(k) or "") for k in keys[:200]]
    await store.aclose()
    return {
        "people": count, "bytes_per_person": round((after - before) / count),
        "session_json_bytes_max": max(sizes), "seconds": round(time.perf_counter() - started, 1),
    }


async def cases(client: Redis, count: int) -> dict[str, Any]:
    settings = OperatorSettings(_env_file=None, chat_id=OPS_CHAT, ids=str(OPERATOR))  # type: ignore[call-arg]
    content = minimal_content()
    messenger = RecordingMessenger()
    handoff = build_handoff(settings, redis=client, messenger=messenger, pseudonymizer=PSEUDONYMS,
                            content=lambda: content, i18n=I18n(REPO_ROOT / "locales"),
                            case_ttl=30 * 24 * 3600, read_block=0.05)
    before = await used(client)
    for n in range(count):
        await handoff.alert(alert(user_key=f"c{n:031x}", chat_key=str(10_000 + n)))
    stop = asyncio.Event()
    task = asyncio.create_task(handoff.run(stop))
    for _ in range(2400):  # two minutes at most
        if len(messenger.to(OPS_CHAT)) >= count:
            break
        await asyncio.sleep(0.05)
    stop.set()
    await task
    after = await used(client)
    return {"cases": count, "bytes_per_open_case": round((after - before) / count)}


async def main(args: argparse.Namespace) -> dict[str, Any]:
    with running_redis() as server:
        client = Redis.from_url(server.url, decode_responses=True)
        empty = await used(client)
        result = {"redis_empty_bytes": empty, **await people(server.url, client, args.people),
                  **await cases(client, args.cases)}
        await client.aclose()
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--cases", type=int, default=500)
    result = asyncio.run(main(parser.parse_args()))
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "redis-memory.json").write_text(json.dumps(result, indent=2) + "\n")
    for name, value in result.items():
        print(f"{name:28} {value}")
