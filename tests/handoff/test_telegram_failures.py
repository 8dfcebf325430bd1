"""Every Telegram failure on the operators' side ends in someone being helped, never in silence.

Both adapters, the fake Bot API answering as Telegram does (error_code, description,
parameters), a real redis-server.
"""

from __future__ import annotations

import asyncio
import logging

import pytest
from redis.asyncio import Redis

from bot.config import ConfigError
from bot.handoff.audit import Audit
from tests.handoff.telegram import (
    OPS,
    AnonymousAdmin,
    HandoffBot,
    Operator,
    case_of,
    consent,
    in_thread,
    open_case,
    reach_consent,
    sent_to,
    settings_for,
)
from tests.helpers.fake_bot_api import (
    ADMIN_RIGHTS,
    CHAT_NOT_FOUND,
    KICKED,
    UPGRADED,
    FakeBotAPI,
)
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import Person

FRAMEWORKS = pytest.mark.parametrize("framework", ["aiogram", "ptb"])
QUEUED = "номер в очереди"
UNREACHABLE = "не можем передать Ваше сообщение"


async def taken_case(api: FakeBotAPI, person: Person, operator: Operator,
                     payload: str = "h:yes") -> tuple[str, int, int]:
    """A person at risk whose case an operator has taken: (case id, topic, alert message)."""
    opened = await open_case(api, person, operator, payload=payload, joined="подключился")
    return opened.id, opened.thread or 0, max(api.chats[OPS])


# ---------------------------------------------------------------- 9.1 the person blocked the bot
@FRAMEWORKS
async def test_person_who_blocked_the_bot_is_noted_and_the_case_still_closes(
    framework: str, fake_api: FakeBotAPI, start_bot
) -> None:
    bot = await start_bot(framework, capacity=1)
    person, operator = Person(bot, fake_api, 901, "ru"), Operator(fake_api)
    case, thread, _ = await taken_case(fake_api, person, operator)
    fake_api.blocked.add(person.chat_id)

    mark = len(fake_api.calls)
    await operator.write("Вы здесь?", thread_id=thread)
    (note,) = await sent_to(fake_api, OPS, "the person has blocked the bot", since=mark)
    assert int(note.params["message_thread_id"]) == thread

    mark = len(fake_api.calls)
    answer = await operator.press(f"op:close:{case}")  # the spinner stops: the press is answered
    assert answer.params.get("text") == "Closed. Please choose the outcome."
    (question,) = await sent_to(fake_api, OPS, "What was the outcome?", since=mark)
    assert "Unreachable" in question.text
    assert question.payloads[0] == f"op:out:{case}:unreachable"  # suggested first
    await operator.press(f"op:out:{case}:unreachable")

    # The slot is free: with a capacity of one, the next case can be taken.
    other = Person(bot, fake_api, 902, "ru")
    await reach_consent(other)
    await consent(other, "h:yes")
    second = [c for c in await sent_to(fake_api, OPS, "Case #", count=2)][-1]
    mark = len(fake_api.calls)
    assert (await operator.press(f"op:take:{case_of(second)}")).params["text"] == \
        "The case is yours."

    # Not at risk closes the same way when the person cannot be told.
    fake_api.blocked.add(other.chat_id)
    answer = await operator.press(f"op:norisk:{case_of(second)}")
    assert answer.params.get("text") == "Outcome recorded."
    await sent_to(fake_api, OPS, "the person has blocked the bot", since=mark)


# ---------------------------------------------------------------- 9.2 the case's topic is gone
@FRAMEWORKS
async def test_deleted_topic_gets_a_new_topic_and_nothing_is_lost(
    framework: str, fake_api: FakeBotAPI, start_bot
) -> None:
    bot = await start_bot(framework)
    person, operator = Person(bot, fake_api, 911, "ru"), Operator(fake_api)
    _, thread, _ = await taken_case(fake_api, person, operator)
    fake_api.delete_topic(OPS, thread)

    mark = len(fake_api.calls)
    await person.say("алло, вы тут?", replies=0)
    await person.say("меня бьют, помогите", replies=0)
    (moved,) = await sent_to(fake_api, OPS, "continues here", since=mark)
    assert f"/{thread}" in moved.text  # names the old topic
    new_thread = int(moved.params["message_thread_id"])
    assert new_thread != thread
    await sent_to(fake_api, OPS, "алло, вы тут?", since=mark, where=in_thread(new_thread))
    await sent_to(fake_api, OPS, "меня бьют", since=mark, where=in_thread(new_thread))
    assert len(fake_api.calls_to("createForumTopic", OPS, since=mark)) == 1

    mark = len(fake_api.calls)
    await operator.write("Мы здесь, звоните 112.", thread_id=new_thread)
    await sent_to(fake_api, person.chat_id, "Мы здесь", since=mark)


@FRAMEWORKS
async def test_closed_topic_without_rights_goes_to_the_main_chat(
    framework: str, fake_api: FakeBotAPI, start_bot
) -> None:
    bot = await start_bot(framework)
    person, operator = Person(bot, fake_api, 912, "ru"), Operator(fake_api)
    _, thread, _ = await taken_case(fake_api, person, operator)
    fake_api.topics[OPS][thread] = True  # an operator closed the topic...
    fake_api.bot_member[OPS] = {**ADMIN_RIGHTS, "can_manage_topics": False}  # ...bot demoted

    mark = len(fake_api.calls)
    await person.say("меня бьют, помогите", replies=0)
    (relayed,) = await sent_to(fake_api, OPS, "меня бьют", since=mark, where=in_thread(None))
    assert fake_api.calls_to("reopenForumTopic", OPS, since=mark)  # tried first
    assert "Case" in relayed.text and "reply to this message" in relayed.text
    assert not fake_api.calls_to("sendMessage", person.chat_id, since=mark)  # a human answers

    mark = len(fake_api.calls)
    await operator.write("Звоните 112, мы рядом.", reply_to=max(fake_api.chats[OPS]))
    await sent_to(fake_api, person.chat_id, "Звоните 112", since=mark)


@FRAMEWORKS
async def test_nothing_can_be_posted_the_person_gets_the_numbers(
    framework: str, fake_api: FakeBotAPI, start_bot
) -> None:
    bot = await start_bot(framework)
    person, operator = Person(bot, fake_api, 913, "ru"), Operator(fake_api)
    await taken_case(fake_api, person, operator)
    fake_api.kill_chat(OPS, *KICKED)

    told = await person.say("меня бьют, помогите", replies=1)
    assert UNREACHABLE in told[-1].text and "112" in told[-1].text


# ---------------------------------------------------------------- 9.4 anonymous admins
@FRAMEWORKS
async def test_anonymous_admin_is_relayed_and_audited(
    framework: str, fake_api: FakeBotAPI, redis_client: Redis, start_bot
) -> None:
    bot = await start_bot(framework)
    person = Person(bot, fake_api, 921, "ru")
    _, thread, _ = await taken_case(fake_api, person, Operator(fake_api))

    mark = len(fake_api.calls)
    await AnonymousAdmin(fake_api).write("Это команда, мы с Вами.", thread_id=thread)
    await sent_to(fake_api, person.chat_id, "Это команда", since=mark)
    await bot.settle()
    entries = await Audit(redis_client).entries(5)
    assert entries[0]["operator"] == "anonymous admin" and entries[0]["action"] == "relay"


@FRAMEWORKS
async def test_anonymous_admin_turned_off_is_told_in_the_case(
    framework: str, fake_api: FakeBotAPI, start_bot
) -> None:
    bot = await start_bot(framework, anonymous_admins=False)
    person = Person(bot, fake_api, 922, "ru")
    _, thread, _ = await taken_case(fake_api, person, Operator(fake_api))

    mark = len(fake_api.calls)
    await AnonymousAdmin(fake_api).write("Это команда.", thread_id=thread)
    (said,) = await sent_to(fake_api, OPS, "not passed on", since=mark)
    assert int(said.params["message_thread_id"]) == thread
    assert not fake_api.calls_to("sendMessage", person.chat_id, since=mark)


# ---------------------------------------------------------------- 9.5 the operators' chat is dead
@FRAMEWORKS
@pytest.mark.parametrize("kind", ["not found", "not a member", "no topic rights"])
async def test_start_up_check_names_the_setting(
    framework: str, kind: str, fake_api: FakeBotAPI, caplog: pytest.LogCaptureFixture, start_bot
) -> None:
    if kind == "not found":
        fake_api.kill_chat(OPS, *CHAT_NOT_FOUND)
    elif kind == "not a member":
        fake_api.bot_member[OPS] = {"status": "left"}
    else:
        fake_api.forums.add(OPS)
        fake_api.bot_member[OPS] = {**ADMIN_RIGHTS, "can_manage_topics": False}
    with pytest.raises(ConfigError) as raised:
        await start_bot(framework)
    assert str(raised.value).startswith("OPERATOR_CHAT_ID: ") and "\n" not in str(raised.value)
    # The ConfigError is the one line: no "operators' chat unreachable" ERROR before it.
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


@FRAMEWORKS
@pytest.mark.parametrize(("chat_id", "named"), [
    (1234567890, "private"),  # the -100 prefix forgotten, or a person's own id
    (-123456789, "plain group"),  # a basic group with topics on: topics need a supergroup
])
async def test_start_up_refuses_a_chat_that_is_not_the_operators_group(
    framework: str, chat_id: int, named: str, fake_api: FakeBotAPI, redis_server: RedisServer,
    bots, caplog: pytest.LogCaptureFixture,
) -> None:
    fake_api.forums.add(chat_id)
    settings = settings_for(fake_api, framework, redis_server.url)
    settings.operators.chat_id = chat_id
    with pytest.raises(ConfigError) as raised:
        await bots(HandoffBot(settings))
    line = str(raised.value)
    assert line.startswith("OPERATOR_CHAT_ID: ") and "\n" not in line
    assert named in line and "-100" in line and str(chat_id) in line
    assert fake_api.calls_to("sendMessage", chat_id=chat_id) == []
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


NEW_OPS = -1009876543
NEW_CHAT = {"id": NEW_OPS, "type": "supergroup", "title": "Operators", "is_forum": True}


@FRAMEWORKS
async def test_migrated_chat_is_followed_and_logged(
    framework: str, fake_api: FakeBotAPI, caplog: pytest.LogCaptureFixture, start_bot
) -> None:
    fake_api.kill_chat(OPS, *UPGRADED, migrate_to_chat_id=NEW_OPS)
    caplog.set_level(logging.INFO)
    bot = await start_bot(framework)
    loud = [r for r in caplog.records if r.levelno >= logging.CRITICAL]
    assert loud and str(NEW_OPS) in loud[0].getMessage()
    assert "OPERATOR_CHAT_ID" in loud[0].getMessage()

    person, operator = Person(bot, fake_api, 931, "ru"), Operator(fake_api, chat=NEW_CHAT)
    await reach_consent(person)
    told = await consent(person)
    assert QUEUED in told[-1].text
    (alert,) = await sent_to(fake_api, NEW_OPS, "Case #")
    mark = len(fake_api.calls)
    await operator.press(f"op:take:{case_of(alert)}")
    await sent_to(fake_api, person.chat_id, "подключился", since=mark)
    await operator.write("Мы на связи.", thread_id=int(alert.params["message_thread_id"]))
    await sent_to(fake_api, person.chat_id, "Мы на связи", since=mark)


@FRAMEWORKS
async def test_chat_gone_after_start_person_is_told_at_once_never_queued(
    framework: str, fake_api: FakeBotAPI, start_bot
) -> None:
    bot = await start_bot(framework)
    fake_api.kill_chat(OPS, *KICKED)
    first = Person(bot, fake_api, 941, "ru")
    await reach_consent(first)
    await consent(first)
    # The queue said "place 1" (the chat worked at the last attempt); the post fails: told now.
    told = await sent_to(fake_api, first.chat_id, UNREACHABLE)
    assert "112" in told[-1].text

    second = Person(bot, fake_api, 942, "ru")
    await reach_consent(second)
    answer = await consent(second)
    assert not [c for c in answer if QUEUED in c.text]
    assert UNREACHABLE in answer[-1].text and "112" in answer[-1].text

    # The bot is added back: the queued alerts are posted and the people hear their place.
    mark = len(fake_api.calls)
    del fake_api.dead_chats[OPS]
    await sent_to(fake_api, OPS, "Case #", count=2, since=mark)
    await sent_to(fake_api, first.chat_id, QUEUED, since=mark)
    await sent_to(fake_api, second.chat_id, QUEUED, since=mark)


# ---------------------------------------------------------------- 9.6 replies in General
@FRAMEWORKS
async def test_reply_in_general_is_answered_without_a_thread_id(
    framework: str, fake_api: FakeBotAPI, start_bot
) -> None:
    fake_api.fail("createForumTopic", 400, "Bad Request: the chat is not a forum")
    bot = await start_bot(framework)
    person, operator = Person(bot, fake_api, 951, "ru"), Operator(fake_api)
    await reach_consent(person)
    await consent(person, "h:yes")
    await sent_to(fake_api, OPS, "Case #")
    alert_id = max(fake_api.chats[OPS])

    mark = len(fake_api.calls)
    mine = await operator.write(reply_to=alert_id, sticker={
        "file_id": "x", "file_unique_id": "y", "type": "regular", "width": 1, "height": 1,
        "is_animated": False, "is_video": False})
    (said,) = await sent_to(fake_api, OPS, "Only text is passed on", since=mark)
    assert "message_thread_id" not in said.params or not said.params["message_thread_id"]
    assert said.params["reply_parameters"]["message_id"] == mine


# ---------------------------------------------------------------- 19.4 no doubled alerts
@FRAMEWORKS
async def test_stop_during_a_slow_alert_post_does_not_double_it(
    framework: str, fake_api: FakeBotAPI, redis_client: Redis, start_bot
) -> None:
    bot = await start_bot(framework)
    person = Person(bot, fake_api, 961, "ru")
    fake_api.slow("sendMessage", 4.0, chat_id=OPS)  # Telegram posts it, answers 4 s later
    await reach_consent(person)
    await consent(person, "h:yes")
    await sent_to(fake_api, OPS, "Case #")
    await bot.stop()
    # However long the stop took, the lock a stopped poster held would have expired by now.
    for key in await redis_client.keys("smb:handoff:posting:*"):
        await redis_client.delete(key)
    await bot.start()
    await asyncio.sleep(2.0)  # several claim rounds (claim_idle 0.5 s)
    await bot.settle()
    alerts = [c for c in fake_api.calls_to("sendMessage", OPS) if "Case #" in c.text]
    assert len(alerts) == 1
