"""Keyed pseudonyms: the only form in which a person's identity reaches logs, metrics and Redis."""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import re
from collections.abc import Iterator

from cryptography.fernet import Fernet, InvalidToken

# Every erasure's log line goes through one logger, whatever the path (`log_erasure`).
_ERASURE_LOG = logging.getLogger("bot.erasure")
_USER_KEY = re.compile(r"[0-9a-f]{32}")  # Pseudonymizer.user_key's shape
LOGGED_KEY_LENGTH = 12  # the `user=` of every log line: a user key's first 12 characters

_ADJECTIVES = (
    "amber", "brave", "calm", "clear", "cool", "quiet", "gentle", "kind", "light", "swift",
    "bright", "warm", "steady", "silver", "green", "blue",
)
_NOUNS = (
    "birch", "river", "heron", "meadow", "pine", "stork", "willow", "lake", "cloud", "fern",
    "linden", "oak", "sparrow", "lynx", "bison", "maple",
)


class Pseudonymizer:
    """HMAC-SHA256 of a transport id under a secret key; stable for one key, useless without it."""

    def __init__(self, secret: str) -> None:
        if not secret:
            raise ValueError("the pseudonym key must not be empty")
        self._key = secret.encode()

    def user_key(self, transport_id: str | int) -> str:
        """A stable opaque key for a person, safe to use in Redis keys and logs."""
        digest = hmac.new(self._key, str(transport_id).encode(), hashlib.sha256).hexdigest()
        return digest[:32]

    def pseudonym(self, user_key: str, attempt: int = 0) -> str:
        """A short human-friendly name for operators, e.g. 'calm-heron-421'.

        16 adjectives x 16 nouns x 900 numbers = 230,400 names: two of 200 people share one
        with a chance of about 8.3% (it was 54% with two digits), so the handoff also reserves
        each name in Redis and takes the next `attempt` when one is in use
        (`PseudonymReservations.reserve`). The same person gets the same name for one key.
        """
        salt = b"pseudonym:" if attempt == 0 else f"pseudonym:{attempt}:".encode()
        digest = hmac.new(self._key, salt + user_key.encode(), hashlib.sha256).digest()
        adjective = _ADJECTIVES[digest[0] % len(_ADJECTIVES)]
        noun = _NOUNS[digest[1] % len(_NOUNS)]
        return f"{adjective}-{noun}-{100 + int.from_bytes(digest[2:5], 'big') % 900}"

    def pseudonyms(self, user_key: str, attempts: int = 20) -> Iterator[str]:
        """The person's pseudonym, then the next candidates for when it is in use."""
        return (self.pseudonym(user_key, n) for n in range(attempts))

    def seal(self, purpose: bytes) -> TextSeal:
        """The encryption of a person's words for one `purpose` under this key (`TextSeal`)."""
        return TextSeal(self._key.decode(), purpose)


def log_erasure(user_key: str) -> None:
    """Log one erasure as `data erased user=<12 hex>` (INFO, logger `bot.erasure`): the first
    12 characters of the keyed user key, never an id. Every erasure path calls this (/delete,
    `safe-migration-bot erase`, `erase --pending` after a restore): scripts/erasure-list.sh
    copies these lines into the erasure list a restore reads when Redis was lost
    (docs/DEPLOY.md "The erasure list"). A key not of the keyed hash's shape (32 hex
    characters) is not written at all, only that one was erased: it may be an id."""
    if _USER_KEY.fullmatch(user_key):
        _ERASURE_LOG.info("data erased user=%s", user_key[:LOGGED_KEY_LENGTH])
    else:
        _ERASURE_LOG.warning("data erased user=<not a keyed user key: not logged>")


_FERNET_PREFIX = "gAAAAA"


class TextSeal:
    """Fernet encryption of a person's words kept in Redis, under a key derived from the bot's
    secret (BOT_PSEUDONYM_KEY) and a `purpose` (one key per kind of record): a Redis dump or
    backup shows none of them. `open` raises `cryptography.fernet.InvalidToken` for a value
    sealed under another key or never sealed."""

    def __init__(self, secret: str, purpose: bytes) -> None:
        key = hmac.new(secret.encode(), purpose, hashlib.sha256).digest()
        self._fernet = Fernet(base64.urlsafe_b64encode(key))

    def seal(self, text: str) -> str:
        return self._fernet.encrypt(text.encode()).decode()

    def open(self, token: str) -> str:
        return self._fernet.decrypt(token.encode()).decode()

    def seal_field(self, fields: dict[str, str], name: str) -> dict[str, str]:
        """`fields` with `fields[name]` sealed, when it is there and not empty."""
        return {**fields, name: self.seal(fields[name])} if fields.get(name) else fields

    def open_field(self, fields: dict[str, str], name: str) -> dict[str, str]:
        """`fields` with `fields[name]` opened; "" when it was sealed under another key; as it
        is when it was written before sealing began (an upgrade: sealed at its next write)."""
        value = fields.get(name)
        if not value:
            return fields
        try:
            return {**fields, name: self.open(value)}
        except InvalidToken:  # another BOT_PSEUDONYM_KEY: as good as gone
            # Every Fernet token starts with its version byte 0x80 and a timestamp: "gAAAAA".
            return {**fields, name: "" if value.startswith(_FERNET_PREFIX) else value}
