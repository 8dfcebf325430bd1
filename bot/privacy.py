"""Keyed pseudonyms: the only form in which a person's identity reaches logs, metrics and Redis."""

from __future__ import annotations

import hashlib
import hmac

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

    def pseudonym(self, user_key: str) -> str:
        """A short human-friendly name for operators, e.g. 'calm-heron-42'."""
        digest = hmac.new(self._key, b"pseudonym:" + user_key.encode(), hashlib.sha256).digest()
        adjective = _ADJECTIVES[digest[0] % len(_ADJECTIVES)]
        noun = _NOUNS[digest[1] % len(_NOUNS)]
        return f"{adjective}-{noun}-{int.from_bytes(digest[2:4], 'big') % 100:02d}"
