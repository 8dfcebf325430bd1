"""Transfer and reopen end to end on the fake Bot API with a real redis-server, both adapters
(issue 13): an operator hands a case to a named colleague; a closed case is reopened within
OPERATOR_REOPEN_DAYS by an operator or by the person asking again, and only the engine
writes the person's session."""

from __future__ import annotations

import json

import pytest
from redis.asyncio import Redis

from tests.handoff.telegram import (
    OPERATOR,
    OPERATOR_NAME,
    OPS,
    Operator,
    case_in_topic,
    case_of,
    colleague,
    consent,
    in_thread,
    pseudonym,
    reach_consent,
    recorded,
    sent_to,
)
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import PSEUDONYM_KEY, Person

FRAMEWORKS = pytest.mark.parametrize("framework", ["aiogram", "ptb"])
COLLEAGUE, COLLEAGUE_NAME = 4343, "Boris"
TOLD_TRANSFER = "Другой сотрудник нашей команды продолжит разговор с вами."
TOLD_REOPEN = "Сотрудник нашей команды продолжил ваш разговор"


async def audit_actions(redis: Redis) -> list[str]:
    return [entry[1].get("action", "") for entry in await redis.xrange("smb:handoff:audit")]


async def session_case(redis: Redis, user_id: int) -> str | None:
    from bot.privacy import Pseudonymizer

    key = Pseudonymizer(PSEUDONYM_KEY).user_key(f"tg:{user_id}")
    raw = await redis.get(f"smb:session:{key}")
    return json.loads(raw).get("handoff_case") if raw else None


@FRAMEWORKS
async def test_a_taken_case_is_handed_to_a_colleague_from_the_list(
    framework: str, fake_api: FakeBotAPI, redis_client: Redis, start_bot
) -> None:
    bot = await start_bot(framework)
    person, operator, other = Person(bot, fake_api, 650, "ru"), Operator(fake_api), \
        colleague(fake_api, COLLEAGUE, COLLEAGUE_NAME)
    # No free text shared: the alert can be redrawn ("Taken by ...") on each change.
    case, thread = await case_in_topic(fake_api, person, "h:yes")
    await recorded(redis_client, case)
    await operator.press(f"op:take:{case}")
    mark = len(fake_api.calls)
    await other.write("! I know this agency, I can take it", thread_id=thread)  # now known
    await sent_to(fake_api, OPS, "📝 Note", since=mark)

    # `/transfer` alone: a button per known colleague (not the one who has the case).
    mark = len(fake_api.calls)
    await operator.write("/transfer", thread_id=thread)
    (listing,) = await sent_to(fake_api, OPS, "to whom?", since=mark, where=in_thread(thread))
    assert listing.payloads == [f"op:xfer:{case}:{COLLEAGUE}"]
    assert COLLEAGUE_NAME in json.dumps(listing.params["reply_markup"])

    mark = len(fake_api.calls)
    toast = await operator.press(f"op:xfer:{case}:{COLLEAGUE}")
    assert toast.params.get("text") == f"Handed to {COLLEAGUE_NAME}."
    (handed,) = await sent_to(fake_api, OPS, "handed", since=mark, where=in_thread(thread))
    assert f"{OPERATOR_NAME} handed {pseudonym(650)} to {COLLEAGUE_NAME}" in handed.text
    # Someone was answering them: the person hears, neutrally, that someone else will.
    (told,) = await sent_to(fake_api, person.chat_id, TOLD_TRANSFER, since=mark)
    assert COLLEAGUE_NAME not in told.text and OPERATOR_NAME not in told.text
    raw = await redis_client.hgetall(f"smb:handoff:case:{case}")
    assert raw["operator"] == str(COLLEAGUE) and raw["operator_name"] == COLLEAGUE_NAME
    assert await redis_client.smembers(f"smb:handoff:operator:{COLLEAGUE}") == {case}
    assert not await redis_client.smembers(f"smb:handoff:operator:{OPERATOR}")
    assert f"transfer:{COLLEAGUE}" in await audit_actions(redis_client)
    alert_id = int(raw["alert_msg"])
    assert f"Taken by {COLLEAGUE_NAME}" in fake_api.text_of(OPS, alert_id)

    # The colleague answers the person through the bot.
    mark = len(fake_api.calls)
    await other.write("Здравствуйте, это Борис", thread_id=thread)
    await sent_to(fake_api, person.chat_id, "это Борис", since=mark)


@FRAMEWORKS
async def test_a_waiting_case_is_assigned_by_name_and_the_person_is_not_told(
    framework: str, fake_api: FakeBotAPI, redis_client: Redis, start_bot
) -> None:
    bot = await start_bot(framework)
    person, operator, other = Person(bot, fake_api, 651, "ru"), Operator(fake_api), \
        colleague(fake_api, COLLEAGUE, COLLEAGUE_NAME)
    case, thread = await case_in_topic(fake_api, person)
    await other.press(f"op:nosuch:{case}")  # any press makes the colleague known by name
    await bot.settle()

    mark = len(fake_api.calls)
    await operator.write("/transfer bor", thread_id=thread)
    await sent_to(fake_api, OPS, f"Handed to {COLLEAGUE_NAME}.", since=mark)
    await fake_api.quiet()
    # Nobody had answered yet: nothing changes for the person, so nothing is said.
    assert not fake_api.calls_to("sendMessage", person.chat_id, since=mark)
    raw = await redis_client.hgetall(f"smb:handoff:case:{case}")
    assert raw["state"] == "taken" and raw["operator"] == str(COLLEAGUE)
    assert await redis_client.zscore("smb:handoff:waiting", case) is None  # out of the queue

    # "Hand over" under the alert posts the list in the case (the holder left out).
    mark = len(fake_api.calls)
    await other.press(f"op:xfer:{case}")
    (listing,) = await sent_to(fake_api, OPS, "to whom?", since=mark, where=in_thread(thread))
    assert listing.payloads == [f"op:xfer:{case}:{OPERATOR}"]

    # Nobody by that name, and a stranger may not hand cases around.
    mark = len(fake_api.calls)
    await operator.write("/transfer Zenon", thread_id=thread)
    await sent_to(fake_api, OPS, "No operator's first name starts with", since=mark)
    stranger = Operator(fake_api, 999)
    mark = len(fake_api.calls)
    await stranger.write(f"/transfer {OPERATOR_NAME}", thread_id=thread)
    await sent_to(fake_api, OPS, "Only the NGO's operators", since=mark)
    assert (await redis_client.hget(f"smb:handoff:case:{case}", "operator")) == str(COLLEAGUE)
    # Nor can a case go to someone who is not an operator (not listed, not in the chat).
    toast = await operator.press(f"op:xfer:{case}:999")
    assert "is not an operator" in (toast.params.get("text") or "")
    toast = await operator.press(f"op:xfer:{case}:{COLLEAGUE}")
    assert "already has this case" in (toast.params.get("text") or "")


@FRAMEWORKS
async def test_an_operator_reopens_a_closed_case_within_the_window(
    framework: str, fake_api: FakeBotAPI, redis_client: Redis, start_bot
) -> None:
    bot = await start_bot(framework)
    person, operator = Person(bot, fake_api, 652, "ru"), Operator(fake_api)
    case, thread = await case_in_topic(fake_api, person)
    await operator.press(f"op:take:{case}")
    assert await session_case(redis_client, 652) == case  # kept by the engine
    await operator.press(f"op:close:{case}")
    assert fake_api.topics[OPS][thread] is True  # the topic is closed

    # After the close the person's words go to the bot, never to the closed case.
    mark = len(fake_api.calls)
    answers = await person.say("а можно ещё вопрос?")
    assert answers
    await fake_api.quiet()
    assert not fake_api.calls_to("sendMessage", OPS, since=mark)
    assert await session_case(redis_client, 652) is None  # the engine learnt it is closed

    # An operator's message in the closed case says how to continue it.
    mark = len(fake_api.calls)
    await operator.write("вы тут?", thread_id=thread)
    await sent_to(fake_api, OPS, "/reopen continues it", since=mark)
    assert not fake_api.calls_to("sendMessage", person.chat_id, since=mark)

    mark = len(fake_api.calls)
    await operator.write("/reopen", thread_id=thread)
    await sent_to(fake_api, OPS, f"{OPERATOR_NAME} reopened {pseudonym(652)}", since=mark,
                  where=in_thread(thread))
    (told,) = await sent_to(fake_api, person.chat_id, TOLD_REOPEN, since=mark)
    assert "h:stop" in told.payloads
    assert fake_api.topics[OPS][thread] is False  # the same topic, open again
    raw = await redis_client.hgetall(f"smb:handoff:case:{case}")
    assert raw["state"] == "taken" and raw["operator"] == str(OPERATOR)
    assert "outcome" not in raw and "closed_at" not in raw
    assert await redis_client.ttl(f"smb:handoff:case:{case}") > 24 * 3600  # an open case's TTL
    assert "reopen" in await audit_actions(redis_client)

    # The conversation goes on both ways, and the engine keeps the case in the session.
    mark = len(fake_api.calls)
    await person.say("да, я тут", replies=0)
    await sent_to(fake_api, OPS, "да, я тут", since=mark, where=in_thread(thread))
    await bot.settle()
    assert await session_case(redis_client, 652) == case
    mark = len(fake_api.calls)
    await operator.write("Хорошо, продолжим", thread_id=thread)
    await sent_to(fake_api, person.chat_id, "Хорошо, продолжим", since=mark)


@FRAMEWORKS
async def test_the_person_asking_again_reopens_the_same_case_in_its_topic(
    framework: str, fake_api: FakeBotAPI, redis_client: Redis, start_bot
) -> None:
    bot = await start_bot(framework)
    person, operator = Person(bot, fake_api, 653, "ru"), Operator(fake_api)
    case, thread = await case_in_topic(fake_api, person)
    await operator.press(f"op:take:{case}")
    await operator.press(f"op:close:{case}")
    await operator.press(f"op:out:{case}:advice")

    mark = len(fake_api.calls)
    await reach_consent(person, "меня снова не отпускают с работы")
    told = await consent(person)
    assert "1" in told[-1].text  # their place in the queue, as for any case
    (again,) = await sent_to(fake_api, OPS, "asked for a person again", since=mark,
                             where=in_thread(thread))
    assert again.payloads[0] == f"op:take:{case}"  # the same case, with its buttons
    assert len(await redis_client.keys("smb:handoff:case:*")) == 1  # no second case
    raw = await redis_client.hgetall(f"smb:handoff:case:{case}")
    assert raw["state"] == "new" and "outcome" not in raw
    assert "reopened" in await audit_actions(redis_client)
    assert await session_case(redis_client, 653) == case

    mark = len(fake_api.calls)
    await operator.press(f"op:take:{case}")
    await operator.write("Снова здравствуйте", thread_id=thread)
    await sent_to(fake_api, person.chat_id, "Снова здравствуйте", since=mark)


@FRAMEWORKS
async def test_no_reopen_window_means_a_new_case(
    framework: str, fake_api: FakeBotAPI, redis_client: Redis, start_bot
) -> None:
    bot = await start_bot(framework, reopen_days=0)
    person, operator = Person(bot, fake_api, 654, "ru"), Operator(fake_api)
    case, thread = await case_in_topic(fake_api, person)
    await operator.press(f"op:take:{case}")
    await operator.press(f"op:close:{case}")
    key = f"smb:chat:{(await redis_client.hget(f'smb:handoff:case:{case}', 'id'))}"
    assert not await redis_client.keys("smb:chat:*"), key  # the address goes at once

    mark = len(fake_api.calls)
    await operator.write("/reopen", thread_id=thread)
    await sent_to(fake_api, OPS, "can no longer be reopened", since=mark)
    assert (await redis_client.hget(f"smb:handoff:case:{case}", "state")) == "closed"

    mark = len(fake_api.calls)
    await reach_consent(person)
    await consent(person)
    (alert,) = await sent_to(fake_api, OPS, "Case #", since=mark)
    assert case_of(alert) != case and int(alert.params["message_thread_id"]) != thread
