"""Handoff cases in Redis hashes with a TTL; the maps from the operators' side back to a case
are `CaseRefs` (bot/handoff/case_refs.py), the names operators know people by are
`PseudonymReservations` (bot/handoff/pseudonyms.py)."""

from __future__ import annotations

import secrets
import time
from typing import Any, cast

from redis.asyncio import Redis
from redis.exceptions import WatchError

from bot.core.events import OperatorAlert
from bot.handoff.case import Case, State
from bot.handoff.case_refs import CaseRefs
from bot.handoff.case_scripts import REOPEN, TRANSFER
from bot.handoff.copies import CopyMarks, copies_key
from bot.handoff.pseudonyms import PseudonymReservations
from bot.privacy import TextSeal
from bot.storage.keys import UserKey, global_key

# The person's words and answers, encrypted in Redis when a seal is given: their own message
# or a missed check-in's name and contact (`user_text`, dropped once posted), the answers or
# what they agreed to show (`summary`: a check-in's destination, their questionnaire), and the
# last country they named (`country`); a value written before sealing is read as it is.
SEALED_FIELDS = ("user_text", "summary", "country")
CLOSED_TTL = 24 * 3600  # a closed case lingers a day so late presses get a clear answer


def case_key(case_id: str) -> str:
    return global_key("handoff", "case", case_id)


def _operator_key(operator_id: int) -> str:
    return global_key("handoff", "operator", str(operator_id))


class CaseStore:
    """Cases, the person's open case and chat address, and operator-side references; all expire.

    `reopen_seconds` (OPERATOR_REOPEN_DAYS): how long after closing a case can be reopened;
    for that long the person's link to it and their chat address are kept (0: dropped at once,
    and nothing can be reopened). /delete drops them at any time (`forget`). `seal`: the
    person's shared words (`user_text`: a message, a missed check-in's employer and contact)
    are kept encrypted until the alert is posted, and the answers or what they agreed to show
    (`summary`) encrypted for the case's life; tools that never read them pass none.
    """

    def __init__(self, redis: Redis, ttl_seconds: int, reopen_seconds: int = 0,
                 seal: TextSeal | None = None) -> None:
        self._redis = self.redis = redis  # `redis` for bot/handoff/erased.py
        self._seal = seal
        self._ttl = ttl_seconds
        self.reopen_seconds = reopen_seconds
        self.copies = CopyMarks(redis, ttl_seconds)  # the person's media copied into cases
        self.refs = CaseRefs(redis, ttl_seconds)  # operator-side messages and topics -> case
        # A name stays reserved as long as a case can stay open, plus the day a closed case
        # lingers or the reopen window, whichever is longer.
        self.pseudonyms = PseudonymReservations(
            redis, ttl_seconds + max(CLOSED_TTL, reopen_seconds))

    async def open(self, alert: OperatorAlert, pseudonym: str) -> Case | None:
        """Create a new case for the alert and remember the chat address while it is open;
        None when the person has an open case (one person, at most one open case, ever).

        A check-and-set under WATCH of the person's case link and of the case it names: a
        concurrent open, or a reopen of their last case (by them or an operator), makes this
        one see it and open nothing.
        """
        case = Case.from_alert(alert, id=secrets.token_hex(5), user_key=alert.user_key,
                               pseudonym=pseudonym)
        link = str(UserKey("case", alert.user_key))
        async with self._redis.pipeline(transaction=True) as pipe:
            while True:
                try:
                    await pipe.watch(link)
                    current = await pipe.get(link)
                    if current:
                        await pipe.watch(case_key(str(current)))
                        if await pipe.hget(case_key(str(current)), "state") in ("new", "taken"):
                            return None
                    pipe.multi()
                    pipe.hset(case_key(case.id),
                              mapping=cast(dict[Any, Any], self._sealed(case.to_redis())))
                    pipe.expire(case_key(case.id), self._ttl)
                    pipe.set(link, case.id, ex=self._ttl)
                    pipe.set(str(UserKey("chat", alert.user_key)), alert.chat_key, ex=self._ttl)
                    await pipe.execute()
                    return case
                except WatchError:
                    continue  # changed meanwhile: look again

    def _sealed(self, fields: dict[str, str]) -> dict[str, str]:
        if self._seal is None:
            return fields
        for name in SEALED_FIELDS:
            fields = self._seal.seal_field(fields, name)
        return fields

    async def get(self, case_id: str) -> Case | None:
        raw: dict[str, str] = await self._redis.hgetall(case_key(case_id))  # type: ignore[assignment]
        if not raw.get("id"):
            return None
        opened = raw
        for name in SEALED_FIELDS if self._seal is not None else ():
            opened = self._seal.open_field(opened, name)  # type: ignore[union-attr]
        return Case.from_redis(opened)

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
        mapping = self._sealed({k: str(v) for k, v in fields.items()})
        await self._redis.hset(case_key(case_id), mapping=mapping)  # type: ignore[arg-type]

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
        """Close an open case (atomic: only one caller gets it). The person's address and
        their link to the case stay only for the reopen window (none after /delete)."""
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
        keep = self.reopen_seconds if by != "erased" else 0
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.srem(_operator_key(case.operator), case_id)
            pipe.delete(copies_key(case_id))  # nothing is copied into a closed case
            # Only what the outcome buttons (and a reopening) still need stays, for a while.
            dropped = ("summary", "user_text") if keep else ("user_key", "summary", "user_text")
            if by == "erased":  # /delete: nothing of where they were stays either
                dropped = (*dropped, "country")
            pipe.hdel(case_key(case_id), *dropped)
            pipe.hset(case_key(case_id), mapping={"closed_at": repr(now), "closed_by": by,
                                                  "closed_name": name})
            pipe.expire(case_key(case_id), max(CLOSED_TTL, keep))
            if keep:
                pipe.expire(str(UserKey("chat", case.user_key)), keep)
            else:
                pipe.delete(str(UserKey("chat", case.user_key)))
            await pipe.execute()
        current = await self._redis.get(str(UserKey("case", case.user_key)))
        if current == case_id:
            if keep:
                await self._redis.expire(str(UserKey("case", case.user_key)), keep)
            else:
                await self._redis.delete(str(UserKey("case", case.user_key)))
        return case

    async def recent_case_of(self, user_key: str) -> Case | None:
        """The person's last case while it is closed and can still be reopened, else None."""
        case_id = await self._redis.get(str(UserKey("case", user_key)))
        case = await self.get(str(case_id)) if case_id else None
        if case is None or case.state != "closed" or case.user_key != user_key:
            return None
        if time.time() - case.closed_at > self.reopen_seconds:
            return None
        return case

    async def reopen(self, case: Case, *, operator: int = 0, name: str = "",
                     chat_key: str | None = None) -> bool:
        """Reopen a closed case: "taken" by `operator` (an operator continued it), else "new"
        (the person asked again: it waits in the queue). Its keys get the open case's TTL
        back. False when it was not closed (someone else reopened it first) or is no longer
        the person's last case (they have a newer one)."""
        now = time.time()
        state: State = "taken" if operator else "new"
        done = await self._redis.eval(
            REOPEN, 2, case_key(case.id), str(UserKey("case", case.user_key)), state,
            str(operator), name, repr(now if operator else 0.0), repr(now), str(self._ttl),
            case.id)
        if not done:
            return False
        async with self._redis.pipeline(transaction=True) as pipe:
            if chat_key is not None:
                pipe.set(str(UserKey("chat", case.user_key)), chat_key, ex=self._ttl)
            else:
                pipe.expire(str(UserKey("chat", case.user_key)), self._ttl)
            if operator:
                pipe.sadd(_operator_key(operator), case.id)
                pipe.expire(_operator_key(operator), self._ttl)
            await pipe.execute()
        case.state, case.operator, case.operator_name = state, operator, name
        case.taken_at, case.created = (now if operator else 0.0), now
        case.closed_at, case.closed_by, case.closed_name, case.outcome = 0.0, "", "", ""
        case.unreachable = False
        return True

    async def transfer(self, case_id: str, to: int, name: str, at: float) -> int | None:
        """Hand an open case to operator `to` (atomic); the previous operator's id (0 when it
        was still new), or None when the case is not open."""
        before = int(await self._redis.eval(TRANSFER, 1, case_key(case_id), str(to), name,
                                            repr(at)))
        if before < 0:
            return None
        async with self._redis.pipeline(transaction=True) as pipe:
            if before:
                pipe.srem(_operator_key(before), case_id)
            pipe.sadd(_operator_key(to), case_id)
            pipe.expire(_operator_key(to), self._ttl)
            await pipe.execute()
        return before

    async def forget(self, user_key: str) -> None:
        """/delete after a case closed: its record no longer leads to the person, nor says
        where they were."""
        case_id = await self._redis.get(str(UserKey("case", user_key)))
        if case_id:
            key = case_key(str(case_id))
            if await self._redis.hget(key, "user_key") == user_key:
                await self._redis.hdel(key, "user_key", "country")
        await self._redis.delete(str(UserKey("case", user_key)), str(UserKey("chat", user_key)))

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

    async def link_topic(self, chat_id: int, thread_id: int, case_id: str) -> None:
        await self.refs.link_topic(chat_id, thread_id, case_id)
        await self.update(case_id, thread_id=thread_id)
