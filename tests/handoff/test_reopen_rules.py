"""Reopen and transfer rules over a real Redis with a recording messenger: what is refused,
what /delete drops, and that the handoff never writes the person's session (issue 13)."""

from __future__ import annotations

import time

from redis.asyncio import Redis

from bot.core.events import CaseStatus, EventKind, IncomingEvent
from bot.core.session import Session
from bot.handoff.service import QueueHandoff
from tests.handoff.conftest import OPERATOR, OPS_CHAT, MakeHandoff, OpInput, RecordingMessenger
from tests.handoff.conftest import alert as make_alert

USER = "c" * 32
CHAT = 5553


def said(user_key: str, text: str, kind: EventKind = EventKind.TEXT) -> IncomingEvent:
    return IncomingEvent(user_key=user_key, chat_key=str(CHAT), kind=kind, text=text)


def press(payload: str, user_id: int = OPERATOR) -> OpInput:
    return OpInput(OPS_CHAT, user_id, EventKind.BUTTON, payload=payload, callback_id="cb",
                   user_name="Alena")


def command(text: str, thread: int | None, user_id: int = OPERATOR) -> OpInput:
    return OpInput(OPS_CHAT, user_id, EventKind.COMMAND, text=text, message_id=9000,
                   thread_id=thread, user_name="Alena")


async def open_and_take(handoff: QueueHandoff, tg: RecordingMessenger) -> tuple[str, int]:
    await handoff.alert(make_alert(USER, str(CHAT)))
    for item in await handoff.parts.queue.read(block_ms=10):
        await handoff.parts.queue.deliver(item, handoff.poster.post)
    (posted,) = tg.to(OPS_CHAT)
    case_id = posted.reply.buttons[0][0].payload.split(":")[2]  # type: ignore[union-attr]
    await handoff.handle_operator_update(press(f"op:take:{case_id}"))
    return case_id, int(posted.thread_id or 0)


class ReadOnlyStore:
    """A session store the handoff may read; any write fails the test."""

    def __init__(self) -> None:
        self.session = Session(language="ru")

    async def load(self, user_key: str) -> Session | None:
        return self.session

    async def save(self, user_key: str, session: Session) -> None:
        raise AssertionError("the handoff wrote the session")

    async def delete_user(self, user_key: str) -> None:
        raise AssertionError("the handoff deleted the session")


async def test_the_handoff_never_writes_the_session_it_says_what_it_found(
    make_handoff: MakeHandoff,
) -> None:
    tg = RecordingMessenger()
    handoff = make_handoff(tg, store=ReadOnlyStore())
    queued = await handoff.queue_alert(make_alert(USER, str(CHAT)))
    assert queued.case is not None and queued.case.case_id
    case_id = queued.case.case_id
    routed = await handoff.route(said(USER, "я тут"))
    assert routed.to_case and routed.case == CaseStatus(case_id)
    await handoff.handle_operator_update(press(f"op:take:{case_id}"))
    await handoff.handle_operator_update(press(f"op:close:{case_id}"))
    routed = await handoff.route(said(USER, "спасибо"))
    assert not routed.to_case and routed.case == CaseStatus(None)  # the engine clears it


async def test_reopen_is_refused_when_the_person_ended_it(make_handoff: MakeHandoff,
                                                          redis_client: Redis) -> None:
    tg = RecordingMessenger()
    handoff = make_handoff(tg)
    case_id, thread = await open_and_take(handoff, tg)
    assert await handoff.user_event(said(USER, "/stop", EventKind.COMMAND))
    await handoff.handle_operator_update(command("/reopen", thread))
    assert "ended this conversation themselves" in tg.to(OPS_CHAT)[-1].reply.text
    assert await redis_client.hget(f"smb:handoff:case:{case_id}", "state") == "closed"
    # They may ask again themselves: the same case comes back, waiting in the queue.
    await handoff.alert(make_alert(USER, str(CHAT)))
    assert await redis_client.hget(f"smb:handoff:case:{case_id}", "state") == "new"


async def test_after_the_window_reopen_is_refused_and_a_new_case_opens(
    make_handoff: MakeHandoff, redis_client: Redis
) -> None:
    tg = RecordingMessenger()
    handoff = make_handoff(tg, settings={"reopen_days": 3})
    case_id, thread = await open_and_take(handoff, tg)
    await handoff.handle_operator_update(press(f"op:close:{case_id}"))
    four_days_ago = time.time() - 4 * 24 * 3600
    await redis_client.hset(f"smb:handoff:case:{case_id}", "closed_at", repr(four_days_ago))
    await handoff.handle_operator_update(command("/reopen", thread))
    assert "Closed more than 3 days ago" in tg.to(OPS_CHAT)[-1].reply.text
    queued = await handoff.queue_alert(make_alert(USER, str(CHAT)))
    assert queued.case is not None and queued.case.case_id != case_id


async def test_delete_after_a_close_drops_the_reopen_link_and_the_address(
    make_handoff: MakeHandoff, redis_client: Redis
) -> None:
    tg = RecordingMessenger()
    handoff = make_handoff(tg)
    case_id, thread = await open_and_take(handoff, tg)
    await handoff.handle_operator_update(press(f"op:close:{case_id}"))
    # Within the window the link and address are kept, with a TTL.
    assert 0 < await redis_client.ttl(f"smb:chat:{USER}") <= 3 * 24 * 3600
    assert await redis_client.hget(f"smb:handoff:case:{case_id}", "user_key") == USER
    await handoff.forget_user(USER)
    assert not await redis_client.exists(f"smb:chat:{USER}", f"smb:case:{USER}")
    assert await redis_client.hget(f"smb:handoff:case:{case_id}", "user_key") is None
    await handoff.handle_operator_update(command("/reopen", thread))
    assert "can no longer be reopened" in tg.to(OPS_CHAT)[-1].reply.text


async def test_a_closed_case_cannot_be_handed_over_and_a_stranger_is_refused(
    make_handoff: MakeHandoff, redis_client: Redis
) -> None:
    tg = RecordingMessenger()
    handoff = make_handoff(tg)
    case_id, thread = await open_and_take(handoff, tg)
    await handoff.handle_operator_update(press(f"op:xfer:{case_id}:{OPERATOR}", user_id=31337))
    assert tg.answers[-1][1] == "Only the NGO's operators can do this."
    await handoff.handle_operator_update(press(f"op:close:{case_id}"))
    await handoff.handle_operator_update(command("/transfer", thread))
    assert "nothing to hand over" in tg.to(OPS_CHAT)[-1].reply.text


async def test_an_anonymous_admins_desk_command_is_never_relayed_to_the_person(
    make_handoff: MakeHandoff,
) -> None:
    tg = RecordingMessenger()
    handoff = make_handoff(tg)
    _, thread = await open_and_take(handoff, tg)
    before = len(tg.to(CHAT))
    for text in ("/transfer", "/reopen", "/block 3"):
        await handoff.handle_operator_update(OpInput(
            OPS_CHAT, 1087968824, EventKind.COMMAND, text=text, message_id=9100,
            thread_id=thread, sender_chat_id=OPS_CHAT))
        assert "need your own name" in tg.to(OPS_CHAT)[-1].reply.text, text
    assert len(tg.to(CHAT)) == before  # nothing reached the person
