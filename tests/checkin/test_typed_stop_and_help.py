"""Typed under an open check-in question, "all right", "I need help" and "stop" act as the
buttons (walk of issue 15: a typed "стоп" was answered as small talk and the check-ins went
on; only the button stopped them). "Стоп!", "ХВАТИТ", "спыні", "stop asking" end the check-ins
as *Stop asking* does; "помогите", "мне нужна помощь", "I need help" get what *Not fine* gets
(the numbers first, then the offer of a person) and count as its answer, also when the danger
phrases answered them first. The other side: with no question open, a typed "стоп" stops
nothing (the plan's status comes, with its *Stop asking*); a longer message with a stop word
in it is no answer; a cry with "стоп" in it gets the numbers and leaves the check-ins running.
The real engine on a real redis-server (a question opened as the scheduler opens it), then the
fake Bot API with the scheduler."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from bot.checkin.plan import DAY
from bot.checkin.store import PlanStore
from tests.checkin.helpers import SECRET_KEY, FakeClock, engine, idle, set_up
from tests.handoff.telegram import OPS, HandoffBot, sent_to
from tests.helpers.chat import Chat, alerts, all_payloads, texts
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

STOPPED = {"ru": "больше не буду спрашивать", "be": "больш не буду пытацца",
           "en": "I will not ask any more"}


async def running(redis_client: Redis, language: str, *, asked: bool = True
                  ) -> tuple[Chat, PlanStore]:
    """Check-ins on; with `asked`, their question open (as the scheduler leaves it)."""
    clock = FakeClock()
    chat = Chat(engine(redis_client, clock), language_code=language)
    await chat.command("/start")
    for payload in ("m:checkin", "ci:i:2", "ci:d:2", "ci:g:12", "ci:c:PL", "ci:l:no",
                    "ci:skip", "ci:skip", "ci:go"):
        await chat.press(payload)
    store = PlanStore(redis_client, SECRET_KEY)
    plan = await store.load(chat.user_key)
    assert plan is not None and plan.phase == "waiting"
    if asked:
        plan.phase, plan.asked_at, plan.next_at = "asked", clock.now, clock.now + DAY
        assert await store.save(chat.user_key, plan, seq=plan.seq, now=clock.now)
    return chat, store


@pytest.mark.parametrize(("language", "typed"), [
    ("ru", "стоп"), ("ru", "Стоп!"), ("ru", "ХВАТИТ."), ("ru", "больше не спрашивай"),
    ("ru", "hvatit"), ("be", "спыні"), ("be", "Хопіць!"), ("be", "хопіць пытацца"),
    ("en", "stop"), ("en", "STOP!!"), ("en", "Stop asking."), ("en", "please stop"),
    # In their own words, courtesy after (never the emergency screen: the stop text first).
    ("ru", "хватит уже"), ("ru", "Не пиши мне больше!"), ("en", "stop pls"),
    ("be", "не пішы мне больш"),
])
async def test_a_typed_stop_under_an_open_question_is_the_stop_button(
    redis_client: Redis, language: str, typed: str
) -> None:
    chat, store = await running(redis_client, language)
    reply = await chat.say(typed)
    assert STOPPED[language] in texts(reply)[0], texts(reply)
    assert not alerts(reply)
    assert await store.load(chat.user_key) is None  # off at once, as after the button


@pytest.mark.parametrize(("language", "typed"), [
    ("ru", "мне нужна помощь"), ("ru", "Помогите!"), ("ru", "нужна помощь"),
    ("be", "дапамажыце"), ("be", "Мне патрэбна дапамога"), ("en", "I need help"),
    ("en", "help!"), ("ru", "👎"),
])
async def test_a_typed_i_need_help_gets_what_the_not_fine_button_gets_and_counts(
    redis_client: Redis, language: str, typed: str
) -> None:
    pressed_chat, _ = await running(redis_client, language)
    pressed = await pressed_chat.press("ci:help")
    chat, store = await running(redis_client, language)
    reply = await chat.say(typed)
    shown = "\n".join(texts(reply))
    assert "112" in texts(reply)[0]  # the numbers first
    for text in texts(pressed):  # and everything the button gives
        assert text.split("\n")[0] in shown, (text, shown)
    assert set(all_payloads(pressed)) <= set(all_payloads(reply))
    plan = await store.load(chat.user_key)
    assert plan is not None and plan.last_answer == "help"


@pytest.mark.parametrize(("language", "typed"), [
    ("ru", "стоп"), ("be", "спыні"), ("en", "stop"),
])
async def test_with_no_question_open_a_typed_stop_shows_the_plan_and_its_stop_button(
    redis_client: Redis, language: str, typed: str
) -> None:
    """Walk of issue 15: "Стоп!" with check-ins on and no question open was answered "I
    can't help with that" and they ran on. It may not be about them: nothing stops unasked,
    the status comes with *Stop asking*, as /checkin shows it."""
    chat, store = await running(redis_client, language, asked=False)
    reply = await chat.say(typed)
    assert texts(reply) == texts(await chat.command("/checkin"))
    assert any(p.startswith("ci:stop") for p in all_payloads(reply))
    plan = await store.load(chat.user_key)
    assert plan is not None and plan.phase == "waiting"


@pytest.mark.parametrize(("language", "typed"), [
    ("ru", "стоп, а как получить визу в Польшу?"), ("en", "stop sending me job ads please now"),
])
async def test_a_longer_message_with_a_stop_word_is_no_answer(
    redis_client: Redis, language: str, typed: str
) -> None:
    chat, store = await running(redis_client, language)
    reply = await chat.say(typed)
    assert not any(STOPPED[language] in text for text in texts(reply))
    plan = await store.load(chat.user_key)
    assert plan is not None and plan.phase == "asked"


async def test_a_cry_with_stop_in_it_gets_the_numbers_and_counts_as_not_fine(
    redis_client: Redis,
) -> None:
    """A danger phrase under an open check-in is its "Not fine" (walk of issue 15), never its
    "stop": the numbers first, the check-ins run on."""
    chat, store = await running(redis_client, "ru")
    reply = await chat.say("стоп, меня заперли и не выпускают")
    assert "112" in texts(reply)[0]
    plan = await store.load(chat.user_key)
    assert plan is not None and plan.phase == "waiting" and plan.last_answer == "help"


QUESTION = {"ru": "Как дела, всё в порядке?", "be": "Як справы, усё ў парадку?",
            "en": "How are things, all fine?"}


@pytest.mark.parametrize(("framework", "language", "typed"),
                         [("aiogram", "ru", "Стоп!"), ("ptb", "be", "спыні"),
                          ("aiogram", "en", "Stop asking.")])
async def test_on_telegram_a_typed_stop_ends_the_check_ins_and_nothing_comes_later(
    framework: str, language: str, typed: str, fake_api: FakeBotAPI, bot: HandoffBot,
    clock: FakeClock
) -> None:
    person = Person(bot, fake_api, 7931, language)
    await person.say("/start")
    await set_up(person)
    clock.advance(2 * DAY + 1)
    await sent_to(fake_api, person.chat_id, QUESTION[language])
    [reply] = await person.say(typed)
    assert STOPPED[language] in reply.text
    mark = len(fake_api.calls)
    clock.advance(5 * DAY)
    await idle()
    assert not fake_api.calls_to("sendMessage", person.chat_id, mark)  # no question, no alert
    assert not fake_api.calls_to("sendMessage", OPS, mark)


@pytest.mark.parametrize(("language", "typed"), [("ru", "Стоп!"), ("be", "спыні"),
                                                 ("en", "stop")])
async def test_stopped_after_a_missed_check_in_checkin_says_they_are_off(
    redis_client: Redis, language: str, typed: str
) -> None:
    """Walk of issue 15 (be): "спыні" after a missed check-in's alert, then /checkin said
    "Check-ins are on until …" with *Stop asking* (the plan waits for the team to hear of the
    stop). The other side: the team still hears of it (the plan keeps the late "stop")."""
    chat, store = await running(redis_client, language)
    plan = await store.load(chat.user_key)
    assert plan is not None
    plan.phase, plan.reported = "alerted", True  # as after the missed check-in's alert
    assert await store.save(chat.user_key, plan, seq=plan.seq, now=plan.asked_at or 0.0)
    assert STOPPED[language] in texts(await chat.say(typed))[0]
    status = await chat.command("/checkin")
    assert STOPPED[language] in texts(status)[0]
    assert not any(p.startswith("ci:stop") for p in all_payloads(status))
    plan = await store.load(chat.user_key)
    assert plan is not None and plan.late == "stop"  # for the team's note
