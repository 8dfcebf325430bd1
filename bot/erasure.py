"""`python -m bot erase NAME...`: erase a person the operators know only by a pseudonym.

After a restore from a backup, people who sent /delete since the backup are in Redis again
(docs/DEPLOY.md "Backups"). Operators know them by the pseudonym of their case
("calm-heron-421"), or, for people who never had a case, by the `user=` of the bot's log line
for their /delete (`command user=3f9a0c12b7de /delete`: the first 12 characters of the keyed
user key). Either finds the person, and the erasure is the one /delete does: every key of
`USER_KEY_KINDS` and the person's place in `PERSON_SETS` (`RedisSessionStore.delete_user`),
their open case closed as erased and out of the waiting list, the case's link to them and
their pseudonym reservations dropped (`CaseStore.forget`, `PseudonymReservations.release`), and the
audit entries of their case deleted (`forget_erased_case`).

`--pending` erases everyone a restore found in the erasure record but back in the restored data
(`ERASE_PENDING`, written by scripts/erasure-record.sh): their keys are gone already, this ends
their cases and pseudonyms as /delete does.

Nothing is posted to the operators' chat (the case's topic was told at the first /delete);
the command prints, per name, what it erased or why it erased nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import re
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass

from redis.asyncio import Redis

from bot.handoff.audit import Audit, forget_erased_case, last_case_of
from bot.handoff.blocks import owner_of
from bot.handoff.cases import CaseStore, case_key
from bot.handoff.escalation import WaitingList
from bot.privacy import Pseudonymizer, log_erasure
from bot.storage.keys import ERASE_PENDING, PREFIX, USER_KEY_KINDS, global_key
from bot.storage.redis import RedisSessionStore

PSEUDONYM = re.compile(r"^[a-z]+-[a-z]+-\d{3}$")  # Pseudonymizer.pseudonym's shape
LOGGED_KEY = re.compile(r"^[0-9a-f]{12}$")  # the log's `user=`: a user key's first 12 chars
USER_KEY = re.compile(r"^[0-9a-f]{32}$")  # Pseudonymizer.user_key's shape


@dataclass(frozen=True)
class Found:
    """Who a name stands for: their user key, or why none (`user_key` empty)."""

    name: str
    user_key: str = ""
    why_not: str = ""


class PersonEraser:
    """Finds a person by pseudonym or logged key in Redis and erases them as /delete does."""

    def __init__(self, redis: Redis, pseudonymizer: Pseudonymizer) -> None:
        self._redis = redis
        self._pseudonymizer = pseudonymizer
        self._cases = CaseStore(redis, ttl_seconds=1)  # only close/forget/release are used
        self._sessions = RedisSessionStore(redis)

    async def find(self, name: str) -> Found:
        """The one person `name` stands for; several or none: nobody, with the reason."""
        if LOGGED_KEY.match(name):
            keys = {key async for key in self._user_keys() if key.startswith(name)}
        elif PSEUDONYM.match(name):
            keys = await self._by_pseudonym(name)
        else:
            return Found(name, why_not="neither a pseudonym (calm-heron-421) nor a logged "
                                       "user= key (12 hex characters)")
        if not keys:
            return Found(name, why_not="no data about this person in Redis")
        if len(keys) > 1:
            return Found(name, why_not=f"{len(keys)} people match; nothing erased")
        return Found(name, user_key=keys.pop())

    async def erase(self, user_key: str) -> int:
        """What /delete erases, for `user_key`; returns how many keys existed before. Logged
        first, as /delete is (`log_erasure`): the erasure list must hold it even if a step
        below fails."""
        log_erasure(user_key)
        existed = int(await self._redis.exists(
            *(f"{PREFIX}:{kind}:{user_key}" for kind in USER_KEY_KINDS)))
        last = await last_case_of(self._cases, user_key)
        case = await self._cases.open_case_of(user_key)
        if case is not None:
            closed = await self._cases.close(case.id, "erased")
            if closed is not None:
                await WaitingList(self._redis, 0.0).remove(closed.id)
        await self._cases.forget(user_key)
        await forget_erased_case(Audit(self._redis), self._cases, last)
        await self._cases.pseudonyms.release(self._pseudonymizer.pseudonyms(user_key),
                                             owner_of(self._pseudonymizer, user_key))
        await self._sessions.delete_user(user_key)
        return existed

    async def _by_pseudonym(self, name: str) -> set[str]:
        # A case names its person: the surest link, while the case keeps it.
        linked = {user_key async for user_key, pseudonym in self._cases_people()
                  if pseudonym == name and user_key}
        if linked:
            return linked
        # Else whoever holds the name's reservation, or whose first choice it is.
        holder = await self._redis.get(global_key("handoff", "pseudonym", name))
        first_choice = set()
        async for user_key in self._user_keys():
            if holder and owner_of(self._pseudonymizer, user_key) == holder:
                return {user_key}
            if self._pseudonymizer.pseudonym(user_key) == name:
                first_choice.add(user_key)
        return first_choice

    async def _cases_people(self) -> AsyncIterator[tuple[str, str]]:
        async for key in self._redis.scan_iter(match=case_key("*"), count=500):
            user_key, pseudonym = await self._redis.hmget(key, "user_key", "pseudonym")
            yield str(user_key or ""), str(pseudonym or "")

    async def _user_keys(self) -> AsyncIterator[str]:
        """Every user key that has a key of its own in Redis, once."""
        seen: set[str] = set()
        for kind in USER_KEY_KINDS:
            async for key in self._redis.scan_iter(match=f"{PREFIX}:{kind}:*", count=500):
                user_key = str(key).rsplit(":", 1)[-1]
                if USER_KEY.match(user_key) and user_key not in seen:
                    seen.add(user_key)
                    yield user_key


async def _run(redis: Redis, pseudonymizer: Pseudonymizer, names: list[str],
               pending: bool = False) -> int:
    eraser = PersonEraser(redis, pseudonymizer)
    failed = 0
    try:
        for user_key in sorted(await redis.smembers(ERASE_PENDING)) if pending else []:
            existed = await eraser.erase(str(user_key))
            await redis.srem(ERASE_PENDING, user_key)
            print(f"{str(user_key)[:12]}: erased after the restore ({existed} key(s) the "
                  "restore had left deleted now, with their case links and pseudonym)")
        for name in names:
            found = await eraser.find(name)
            if not found.user_key:
                print(f"{name}: not erased: {found.why_not}")
                failed += found.why_not != "no data about this person in Redis"
                continue
            existed = await eraser.erase(found.user_key)
            print(f"{name}: erased ({existed} key(s) of the person, their case links and "
                  "pseudonym)")
    finally:
        await redis.aclose()
    return 1 if failed else 0


def configure_erasure_log() -> None:
    """The command's log lines on stderr, each starting with its UTC time as one ISO 8601
    word (`2026-11-30T16:50:00Z INFO bot.erasure: data erased user=...`): the form
    `scripts/erasure-list.sh record` reads from a terminal, as from the journal or Docker."""
    handler = logging.StreamHandler()
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s",
                                  datefmt="%Y-%m-%dT%H:%M:%SZ")
    formatter.converter = time.gmtime
    handler.setFormatter(formatter)
    logging.basicConfig(level=logging.INFO, handlers=[handler])


def main(args: argparse.Namespace) -> int:
    """`python -m bot erase NAME...`: exit 0 when every name was erased or had no data."""
    from bot.config import ConfigError, load_settings
    from bot.storage.redis import connect

    if not args.names and not getattr(args, "pending", False):
        print("safe-migration-bot erase: name someone (NAME...) or give --pending")
        return 2
    settings = load_settings()
    if not settings.redis.url:
        raise ConfigError("REDIS_URL: not set; the people's data is in Redis")
    if settings.bot.pseudonym_key is None:
        raise ConfigError("BOT_PSEUDONYM_KEY: not set; pseudonyms are made with it")
    redis = connect(settings.redis.url, sentinels=settings.redis.sentinel_addresses,
                    master=settings.redis.sentinel_master,
                    sentinel_password=settings.redis.sentinel_password_value)
    pseudonymizer = Pseudonymizer(settings.bot.pseudonym_key.get_secret_value())
    configure_erasure_log()
    return asyncio.run(_run(redis, pseudonymizer, list(args.names),
                            pending=bool(getattr(args, "pending", False))))
