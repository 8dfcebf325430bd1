"""Check-ins end to end: the fake Bot API over real HTTP, a real redis-server, both adapters,
and a fake clock the scheduler and the engine read (days pass in a test's second)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from redis.asyncio import Redis

from bot.storage.keys import CHECKIN_DUE
from tests.checkin.helpers import (
    GRACE,
    INTERVAL,
    FakeClock,
    checkin_bot,
    idle,
    miss_check_in,
    set_up,
    untag,
)
from tests.handoff.telegram import (
    OPS,
    HandoffBot,
    consent,
    pseudonym,
    reach_consent,
    sent_to,
)
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import Person

QUESTION = "Как дела, всё в порядке?"
FRAMEWORKS = pytest.mark.parametrize("framework", ["aiogram", "ptb"])




def alerts(api: FakeBotAPI, since: int = 0) -> list[str]:
    return [c.text for c in api.calls_to("sendMessage", OPS, since) if "Case #" in c.text]


@FRAMEWORKS
async def test_due_check_in_is_asked_and_an_answer_schedules_the_next(
    fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 701, "ru")
    await person.say("/start")
    started = await set_up(person)
    assert "Первая проверка" in started
    mark = len(fake_api.calls)
    await idle()
    assert not fake_api.calls_to("sendMessage", 701, mark)  # not due yet

    clock.advance(INTERVAL + 1)
    [question] = await sent_to(fake_api, 701, QUESTION, since=mark)
    assert untag(question.payloads) == ["ci:ok", "ci:help", "ci:stop"]
    # Ordinary: nothing about help lines, the bot's purpose or numbers.
    assert not any(ch.isdigit() for ch in question.text)

    [reply] = await person.press("ci:ok")
    assert "Отлично" in reply.text
    mark = len(fake_api.calls)
    clock.advance(GRACE + 1)  # past the grace: answered, so nobody is alerted
    await idle()
    assert alerts(fake_api, mark) == []
    clock.advance(INTERVAL)
    await sent_to(fake_api, 701, QUESTION, since=mark)


@FRAMEWORKS
async def test_missed_check_in_alerts_operators_with_only_the_agreed_fields_then_a_late_answer(
    fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 702, "ru")
    await person.say("/start")
    await person.press("c:LT")  # where they are: NOT agreed to be shared below
    await set_up(person, country="no", employer="ООО Ромашка <b>", contact=None)
    clock.advance(INTERVAL + 1)
    await sent_to(fake_api, 702, QUESTION)
    mark = len(fake_api.calls)
    clock.advance(GRACE + 1)
    (alert,) = await sent_to(fake_api, OPS, "Case #", since=mark)
    assert "missed check-in" in alert.text and pseudonym(702) in alert.text
    assert "ООО Ромашка &lt;b&gt;" in alert.text  # as typed, escaped for HTML
    assert "Check-in not answered in time" in alert.text
    assert "Lithuania" not in alert.text and "Where they are now: not known" in alert.text
    # Silent: the phone shows nothing of it (no queue place, no numbers).
    await idle()
    assert not fake_api.calls_to("sendMessage", 702, mark)

    mark = len(fake_api.calls)
    [reply] = await person.press("ci:ok")
    assert "Отлично" in reply.text
    (late,) = await sent_to(fake_api, OPS, "answered the missed check-in late: all right",
                            since=mark)
    assert pseudonym(702) in late.text


@FRAMEWORKS
async def test_agreed_country_and_contact_are_in_the_alert(
    fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 703, "en")
    await person.say("/start")
    await set_up(person, country="PL", employer=None, contact="sister +48 500 100 200")
    clock.advance(INTERVAL + 1)
    await sent_to(fake_api, 703, "How are things")
    clock.advance(GRACE + 1)
    (alert,) = await sent_to(fake_api, OPS, "Case #")
    assert "Poland" in alert.text and "Contact they gave: sister +48 500 100 200" in alert.text
    assert "Employer" not in alert.text


@FRAMEWORKS
async def test_stop_and_delete_end_check_ins_at_once(
    fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot
) -> None:
    stopper, deleter = Person(bot, fake_api, 704, "be"), Person(bot, fake_api, 705, "ru")
    for person in (stopper, deleter):
        await person.say("/start")
        await set_up(person)
    assert await redis_client.zcard(CHECKIN_DUE) == 2
    [stopped] = await stopper.press("ci:stop")
    assert "больш не буду пытацца" in stopped.text
    await deleter.say("/delete")
    assert await redis_client.zcard(CHECKIN_DUE) == 0
    assert await redis_client.keys("smb:checkin:*") == []
    mark = len(fake_api.calls)
    clock.advance(INTERVAL + GRACE + 2)
    await idle()
    assert not fake_api.calls_to("sendMessage", 704, mark)
    assert not fake_api.calls_to("sendMessage", 705, mark)
    assert alerts(fake_api, mark) == []


@FRAMEWORKS
async def test_a_restart_in_between_keeps_the_schedule(
    fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 706, "ru")
    await person.say("/start")
    await set_up(person)
    await bot.restart()
    clock.advance(INTERVAL + 1)
    await sent_to(fake_api, 706, QUESTION)
    await bot.restart()
    mark = len(fake_api.calls)
    clock.advance(GRACE + 1)
    await sent_to(fake_api, OPS, "Case #", since=mark)


@FRAMEWORKS
async def test_two_replicas_ask_exactly_once(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis
) -> None:
    clock = FakeClock()
    first = checkin_bot(fake_api, framework, redis_server.url, clock)
    second = checkin_bot(fake_api, framework, redis_server.url, clock)
    await first.start()
    await second.start()
    try:
        person = Person(first, fake_api, 707, "ru")
        await person.say("/start")
        await set_up(person)
        mark = len(fake_api.calls)
        clock.advance(INTERVAL + 1)
        await sent_to(fake_api, 707, QUESTION, since=mark)
        await idle()
        asked = [c for c in fake_api.calls_to("sendMessage", 707, mark) if QUESTION in c.text]
        assert len(asked) == 1
        clock.advance(GRACE + 1)
        await sent_to(fake_api, OPS, "Case #", since=mark)
        await idle()
        assert len(alerts(fake_api, mark)) == 1
    finally:
        await first.stop()
        await second.stop()


@FRAMEWORKS
async def test_blocked_bot_counts_as_asked_and_the_alert_says_undelivered(
    fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 708, "ru")
    await person.say("/start")
    await set_up(person)
    fake_api.blocked.add(708)
    mark = len(fake_api.calls)
    clock.advance(INTERVAL + 1)
    await fake_api.wait_calls("sendMessage", 1, 708, since=mark)  # refused with 403
    clock.advance(GRACE + 1)
    (alert,) = await sent_to(fake_api, OPS, "Case #", since=mark)
    assert "not delivered (the bot is blocked)" in alert.text
    assert "Poland" in alert.text and "ООО Ромашка" in alert.text


@FRAMEWORKS
async def test_not_fine_gives_the_numbers_first_then_the_offer_of_a_person(
    fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 709, "ru")
    await person.say("/start")
    await person.press("c:PL")
    await set_up(person)
    clock.advance(INTERVAL + 1)
    await sent_to(fake_api, 709, QUESTION)
    replies = await person.press("ci:help")
    assert "112" in replies[0].text and "Польш" in replies[0].text
    assert "h:yes" in replies[-1].payloads


@FRAMEWORKS
async def test_the_alert_labels_the_destination_and_shows_where_they_are_only_if_agreed(
    fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot
) -> None:
    """Operators read "Country:" as where the person is now: the destination given before
    leaving is labelled as such, and the last country they named comes only with consent."""
    clock.now = datetime(2026, 11, 30, 10, 0, tzinfo=UTC).timestamp()
    agreed, declined = Person(bot, fake_api, 711, "ru"), Person(bot, fake_api, 712, "be")
    for person, share in ((agreed, True), (declined, False)):
        await person.say("/start")
        await person.press("c:LT")  # where they are (the at-risk path's country)
        await set_up(person, country="PL", share_location=share)
    mark = len(fake_api.calls)
    clock.advance(INTERVAL + 1)
    await sent_to(fake_api, 711, QUESTION, since=mark)
    clock.advance(GRACE + 1)
    await fake_api.wait_calls("sendMessage", 2, OPS, since=mark)
    by_person = {p: next(a for a in alerts(fake_api, mark) if pseudonym(p) in a)
                 for p in (711, 712)}
    for alert in by_person.values():
        assert "Destination they gave before leaving (not where they are now): Poland" in alert
        assert "Country: Poland" not in alert and "Last country they named: Poland" not in alert
        assert "What they agreed in advance to show:" in alert and "Answers:" not in alert
        assert "Someone else may be holding their phone" in alert
        # When it was asked and when the answer was due: UTC and the person's clock.
        assert "Check-in sent: December 2, 2026, 10:00" in alert.replace("\u202f", " ")
        assert "UTC (11:00" in alert.replace("\u202f", " ") and "their time, Warsaw)" in alert
    assert "Last country they named: Lithuania" in by_person[711]
    assert "Last country they told the bot they were in: Lithuania" in by_person[711]
    assert "Lithuania" not in by_person[712]
    assert "Where they are now: not known" in by_person[712]


@FRAMEWORKS
async def test_after_a_missed_check_in_the_phone_shows_no_queue(
    fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot
) -> None:
    """The missed check-in opened a case the phone was never told of: a message written
    afterwards (maybe by someone else) reaches the team, and no queue place is shown."""
    person = Person(bot, fake_api, 713, "ru")
    await person.say("/start")
    await set_up(person)
    clock.advance(INTERVAL + 1)
    await sent_to(fake_api, 713, QUESTION)
    mark = len(fake_api.calls)
    clock.advance(GRACE + 1)
    await sent_to(fake_api, OPS, "Case #", since=mark)
    mark = len(fake_api.calls)
    [reply] = await person.say("кто это пишет?")
    assert reply.text == "Записал, спасибо 👍"  # ordinary: never silence, never a queue
    await sent_to(fake_api, OPS, "кто это пишет?", since=mark)
    await idle()
    assert not [c.text for c in fake_api.calls_to("sendMessage", 713, mark)
                if "очеред" in c.text]


@FRAMEWORKS
async def test_a_typed_answer_after_the_alert_counts_though_a_case_is_open(
    fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot
) -> None:
    """"ок" typed (not pressed) after the missed check-in's alert opened a case: it is the
    late answer (the team hears "answered late: all right"), not a message lost in the case;
    the next check-in comes as planned."""
    person = Person(bot, fake_api, 714, "be")
    await person.say("/start")
    await set_up(person)
    await miss_check_in(person, fake_api, clock, "Як справы")
    mark = len(fake_api.calls)
    [reply] = await person.say("усё добра")
    assert "Выдатна" in reply.text
    (late,) = await sent_to(fake_api, OPS, "answered the missed check-in late: all right",
                            since=mark)
    assert pseudonym(714) in late.text
    assert not [c for c in fake_api.calls_to("sendMessage", OPS, mark) if "усё добра" in c.text]
    mark = len(fake_api.calls)
    clock.advance(INTERVAL)
    await sent_to(fake_api, 714, "Як справы", since=mark)



@FRAMEWORKS
async def test_the_setup_started_during_an_open_case_takes_its_typed_answers(
    fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot
) -> None:
    """Talking to the team, the person turns check-ins on: the employer's name, the contact,
    a typed "2 тыдні" answer the setup's question on screen; relayed to the case instead,
    the setup waited forever. A question still reaches the team."""
    person = Person(bot, fake_api, 715, "be")
    await reach_consent(person)
    await consent(person, "h:yes")
    await sent_to(fake_api, OPS, "Case #")
    await person.press("m:checkin")
    await person.press("ci:i:2")
    [grace] = await person.say("2 тыдні")
    assert "ci:g:12" in untag(grace.payloads)
    for payload in ("ci:g:12", "ci:c:PL", "ci:l:no"):
        await person.press(payload)
    mark = len(fake_api.calls)
    [contact] = await person.say("ТАА Ромашка")
    assert "ci:skip" in untag(contact.payloads) and "онтакт" in contact.text  # the next question
    [confirm] = await person.say("сястра +48 500 100 200")
    assert "ci:go" in untag(confirm.payloads) and "ТАА Ромашка" in confirm.text
    await fake_api.quiet()
    assert not [c for c in fake_api.calls_to("sendMessage", OPS, mark)
                if "Ромашка" in c.text or "сястра" in c.text]
    mark = len(fake_api.calls)
    await person.say("а калі мне адкажуць?", replies=0)
    await sent_to(fake_api, OPS, "а калі мне адкажуць?", since=mark)


@FRAMEWORKS
async def test_a_restart_in_the_middle_of_the_setup_keeps_its_place(
    fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 716, "en")
    await person.say("/start")
    await person.press("m:checkin")
    for payload in ("ci:i:2", "ci:d:2", "ci:g:12", "ci:c:no"):
        await person.press(payload)
    await bot.restart()
    [chosen] = await person.say("UTC+1")  # the clock taken, and the next question
    assert "Warsaw (UTC+1)" in chosen.text and "ci:l:yes" in untag(chosen.payloads)
    await person.press("ci:l:no")
    await bot.restart()
    await person.say("Sunrise Agency")
    [confirm] = await person.press("ci:skip")
    assert "Sunrise Agency" in confirm.text and "local time, Warsaw" in confirm.text


@FRAMEWORKS
async def test_ok_typed_in_a_conversation_with_the_team_reaches_the_operator(
    fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot
) -> None:
    """Talking to an operator while a check-in waits (still in time), "ок" may be the answer
    to the operator's question: it is relayed to them, never swallowed by the check-in."""
    person = Person(bot, fake_api, 717, "ru")
    await reach_consent(person)
    await consent(person, "h:yes")
    await sent_to(fake_api, OPS, "Case #")
    await set_up(person)
    mark = len(fake_api.calls)
    clock.advance(INTERVAL + 1)
    await sent_to(fake_api, 717, QUESTION, since=mark)
    mark = len(fake_api.calls)
    await person.say("ок", replies=0)
    await sent_to(fake_api, OPS, f"{pseudonym(717)}: ок", since=mark)
