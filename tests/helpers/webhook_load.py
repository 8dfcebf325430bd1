"""Load as Telegram sends it, over real HTTP to a webhook URL: people following scripts.

Used by tests/deploy/test_replicas.py and bench/bench_deploy.py.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

import aiohttp

from tests.helpers.fake_bot_api import TOKEN, FakeBotAPI, callback_update, message_update
from tests.helpers.fake_bot_api import user as tg_user

SECRET = "replica-test-secret"
OPS = -1009876543  # the operators' supergroup
Script = list[tuple[str, str]]


def replica_env(api: FakeBotAPI, operator: int, pseudonym_key: str,
                **more: str) -> dict[str, str]:
    """A webhook replica's environment on the fake Bot API, with the operators' chat; `more`
    adds the Redis settings and anything else (log level from SMB_REPLICA_LOG_LEVEL)."""
    return {
        "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE": api.base_url,
        "BOT_MODE": "webhook", "WEBHOOK_URL": "https://bot.example.org/telegram",
        "WEBHOOK_SECRET": SECRET, "BOT_PSEUDONYM_KEY": pseudonym_key,
        "OPERATOR_CHAT_ID": str(OPS), "OPERATOR_IDS": str(operator),
        "BOT_RATE_LIMIT_PER_MINUTE": "60",
        "BOT_LOG_LEVEL": os.environ.get("SMB_REPLICA_LOG_LEVEL", "WARNING"), **more,
    }


class Telegram:
    """Posts updates to the webhook URL the way Telegram does: until it gets a 200."""

    def __init__(self, api: FakeBotAPI, url: str, http: aiohttp.ClientSession) -> None:
        self.api = api
        self.url = url
        self.http = http
        self.ids = itertools.count(1)
        self.refused = 0  # answers other than 200 (a replica going away, not ready)
        self.reasons: Counter[str] = Counter()  # status code or client error, for reports

    async def deliver(self, update: dict[str, Any], within: float = 60.0) -> None:
        update = {"update_id": next(self.ids), **update}
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        deadline = asyncio.get_running_loop().time() + within
        while True:
            try:
                async with self.http.post(self.url, json=update, headers=headers) as resp:
                    if resp.status == 200:
                        return
                    self.reasons[str(resp.status)] += 1
            except aiohttp.ClientError as exc:
                self.reasons[type(exc).__name__] += 1
            self.refused += 1
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"update {update['update_id']} never accepted")
            await asyncio.sleep(0.2)


class Person:
    """Someone following a script, writing again once the bot's whole answer has arrived.

    `expected[n]` is how many messages step n brings (learnt from a reference person who went
    first, alone); a step that brings fewer within `within` seconds, and `late` more, is a lost
    update (AssertionError); one complete only in the `late` seconds is late, not lost: noted
    in `late_steps` and the person writes on. More messages show in the transcript.
    """

    def __init__(self, telegram: Telegram, user_id: int, script: list[tuple[str, str]],
                 expected: list[int] | None = None, *, within: float = 60.0,
                 late: float = 0.0) -> None:
        self.telegram = telegram
        self.api = telegram.api
        self.user = tg_user(user_id, "ru")
        self.chat_id = user_id
        self.script = script
        self.expected = expected
        self.counts: list[int] = []
        # Seconds from each step's update to its last message, and from its first to its last.
        self.took: list[float] = []
        self.spread: list[float] = []
        self.late_steps: list[str] = []  # steps whose answer came after `within` seconds
        self.done = 0
        self.within = within  # seconds a step's whole answer may take
        # More seconds to wait after `within` ran out, to tell a late answer from a lost one.
        self.late = late

    async def step(self) -> None:
        kind, value = self.script[self.done]
        mark = len(self.api.calls)
        if kind == "press":
            update = callback_update(self.api, self.user, value, message_id=1)
        else:
            update = message_update(self.api, self.user, text=value)
        await self.telegram.deliver(update)
        accepted = time.monotonic()
        if kind == "case":  # an open case: relayed to the operators' topic
            await wait_for(self.api, lambda: any(
                value in c.text for c in self.api.calls_to("sendMessage", OPS, since=mark)),
                f"person {self.chat_id}'s message relayed to the case topic")
        if self.expected is None:
            # A message in an open case may get no reply at all: right after "passed to our
            # team" it is only relayed (desk16: no second place, no "not forgotten").
            if kind != "case":
                await self.api.wait_calls("sendMessage", 1, self.chat_id, since=mark, within=60)
            await quiet_chat(self.api, self.chat_id)
            self.counts.append(len(self.api.calls_to("sendMessage", self.chat_id, since=mark)))
        elif self.expected[self.done] == 0:  # relayed only, as for the reference person
            await quiet_chat(self.api, self.chat_id)
        else:
            want = self.expected[self.done]
            try:
                await self.api.wait_calls("sendMessage", want, self.chat_id, since=mark,
                                          within=self.within)
            except TimeoutError:
                got = len(self.api.calls_to("sendMessage", self.chat_id, since=mark))
                came, detail = await self._late(mark, want, accepted)
                shortfall = (f"person {self.chat_id}, step {self.done} ({kind}): {got} of "
                             f"{want} messages after {self.within:.0f} s{detail}")
                if not came:
                    raise AssertionError(shortfall) from None
                self.late_steps.append(shortfall)
            calls = self.api.calls_to("sendMessage", self.chat_id, since=mark)
            self.took.append(calls[want - 1].at - accepted)
            self.spread.append(calls[want - 1].at - calls[0].at)
        self.done += 1

    async def _late(self, mark: int, want: int, accepted: float) -> tuple[bool, str]:
        """After a shortfall: whether the rest came within `late` more seconds (late) or
        not (lost), and a note with when each message arrived after the update was accepted."""
        if self.late <= 0:
            return False, ""
        try:
            await self.api.wait_calls("sendMessage", want, self.chat_id, since=mark,
                                      within=self.late)
            came, verdict = True, "late, not lost"
        except TimeoutError:
            came, verdict = False, f"lost: not there {self.within + self.late:.0f} s after it"
        arrived = [f"{c.at - accepted:.1f}"
                   for c in self.api.calls_to("sendMessage", self.chat_id, since=mark)]
        return came, f" ({verdict}; messages at +{', +'.join(arrived) or '-'} s)"

    async def steps(self, until: int) -> None:
        while self.done < until:
            await self.step()


async def quiet_chat(api: FakeBotAPI, chat_id: int, period: float = 0.5) -> None:
    """Wait until nothing more is sent to `chat_id` for `period` seconds (bounded)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 30
    while loop.time() < deadline:
        sent = api.calls_to("sendMessage", chat_id)
        idle = loop.time() - (sent[-1].at if sent else 0.0)
        if idle >= period:
            return
        await asyncio.sleep(period - idle)


async def wait_for(api: FakeBotAPI, ready: Callable[[], bool], what: str,
                   within: float = 60.0) -> None:
    deadline = asyncio.get_running_loop().time() + within
    while not ready():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"{what}: not seen within {within:.0f} s")
        await asyncio.sleep(0.05)


async def crowd(telegram: Telegram, people: int, normal: Script, risk: Script, *,
                late: float = 0.0) -> tuple[list[Person], list[Person], list[Person]]:
    """Two people go first, alone, following `normal` and `risk` to the end: what they see is
    what everybody must see. Returns them and `people` more who will follow them (a tenth at
    risk; `late`: as `Person`'s): (reference, risky, normal)."""
    reference = [Person(telegram, 1, normal), Person(telegram, 2, risk)]
    for person in reference:
        await person.steps(len(person.script))
    normal_counts, risk_counts = (p.counts for p in reference)
    at_risk = people // 10
    risky = [Person(telegram, 10_000 + n, risk, risk_counts, late=late) for n in range(at_risk)]
    plain = [Person(telegram, 20_000 + n, normal, normal_counts, late=late)
             for n in range(people - at_risk)]
    return reference, risky, plain
