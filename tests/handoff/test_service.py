"""The handoff over a real Redis with a recording messenger: case, queue, relay, close, stats."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import pytest
from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.config import REPO_ROOT, OperatorSettings
from bot.core.events import EventKind, IncomingEvent, Reply
from bot.handoff.audit import Audit
from bot.handoff.service import build_handoff
from bot.handoff.stats import collect
from bot.i18n import I18n
from tests.handoff.conftest import (
    OPERATOR,
    OPS_CHAT,
    PSEUDONYMS,
    STRANGER,
    MakeHandoff,
    OpInput,
    RecordingMessenger,
    alert,
    minimal_content,
)
from tests.helpers.redis_server import running_redis

USER = "a" * 32
CHAT = 5551


def user_text(text: str, kind: EventKind = EventKind.TEXT) -> IncomingEvent:
    return IncomingEvent(user_key=USER, chat_key=str(CHAT), kind=kind, text=text)


OPERATOR_NAME = "Alena"


def press(payload: str, user_id: int = OPERATOR) -> OpInput:
    return OpInput(OPS_CHAT, user_id, EventKind.BUTTON, payload=payload, callback_id="cb",
                   user_name=OPERATOR_NAME)


async def deliver_all(handoff) -> int:
    posted = 0
    for item in await handoff.parts.queue.read(block_ms=10):
        posted += await handoff.parts.queue.deliver(item, handoff.poster.post)
    return posted


async def test_whole_path_in_topic_mode(make_handoff: MakeHandoff, redis_client: Redis) -> None:
    tg = RecordingMessenger(topics=True)
    handoff = make_handoff(tg)
    await handoff.alert(alert(USER, str(CHAT), user_text="<b>help</b> me"))
    queued = tg.to(CHAT)[-1].reply
    assert "1" in queued.text and queued.buttons[0][0].payload == "h:stop"

    assert await deliver_all(handoff) == 1
    (post,) = tg.to(OPS_CHAT)
    pseudonym = PSEUDONYMS.pseudonym(USER)
    assert pseudonym in post.reply.text and USER not in post.reply.text
    assert str(CHAT) not in post.reply.text
    assert "<b>help</b> me" in post.reply.text  # plain text: the messenger escapes it
    assert post.thread_id is not None and tg.topics_made
    case_id = post.reply.buttons[0][0].payload.split(":")[2]  # type: ignore[union-attr]
    assert [b.payload for b in post.reply.buttons[0]] == [
        f"op:take:{case_id}", f"op:close:{case_id}", f"op:norisk:{case_id}"]

    await handoff.handle_operator_update(press(f"op:take:{case_id}"))
    assert "подключился" in tg.to(CHAT)[-1].reply.text

    assert await handoff.user_event(user_text("они забрали паспорт"))
    relayed = tg.to(OPS_CHAT)[-1]
    assert relayed.thread_id == post.thread_id and "забрали паспорт" in relayed.reply.text

    await handoff.handle_operator_update(OpInput(
        OPS_CHAT, OPERATOR, EventKind.TEXT, text="Позвоните 112", message_id=900,
        thread_id=post.thread_id))
    assert tg.to(CHAT)[-1].reply.text == "Позвоните 112"

    await handoff.handle_operator_update(press(f"op:close:{case_id}"))
    assert "завершён" in tg.sent[-2].reply.text or any(
        "завершён" in s.reply.text for s in tg.to(CHAT))
    outcome_q = tg.to(OPS_CHAT)[-1].reply
    assert f"op:out:{case_id}:referred" in [b.payload for row in outcome_q.buttons for b in row]
    await handoff.handle_operator_update(press(f"op:out:{case_id}:referred"))
    await handoff.handle_operator_update(press(f"op:out:{case_id}:advice"))  # first press wins

    assert not await handoff.user_event(user_text("ещё вопрос"))  # back to the bot
    counts = next(iter((await collect(redis_client, 1, _today())).values()))
    assert counts["cases"] == 1 and counts["outcome:referred"] == 1
    assert "outcome:advice" not in counts
    assert counts["language:ru"] == 1 and counts["indicator:risk_documents_withheld"] == 1

    actions = [e["action"] for e in await Audit(redis_client).entries()]
    assert {"take", "relay", "close", "outcome:referred"} <= set(actions)
    for entry in await Audit(redis_client).entries():
        assert set(entry) == {"operator", "case", "action", "at"}


def _today():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo("Europe/Minsk")).date()


async def test_reply_mode_without_topics(make_handoff: MakeHandoff) -> None:
    tg = RecordingMessenger(topics=False)
    handoff = make_handoff(tg)
    await handoff.alert(alert(USER, str(CHAT)))
    await deliver_all(handoff)
    (post,) = tg.to(OPS_CHAT)
    assert post.thread_id is None
    case_id = post.reply.buttons[0][0].payload.split(":")[2]  # type: ignore[union-attr]

    await handoff.user_event(user_text("я здесь"))
    assert tg.to(OPS_CHAT)[-1].reply_to == post.ids[0]

    # Writing in the case without pressing Take takes it; a reply to the alert reaches the person.
    await handoff.handle_operator_update(OpInput(
        OPS_CHAT, OPERATOR, EventKind.TEXT, text="Мы здесь", message_id=901,
        reply_to_message_id=post.ids[0]))
    assert tg.to(CHAT)[-1].reply.text == "Мы здесь"
    case = await handoff.parts.cases.get(case_id)
    assert case is not None and case.state == "taken" and case.operator == OPERATOR
    # A message unrelated to any case is operators' own talk: ignored.
    before = len(tg.sent)
    await handoff.handle_operator_update(OpInput(OPS_CHAT, OPERATOR, EventKind.TEXT, text="hi"))
    assert len(tg.sent) == before


async def test_stranger_is_refused(make_handoff: MakeHandoff, redis_client: Redis) -> None:
    tg = RecordingMessenger(members={STRANGER: "left", 5150: "member"})
    handoff = make_handoff(tg)
    await handoff.alert(alert(USER, str(CHAT)))
    await deliver_all(handoff)
    case_id = tg.to(OPS_CHAT)[0].reply.buttons[0][0].payload.split(":")[2]  # type: ignore[union-attr]

    await handoff.handle_operator_update(press(f"op:take:{case_id}", STRANGER))
    assert tg.answers[-1][1] and "operators" in tg.answers[-1][1]
    case = await handoff.parts.cases.get(case_id)
    assert case is not None and case.state == "new"
    entry = (await Audit(redis_client).entries())[0]
    assert entry["action"] == "refused" and str(STRANGER) not in entry["operator"]

    # A member of the operators' chat, not listed in OPERATOR_IDS, may act.
    await handoff.handle_operator_update(press(f"op:take:{case_id}", 5150))
    case = await handoff.parts.cases.get(case_id)
    assert case is not None and case.state == "taken"


async def test_two_replicas_post_once(make_handoff: MakeHandoff) -> None:
    tg = RecordingMessenger()
    one, two = make_handoff(tg, claim_idle=0.05), make_handoff(tg, claim_idle=0.05)
    for n in range(5):
        await one.alert(alert(f"{n:032d}", str(1000 + n)))
    stop = asyncio.Event()
    runs = [asyncio.create_task(h.run(stop)) for h in (one, two)]
    for _ in range(100):
        if len(tg.to(OPS_CHAT)) >= 5:
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.3)
    stop.set()
    await asyncio.gather(*runs)
    posted = [s.reply.text.rsplit("#", 1)[1] for s in tg.to(OPS_CHAT)]
    assert len(posted) == 5 and len(set(posted)) == 5
    assert await one.parts.queue.pending() == 0


async def test_dead_replica_alert_is_claimed(make_handoff: MakeHandoff) -> None:
    tg = RecordingMessenger()
    dead = make_handoff(tg, claim_idle=0.1)
    await dead.alert(alert(USER, str(CHAT)))
    assert await dead.parts.queue.read(block_ms=10)  # read, then the process "dies"
    survivor = make_handoff(tg, claim_idle=0.1)
    assert not await survivor.parts.queue.read(block_ms=10)
    await asyncio.sleep(0.15)
    for item in await survivor.parts.queue.claim():
        await survivor.parts.queue.deliver(item, survivor.poster.post)
    assert len(tg.to(OPS_CHAT)) == 1 and await survivor.parts.queue.pending() == 0


async def test_failed_post_stays_queued(make_handoff: MakeHandoff) -> None:
    tg = RecordingMessenger()
    handoff = make_handoff(tg, claim_idle=0.05)
    await handoff.alert(alert(USER, str(CHAT)))
    (item,) = await handoff.parts.queue.read(block_ms=10)

    async def broken(_: object) -> None:
        raise ConnectionError("telegram down")

    assert not await handoff.parts.queue.deliver(item, broken)
    assert await handoff.parts.queue.pending() == 1
    await asyncio.sleep(0.1)
    (again,) = await handoff.parts.queue.claim()
    assert await handoff.parts.queue.deliver(again, handoff.poster.post)
    assert len(tg.to(OPS_CHAT)) == 1


async def test_restart_in_the_middle_of_a_case(make_handoff: MakeHandoff) -> None:
    tg = RecordingMessenger(topics=False)
    first = make_handoff(tg)
    await first.alert(alert(USER, str(CHAT)))
    await deliver_all(first)
    post = tg.to(OPS_CHAT)[0]
    case_id = post.reply.buttons[0][0].payload.split(":")[2]  # type: ignore[union-attr]
    await first.handle_operator_update(press(f"op:take:{case_id}"))

    second = make_handoff(RecordingMessenger(topics=False))  # a new process, same Redis
    tg2 = second.parts.messenger
    assert await second.user_event(user_text("вы ещё здесь?"))
    assert tg2.to(OPS_CHAT)[-1].reply_to == post.ids[0]  # type: ignore[attr-defined]
    await second.handle_operator_update(OpInput(
        OPS_CHAT, OPERATOR, EventKind.TEXT, text="Да", message_id=5,
        reply_to_message_id=post.ids[0]))
    assert tg2.to(CHAT)[-1].reply.text == "Да"  # type: ignore[attr-defined]


async def test_user_stop_and_second_request(make_handoff: MakeHandoff) -> None:
    tg = RecordingMessenger()
    handoff = make_handoff(tg)
    await handoff.alert(alert(USER, str(CHAT)))
    await handoff.alert(alert(USER, str(CHAT)))  # asked twice: one case, one alert
    await deliver_all(handoff)
    assert len(tg.to(OPS_CHAT)) == 1
    assert await handoff.user_event(user_text("/stop", EventKind.COMMAND))
    assert "остановили" in tg.to(CHAT)[-1].reply.text
    texts = [s.reply.text for s in tg.to(OPS_CHAT)]
    assert any("ended the conversation" in t for t in texts)
    assert not await handoff.user_event(user_text("привет"))


async def test_commands_reach_the_engine_during_a_case(make_handoff: MakeHandoff) -> None:
    handoff = make_handoff(RecordingMessenger())
    await handoff.alert(alert(USER, str(CHAT)))
    assert not await handoff.user_event(user_text("/hotlines", EventKind.COMMAND))
    assert await handoff.user_event(user_text("текст"))


async def test_danger_phrase_while_waiting_escalates(make_handoff: MakeHandoff) -> None:
    tg = RecordingMessenger()
    handoff = make_handoff(
        tg, danger=lambda text, lang: ["risk_confinement"] if "заперли" in text else [])
    await handoff.alert(alert(USER, str(CHAT)))
    await deliver_all(handoff)
    await handoff.user_event(user_text("меня заперли"))
    assert "Danger phrase (risk_confinement)" in tg.to(OPS_CHAT)[-1].reply.text
    assert await handoff.poster.escalate_due() == 1


async def test_escalation_of_an_untaken_case(make_handoff: MakeHandoff) -> None:
    tg = RecordingMessenger(topics=False)
    handoff = make_handoff(tg, escalate_after=0.1)
    await handoff.alert(alert(USER, str(CHAT)))
    await deliver_all(handoff)
    assert await handoff.poster.escalate_due() == 0
    await asyncio.sleep(0.15)
    assert await handoff.poster.escalate_due() == 1
    assert await handoff.poster.escalate_due() == 0  # not again until the next period
    await deliver_all(handoff)
    escalated = tg.to(OPS_CHAT)[-1]
    assert "ESCALATED (1)" in escalated.reply.text and escalated.reply.buttons
    assert escalated.reply_to == tg.to(OPS_CHAT)[0].ids[0]
    assert "номер в очереди: 1" in tg.to(CHAT)[-1].reply.text
    case_id = escalated.reply.buttons[0][0].payload.split(":")[2]  # type: ignore[union-attr]
    await handoff.handle_operator_update(press(f"op:take:{case_id}"))
    await asyncio.sleep(0.15)
    assert await handoff.poster.escalate_due() == 0  # taken: no more escalations


async def test_capacity_keeps_the_case_queued(make_handoff: MakeHandoff) -> None:
    tg = RecordingMessenger()
    handoff = make_handoff(tg, settings={"capacity": 1})
    await handoff.alert(alert("1" * 32, "11"))
    await handoff.alert(alert("2" * 32, "12"))
    await deliver_all(handoff)
    ids = [s.reply.buttons[0][0].payload.split(":")[2] for s in tg.to(OPS_CHAT)]  # type: ignore[union-attr]
    await handoff.handle_operator_update(press(f"op:take:{ids[0]}"))
    await handoff.handle_operator_update(press(f"op:take:{ids[1]}"))
    assert "open cases" in (tg.answers[-1][1] or "")
    second = await handoff.parts.cases.get(ids[1])
    assert second is not None and second.state == "new"


async def test_every_key_about_a_person_expires(
    make_handoff: MakeHandoff, redis_client: Redis
) -> None:
    tg = RecordingMessenger()
    handoff = make_handoff(tg)
    await handoff.alert(alert(USER, str(CHAT), user_text="секрет"))
    await deliver_all(handoff)
    case_id = tg.to(OPS_CHAT)[0].reply.buttons[0][0].payload.split(":")[2]  # type: ignore[union-attr]
    await handoff.user_event(user_text("ещё"))
    streams = {"smb:handoff:alerts", "smb:handoff:audit", "smb:handoff:waiting",
               "smb:handoff:due"}
    for key in await redis_client.keys("smb:*"):
        if key not in streams:
            assert await redis_client.ttl(key) > 0, key
    raw = await redis_client.hgetall(f"smb:handoff:case:{case_id}")
    assert "user_text" not in raw  # dropped once the alert was posted
    dump = " ".join([str(v) for v in raw.values()])
    assert str(CHAT) not in dump
    await handoff.forget_user(USER)
    assert not await redis_client.exists(f"smb:chat:{USER}", f"smb:case:{USER}")


async def test_forged_presses_do_not_act(make_handoff: MakeHandoff, redis_client: Redis) -> None:
    tg = RecordingMessenger(members={STRANGER: "left"})
    handoff = make_handoff(tg)
    await handoff.alert(alert(USER, str(CHAT)))
    await deliver_all(handoff)
    case_id = tg.to(OPS_CHAT)[0].reply.buttons[0][0].payload.split(":")[2]  # type: ignore[union-attr]

    # An outcome for a case still open, a case that does not exist, garbage, a stranger.
    for payload, user_id in ((f"op:out:{case_id}:referred", OPERATOR),
                             ("op:take:ffffffffff", OPERATOR), ("op:zap:" + case_id, OPERATOR),
                             ("op", OPERATOR), (f"op:close:{case_id}", STRANGER)):
        await handoff.handle_operator_update(press(payload, user_id))
    case = await handoff.parts.cases.get(case_id)
    assert case is not None and case.state == "new" and not case.outcome
    assert len(tg.answers) == 5  # every press got its spinner stopped
    assert "Close the case first." in [text for _, text in tg.answers]
    assert not tg.to(CHAT)[1:]  # the person heard nothing but their place in the queue

    # A stranger writing in the case is refused; the person gets nothing.
    refusal = OpInput(OPS_CHAT, STRANGER, EventKind.TEXT, text="hi", message_id=9,
                      reply_to_message_id=tg.to(OPS_CHAT)[0].ids[0])
    await handoff.handle_operator_update(refusal)
    assert "Only the NGO's operators" in tg.to(OPS_CHAT)[-1].reply.text
    assert not tg.to(CHAT)[1:]


async def test_alert_is_edited_on_take_close_and_outcome(make_handoff: MakeHandoff) -> None:
    tg = RecordingMessenger(topics=True)
    handoff = make_handoff(tg)
    await handoff.alert(alert(USER, str(CHAT)))  # no free text: the alert can be redrawn
    await deliver_all(handoff)
    (post,) = tg.to(OPS_CHAT)
    case_id = post.reply.buttons[0][0].payload.split(":")[2]  # type: ignore[union-attr]

    await handoff.handle_operator_update(press(f"op:take:{case_id}"))
    assert len(tg.to(OPS_CHAT)) == 1  # nothing posted: the alert was edited
    (chat, mid, taken), = tg.edits
    assert (chat, mid) == (OPS_CHAT, post.ids[0])
    assert f"Taken by {OPERATOR_NAME} at " in taken.text and "Паспорт забрали" in taken.text
    assert str(OPERATOR) not in taken.text  # staff by name, never a raw Telegram id
    assert [b.payload for b in taken.buttons[0]] == [f"op:close:{case_id}",
                                                    f"op:norisk:{case_id}"]

    closing = OpInput(OPS_CHAT, OPERATOR, EventKind.BUTTON, payload=f"op:close:{case_id}",
                      callback_id="cb", message_id=post.ids[0], user_name="Ihar")
    await handoff.handle_operator_update(closing)  # pressed on the alert: it asks the outcome
    asked = tg.edits[-1][2]
    assert "Closed by Ihar" in asked.text and "What was the outcome?" in asked.text
    assert f"op:out:{case_id}:advice" in [b.payload for row in asked.buttons for b in row]
    assert len(tg.to(OPS_CHAT)) == 1 and tg.topics_closed == [post.thread_id]

    await handoff.handle_operator_update(press(f"op:out:{case_id}:advice"))
    final = tg.edits[-1][2]
    assert "Outcome: Advice given" in final.text and final.buttons == []
    assert len(tg.to(OPS_CHAT)) == 1


async def test_failed_edit_falls_back_to_notes(make_handoff: MakeHandoff) -> None:
    tg = RecordingMessenger(topics=False, edit_fails=True)
    handoff = make_handoff(tg)
    await handoff.alert(alert(USER, str(CHAT)))
    await deliver_all(handoff)
    case_id = tg.to(OPS_CHAT)[0].reply.buttons[0][0].payload.split(":")[2]  # type: ignore[union-attr]
    await handoff.handle_operator_update(press(f"op:take:{case_id}"))
    assert tg.to(OPS_CHAT)[-1].reply.text == f"✅ Taken by {OPERATOR_NAME}."
    await handoff.handle_operator_update(press(f"op:norisk:{case_id}"))
    assert tg.to(OPS_CHAT)[-1].reply.text == "Outcome recorded: No risk."
    assert tg.topics_closed == []  # reply mode: no topic to close


async def test_alert_with_the_persons_words_is_not_redrawn(make_handoff: MakeHandoff) -> None:
    # The words are dropped once posted: a redrawn alert would lose them, so notes are posted.
    tg = RecordingMessenger(topics=True)
    handoff = make_handoff(tg)
    await handoff.alert(alert(USER, str(CHAT), user_text="мои слова"))
    await deliver_all(handoff)
    case_id = tg.to(OPS_CHAT)[0].reply.buttons[0][0].payload.split(":")[2]  # type: ignore[union-attr]
    await handoff.handle_operator_update(press(f"op:take:{case_id}"))
    assert tg.edits == [] and "Taken by Alena" in tg.to(OPS_CHAT)[-1].reply.text
    assert await handoff.user_event(user_text("/stop", EventKind.COMMAND))
    assert tg.edits == [] and len(tg.topics_closed) == 1  # the topic is closed all the same


async def test_pseudonyms_are_unique_among_open_cases(
    make_handoff: MakeHandoff, redis_client: Redis
) -> None:
    # With two-digit names, 300 people made several pairs operators could mix up.
    handoff = make_handoff(RecordingMessenger())
    for n in range(300):
        await handoff.alert(alert(f"{n:032x}", str(10_000 + n)))
    names = [await redis_client.hget(key, "pseudonym")
             for key in await redis_client.keys("smb:handoff:case:*")]
    assert len(names) == 300 and len(set(names)) == 300


async def test_a_taken_pseudonym_goes_to_the_next_name_and_the_owner_keeps_theirs(
    make_handoff: MakeHandoff, redis_client: Redis
) -> None:
    # No reopen window: asking again after a close opens a new case (within it, the same case).
    handoff = make_handoff(RecordingMessenger(), settings={"reopen_days": 0})
    first, second = "1" * 32, "2" * 32
    # Someone else's open case already holds the name the second person would get.
    taken = PSEUDONYMS.pseudonym(second)
    await redis_client.set(f"smb:handoff:pseudonym:{taken}", "someone-else", ex=60)
    await handoff.alert(alert(second, "6002"))
    case = await handoff.parts.cases.open_case_of(second)
    assert case is not None and case.pseudonym != taken
    assert case.pseudonym == PSEUDONYMS.pseudonym(second, 1)

    await handoff.alert(alert(first, "6001"))
    mine = await handoff.parts.cases.open_case_of(first)
    assert mine is not None
    await handoff.parts.cases.close(mine.id, str(OPERATOR))
    await handoff.alert(alert(first, "6001"))  # a new case later: the same name for the person
    again = await handoff.parts.cases.open_case_of(first)
    assert again is not None and again.id != mine.id and again.pseudonym == mine.pseudonym


async def test_notes_to_operators_are_in_the_operators_language(
    make_handoff: MakeHandoff, redis_client: Redis
) -> None:
    tg = RecordingMessenger(topics=True)
    handoff = make_handoff(tg, settings={"language": "be"})
    await handoff.alert(alert(USER, str(CHAT)))
    await deliver_all(handoff)
    case_id = tg.to(OPS_CHAT)[0].reply.buttons[0][0].payload.split(":")[2]  # type: ignore[union-attr]
    await handoff.handle_operator_update(press(f"op:take:{case_id}"))
    tg.blocked.add(CHAT)
    thread = tg.to(OPS_CHAT)[0].thread_id
    await handoff.handle_operator_update(OpInput(
        OPS_CHAT, OPERATOR, EventKind.TEXT, text="Прывітанне", message_id=77, thread_id=thread))
    assert tg.to(OPS_CHAT)[-1].reply.text == "Не дастаўлена: чалавек заблакаваў бота."


async def test_redis_crash_right_after_the_post_does_not_double_it() -> None:
    # Redis (with persistence: it comes back with the queue entry still pending) dies between
    # Telegram taking the alert and the bot recording it; the retry must not post it again.
    with running_redis() as server:
        redis = Redis.from_url(server.url, decode_responses=True)
        crashed: list[int] = []

        @dataclass
        class CrashingMessenger(RecordingMessenger):
            async def send(self, chat_id: int, reply: Reply, *, thread_id: int | None = None,
                           reply_to: int | None = None) -> list[int]:
                ids = await super().send(chat_id, reply, thread_id=thread_id,
                                         reply_to=reply_to)
                if chat_id == OPS_CHAT and "Case #" in reply.text and not crashed:
                    crashed.append(1)
                    await redis.save()  # what persistence has on disk: the post not recorded
                    server.stop()
                return ids

        tg = CrashingMessenger()
        settings = OperatorSettings(_env_file=None, chat_id=OPS_CHAT,  # type: ignore[call-arg]
                                    ids=str(OPERATOR))
        content = minimal_content()
        handoff = build_handoff(settings, redis=redis, messenger=tg, pseudonymizer=PSEUDONYMS,
                                content=lambda: content, i18n=I18n(REPO_ROOT / "locales"),
                                case_ttl=3600, claim_idle=0.0)
        try:
            await handoff.alert(alert(USER, str(CHAT)))
            (item,) = await handoff.parts.queue.read(block_ms=10)
            with pytest.raises(RedisError):
                await handoff.parts.queue.deliver(item, handoff.poster.post)
            server.start()
            for key in await redis.keys("smb:handoff:posting:*"):
                await redis.delete(key)  # the short posting lock has run out meanwhile
            for again in await handoff.parts.queue.claim():
                assert await handoff.parts.queue.deliver(again, handoff.poster.post)
            assert len([s for s in tg.to(OPS_CHAT) if "Case #" in s.reply.text]) == 1
            assert await handoff.parts.queue.pending() == 0
            case = await handoff.parts.cases.open_case_of(USER)
            assert case is not None and case.alert_msg and case.posted == 0
        finally:
            await redis.aclose()
