"""The same update's alert queued once more (a replica took up a dead one's update, or a cut
handling is tried again): the case the first try opened is found, never a second one, and
the person is told what the first try would have told them after its replies ("passed to
our team", where to write, /stop), which that try may never have reached; not a reminder
sent at once, before the replies (found by tests/deploy/test_replica_kill.py: a person got
"we have not forgotten you" instead of "your request has been passed on"). A person who
asks again in a later message is still reminded of their place. Real redis-server."""

from __future__ import annotations

from bot.handoff.routing import Queued
from bot.handoff.service import QueueHandoff
from tests.handoff.conftest import MakeHandoff, RecordingMessenger
from tests.handoff.conftest import alert as make_alert

USER = "a" * 32
CHAT = "5562"
QUEUED = "Ваш запрос передан нашей команде"  # content/messages.yaml handoff_queued (ru)
REMINDER = "Мы помним о Вас"  # handoff_place (ru)


def to_person(tg: RecordingMessenger) -> list[str]:
    return [s.reply.text for s in tg.sent if s.chat_id == int(CHAT)]


async def first_alert(make_handoff: MakeHandoff
                      ) -> tuple[RecordingMessenger, QueueHandoff, Queued]:
    """The person's first alert queued: a case opened, the person not told yet."""
    tg = RecordingMessenger()
    handoff = make_handoff(tg)
    return tg, handoff, await handoff.queue_alert(make_alert(USER, CHAT))


async def test_the_same_alert_again_tells_the_person_as_the_first_try_would(
    make_handoff: MakeHandoff,
) -> None:
    tg, handoff, first = await first_alert(make_handoff)
    assert first.case is not None and first.tell is not None  # the try died before telling

    again = await handoff.queue_alert(make_alert(USER, CHAT), again=True)
    assert again.case is not None and again.case.case_id == first.case.case_id
    assert to_person(tg) == []  # nothing at once: the replies go first
    assert again.tell is not None
    await again.tell()
    (told,) = to_person(tg)
    assert QUEUED in told and REMINDER not in told
    assert await handoff.parts.cases.open_case_of(USER) is not None


async def test_asking_again_in_a_later_message_reminds_of_the_place(
    make_handoff: MakeHandoff,
) -> None:
    tg, handoff, first = await first_alert(make_handoff)
    assert first.tell is not None
    await first.tell()

    later = await handoff.queue_alert(make_alert(USER, CHAT))
    assert later.tell is None
    told = to_person(tg)
    assert len(told) == 2 and QUEUED in told[0] and REMINDER in told[1]
