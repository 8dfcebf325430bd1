"""The in-memory session store (the demo's, and the fallback while Redis is away) is bounded."""

from __future__ import annotations

from bot.core.session import Session
from bot.core.session_store import InMemorySessionStore


async def test_a_flood_of_new_senders_keeps_the_memory_store_bounded() -> None:
    store = InMemorySessionStore(max_sessions=3)
    for n in range(5):
        await store.save(f"user{n}", Session(language="ru"))
    # The two longest-unwritten are gone; the three most recent are kept.
    assert [await store.load(f"user{n}") is None for n in range(5)] == [
        True, True, False, False, False,
    ]


async def test_writing_a_session_again_keeps_it_among_the_recent() -> None:
    store = InMemorySessionStore(max_sessions=2)
    await store.save("first", Session(language="be"))
    await store.save("second", Session(language="en"))
    await store.save("first", Session(language="be"))  # the person wrote again
    await store.save("third", Session(language="ru"))
    assert await store.load("first") is not None
    assert await store.load("second") is None
