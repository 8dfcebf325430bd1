"""Killing one replica with SIGKILL mid-load loses no reply and no alert.

Two bot processes (the real runner, webhook mode, aiogram) behind a real haproxy using
deploy/haproxy.cfg, one real redis-server, Telegram as the fake Bot API over HTTP, answering
every sendMessage after a short delay as the real one does (so, at the kill, many calls are in
flight: Telegram has them, the killed replica never learns it). 200 people (20 of them at
risk) write 5 updates each; when about 40% of the steps are done, replica 1 is killed. The
load generator, like Telegram, sends every update again until it gets a 200 (haproxy then
sends it to the live replica). The live replica takes up the dead one's inbox entries and
carries out what their outbox says (bot/adapters/telegram/outbox.py).

It checks that every person saw every message of a reference person who went first, alone,
and no other, except for messages sent again (copies of those), whose number may not pass the
calls the live replica counted as possibly in flight at the kill
(`smb_outbox{event="possible_repeat"}`);
that every case got exactly one alert (plus, at most, one headed "Possibly a repeat" when its
post was interrupted) and one topic (two only with such a repeat: the topic was being created
at the kill); and that every message in an open case reached it.

To read the bots' logs after a failure: SMB_REPLICA_LOG_LEVEL=INFO SMB_KEEP_LOGS=/tmp/logs.
"""

from __future__ import annotations

import asyncio
import re
import signal
from collections import Counter
from collections.abc import AsyncIterator

import aiohttp
import pytest

from tests.deploy.test_replicas import (
    LATE,
    NORMAL_SCRIPT,
    OPERATOR,
    RISK_SCRIPT,
    alerts,
    transcript,
)
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.ha import BotReplicas, behind_haproxy
from tests.helpers.redis_server import RedisServer
from tests.helpers.webhook_load import OPS, Telegram, crowd, replica_env, wait_for

pytestmark = pytest.mark.replicas

PEOPLE = 200  # x 5 updates each; PEOPLE // 10 of them are at risk
TELEGRAM_LATENCY = 0.05  # seconds sendMessage takes to be answered


@pytest.fixture
async def stack(fake_api: FakeBotAPI) -> AsyncIterator[tuple[BotReplicas, str]]:
    redis = RedisServer()
    try:
        await asyncio.to_thread(redis.start)
        env = replica_env(fake_api, OPERATOR, "replica-kill-pseudonym-key",
                          TELEGRAM_FRAMEWORK="aiogram", REDIS_URL=redis.url)
        async with behind_haproxy(env) as (bots, url):
            yield bots, url
    finally:
        await asyncio.to_thread(redis.close)


def repeats_of(seen: list[str], reference: list[str]) -> int | None:
    """How many messages of `seen` are sent again, if `seen` holds every message of
    `reference` and, beyond them, only more copies of those; None when one is missing or
    unknown. Counted as multisets, not in order: a call in flight at the kill is sent again
    when the dead replica's update is taken up, up to ~35 s later, and a person (counting
    messages) who took it for the next answer wrote on before it came."""
    extra = Counter(seen)
    extra.subtract(reference)
    if any(n < 0 for n in extra.values()) or not set(extra) <= set(reference):
        return None
    return sum(extra.values())


async def outbox_counts(http: aiohttp.ClientSession, port: int) -> Counter[str]:
    """smb_outbox_total by event, from a replica's /metrics."""
    async with http.get(f"http://127.0.0.1:{port}/metrics") as resp:
        text = await resp.text()
    return Counter({event: int(float(value)) for event, value in re.findall(
        r'^smb_outbox_total\{event="(\w+)"\} (\S+)$', text, re.MULTILINE)})


async def test_killing_a_replica_mid_load_loses_no_reply_and_no_alert(
    fake_api: FakeBotAPI, stack: tuple[BotReplicas, str]
) -> None:
    bots, url = stack
    fake_api.latency["sendMessage"] = TELEGRAM_LATENCY
    async with aiohttp.ClientSession() as http:
        telegram = Telegram(fake_api, url, http)
        reference, risky, normal = await crowd(telegram, PEOPLE, NORMAL_SCRIPT, RISK_SCRIPT,
                                               late=LATE)
        at_risk = len(risky)
        everyone = risky + normal

        async def kill() -> None:
            await wait_for(fake_api, lambda: sum(p.done for p in everyone) >= 2 * PEOPLE,
                           "40% of the steps answered", within=300)
            await asyncio.to_thread(bots.stop, "bot-1", signal.SIGKILL)

        await asyncio.gather(kill(), *(p.steps(5) for p in everyone))
        await wait_for(fake_api, lambda: len({case_of(c.text) for c in alerts(fake_api)})
                       >= at_risk + 1, "every alert posted", within=120)
        # A person who took a repeat for the next answer wrote on early: the answer it stood
        # for may still be waiting for the dead replica's lock on them (up to 15 s).
        sizes = {p.chat_id: len(transcript(fake_api, r.chat_id))
                 for r, group in ((reference[0], normal), (reference[1], risky)) for p in group}
        await wait_for(fake_api, lambda: all(
            len(transcript(fake_api, chat)) >= n for chat, n in sizes.items()),
            "every answer", within=120)
        await fake_api.quiet(1.0, within=60)
        counts = await outbox_counts(http, bots.ports[0])

    # The kill hit updates in hand: the live replica carried out their outbox (else this test
    # proved nothing).
    assert counts["resumed"] + counts["rerun"] >= 1, counts
    # Every reply arrived; a message again only for a call in flight at the kill. The one
    # documented exception (docs/DEPLOY.md, as in test_replicas.py): on a saturated machine a
    # Redis command can outlast the 2 s socket timeout, and that replica answers from memory
    # for a moment, so a person may be greeted as new. Reported as an expected failure naming
    # the replica, never as a pass, and only when its own log says so.
    from_memory = [f"bot-{n}" for n in range(2)
                   if "answering from memory" in bots.log(f"bot-{n}")]
    repeated = 0
    for group, ref in (([reference[0], *normal], reference[0]), ([reference[1], *risky],
                                                                  reference[1])):
        want = transcript(fake_api, ref.chat_id)
        for person in group:
            seen = transcript(fake_api, person.chat_id)
            extra = repeats_of(seen, want)
            if extra is None and from_memory:
                pytest.xfail(f"{', '.join(from_memory)} answered from memory while Redis "
                             f"stalled: {first_difference(person.chat_id, seen, want)}")
            assert extra is not None, first_difference(person.chat_id, seen, want)
            repeated += extra
    assert repeated <= counts["possible_repeat"], (repeated, counts)
    print(f"taken up from the killed replica: {dict(counts)}; messages sent again: {repeated}")
    # One alert per case (one more only headed "Possibly a repeat"), one topic per case.
    posts = Counter(case_of(c.text) for c in alerts(fake_api))
    assert len(posts) == at_risk + 1, posts
    for case, n in posts.items():
        marked = [c for c in alerts(fake_api)
                  if case_of(c.text) == case and "Possibly a repeat" in c.text]
        assert n == 1 or (n == 2 and len(marked) == 1), (case, n)
    # A topic whose creation was in flight at the kill may be created again (the Bot API
    # cannot say whether it was): only for a case whose alert came back "Possibly a repeat".
    topics = Counter(c.params["name"] for c in fake_api.calls_to("createForumTopic", OPS))
    assert len(topics) == at_risk + 1, topics
    repeated_alerts = [c.text for c in alerts(fake_api) if "Possibly a repeat" in c.text]
    for name, n in topics.items():
        pseudonym = name.split(" · ")[0]
        assert n == 1 or (n == 2 and any(pseudonym in t for t in repeated_alerts)), (name, n)
    # Every message in an open case reached it (the person waited for it); a second time only
    # after a rerun (a replica killed between relaying it and marking it done).
    relayed = [c for c in fake_api.calls_to("sendMessage", OPS) if RISK_SCRIPT[-1][1] in c.text]
    assert at_risk + 1 <= len(relayed) <= at_risk + 1 + counts["rerun"], (len(relayed), counts)


def case_of(text: str) -> str:
    found = re.search(r"Case #(\w+)", text)
    return found.group(1) if found else ""


def first_difference(chat_id: int, seen: list[str], want: list[str]) -> str:
    """What the person missed of the reference's messages and what they got that is no copy
    of one (as multisets: the order of a repeat is not promised, see `repeats_of`)."""
    missing, unknown = Counter(want) - Counter(seen), Counter(seen) - Counter(want)
    unknown = Counter({m: n for m, n in unknown.items() if m not in want})
    return (f"person {chat_id} saw {len(seen)} messages, the reference {len(want)}; "
            f"missing: {[m[:60] for m in missing.elements()]}, "
            f"not in the reference: {[m[:60] for m in unknown.elements()]}")
