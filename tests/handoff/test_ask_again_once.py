"""Asking again for a person while the team has the request: "passed to our team, your place"
comes once per case, a repeated ask (typed /operator, the menu, "Yes" under an older offer)
gets one short "we have your request, a person will answer here" and no second alert; and
after a silent alarm (code word, missed check-in) nothing the bot sends on its own names the
queue or the team, also once the person asked for a person themselves (their ask is answered
as anyone's first one: the offer, "what happens next"). The other side: after the case is
closed, asking again offers a person as before. Fake Bot API over real HTTP, real
redis-server, both adapters; the messages the person receives are counted."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from tests.handoff.conftest import MakeHandoff, RecordingMessenger
from tests.handoff.conftest import alert as make_alert
from tests.handoff.telegram import (
    OPS,
    HandoffBot,
    Operator,
    case_of,
    open_case,
    sent_to,
    settings_for,
    silent_alarm,
)
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import Person

FRAMEWORKS = pytest.mark.parametrize("framework", ["aiogram", "ptb"])
QUEUED = "Ваш запрос передан нашей команде"  # handoff_queued (ru)
REMINDER = "Мы помним о Вас"  # handoff_place (ru)
HAVE = "Ваш запрос уже у нашей команды"  # handoff_have_request (ru)
OFFER = "Хотите этого?"  # the offer of a person (ru)
WHAT_NEXT = "Что будет дальше"  # human_requested (ru)
QUEUE_WORDS = ("очеред", "Мы помним", "передан нашей команде", HAVE)


@pytest.fixture
def escalate_after() -> float:
    """Seconds before an untaken case escalates (a test needing escalations shortens it)."""
    return 60.0


@pytest.fixture
async def bot(framework: str, fake_api: FakeBotAPI, redis_server: RedisServer,
              redis_client: Redis, escalate_after: float) -> AsyncIterator[HandoffBot]:
    running = HandoffBot(settings_for(fake_api, framework, redis_server.url),
                         options={"escalate_after": escalate_after})
    await running.start()
    try:
        yield running
    finally:
        await running.stop()


def received(api: FakeBotAPI, person: Person, since: int = 0) -> list[str]:
    return [c.text for c in api.calls_to("sendMessage", person.chat_id, since)]


@FRAMEWORKS
async def test_a_repeated_ask_gets_one_short_answer_and_the_queue_text_comes_once(
    framework: str, fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot,
) -> None:
    person = Person(bot, fake_api, 9301, "ru")
    case = await open_case(fake_api, person)
    await sent_to(fake_api, person.chat_id, QUEUED)
    mark = len(fake_api.calls)
    for ask in ("/operator", "m:human", "h:yes"):  # typed, the menu, an older offer's "Yes"
        before = len(fake_api.calls)
        replies = await (person.say(ask) if ask.startswith("/") else person.press(ask))
        assert sum(HAVE in r.text for r in replies) == 1, ask  # once per ask
        await bot.settle()
        assert [t for t in received(fake_api, person, before) if HAVE in t] == [
            replies[0].text], ask
    await bot.settle()
    told = received(fake_api, person)
    assert sum(QUEUED in t for t in told) == 1  # "passed to our team, your place": once
    assert not any(OFFER in t or WHAT_NEXT in t for t in received(fake_api, person, mark))
    alerts = [c for c in fake_api.calls_to("sendMessage", OPS) if "Case #" in c.text
              and "ESCALATED" not in c.text]
    assert len({case_of(a) for a in alerts}) == 1  # no second case, no second alert
    # The other side: closed, and the next ask offers a person as before.
    await Operator(fake_api).press(f"op:close:{case.id}")
    await bot.settle()
    replies = await person.say("/operator")
    assert OFFER in replies[-1].text


@FRAMEWORKS
@pytest.mark.parametrize("escalate_after", [0.5])
async def test_after_a_silent_alarm_the_bot_never_names_the_queue_on_its_own(
    framework: str, fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot,
) -> None:
    person = Person(bot, fake_api, 9302, "ru")
    await silent_alarm(person, fake_api, "пельмени")
    mark = len(fake_api.calls)
    offer = await person.say("/operator")  # the person asks themselves: as anyone's first ask
    assert OFFER in offer[-1].text
    replies = await person.press("h:yes")
    assert WHAT_NEXT in replies[-1].text
    await sent_to(fake_api, OPS, "ESCALATED (1)", since=mark)
    await sent_to(fake_api, OPS, "ESCALATED (2)", since=mark)
    await bot.settle()
    told = received(fake_api, person, mark)
    assert not [t for t in told if any(w in t for w in QUEUE_WORDS)], told
    # A later ask of their own is answered (the phone knows of the team now), once.
    again = await person.say("/operator")
    assert [HAVE in r.text for r in again] == [True]


async def test_the_same_alert_again_after_the_person_was_told_tells_nothing_more(
    make_handoff: MakeHandoff,
) -> None:
    """A retried update's alert (`again`) whose first try did tell "passed to our team"."""
    tg = RecordingMessenger()
    handoff = make_handoff(tg)
    first = await handoff.queue_alert(make_alert("q" * 32, "5563"))
    assert first.tell is not None
    await first.tell()
    again = await handoff.queue_alert(make_alert("q" * 32, "5563"), again=True)
    if again.tell is not None:
        await again.tell()
    told = [s.reply.text for s in tg.sent if s.chat_id == 5563]
    assert sum(QUEUED in t for t in told) == 1 and not any(REMINDER in t for t in told)
