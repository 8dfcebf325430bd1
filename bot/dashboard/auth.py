"""Who may open the dashboard: a long token or the Telegram Login Widget; sessions that expire.

Sessions live in Redis under `smb:dashboard:session:<sha256 of the cookie>` with a TTL, so a
stolen Redis dump holds no usable cookie. Every login attempt, refused or not, goes to the
`smb:dashboard:logins` stream with a keyed hash of who tried (never a raw Telegram id).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass

from redis.asyncio import Redis

from bot.privacy import Pseudonymizer
from bot.storage.keys import global_key

LOGIN_AUDIT = global_key("dashboard", "logins")
LOGIN_AUDIT_KEEP = 10_000
COOKIE = "smb_dashboard"


def _session_key(cookie: str) -> str:
    return global_key("dashboard", "session", hashlib.sha256(cookie.encode()).hexdigest())


def token_matches(given: str, expected: str | None) -> bool:
    """Constant-time comparison; an unset or empty expected token matches nothing."""
    if not expected or not given:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())


def widget_user(fields: Mapping[str, str], bot_token: str, allowed: frozenset[int],
                max_age_s: int, now: float | None = None) -> int | None:
    """The Telegram user id of a valid, fresh Login Widget answer from an allowed operator.

    Telegram's documented check (core.telegram.org/widgets/login, "Checking authorization"):
    the data-check-string is every received field except `hash`, sorted by name, as
    `key=value` joined by "\\n"; `hash` must equal the hex HMAC-SHA-256 of that string keyed
    with SHA-256(bot token). `auth_date` older than `max_age_s` is refused (a replayed link).
    Returns None for anything else.
    """
    given = fields.get("hash", "")
    if not given or not bot_token:
        return None
    check = "\n".join(f"{k}={fields[k]}" for k in sorted(fields) if k != "hash")
    secret = hashlib.sha256(bot_token.encode()).digest()
    expected = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, given.lower()):
        return None
    try:
        user_id, auth_date = int(fields.get("id", "")), int(fields.get("auth_date", ""))
    except ValueError:
        return None
    now = time.time() if now is None else now
    if not 0 <= now - auth_date <= max_age_s:
        return None
    return user_id if user_id in allowed else None


@dataclass(frozen=True, slots=True)
class DashboardSession:
    """A signed-in browser: how it signed in and a keyed hash of who (never a raw id)."""

    method: str  # "token" or "telegram"
    who: str
    expires: float


class Sessions:
    """Dashboard sessions in Redis; each expires `ttl_s` after login (no sliding renewal)."""

    def __init__(self, redis: Redis, ttl_s: int) -> None:
        self._redis = redis
        self.ttl_s = ttl_s

    async def create(self, method: str, who: str) -> str:
        """A new session; returns the cookie value (only its hash is stored)."""
        cookie = secrets.token_urlsafe(32)
        expires = time.time() + self.ttl_s
        await self._redis.hset(_session_key(cookie), mapping={
            "method": method, "who": who, "expires": f"{expires:.0f}"})
        await self._redis.expire(_session_key(cookie), self.ttl_s)
        return cookie

    async def get(self, cookie: str | None) -> DashboardSession | None:
        """The live session for this cookie, else None (unknown, expired or logged out)."""
        if not cookie:
            return None
        raw = await self._redis.hgetall(_session_key(cookie))
        if not raw:
            return None
        expires = float(raw.get("expires") or 0)
        if expires <= time.time():  # Redis' TTL is the backstop; the clock decides first
            return None
        return DashboardSession(str(raw.get("method", "")), str(raw.get("who", "")), expires)

    async def end(self, cookie: str | None) -> None:
        if cookie:
            await self._redis.delete(_session_key(cookie))


class LoginAudit:
    """Every login attempt: method, outcome, a keyed hash of who and of the client address."""

    def __init__(self, redis: Redis, pseudonymizer: Pseudonymizer) -> None:
        self._redis = redis
        self._hash = pseudonymizer

    def who(self, subject: str | int) -> str:
        """A keyed hash standing for a person or token; stable, useless without the key."""
        return self._hash.user_key(f"dashboard:{subject}")[:16]

    async def record(self, method: str, ok: bool, who: str, client: str) -> None:
        await self._redis.xadd(LOGIN_AUDIT, {
            "method": method, "ok": "1" if ok else "0", "who": who,
            "client": self.who(client or "?"), "at": f"{time.time():.0f}",
        }, maxlen=LOGIN_AUDIT_KEEP, approximate=True)

    async def entries(self, count: int = 50) -> list[dict[str, str]]:
        """The latest attempts, newest first."""
        rows = await self._redis.xrevrange(LOGIN_AUDIT, count=count)
        return [{str(k): str(v) for k, v in fields.items()} for _, fields in rows or [] if fields]
