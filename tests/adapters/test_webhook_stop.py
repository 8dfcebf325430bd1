"""A stop in the middle of a webhook burst loses nothing and doubles nothing (issue 19 item 1).

A real bot process (`python -m bot run`, webhook mode, Telegram's outgoing limits) gets a burst
of updates posted as Telegram posts them: up to 40 at a time, and again later for any that did
not get 200. A SIGTERM comes mid-burst; as in Kubernetes, a process still alive 30 s later
is killed. A new process then starts. Every update Telegram was told 200 for must be answered
exactly once, and every request for a human must reach the operators once.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from redis.asyncio import Redis

from tests.handoff.telegram import OPERATOR, OPS
from tests.helpers.fake_bot_api import TOKEN, FakeBotAPI, callback_update, message_update, user
from tests.helpers.redis_server import RedisServer, free_port

ROOT = Path(__file__).resolve().parents[2]
# A real bot process that must stop within Kubernetes' 30 s grace: `make test` runs it alone.
pytestmark = pytest.mark.serial
SECRET = "stop-secret"
# A stop finishes only the updates in hand (at most WEBHOOK_MAX_CONCURRENCY, 32) and leaves the
# queued rest in the inbox at once, however long they would take at 30 messages/s: the first
# process logged "152 updates handled, 709 left" within 5 s of its SIGTERM with 800 accepted.
# So 200 accepted (about 7 s of answers, Telegram's 30 a second) leave well over a hundred for
# the next start; more people only added seconds of pacing (900 took 30 s per adapter).
PEOPLE = 300
STOP_AT = 200  # accepted when SIGTERM comes
HUMANS = 10
KILL_AFTER = 30.0  # Kubernetes' default grace period


class BotProcess:
    """`python -m bot run` in webhook mode against the fake Bot API; its log in a file."""

    def __init__(self, api: FakeBotAPI, framework: str, redis_url: str, log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/hook"
        self.log = log
        self.env = {
            **os.environ, "PYTHONPATH": str(ROOT),
            "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE": api.base_url,
            "TELEGRAM_FRAMEWORK": framework, "BOT_MODE": "webhook",
            "BOT_PSEUDONYM_KEY": "stop-test-key", "BOT_RATE_LIMIT_PER_MINUTE": "100",
            "WEBHOOK_URL": "https://bot.example.org/hook", "WEBHOOK_SECRET": SECRET,
            "WEBHOOK_LISTEN": f"127.0.0.1:{self.port}", "REDIS_URL": redis_url,
            "OPERATOR_CHAT_ID": str(OPS), "OPERATOR_IDS": str(OPERATOR), "BOT_LOG_LEVEL": "INFO",
        }
        self.proc: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        with self.log.open("ab") as out:
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "run", env=self.env, cwd=str(ROOT),
                stdout=out, stderr=out,
            )

    async def stop(self, kill_after: float = KILL_AFTER) -> bool:
        """SIGTERM; SIGKILL when still alive after `kill_after` s. True for a clean exit."""
        assert self.proc is not None
        if self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(self.proc.wait(), kill_after)
            return self.proc.returncode == 0
        except TimeoutError:
            self.proc.kill()
            await self.proc.wait()
            return False


class Telegram:
    """Posts updates like Telegram: 40 connections, each update again until it gets 200."""

    def __init__(self, http: aiohttp.ClientSession) -> None:
        self.http = http
        self.url = ""
        self.accepted = 0
        self.stop_after = 0  # `reached` is set once this many updates got 200
        self.reached = asyncio.Event()
        self._slots = asyncio.Semaphore(40)

    async def deliver(self, update: dict[str, Any]) -> None:
        body = json.dumps(update).encode()
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET,
                   "Content-Type": "application/json"}
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            async with self._slots:
                try:
                    async with self.http.post(self.url, data=body, headers=headers) as resp:
                        if resp.status == 200:
                            self.accepted += 1
                            if self.stop_after and self.accepted >= self.stop_after:
                                self.reached.set()
                            return
                        assert resp.status == 503, resp.status  # stopping: later, please
                except aiohttp.ClientError:
                    pass  # the bot is down: Telegram tries again later
            await asyncio.sleep(0.5)
        raise TimeoutError("an update was never accepted")


async def answered(api: FakeBotAPI, chats: list[int], within: float) -> Counter[int]:
    """Wait until each chat got a message and the bot went quiet; messages per chat."""
    wanted = set(chats)
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        got = Counter(c.chat_id for c in api.calls_to("sendMessage") if c.chat_id in wanted)
        if len(got) == len(wanted):
            await api.quiet(2.0, within=60)
            return Counter(c.chat_id for c in api.calls_to("sendMessage")
                           if c.chat_id in wanted)
        await asyncio.sleep(0.5)
    got = {c.chat_id for c in api.calls_to("sendMessage")}
    raise AssertionError(f"{len(wanted - got)} of {len(wanted)} chats never answered")


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
async def test_a_stop_mid_burst_loses_and_doubles_nothing(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    tmp_path: Path,
) -> None:
    log = tmp_path / "bot.log"
    async with aiohttp.ClientSession() as http:
        telegram = Telegram(http)
        first = BotProcess(fake_api, framework, redis_server.url, log)
        telegram.url = first.url
        await first.start()
        await fake_api.wait_calls("setWebhook", 1, within=120)

        # Before the burst: one person shows what a /start gets; ten ask for a person.
        start = message_update(fake_api, user(10), text="/start")
        await telegram.deliver({"update_id": 1, **start})
        (per_start,) = (await answered(fake_api, [10], 30)).values()
        humans = [20_000 + i for i in range(HUMANS)]
        await asyncio.gather(*(
            telegram.deliver({"update_id": 10 + i,
                              **message_update(fake_api, user(h), text="/operator")})
            for i, h in enumerate(humans)))
        await answered(fake_api, humans, 30)
        mark = len(fake_api.calls)

        # The burst: PEOPLE /starts with the ten "yes, a person" presses among them.
        people = [100_000 + i for i in range(PEOPLE)]
        burst = [message_update(fake_api, user(p), text="/start") for p in people]
        for i, h in enumerate(humans):  # spread over the updates accepted before the stop
            burst.insert(i * (STOP_AT // HUMANS) + 10, callback_update(fake_api, user(h), "h:yes"))
        second = BotProcess(fake_api, framework, redis_server.url, log)

        clean: list[bool] = []
        telegram.stop_after = 1 + HUMANS + STOP_AT

        async def stop_and_restart() -> None:
            await telegram.reached.wait()
            clean.append(await first.stop())
            telegram.url = second.url  # the same public URL, a new process behind it
            await second.start()

        await asyncio.gather(
            stop_and_restart(),
            *(telegram.deliver({"update_id": 1000 + i, **u}) for i, u in enumerate(burst)),
        )
        try:
            counts = await answered(fake_api, people, 300)
            alerts = [c for c in fake_api.calls_to("sendMessage", OPS, since=mark)
                      if "Case #" in c.text]
            deadline = time.monotonic() + 90
            while len(alerts) < HUMANS and time.monotonic() < deadline:
                await asyncio.sleep(0.5)
                alerts = [c for c in fake_api.calls_to("sendMessage", OPS, since=mark)
                          if "Case #" in c.text]
        finally:
            await second.stop(30)

    assert clean == [True], "the first process did not stop within 30 s and was killed"
    assert set(counts.values()) == {per_start}, "some people were answered twice"
    assert len(alerts) == HUMANS
    assert len({a.text.split("\n", 1)[0] for a in alerts}) == HUMANS  # one case per person
    text = log.read_text(errors="replace")
    # The stop came mid-burst: the first process left updates in the inbox, and the second
    # took up every one of them at its start (else this test proved nothing about the inbox);
    # at least them: once (ptb) a sweep of the second took up one more a few seconds later,
    # an update the stop raced with; it was answered once all the same.
    stopped = re.search(r"webhook stopped: \d+ updates handled, (\d+) left in the inbox for "
                        r"the next start, (\d+) unfinished", text)
    taken = re.search(r"webhook inbox: (\d+) updates left by a stopped or dead process", text)
    assert stopped is not None and taken is not None, text[-3000:]
    left, unfinished = int(stopped[1]), int(stopped[2])
    assert left > 0
    assert int(taken[1]) >= left + unfinished
