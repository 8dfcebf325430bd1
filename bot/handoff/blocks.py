"""Blocking a person who abuses the service: pseudonymous, with a TTL, audited, reversible.

An operator writes `/block [days]` in the person's case: the case closes, and for `days`
(OPERATOR_BLOCK_DAYS by default) the person's messages get one short neutral reply with the
emergency numbers (a blocked person may still be in danger) instead of the bot or a human.
`/unblock <pseudonym>` (or `/unblock` in the case) lifts it. The block is stored under a keyed
hash of the person (the same one that holds their pseudonym), never their id, and expires.

The record (`BlockRecord`, JSON) holds only what the neutral reply needs: the language to write
in and the country whose numbers to give, the country encrypted (as in every case record: a
Redis dump shows no country); nothing of the case, no pseudonym, no id.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from redis.asyncio import Redis

from bot.core.commands import command_name
from bot.handoff.pseudonyms import pseudonym_key
from bot.privacy import Pseudonymizer, TextSeal
from bot.storage.keys import global_key

BLOCK_COMMANDS = ("/block", "/unblock")
MAX_DAYS = 90
SEAL_PURPOSE = b"handoff-block-country"


def owner_of(pseudonymizer: Pseudonymizer, user_key: str) -> str:
    """The keyed hash standing for the person in pseudonym reservations and blocks."""
    return pseudonymizer.user_key(f"pseudonym-owner:{user_key}")


def _key(owner: str) -> str:
    return global_key("handoff", "blocked", owner)


@dataclass(frozen=True, slots=True)
class Block:
    """What the neutral reply needs: the person's language and country (for the numbers)."""

    language: str
    country: str


@dataclass(frozen=True, slots=True)
class BlockRecord:
    """A block as kept in Redis (`smb:handoff:blocked:<owner>`, JSON, TTL = the block's days):
    the language code ("ru") and the country, ISO 3166 alpha-2 ("PL", "" when none was named),
    sealed (`TextSeal`); nothing else."""

    language: str
    country: str = ""  # sealed; "" when none
    v: int = 1

    def to_json(self) -> str:
        return json.dumps(asdict(self), separators=(",", ":"))

    @classmethod
    def from_redis(cls, value: str) -> BlockRecord:
        """A record as written; a block written before records were typed ("ru:PL", plain,
        still under its TTL) is read as it was."""
        if value.startswith("{"):
            raw = json.loads(value)
            return cls(language=str(raw.get("language", "")), country=str(raw.get("country", "")))
        language, _, country = value.partition(":")
        return cls(language=language, country=country)


@dataclass(frozen=True, slots=True)
class BlockCommand:
    """`/block [days]` or `/unblock [pseudonym]`, as written in the operators' chat."""

    block: bool
    days: int | None = None
    pseudonym: str = ""


def parse_block_command(text: str | None) -> BlockCommand | None:
    """The command, or None when the text is not one; bad days come back as days=0."""
    head = command_name(text)
    words = (text or "").split()
    if head == "/block":
        if len(words) == 1:
            return BlockCommand(True)
        days = int(words[1]) if words[1].isdigit() else 0
        return BlockCommand(True, days if 0 < days <= MAX_DAYS else 0)
    if head == "/unblock":
        return BlockCommand(False, pseudonym=words[1].lower() if len(words) > 1 else "")
    return None


class Blocks:
    """The blocks in Redis; each expires by itself."""

    def __init__(self, redis: Redis, pseudonymizer: Pseudonymizer) -> None:
        self._redis = redis
        self._pseudonymizer = pseudonymizer
        self._seal: TextSeal = pseudonymizer.seal(SEAL_PURPOSE)

    async def block(self, user_key: str, pseudonym: str, days: int, language: str,
                    country: str) -> None:
        """Block for `days`; `pseudonym` stays reserved as long, so `/unblock <name>` works."""
        seconds = days * 24 * 3600
        sealed = self._seal.seal_field({"country": country}, "country")["country"]
        record = BlockRecord(language=language, country=sealed)
        await self._redis.set(_key(owner_of(self._pseudonymizer, user_key)), record.to_json(),
                              ex=seconds)
        name = pseudonym_key(pseudonym)
        if 0 <= await self._redis.ttl(name) < seconds:
            await self._redis.expire(name, seconds)

    async def blocked(self, user_key: str) -> Block | None:
        value = await self._redis.get(_key(owner_of(self._pseudonymizer, user_key)))
        if value is None:
            return None
        record = BlockRecord.from_redis(str(value))
        country = self._seal.open_field({"country": record.country}, "country")["country"]
        return Block(record.language, country)

    async def unblock_user(self, user_key: str) -> bool:
        return bool(await self._redis.delete(_key(owner_of(self._pseudonymizer, user_key))))

    async def unblock_pseudonym(self, name: str) -> bool:
        """Lift the block of whoever holds this pseudonym; False if none is blocked."""
        owner = await self._redis.get(pseudonym_key(name))
        if owner is None:
            return False
        return bool(await self._redis.delete(_key(str(owner))))
