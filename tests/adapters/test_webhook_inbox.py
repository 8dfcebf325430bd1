"""Who takes up a webhook inbox entry, and when (real redis-server, two WebhookServers).

The replica test found an update that one replica had accepted with 200 and left in the inbox
on a rolling stop, but that nobody handled within a minute: marking it "released" was one more
write at stop, it failed while Redis was busy, and the entry then waited 120 s for the
orphan rule. Now each process owns its entries through a lease it deletes last on stop; a
stopped replica's entries are taken up at the other's next sweep, a dead one's once its
lease expires, and never while their owner is alive.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import aiohttp
from redis.asyncio import Redis

from bot.adapters.telegram.inbox import RedisInbox
from bot.adapters.telegram.webhook import SECRET_HEADER, WebhookServer
from bot.storage.keys import global_key
from bot.storage.redis import connect
from tests.helpers.redis_server import RedisServer, free_port


class Replica:
    """A WebhookServer on loopback whose handling waits until `go` is set."""

    def __init__(self, redis: Redis) -> None:
        self.inbox = RedisInbox(redis)
        self.handled: list[int] = []
        self.go = asyncio.Event()
        self.server = WebhookServer(self._feed, secret="s", path="/hook", inbox=self.inbox)
        self.port = free_port()

    async def _feed(self, update: dict[str, Any]) -> None:
        await self.go.wait()
        self.handled.append(update["update_id"])

    async def post(self, update_id: int) -> int:
        update = {"update_id": update_id, "message": {
            "message_id": update_id, "date": int(time.time()), "text": "hi",
            "from": {"id": update_id, "is_bot": False, "first_name": "Person"},
            "chat": {"id": update_id, "type": "private", "first_name": "Person"}}}
        async with aiohttp.ClientSession() as http, http.post(
            f"http://127.0.0.1:{self.port}/hook", json=update, headers={SECRET_HEADER: "s"}
        ) as resp:
            return resp.status


async def left_ids(inbox: RedisInbox, full: bool = False) -> list[int]:
    return [u["update_id"] async for u in inbox.left(full)]


async def test_a_stopped_replicas_updates_go_to_the_other_at_its_next_sweep(
    redis_server: RedisServer, redis_client: Redis,
) -> None:
    redis = connect(redis_server.url)
    a, b = Replica(redis), Replica(redis)
    b.go.set()
    try:
        await a.server.start("127.0.0.1", a.port)
        await b.server.start("127.0.0.1", b.port)
        assert [await a.post(n) for n in (1, 2, 3)] == [200, 200, 200]
        # A has them in hand: B's sweep leaves them alone (a person's order).
        assert await b.server.resume() == 0
        await a.server.stop(grace=0.2)  # A cannot finish them in time
        assert await b.server.resume() == 3  # at once, not minutes later
        for _ in range(100):
            if len(b.handled) == 3:
                break
            await asyncio.sleep(0.05)
        assert sorted(b.handled) == [1, 2, 3]
        assert await left_ids(b.inbox, full=True) == []  # done: gone from the inbox
    finally:
        a.go.set()
        await b.server.stop()
        await redis.aclose()


async def test_a_dead_replicas_updates_are_taken_once_its_lease_runs_out(
    redis_server: RedisServer, redis_client: Redis,
) -> None:
    redis = connect(redis_server.url)
    dead, alive = RedisInbox(redis), RedisInbox(redis)
    try:
        for n in (5, 4):
            assert await dead.put(n, {"update_id": n})
        assert await left_ids(alive) == []  # its lease still runs
        await dead.renew()
        assert await left_ids(alive) == []
        # SIGKILL: nobody renews or releases; the lease expires by itself.
        await redis_client.pexpire(global_key("inbox-owner", dead.owner), 1)
        await asyncio.sleep(0.05)
        assert await left_ids(alive) == [4, 5]  # oldest first
        assert await left_ids(RedisInbox(redis)) == [4, 5]  # so would a new start (new owner)
    finally:
        await redis.aclose()


async def test_entries_left_by_the_previous_version_are_still_taken_up(
    redis_server: RedisServer, redis_client: Redis,
) -> None:
    """A rolling upgrade: the old version marked entries released (no owner, no index)."""
    redis = connect(redis_server.url)
    inbox = RedisInbox(redis)
    old = {"released": True, "at": time.time(), "update": {"update_id": 7}}
    busy = {"released": False, "at": time.time(), "update": {"update_id": 8}}
    stale = {"released": False, "at": time.time() - 3600, "update": {"update_id": 9}}
    for entry in (old, busy, stale):
        key = global_key("inbox", str(entry["update"]["update_id"]))  # type: ignore[index]
        await redis_client.set(key, json.dumps(entry), ex=60)
    try:
        assert await left_ids(inbox) == []  # not in the index: found by the start's full look
        assert await left_ids(inbox, full=True) == [7, 9]
    finally:
        await redis.aclose()
