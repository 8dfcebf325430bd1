"""The in-memory chat state (no Redis, or Redis away) is bounded: it forgets the oldest first."""

from __future__ import annotations

from bot.adapters.telegram.state import MemoryChatState


async def test_update_dedup_keeps_the_newest_ids_within_its_bound() -> None:
    state = MemoryChatState(max_entries=100)
    for update_id in range(1000):  # all still within their day
        assert await state.first_time(update_id)
    assert not await state.first_time(999)  # the newest are still known redeliveries
    assert not await state.first_time(950)
    assert await state.first_time(0)  # the oldest were let go instead of growing


async def test_recent_message_ids_are_kept_for_a_bounded_number_of_people() -> None:
    state = MemoryChatState(max_users=10)
    for person in range(20):
        await state.remember(f"user{person}", [person * 10 + 1])
    await state.remember("user15", [99])  # written again: now the most recent
    assert await state.recent("user19") == [191]
    assert await state.recent("user15") == [151, 99]
    assert await state.recent("user0") == []  # the longest idle is forgotten
