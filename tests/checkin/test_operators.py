"""What the operators get about check-ins, through the real handoff on a real redis-server."""

from __future__ import annotations

from redis.asyncio import Redis

from bot.checkin.operators import HandoffOperators
from bot.checkin.plan import CheckinPlan
from bot.config import REPO_ROOT, OperatorSettings
from bot.handoff.service import QueueHandoff, build_handoff
from bot.i18n import I18n
from tests.handoff.conftest import (
    OPERATOR,
    OPS_CHAT,
    PSEUDONYMS,
    RecordingMessenger,
    alert,
    minimal_content,
)

USER = "c" * 32


def handoff_on(redis: Redis, messenger: RecordingMessenger) -> QueueHandoff:
    content = minimal_content()
    settings = OperatorSettings(_env_file=None, chat_id=OPS_CHAT,  # type: ignore[call-arg]
                                ids=str(OPERATOR))
    return build_handoff(settings, redis=redis, messenger=messenger, pseudonymizer=PSEUDONYMS,
                         content=lambda: content, i18n=I18n(REPO_ROOT / "locales"),
                         case_ttl=3600)


def _plan(**shared: str | None) -> CheckinPlan:
    return CheckinPlan(chat_key="5551", language="ru", undelivered=True, **shared)


async def test_a_missed_check_in_with_an_open_case_goes_into_that_case(
    redis_client: Redis,
) -> None:
    messenger = RecordingMessenger()
    handoff = handoff_on(redis_client, messenger)
    await handoff.queue_alert(alert(user_key=USER))
    before = await redis_client.keys("smb:handoff:case:*")
    await HandoffOperators(handoff).missed(USER, _plan(country="PL", employer="Ромашка"))
    assert await redis_client.keys("smb:handoff:case:*") == before  # no second case
    [note] = [s for s in messenger.to(OPS_CHAT) if "check-in" in s.reply.text]
    destination = "Destination they gave before leaving (not where they are now): Poland"
    assert destination in note.reply.text
    assert "Employer or agency (as they typed it): Ромашка" in note.reply.text
    assert "not delivered" in note.reply.text
    assert not messenger.to(5551)  # nothing on the person's screen


async def test_a_late_answer_after_the_case_closed_goes_to_the_chat_with_the_pseudonym(
    redis_client: Redis,
) -> None:
    messenger = RecordingMessenger()
    handoff = handoff_on(redis_client, messenger)
    await HandoffOperators(handoff).answered_late(USER, "help")
    [sent] = messenger.to(OPS_CHAT)
    assert PSEUDONYMS.pseudonym(USER) in sent.reply.text and "not fine" in sent.reply.text


async def test_a_late_answer_never_names_the_person_by_another_persons_pseudonym(
    redis_client: Redis,
) -> None:
    """Someone else holds the person's first pseudonym candidate: the late answer must not
    print it (operators would read it as the other person's)."""
    messenger = RecordingMessenger()
    handoff = handoff_on(redis_client, messenger)
    first = PSEUDONYMS.pseudonym(USER)
    await handoff.parts.cases.pseudonyms.reserve([first], "someone-else")
    await HandoffOperators(handoff).answered_late(USER, "ok")
    [sent] = messenger.to(OPS_CHAT)
    assert first not in sent.reply.text
    assert PSEUDONYMS.pseudonym(USER, 1) in sent.reply.text
