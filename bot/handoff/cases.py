"""Handoff cases in Redis hashes with a TTL, and maps from the operators' side back to a case."""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from redis.asyncio import Redis

from bot.core.events import OperatorAlert
from bot.storage.keys import UserKey, global_key

State = Literal["new", "taken", "closed"]
CLOSED_TTL = 24 * 3600  # a closed case lingers a day so late presses get a clear answer


def case_key(case_id: str) -> str:
    return global_key("handoff", "case", case_id)


def _ref_key(chat_id: int, message_id: int) -> str:
    return global_key("handoff", "ref", str(chat_id), str(message_id))


def _topic_key(chat_id: int, thread_id: int) -> str:
    return global_key("handoff", "topic", str(chat_id), str(thread_id))


def _pseudonym_key(name: str) -> str:
    return global_key("handoff", "pseudonym", name)


def _operator_key(operator_id: int) -> str:
    return global_key("handoff", "operator", str(operator_id))


@dataclass(slots=True)
class Case:
    """One person's request for a human, as operators see it (a pseudonym, never an id)."""

    id: str
    user_key: str
    pseudonym: str
    reason: str
    language: str
    country: str = ""
    risk_level: str = ""
    indicators: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    user_text: str = ""  # only when the person agreed; dropped once the first alert is posted
    state: State = "new"
    operator: int = 0
    operator_name: str = ""  # the operator's Telegram first name (staff, not the person)
    thread_id: int = 0  # the forum topic in topic mode
    alert_msg: int = 0  # the first alert message in the operators' chat
    alert_edit: int = 0  # that message, when an edit can redraw it whole (else 0: post notes)
    created: float = 0.0
    taken_at: float = 0.0
    closed_at: float = 0.0
    closed_by: str = ""  # an operator's id, "person" (/stop) or "erased" (/delete)
    closed_name: str = ""  # the closing operator's first name
    outcome: str = ""
    unreachable: bool = False  # the person blocked the bot: "unreachable" is the likely outcome
    posted: int = -1  # the last alert number posted (0 the first, then escalations)
    # The last alert number whose sendMessage was started: above `posted`, that post's end is
    # unknown (the process died or Redis failed before the result was recorded).
    posting: int = -1

    @classmethod
    def from_alert(cls, alert: OperatorAlert, *, id: str, user_key: str,
                   pseudonym: str) -> Case:
        """A new case holding what the alert says."""
        return cls(
            id=id, user_key=user_key, pseudonym=pseudonym, reason=alert.reason,
            language=alert.language, country=alert.country or "",
            risk_level=alert.risk_level or "", indicators=list(alert.indicators),
            summary=list(alert.summary), user_text=alert.user_text or "", created=time.time(),
        )

    @property
    def waited_min(self) -> int:
        return max(0, int((time.time() - self.created) // 60))

    def to_redis(self) -> dict[str, str]:
        fields = {
            "id": self.id, "user_key": self.user_key, "pseudonym": self.pseudonym,
            "reason": self.reason, "language": self.language, "country": self.country,
            "risk_level": self.risk_level, "indicators": "\n".join(self.indicators),
            "summary": "\n".join(self.summary), "user_text": self.user_text,
            "state": self.state, "operator": str(self.operator), "thread_id": str(self.thread_id),
            "alert_msg": str(self.alert_msg), "alert_edit": str(self.alert_edit),
            "created": repr(self.created), "taken_at": repr(self.taken_at),
            "closed_at": repr(self.closed_at), "closed_by": self.closed_by,
            "operator_name": self.operator_name, "closed_name": self.closed_name,
        }
        if self.unreachable:
            fields["unreachable"] = "1"
        if self.posted >= 0:
            fields["posted"] = str(self.posted)
        if self.posting >= 0:
            fields["posting"] = str(self.posting)
        if self.outcome:  # absent until recorded: HSETNX lets only the first press count
            fields["outcome"] = self.outcome
        return fields

    @classmethod
    def from_redis(cls, raw: dict[str, str]) -> Case:
        def lines(name: str) -> list[str]:
            return [line for line in raw.get(name, "").split("\n") if line]

        return cls(
            id=raw["id"], user_key=raw.get("user_key", ""), pseudonym=raw.get("pseudonym", ""),
            reason=raw.get("reason", ""), language=raw.get("language", ""),
            country=raw.get("country", ""), risk_level=raw.get("risk_level", ""),
            indicators=lines("indicators"), summary=lines("summary"),
            user_text=raw.get("user_text", ""), state=raw.get("state", "new"),  # type: ignore[arg-type]
            operator=int(raw.get("operator") or 0), thread_id=int(raw.get("thread_id") or 0),
            alert_msg=int(raw.get("alert_msg") or 0),
            alert_edit=int(raw.get("alert_edit") or 0), created=float(raw.get("created") or 0),
            taken_at=float(raw.get("taken_at") or 0), closed_at=float(raw.get("closed_at") or 0),
            closed_by=raw.get("closed_by", ""), outcome=raw.get("outcome", ""),
            operator_name=raw.get("operator_name", ""), closed_name=raw.get("closed_name", ""),
            unreachable=raw.get("unreachable") == "1", posted=int(raw.get("posted") or -1),
            posting=int(raw.get("posting") or -1),
        )


class CaseStore:
    """Cases, the person's open case and chat address, and operator-side references; all expire."""

    def __init__(self, redis: Redis, ttl_seconds: int) -> None:
        self._redis = redis
        self._ttl = ttl_seconds

    async def open(self, alert: OperatorAlert, pseudonym: str) -> Case:
        """Create a new case for the alert and remember the chat address while it is open."""
        case = Case.from_alert(alert, id=secrets.token_hex(5), user_key=alert.user_key,
                               pseudonym=pseudonym)
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.hset(case_key(case.id), mapping=cast(dict[Any, Any], case.to_redis()))
            pipe.expire(case_key(case.id), self._ttl)
            pipe.set(str(UserKey("case", alert.user_key)), case.id, ex=self._ttl)
            pipe.set(str(UserKey("chat", alert.user_key)), alert.chat_key, ex=self._ttl)
            await pipe.execute()
        return case

    async def reserve_pseudonym(self, candidates: Iterable[str], owner: str) -> str:
        """The first candidate no other open or recent case uses; reserved for `owner`.

        `owner` is a keyed hash standing for the person (never their user key): their next
        case gets the same name back. A reservation lasts as long as a case can stay open,
        plus the day a closed case lingers. When every candidate is taken (practically never)
        the last one is used.
        """
        name = ""
        for name in candidates:
            key = _pseudonym_key(name)
            if await self._redis.set(key, owner, nx=True, ex=self._ttl + CLOSED_TTL):
                return name
            if await self._redis.get(key) == owner:
                await self._redis.expire(key, self._ttl + CLOSED_TTL)
                return name
        return name

    async def release_pseudonyms(self, candidates: Iterable[str], owner: str) -> None:
        """/delete: drop the person's reservations (only those `owner` holds)."""
        for name in candidates:
            key = _pseudonym_key(name)
            if await self._redis.get(key) == owner:
                await self._redis.delete(key)

    async def get(self, case_id: str) -> Case | None:
        raw: dict[str, str] = await self._redis.hgetall(case_key(case_id))  # type: ignore[assignment]
        return Case.from_redis(raw) if raw.get("id") else None

    async def open_case_of(self, user_key: str) -> Case | None:
        """The person's case while it is open (new or taken), else None."""
        case_id = await self._redis.get(str(UserKey("case", user_key)))
        case = await self.get(str(case_id)) if case_id else None
        return case if case is not None and case.state != "closed" else None

    async def chat_of(self, user_key: str) -> str | None:
        """The transport address to relay to; only kept while the case is open."""
        value = await self._redis.get(str(UserKey("chat", user_key)))
        return str(value) if value is not None else None

    async def update(self, case_id: str, **fields: str | int) -> None:
        await self._redis.hset(case_key(case_id), mapping={k: str(v) for k, v in fields.items()})

    async def drop_user_text(self, case_id: str) -> None:
        # The free text was needed only for the first alert: do not keep it longer.
        await self._redis.hdel(case_key(case_id), "user_text")

    async def take(self, case_id: str, operator_id: int, at: float, name: str = "") -> bool:
        """Give a new case to an operator; False if someone else already has it (atomic)."""
        script = (
            "if redis.call('HGET', KEYS[1], 'state') == 'new' then "
            "redis.call('HSET', KEYS[1], 'state', 'taken', 'operator', ARGV[1], "
            "'taken_at', ARGV[2], 'operator_name', ARGV[3]) return 1 "
            "end return 0"
        )
        taken = await self._redis.eval(script, 1, case_key(case_id), str(operator_id), repr(at),
                                       name)
        if taken:
            await self._redis.sadd(_operator_key(operator_id), case_id)
            await self._redis.expire(_operator_key(operator_id), self._ttl)
        return bool(taken)

    async def close(self, case_id: str, by: str, name: str = "") -> Case | None:
        """Close an open case (atomic: only one caller gets it) and forget the person's address."""
        script = (
            "local s = redis.call('HGET', KEYS[1], 'state') "
            "if s == 'new' or s == 'taken' then "
            "redis.call('HSET', KEYS[1], 'state', 'closed') return 1 end return 0"
        )
        closed = await self._redis.eval(script, 1, case_key(case_id))
        if not closed:
            return None
        case = await self.get(case_id)
        if case is None:
            return None
        now = time.time()
        case.closed_at, case.closed_by, case.closed_name = now, by, name
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.srem(_operator_key(case.operator), case_id)
            # Only what the outcome buttons still need stays, and only for a day.
            pipe.hdel(case_key(case_id), "user_key", "summary", "user_text")
            pipe.hset(case_key(case_id), mapping={"closed_at": repr(now), "closed_by": by,
                                                  "closed_name": name})
            pipe.expire(case_key(case_id), CLOSED_TTL)
            pipe.delete(str(UserKey("chat", case.user_key)))
            await pipe.execute()
        current = await self._redis.get(str(UserKey("case", case.user_key)))
        if current == case_id:
            await self._redis.delete(str(UserKey("case", case.user_key)))
        return case

    async def open_count(self, operator_id: int) -> int:
        """How many cases this operator has taken and not closed."""
        return int(await self._redis.scard(_operator_key(operator_id)))

    async def next_escalation(self, case_id: str) -> int:
        """Count one more escalation of the case; returns its number (1 for the first)."""
        return int(await self._redis.hincrby(case_key(case_id), "escalations", 1))

    async def set_outcome_once(self, case_id: str, outcome: str) -> bool:
        """Record the case's outcome; False if one was recorded already (the first wins)."""
        return bool(await self._redis.hsetnx(case_key(case_id), "outcome", outcome))

    async def due_once(self, case_id: str, what: str, every: int) -> bool:
        """True at most once per `every` seconds for this case and `what` (e.g. a reminder)."""
        key = global_key("handoff", what, case_id)
        return bool(await self._redis.set(key, 1, nx=True, ex=every))

    async def was_due(self, case_id: str, what: str) -> bool:
        """Whether `due_once(case_id, what, ...)` fired within its period."""
        return bool(await self._redis.exists(global_key("handoff", what, case_id)))

    async def link_messages(self, chat_id: int, message_ids: list[int], case_id: str) -> None:
        """Replies to these operator-side messages belong to the case (reply mode)."""
        if not message_ids:
            return
        async with self._redis.pipeline(transaction=False) as pipe:
            for message_id in message_ids:
                pipe.set(_ref_key(chat_id, message_id), case_id, ex=self._ttl)
            await pipe.execute()

    async def link_topic(self, chat_id: int, thread_id: int, case_id: str) -> None:
        await self._redis.set(_topic_key(chat_id, thread_id), case_id, ex=self._ttl)
        await self.update(case_id, thread_id=thread_id)

    async def case_for(
        self, chat_id: int, thread_id: int | None, reply_to: int | None
    ) -> str | None:
        """The case an operator's message belongs to: its topic, else the message it replies to."""
        if thread_id:
            found = await self._redis.get(_topic_key(chat_id, thread_id))
            if found:
                return str(found)
        if reply_to:
            found = await self._redis.get(_ref_key(chat_id, reply_to))
            if found:
                return str(found)
        return None
