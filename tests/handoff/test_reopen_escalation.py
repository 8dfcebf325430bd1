"""A case the person reopens escalates on the schedule of a new case, counted from the reopen
(found by the breakers: its first escalation counted from the case's earlier life). Real
redis-server; time moved by the waiting list's own scores, not by sleeping."""

from __future__ import annotations

import time

from redis.asyncio import Redis

from bot.core.events import EventKind
from bot.handoff.escalation import DUE
from bot.handoff.service import QueueHandoff
from tests.handoff.conftest import OPERATOR, OPS_CHAT, MakeHandoff, OpInput, RecordingMessenger
from tests.handoff.conftest import alert as make_alert

USER = "e" * 32
CHAT = "5558"
AFTER = 600.0  # escalate_after, seconds


async def post_queued(handoff: QueueHandoff) -> None:
    for item in await handoff.parts.queue.read(block_ms=10):
        await handoff.parts.queue.deliver(item, handoff.poster.post)


async def escalate(handoff: QueueHandoff, redis: Redis, case_id: str) -> str:
    """Make the case due now, run one escalation tick; the escalated alert's head line."""
    await redis.zadd(DUE, {case_id: 0}, xx=True)
    assert await handoff.poster.escalate_due() == 1
    tg: RecordingMessenger = handoff.parts.messenger  # type: ignore[assignment]
    mark = len(tg.sent)
    await post_queued(handoff)
    (posted,) = [s for s in tg.sent[mark:] if "ESCALATED" in s.reply.text]
    return posted.reply.text.splitlines()[0]


async def test_a_reopened_case_escalates_like_a_new_one_counted_from_the_reopen(
    make_handoff: MakeHandoff, redis_client: Redis,
) -> None:
    tg = RecordingMessenger()
    handoff = make_handoff(tg, escalate_after=AFTER)
    queued = await handoff.queue_alert(make_alert(USER, CHAT))
    assert queued.case is not None
    case_id = queued.case.case_id
    await post_queued(handoff)
    # Its first life: nobody took it for a long while, it escalated twice.
    assert "ESCALATED (1)" in await escalate(handoff, redis_client, case_id)
    assert "ESCALATED (2)" in await escalate(handoff, redis_client, case_id)
    await handoff.handle_operator_update(OpInput(
        OPS_CHAT, OPERATOR, EventKind.BUTTON, payload=f"op:close:{case_id}", callback_id="cb",
        user_name="Alena"))

    # The person asks again: the same case, waiting again.
    before = time.time()
    again = await handoff.queue_alert(make_alert(USER, CHAT))
    assert again.case is not None and again.case.case_id == case_id
    await post_queued(handoff)
    due = await redis_client.zscore(DUE, case_id)
    assert due is not None and before + AFTER <= due <= time.time() + AFTER
    assert await handoff.parts.waiting.due(now=before + AFTER - 1) == []  # not early
    head = await escalate(handoff, redis_client, case_id)
    assert "ESCALATED (1)" in head, head
    assert "ESCALATED (2)" in await escalate(handoff, redis_client, case_id)
