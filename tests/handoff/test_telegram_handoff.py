"""The handoff end to end on the fake Bot API with a real redis-server, for both adapters."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from redis.asyncio import Redis

from bot.handoff.stats import collect
from bot.privacy import Pseudonymizer
from bot.storage.keys import ERASED
from tests.handoff.telegram import (
    OPERATOR,
    OPERATOR_NAME,
    OPS,
    HandoffBot,
    Operator,
    Replicas,
    case_of,
    closed_hours,
    consent,
    pseudonym,
    reach_consent,
    recorded,
    sent_to,
    settings_for,
)
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.logs import leaks
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import PSEUDONYM_KEY, Person

FRAMEWORKS = pytest.mark.parametrize("framework", ["aiogram", "ptb"])


def user_key(user_id: int) -> str:
    return Pseudonymizer(PSEUDONYM_KEY).user_key(f"tg:{user_id}")


@FRAMEWORKS
async def test_whole_path_in_topic_mode(
    framework: str, fake_api: FakeBotAPI, redis_client: Redis, start_bot
) -> None:
    bot = await start_bot(framework)
    person, operator = Person(bot, fake_api, 555, "ru"), Operator(fake_api)
    await reach_consent(person, "у меня <b>забрали</b> паспорт & не отпускают")
    told = await consent(person)
    assert "номер в очереди: 1" in told[-1].text and "h:stop" in told[-1].payloads

    (alert,) = await sent_to(fake_api, OPS, "Case #")
    topic = fake_api.calls_to("createForumTopic", OPS)
    assert topic and pseudonym(555) in topic[0].params["name"]
    assert alert.params.get("message_thread_id")
    raw = alert.text
    assert pseudonym(555) in raw and "555" not in raw and "Person" not in raw
    assert "&lt;b&gt;забрали&lt;/b&gt; паспорт &amp; не" in raw  # escaped for parse_mode=HTML
    # Labels, not codes: the warning sign, the person's language and country by name.
    assert "Documents withheld" in raw and "risk_documents_withheld" not in raw
    assert "Language: Russian · Country: Poland" in raw and "PL" not in raw
    case = case_of(alert)
    thread = int(alert.params["message_thread_id"])

    mark = len(fake_api.calls)
    answer = await operator.press(f"op:take:{case}")
    assert answer.params.get("text") == "The case is yours."
    (taken,) = await sent_to(fake_api, person.chat_id, "подключился", since=mark)
    assert "h:stop" in taken.payloads

    mark = len(fake_api.calls)
    await person.say("я в Варшаве, <i>помогите</i>", replies=0)
    (relayed,) = await sent_to(fake_api, OPS, "Варшаве", since=mark)
    assert int(relayed.params["message_thread_id"]) == thread
    assert "&lt;i&gt;помогите&lt;/i&gt;" in relayed.text
    assert not fake_api.calls_to("sendMessage", person.chat_id, since=mark)  # no bot answer

    mark = len(fake_api.calls)
    await operator.write("Позвоните по номеру 112 <сейчас>", thread_id=thread)
    (delivered,) = await sent_to(fake_api, person.chat_id, "Позвоните", since=mark)
    assert delivered.text == "Позвоните по номеру 112 &lt;сейчас&gt;"

    mark = len(fake_api.calls)
    await operator.press(f"op:close:{case}")
    await sent_to(fake_api, person.chat_id, "завершён", since=mark)
    (question,) = await sent_to(fake_api, OPS, "What was the outcome?", since=mark)
    assert f"op:out:{case}:referred" in question.payloads
    (closed,) = fake_api.calls_to("closeForumTopic", OPS, since=mark)
    assert int(closed.params["message_thread_id"]) == thread and fake_api.topics[OPS][thread]
    # The alert held the person's own words, no longer kept: it is not redrawn by an edit.
    assert not fake_api.calls_to("editMessageText")
    await operator.press(f"op:out:{case}:referred")

    # The case is over: the engine answers again.
    mark = len(fake_api.calls)
    await person.say("/menu", replies=1)
    assert not fake_api.calls_to("sendMessage", OPS, since=mark)
    today = datetime.now(ZoneInfo("Europe/Minsk")).date()
    counts = (await collect(redis_client, 1, today))[today]
    assert counts["cases"] == 1 and counts["outcome:referred"] == 1
    assert counts["country:PL"] == 1 and counts["indicator:risk_documents_withheld"] == 1
    for key in await redis_client.keys("smb:*"):
        assert "555" not in key


@FRAMEWORKS
async def test_alert_is_edited_on_take_and_close(
    framework: str, fake_api: FakeBotAPI, redis_client: Redis, start_bot
) -> None:
    bot = await start_bot(framework)
    person, operator = Person(bot, fake_api, 561, "ru"), Operator(fake_api)
    await reach_consent(person)
    await consent(person, "h:yes")  # without the free text: the alert can be redrawn
    (alert,) = await sent_to(fake_api, OPS, "Case #")
    case, thread = case_of(alert), int(alert.params["message_thread_id"])
    alert_id = max(fake_api.chats[OPS])
    await recorded(redis_client, case)

    mark = len(fake_api.calls)
    await operator.press(f"op:take:{case}", message_id=alert_id)
    await sent_to(fake_api, person.chat_id, "подключился", since=mark)
    (taken,) = fake_api.calls_to("editMessageText", OPS, since=mark)
    assert int(taken.params["message_id"]) == alert_id and taken.params["parse_mode"] == "HTML"
    assert f"Taken by {OPERATOR_NAME} at " in fake_api.text_of(OPS, alert_id)
    assert str(OPERATOR) not in fake_api.text_of(OPS, alert_id)
    assert pseudonym(561) in taken.text and "561" not in taken.text.replace(str(OPERATOR), "")
    assert fake_api.buttons_of(OPS, alert_id) == [f"op:close:{case}", f"op:norisk:{case}",
                                                  f"op:xfer:{case}"]
    assert not fake_api.calls_to("sendMessage", OPS, since=mark)  # no separate note

    mark = len(fake_api.calls)
    await operator.press(f"op:close:{case}", message_id=alert_id)
    await sent_to(fake_api, person.chat_id, "завершён", since=mark)
    text = fake_api.text_of(OPS, alert_id)
    assert f"Closed by {OPERATOR_NAME} at " in text and "What was the outcome?" in text
    assert f"op:out:{case}:referred" in fake_api.buttons_of(OPS, alert_id)
    assert not fake_api.calls_to("sendMessage", OPS, since=mark)  # the alert asks instead
    (closed,) = fake_api.calls_to("closeForumTopic", OPS, since=mark)
    assert int(closed.params["message_thread_id"]) == thread and fake_api.topics[OPS][thread]

    mark = len(fake_api.calls)
    await operator.press(f"op:out:{case}:referred", message_id=alert_id)
    assert "Outcome: Referred to a hotline" in fake_api.text_of(OPS, alert_id)
    assert fake_api.buttons_of(OPS, alert_id) == []
    assert not fake_api.calls_to("sendMessage", OPS, since=mark)
    today = datetime.now(ZoneInfo("Europe/Minsk")).date()
    assert (await collect(redis_client, 1, today))[today]["outcome:referred"] == 1


@FRAMEWORKS
async def test_failed_edit_and_topic_close_fall_back(
    framework: str, fake_api: FakeBotAPI, redis_client: Redis, start_bot
) -> None:
    fake_api.fail("editMessageText", 400, "Bad Request: message can't be edited", times=3)
    fake_api.fail("closeForumTopic", 400, "Bad Request: not enough rights to manage topics")
    bot = await start_bot(framework)
    person, operator = Person(bot, fake_api, 562, "ru"), Operator(fake_api)
    await reach_consent(person)
    await consent(person, "h:yes")
    (alert,) = await sent_to(fake_api, OPS, "Case #")
    case, alert_id = case_of(alert), max(fake_api.chats[OPS])
    await recorded(redis_client, case)

    mark = len(fake_api.calls)
    await operator.press(f"op:take:{case}", message_id=alert_id)
    await sent_to(fake_api, OPS, f"Taken by {OPERATOR_NAME}.", since=mark)
    assert fake_api.calls_to("editMessageText", OPS, since=mark)  # tried first

    mark = len(fake_api.calls)
    await operator.press(f"op:close:{case}", message_id=alert_id)
    await sent_to(fake_api, OPS, "What was the outcome?", since=mark)
    assert fake_api.calls_to("closeForumTopic", OPS, since=mark)  # refused: the case still closes
    await operator.press(f"op:out:{case}:advice")
    await sent_to(fake_api, OPS, "Outcome recorded: Advice given.", since=mark)
    assert "Case #" in fake_api.text_of(OPS, alert_id)  # the alert itself is untouched

    mark = len(fake_api.calls)
    await person.say("/menu", replies=1)  # the case is over: the engine answers again
    assert not fake_api.calls_to("sendMessage", OPS, since=mark)


@FRAMEWORKS
async def test_reply_mode_without_topics(
    framework: str, fake_api: FakeBotAPI, start_bot
) -> None:
    fake_api.fail("createForumTopic", 400, "Bad Request: the chat is not a forum")
    bot = await start_bot(framework)
    person, operator = Person(bot, fake_api, 556, "ru"), Operator(fake_api)
    await reach_consent(person)
    await consent(person, "h:yes")
    (alert,) = await sent_to(fake_api, OPS, "Case #")
    assert not alert.params.get("message_thread_id")
    assert "забрали паспорт" not in alert.text  # no consent to share the free text
    alert_id = max(fake_api.chats[OPS])  # the fake numbers messages per chat

    mark = len(fake_api.calls)
    await operator.write("Здравствуйте, я Анна из команды.", reply_to=alert_id)
    await sent_to(fake_api, person.chat_id, "подключился", since=mark)  # writing takes the case
    await sent_to(fake_api, person.chat_id, "Анна", since=mark)

    mark = len(fake_api.calls)
    await person.say("спасибо", replies=0)
    (relayed,) = await sent_to(fake_api, OPS, "спасибо", since=mark)
    assert relayed.params["reply_parameters"]["message_id"] == alert_id

    mark = len(fake_api.calls)
    await person.say("/stop", replies=1)
    await sent_to(fake_api, OPS, "ended the conversation", since=mark)
    await sent_to(fake_api, OPS, "What was the outcome?", since=mark)


@FRAMEWORKS
async def test_non_operator_cannot_take(
    framework: str, fake_api: FakeBotAPI, start_bot
) -> None:
    fake_api.members[OPS][888] = "member"
    bot = await start_bot(framework)
    person = Person(bot, fake_api, 557, "ru")
    await reach_consent(person)
    await consent(person)
    case = case_of((await sent_to(fake_api, OPS, "Case #"))[0])

    mark = len(fake_api.calls)
    refused = await Operator(fake_api, 999).press(f"op:take:{case}")
    assert "Only the NGO's operators" in refused.params.get("text", "")
    assert not fake_api.calls_to("sendMessage", person.chat_id, since=mark)
    assert fake_api.calls_to("getChatMember", OPS, since=mark)

    # A member of the operators' chat who is not in OPERATOR_IDS may take it.
    mark = len(fake_api.calls)
    await Operator(fake_api, 888).press(f"op:take:{case}")
    await sent_to(fake_api, person.chat_id, "подключился", since=mark)


@FRAMEWORKS
async def test_out_of_hours_gives_hotlines_at_once(
    framework: str, fake_api: FakeBotAPI, start_bot
) -> None:
    bot = await start_bot(framework, {"escalate_after": 0.3}, hours=closed_hours())
    person = Person(bot, fake_api, 558, "ru")
    await reach_consent(person)
    told = await consent(person)
    assert "Сейчас наша команда не работает" in told[-1].text
    assert "(Минск)" in told[-1].text and "112" in told[-1].text
    await sent_to(fake_api, OPS, "Case #")  # still posted: whoever is on watch sees it
    await asyncio.sleep(1.0)
    assert not [c for c in fake_api.calls_to("sendMessage", OPS) if "ESCALATED" in c.text]


@FRAMEWORKS
async def test_untaken_alert_is_escalated(
    framework: str, fake_api: FakeBotAPI, start_bot
) -> None:
    bot = await start_bot(framework, {"escalate_after": 0.5})
    person = Person(bot, fake_api, 559, "en")
    await reach_consent(person)
    await consent(person)
    (first,) = await sent_to(fake_api, OPS, "New case")
    escalated = (await sent_to(fake_api, OPS, "ESCALATED (1)"))[0]
    assert not escalated.params.get("message_thread_id")  # in the main chat, seen by all
    assert case_of(escalated) == case_of(first)
    await sent_to(fake_api, person.chat_id, "номер в очереди")
    await Operator(fake_api).press(f"op:take:{case_of(first)}")
    mark = len(fake_api.calls)
    await asyncio.sleep(1.2)
    later = fake_api.calls_to("sendMessage", OPS, since=mark)
    assert not [c for c in later if "ESCALATED" in c.text]


@FRAMEWORKS
async def test_restart_in_the_middle_of_a_case(
    framework: str, fake_api: FakeBotAPI, start_bot
) -> None:
    bot = await start_bot(framework)
    person, operator = Person(bot, fake_api, 560, "ru"), Operator(fake_api)
    await reach_consent(person)
    await consent(person)
    (alert,) = await sent_to(fake_api, OPS, "Case #")
    await operator.press(f"op:take:{case_of(alert)}")
    thread = int(alert.params["message_thread_id"])

    await bot.restart()
    mark = len(fake_api.calls)
    await person.say("вы ещё здесь?", replies=0)
    (relayed,) = await sent_to(fake_api, OPS, "вы ещё здесь", since=mark)
    assert int(relayed.params["message_thread_id"]) == thread
    await operator.write("Да, я здесь.", thread_id=thread)
    await sent_to(fake_api, person.chat_id, "Да, я здесь.", since=mark)
    assert len([c for c in fake_api.calls_to("sendMessage", OPS) if "Case #" in c.text]) == 1


@FRAMEWORKS
async def test_two_replicas_share_redis_without_double_alerts(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis, bots
) -> None:
    settings = settings_for(fake_api, framework, redis_server.url)
    both = Replicas(await bots(HandoffBot(settings)), await bots(HandoffBot(settings)))
    people = [Person(both, fake_api, 600 + n, "ru") for n in range(3)]  # type: ignore[arg-type]
    for person in people:
        await reach_consent(person)
        await consent(person)
    found = await sent_to(fake_api, OPS, "Case #", count=3)
    await asyncio.sleep(1.5)  # long past the claim time: nothing re-posted
    found = [c for c in fake_api.calls_to("sendMessage", OPS) if "Case #" in c.text]
    assert len(found) == 3 and len({case_of(c) for c in found}) == 3
    assert len(fake_api.calls_to("createForumTopic", OPS)) == 3


GLOBAL_KEYS = {"smb:handoff:alerts", "smb:handoff:audit", "smb:handoff:waiting",
               "smb:handoff:due"}


async def dump(redis: Redis, key: str) -> str:
    """Every value stored under a key, whatever its type, as one string."""
    kind = await redis.type(key)
    if kind == "string":
        return str(await redis.get(key))
    if kind == "hash":
        return repr(await redis.hgetall(key))
    if kind == "set":
        return repr(await redis.smembers(key))
    if kind == "zset":
        return repr(await redis.zrange(key, 0, -1))
    if kind == "stream":
        return repr(await redis.xrange(key))
    return repr(await redis.lrange(key, 0, -1))


@FRAMEWORKS
async def test_a_case_leaves_no_trace_in_logs_and_delete_erases_it(
    framework: str, fake_api: FakeBotAPI, redis_client: Redis, start_bot,
    caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    bot = await start_bot(framework)
    uid, phone = 48_512_777, "+48 600 700 800"
    person, operator = Person(bot, fake_api, uid, "ru"), Operator(fake_api)
    first = f"у меня забрали паспорт, мой номер {phone}"
    await reach_consent(person, first)
    await consent(person)
    (alert,) = await sent_to(fake_api, OPS, "Case #")
    assert pseudonym(uid) in alert.text and str(uid) not in alert.text
    await operator.press(f"op:take:{case_of(alert)}")
    later = "меня заперли в общежитии <b>Ивана</b>"
    mark = len(fake_api.calls)
    await person.say(later, replies=0)
    (relayed,) = await sent_to(fake_api, OPS, "Ивана", since=mark)
    assert "⚠️" in relayed.text and "&lt;b&gt;Ивана&lt;/b&gt;" in relayed.text
    assert pseudonym(uid) in relayed.text and str(uid) not in relayed.text
    await bot.settle()  # the update is finished: its lock on the person is released

    key = user_key(uid)
    for name in await redis_client.keys("smb:*"):
        values = await dump(redis_client, name)
        if name == f"smb:chat:{key}":  # the address to relay to: kept while the case is open
            values = values.replace(str(person.chat_id), "")
        assert str(uid) not in name + values and "паспорт" not in values, name
        assert "заперли" not in values and "600700800" not in values.replace(" ", ""), name
        if name not in GLOBAL_KEYS:
            assert await redis_client.ttl(name) > 0, name  # every key about a person expires
        else:
            assert key not in values, name  # shared keys hold case ids, not people

    await person.say("/delete")
    await sent_to(fake_api, OPS, "erased their data")
    await bot.settle()
    for name in await redis_client.keys("smb:*"):
        if name == ERASED:  # the erasure record: their keyed hash and the time, TTL'd, so
            assert await redis_client.ttl(name) > 0  # a restore erases them again
            continue
        assert key not in name and key not in await dump(redis_client, name), name
    # The name reserved for them is released too: nothing links a pseudonym to them.
    assert not await redis_client.keys(f"smb:handoff:pseudonym:{pseudonym(uid)}")

    secrets = [first, later, "забрали паспорт", "Ивана", str(uid), phone, key]
    assert leaks(caplog.records, *secrets) == []
