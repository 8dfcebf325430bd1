"""The four handoff keys without a TTL are bounded, and /delete and `erase` leave nothing of a
person's case in them.

smb:handoff:alerts and smb:handoff:audit (streams), smb:handoff:waiting and smb:handoff:due
(sorted sets) are everyone's, so they have no TTL (docs/REDIS.md "Keys without a TTL"). They
hold case ids and operator actions; a case id leads to a person while the case does, so the
erasure takes the person's case out of each, and every other case's entries stay.
"""

from __future__ import annotations

import re

from redis.asyncio import Redis

from bot.config import REPO_ROOT
from bot.erasure import PersonEraser
from bot.handoff.audit import AUDIT_KEEP, AUDIT_STREAM, Audit
from bot.handoff.escalation import DUE, WAITING
from bot.handoff.queue import STREAM
from tests.handoff.conftest import OPS_CHAT, PSEUDONYMS, MakeHandoff, RecordingMessenger, alert
from tests.handoff.test_service import deliver_all, press

ERASED, KEPT = "e" * 32, "k" * 32


async def cases_in(redis: Redis) -> dict[str, set[str]]:
    """Which case ids each of the four keys holds."""
    return {
        "alerts": {f["case"] for _, f in await redis.xrange(STREAM)},
        "audit": {f["case"] for _, f in await redis.xrange(AUDIT_STREAM)},
        "waiting": set(await redis.zrange(WAITING, 0, -1)),
        "due": set(await redis.zrange(DUE, 0, -1)),
    }


async def two_cases(make_handoff: MakeHandoff, tg: RecordingMessenger) -> tuple[str, str]:
    """Two people's cases, posted, the first one taken by the operator."""
    handoff = make_handoff(tg)
    await handoff.alert(alert(ERASED, "5551"))
    await handoff.alert(alert(KEPT, "5552"))
    await deliver_all(handoff)
    erased, kept = (s.reply.buttons[0][0].payload.split(":")[2]  # type: ignore[union-attr]
                    for s in tg.to(OPS_CHAT)[:2])
    await handoff.handle_operator_update(press(f"op:take:{erased}"))
    return erased, kept


async def test_delete_takes_the_persons_case_out_of_every_shared_key(
    make_handoff: MakeHandoff, redis_client: Redis
) -> None:
    tg = RecordingMessenger()
    erased, kept = await two_cases(make_handoff, tg)
    before = await cases_in(redis_client)
    assert erased in before["audit"] and kept in before["waiting"] | before["due"]
    handoff = make_handoff(tg)
    await handoff.forget_user(ERASED)
    await deliver_all(handoff)
    after = await cases_in(redis_client)
    assert all(erased not in ids for ids in after.values()), after
    assert kept in after["audit"] and kept in after["waiting"] and kept in after["due"]


async def test_the_erase_command_takes_the_case_out_of_the_audit_too(
    make_handoff: MakeHandoff, redis_client: Redis
) -> None:
    """`safe-migration-bot erase` (after a restore, or by pseudonym) as /delete."""
    erased, kept = await two_cases(make_handoff, RecordingMessenger())
    await PersonEraser(redis_client, PSEUDONYMS).erase(ERASED)
    after = await cases_in(redis_client)
    assert all(erased not in ids for ids in after.values()), after
    assert kept in after["audit"]


async def test_an_alert_of_an_erased_case_leaves_the_queue_unposted(
    make_handoff: MakeHandoff, redis_client: Redis
) -> None:
    """Queued while Telegram could not be reached, the person erased before it was posted:
    the next read deletes it without posting (no MAXLEN: trimming would drop unposted
    alerts; an entry leaves the stream when it is posted or its case is over)."""
    tg = RecordingMessenger()
    handoff = make_handoff(tg)
    await handoff.alert(alert(ERASED, "5551"))
    assert await redis_client.xlen(STREAM) == 1
    await handoff.forget_user(ERASED)
    assert await deliver_all(handoff) == 1  # handled: acknowledged, not posted
    assert await redis_client.xlen(STREAM) == 0
    payloads = [b.payload or "" for s in tg.to(OPS_CHAT) for row in s.reply.buttons or []
                for b in row]
    assert not [p for p in payloads if p.startswith("op:take:")]  # no alert to take


async def test_a_case_that_expired_while_waiting_leaves_the_waiting_list(
    make_handoff: MakeHandoff, redis_client: Redis
) -> None:
    """Nobody took it within its TTL: the next escalation tick finds no case and drops it."""
    tg = RecordingMessenger()
    _, kept = await two_cases(make_handoff, tg)
    handoff = make_handoff(tg)
    await redis_client.delete(f"smb:handoff:case:{kept}")  # its TTL ran out
    await handoff.parts.waiting.escalate_now(kept)
    assert await handoff.poster.escalate_due() == 0
    assert await redis_client.zcard(WAITING) == await redis_client.zcard(DUE) == 0


async def test_the_audit_stream_keeps_its_bound(redis_client: Redis) -> None:
    """Trimmed at each append to about `keep` entries (Redis trims whole nodes of 100)."""
    audit = Audit(redis_client, keep=500)
    for n in range(1600):
        await audit.record(1, f"c{n:09d}", "take")
    assert 500 <= await redis_client.xlen(AUDIT_STREAM) <= 600
    assert (await audit.entries(1))[0]["case"] == "c000001599"  # the newest are kept
    redis_md = (REPO_ROOT / "docs" / "REDIS.md").read_text()
    assert AUDIT_KEEP == 100_000 and re.search(r"100,000 entries", redis_md)
