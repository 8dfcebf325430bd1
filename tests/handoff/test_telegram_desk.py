"""The operators' desk end to end on the fake Bot API with a real redis-server, both adapters:
internal notes, and the operators' side in their own language (issue 13)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_date
from redis.asyncio import Redis

from tests.handoff.telegram import (
    OPERATOR,
    OPERATOR_NAME,
    OPS,
    Operator,
    case_in_topic,
    case_of,
    consent,
    in_thread,
    pseudonym,
    reach_consent,
    recorded,
    sent_to,
)
from tests.helpers.fake_bot_api import Call, FakeBotAPI, message_update
from tests.helpers.telegram_bot import Person

FRAMEWORKS = pytest.mark.parametrize("framework", ["aiogram", "ptb"])


@FRAMEWORKS
async def test_notes_stay_in_the_topic_and_are_never_relayed(
    framework: str, fake_api: FakeBotAPI, redis_client: Redis, start_bot
) -> None:
    bot = await start_bot(framework)
    person, operator = Person(bot, fake_api, 601, "ru"), Operator(fake_api)
    colleague = Operator(fake_api, 777)  # in the chat, not on OPERATOR_IDS: a note is fine
    await reach_consent(person)
    await consent(person)
    (alert,) = await sent_to(fake_api, OPS, "Case #")
    assert "! or /note" in alert.text  # the help line says how to write a note
    case, thread = case_of(alert), int(alert.params["message_thread_id"])

    # Before anyone takes the case: a note does not take it, nor reach the person.
    mark = len(fake_api.calls)
    await operator.write("! sounds like Poland, check the <b>agency</b>", thread_id=thread)
    (kept,) = await sent_to(fake_api, OPS, "📝 Note", since=mark, where=in_thread(thread))
    assert "not passed on" in kept.text
    assert not fake_api.calls_to("sendMessage", person.chat_id, since=mark)
    assert (await redis_client.hget(f"smb:handoff:case:{case}", "state")) == "new"

    await operator.press(f"op:take:{case}")
    for note, who in (("/note she may be near Gdańsk", operator),
                      ("/note@SafeMigrationBot call her back at 9", operator),
                      ("  !ask the lawyer", colleague)):
        mark = len(fake_api.calls)
        await who.write(note, thread_id=thread)
        await sent_to(fake_api, OPS, "📝 Note", since=mark, where=in_thread(thread))
        await fake_api.quiet()
        assert not fake_api.calls_to("sendMessage", person.chat_id, since=mark), note
    # A note never goes into the audit trail as a relay.
    audit = await redis_client.xrange("smb:handoff:audit")
    assert not [e for e in audit if e[1].get("action") == "relay"]

    # Anything else is still the answer to the person, '!' inside a sentence included.
    mark = len(fake_api.calls)
    await operator.write("Call 112 now! We are here.", thread_id=thread)
    (delivered,) = await sent_to(fake_api, person.chat_id, "Call 112", since=mark)
    assert delivered.text == "Call 112 now! We are here."


@FRAMEWORKS
async def test_a_note_in_reply_mode_stays_too(
    framework: str, fake_api: FakeBotAPI, start_bot
) -> None:
    fake_api.fail("createForumTopic", 400, "Bad Request: the chat is not a forum")
    bot = await start_bot(framework)
    person, operator = Person(bot, fake_api, 602, "ru"), Operator(fake_api)
    await reach_consent(person)
    await consent(person)
    (alert,) = await sent_to(fake_api, OPS, "Case #")
    assert "Reply to this message" in alert.text and "! or /note" in alert.text
    alert_id = max(fake_api.chats[OPS])
    await operator.press(f"op:take:{case_of(alert)}", message_id=alert_id)

    mark = len(fake_api.calls)
    await operator.write("!colleagues: is this the same agency as yesterday?", reply_to=alert_id)
    await sent_to(fake_api, OPS, "📝 Note", since=mark)
    await fake_api.quiet()
    assert not fake_api.calls_to("sendMessage", person.chat_id, since=mark)


LANGUAGE_CASES = {
    "ru": {"reason": "Причина: найден риск", "where": "Язык: русский · Страна: Польша",
           "signs": "Тревожные признаки: Документы удерживают", "take": "✋ Взять",
           "taken": f"Взял(а) {OPERATOR_NAME} в ", "closed": f"Закрыл(а) {OPERATOR_NAME} в ",
           "ask": "Чем закончилось?", "outcome": "Направлен(а) на горячую линию",
           "help": "! или /note"},
    "be": {"reason": "Прычына: знойдзена рызыка", "where": "Мова: руская · Краіна: Польшча",
           "signs": "Трывожныя прыкметы: Дакументы ўтрымліваюць", "take": "✋ Узяць",
           "taken": f"Узяў(ла) {OPERATOR_NAME} а ", "closed": f"Закрыў(ла) {OPERATOR_NAME} а ",
           "ask": "Чым скончылася?", "outcome": "Накіраваны(ая) на гарачую лінію",
           "help": "! або /note"},
}


@FRAMEWORKS
@pytest.mark.parametrize("language", sorted(LANGUAGE_CASES))
async def test_operator_side_in_the_operators_language(
    framework: str, language: str, fake_api: FakeBotAPI, redis_client: Redis, start_bot
) -> None:
    want = LANGUAGE_CASES[language]
    bot = await start_bot(framework, language=language)
    person, operator = Person(bot, fake_api, 603, "ru"), Operator(fake_api)
    await reach_consent(person)
    await consent(person, "h:yes")  # no free text: the alert is redrawn on Take and Close
    name = pseudonym(603)
    (alert,) = await sent_to(fake_api, OPS, name, where=lambda c: bool(c.payloads))
    for key in ("reason", "where", "signs", "help"):
        assert want[key] in alert.text, key
    # Labels, never codes or raw ids.
    for code in ("risk_documents_withheld", "PL", "603", "Case #", "Reason:", "Take"):
        assert code not in alert.text, code
    case, alert_id = case_of(alert), max(fake_api.chats[OPS])
    assert want["take"] in str(fake_api.keyboards[(OPS, alert_id)])
    await recorded(redis_client, case)

    await operator.press(f"op:take:{case}", message_id=alert_id)
    taken = fake_api.text_of(OPS, alert_id)
    assert want["taken"] in taken and str(OPERATOR) not in taken
    await operator.press(f"op:close:{case}", message_id=alert_id)
    closed = fake_api.text_of(OPS, alert_id)
    assert want["closed"] in closed and want["ask"] in closed
    assert want["outcome"] in str(fake_api.keyboards[(OPS, alert_id)])
    await operator.press(f"op:out:{case}:referred", message_id=alert_id)
    assert want["outcome"] in fake_api.text_of(OPS, alert_id)
    # Time to take and to close went into this week's anonymous lists for `bot stats`.
    keys = sorted(await redis_client.keys("smb:handoff:durations:*"))
    assert [k.rsplit(":", 1)[1] for k in keys] == ["closed", "taken"]
    for key in keys:
        (seconds,) = await redis_client.lrange(key, 0, -1)
        assert 0 <= int(seconds) < 600


@FRAMEWORKS
async def test_operator_name_is_escaped(
    framework: str, fake_api: FakeBotAPI, redis_client: Redis, start_bot
) -> None:
    bot = await start_bot(framework)
    person, operator = Person(bot, fake_api, 604, "ru"), Operator(fake_api)
    operator.user["first_name"] = "<b>Ala</b> & co"
    await reach_consent(person)
    await consent(person, "h:yes")
    (alert,) = await sent_to(fake_api, OPS, "Case #")
    case, alert_id = case_of(alert), max(fake_api.chats[OPS])
    await recorded(redis_client, case)
    await operator.press(f"op:take:{case}", message_id=alert_id)
    (edit,) = fake_api.calls_to("editMessageText", OPS)
    assert "Taken by &lt;b&gt;Ala&lt;/b&gt; &amp; co at" in edit.text


@FRAMEWORKS
@pytest.mark.parametrize(("language", "expected"), [
    ("ru", "Вам сейчас безопасно писать?"),
    ("be", "Вам зараз бяспечна пісаць?"),
    ("en", "Is it safe for you to write now?"),
])
async def test_canned_reply_in_the_persons_language(
    framework: str, language: str, expected: str, fake_api: FakeBotAPI, redis_client: Redis,
    start_bot
) -> None:
    bot = await start_bot(framework)
    person, operator = Person(bot, fake_api, 610, language), Operator(fake_api)
    texts = {"ru": "у меня забрали паспорт и не отпускают",
             "be": "у мяне забралі пашпарт і не адпускаюць",
             "en": "they took my passport and do not let me leave"}
    await reach_consent(person, texts[language])
    await consent(person)
    (alert,) = await sent_to(fake_api, OPS, "Case #")
    case, thread = case_of(alert), int(alert.params["message_thread_id"])

    # `/r` alone: the list, for the operator only; the case is not taken by it.
    mark = len(fake_api.calls)
    await operator.write("/r", thread_id=thread)
    (listing,) = await sent_to(fake_api, OPS, "Canned replies", since=mark)
    assert "can_you_talk — Is it safe to write now?" in listing.text
    await fake_api.quiet()
    assert not fake_api.calls_to("sendMessage", person.chat_id, since=mark)
    assert (await redis_client.hget(f"smb:handoff:case:{case}", "state")) == "new"

    mark = len(fake_api.calls)
    await operator.write("/r nosuch", thread_id=thread)
    await sent_to(fake_api, OPS, 'There is no canned reply "nosuch"', since=mark)
    await fake_api.quiet()
    assert not fake_api.calls_to("sendMessage", person.chat_id, since=mark)

    # `/r <id>`: the person gets it in their language, and writing it takes the case.
    mark = len(fake_api.calls)
    await operator.write("/r can_you_talk", thread_id=thread)
    (got,) = await sent_to(fake_api, person.chat_id, expected, since=mark)
    assert "/r" not in got.text
    (echo,) = await sent_to(fake_api, OPS, "Canned reply \"can_you_talk\" sent", since=mark,
                            where=in_thread(thread))
    assert expected in echo.text
    assert (await redis_client.hget(f"smb:handoff:case:{case}", "state")) == "taken"
    actions = [e[1].get("action") for e in await redis_client.xrange("smb:handoff:audit")]
    assert "relay:canned:can_you_talk" in actions


PHOTO = {"photo": [{"file_id": "ph1", "file_unique_id": "uph1", "width": 90, "height": 90}]}
DOCUMENT = {"document": {"file_id": "doc1", "file_unique_id": "udoc1", "file_name": "c.pdf"}}
LOCATION = {"location": {"latitude": 52.23, "longitude": 21.01}}


async def copies(api: FakeBotAPI, chat_id: int, count: int, since: int) -> list[Call]:
    await api.wait_calls("copyMessage", count, chat_id, since=since)
    await api.quiet()
    return api.calls_to("copyMessage", chat_id, since=since)


@FRAMEWORKS
async def test_media_both_ways_in_an_open_case(
    framework: str, fake_api: FakeBotAPI, redis_client: Redis, start_bot
) -> None:
    bot = await start_bot(framework)
    person, operator = Person(bot, fake_api, 620, "ru"), Operator(fake_api)
    case, thread = await case_in_topic(fake_api, person)
    await operator.press(f"op:take:{case}")

    # The person's contract photo and a document reach the topic as copies, said what they are.
    for media, kind in ((PHOTO, "a photo"), (DOCUMENT, "a document")):
        mark = len(fake_api.calls)
        update = message_update(fake_api, person.user, caption="мой договор", **media)
        await fake_api.push(update)
        (said,) = await sent_to(fake_api, OPS, f"sent {kind}", since=mark,
                                where=in_thread(thread))
        assert pseudonym(620) in said.text
        (copy,) = await copies(fake_api, OPS, 1, mark)
        assert int(copy.params["from_chat_id"]) == person.chat_id
        assert int(copy.params["message_id"]) == update["message"]["message_id"]
        assert int(copy.params["message_thread_id"]) == thread
        assert not fake_api.calls_to("sendMessage", person.chat_id, since=mark)  # no bot answer

    # The operator's document and location reach the person; a captioned note does not.
    for media in (DOCUMENT, LOCATION):
        mark = len(fake_api.calls)
        sent = await operator.write(thread_id=thread, **media)
        (copy,) = await copies(fake_api, person.chat_id, 1, mark)
        assert int(copy.params["from_chat_id"]) == OPS and int(copy.params["message_id"]) == sent
        assert "message_thread_id" not in copy.params
    mark = len(fake_api.calls)
    await operator.write(thread_id=thread, caption="! scan for the lawyer", **DOCUMENT)
    await sent_to(fake_api, OPS, "📝 Note", since=mark)
    assert not fake_api.calls_to("copyMessage", person.chat_id, since=mark)
    actions = [e[1].get("action") for e in await redis_client.xrange("smb:handoff:audit")]
    assert actions.count("relay:media") == 2


@FRAMEWORKS
async def test_media_outside_a_case_gets_the_usual_reply(
    framework: str, fake_api: FakeBotAPI, start_bot
) -> None:
    bot = await start_bot(framework)
    person = Person(bot, fake_api, 621, "ru")
    await person.say("/start")
    await fake_api.quiet()
    mark = len(fake_api.calls)
    answers = await person.send(**PHOTO)
    assert answers and answers[-1].text  # the engine's helpful reply, as before
    assert not fake_api.calls_to("copyMessage", since=mark)
    assert not fake_api.calls_to("sendMessage", OPS, since=mark)


@FRAMEWORKS
async def test_a_person_who_blocked_the_bot_gets_no_media_and_the_case_says_so(
    framework: str, fake_api: FakeBotAPI, start_bot
) -> None:
    bot = await start_bot(framework)
    person, operator = Person(bot, fake_api, 622, "ru"), Operator(fake_api)
    case, thread = await case_in_topic(fake_api, person)
    await operator.press(f"op:take:{case}")
    fake_api.blocked.add(person.chat_id)
    mark = len(fake_api.calls)
    await operator.write(thread_id=thread, **DOCUMENT)
    await sent_to(fake_api, OPS, "the person has blocked the bot", since=mark,
                  where=in_thread(thread))


@FRAMEWORKS
async def test_block_is_pseudonymous_timed_audited_and_reversible(
    framework: str, fake_api: FakeBotAPI, redis_client: Redis, start_bot
) -> None:
    bot = await start_bot(framework)
    person, operator = Person(bot, fake_api, 630, "ru"), Operator(fake_api)
    case, thread = await case_in_topic(fake_api, person)
    name = pseudonym(630)

    mark = len(fake_api.calls)
    await operator.write("/block 3", thread_id=thread)
    (said,) = await sent_to(fake_api, OPS, "is blocked for 3 days by", since=mark)
    assert f"/unblock {name}" in said.text and OPERATOR_NAME in said.text
    assert (await redis_client.hget(f"smb:handoff:case:{case}", "state")) == "closed"
    keys = await redis_client.keys("smb:handoff:blocked:*")
    assert len(keys) == 1 and "630" not in keys[0]
    assert 2 * 86400 < await redis_client.ttl(keys[0]) <= 3 * 86400
    actions = [e[1].get("action") for e in await redis_client.xrange("smb:handoff:audit")]
    assert "block:3d" in actions

    # Blocked: one short neutral reply with the emergency numbers; no engine, no operators.
    mark = len(fake_api.calls)
    (neutral,) = await person.say("помогите, мне угрожают")
    assert "недоступен" in neutral.text and "112" in neutral.text
    await fake_api.quiet()
    assert not fake_api.calls_to("sendMessage", OPS, since=mark)

    mark = len(fake_api.calls)
    await operator.write(f"/unblock {name}", thread_id=thread)
    await sent_to(fake_api, OPS, "is no longer blocked", since=mark)
    assert not await redis_client.keys("smb:handoff:blocked:*")
    assert "unblock" in [e[1].get("action") for e in await redis_client.xrange("smb:handoff:audit")]
    answers = await person.say("/menu")
    assert "недоступен" not in answers[-1].text  # the bot answers as usual again


async def test_a_stranger_cannot_block(
    fake_api: FakeBotAPI, redis_client: Redis, start_bot
) -> None:
    bot = await start_bot()
    person, stranger = Person(bot, fake_api, 631, "ru"), Operator(fake_api, 999)
    fake_api.members[OPS][999] = "left"
    await reach_consent(person)
    await consent(person)
    (alert,) = await sent_to(fake_api, OPS, "Case #")
    thread = int(alert.params["message_thread_id"])
    mark = len(fake_api.calls)
    await stranger.write("/block", thread_id=thread)
    await sent_to(fake_api, OPS, "Only the NGO's operators", since=mark)
    assert not await redis_client.keys("smb:handoff:blocked:*")


@FRAMEWORKS
async def test_the_person_is_told_the_next_day_that_really_opens(
    framework: str, fake_api: FakeBotAPI, start_bot, tmp_path: Path,
) -> None:
    # Today and tomorrow are listed closures: the person hears the day after tomorrow.
    today = datetime.now(ZoneInfo("Europe/Minsk")).date()
    closures = tmp_path / "closures.yaml"
    closures.write_text(f"closures:\n  - {{from: {today}, to: {today + timedelta(days=1)}}}\n",
                        encoding="utf-8")
    bot = await start_bot(framework, hours="08:00-20:00", closures_file=closures)
    person = Person(bot, fake_api, 640, "ru")
    await reach_consent(person)
    told = await consent(person)
    opening = format_date(today + timedelta(days=2), "d MMMM", locale="ru")
    assert f"{opening}, 08:00 (Минск)" in told[-1].text
    assert "112" in told[-1].text  # out of hours: the numbers at once
