"""Check-ins and the code word together, as a new user on a phone mixes them: a word that is
also a check-in answer, /codeword left open when a check-in comes, the word typed in the middle
of the setup. Engine, plans and sessions in a real Redis, a fake clock."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from bot.checkin.plan import DAY
from bot.checkin.store import PlanStore
from tests.checkin.helpers import SECRET_KEY, FakeClock, engine
from tests.helpers.chat import Chat, alerts, all_payloads, texts

WORD = "голубцы с рисом"


async def _running(chat: Chat, clock: FakeClock, redis_client: Redis, *,
                   asked: bool) -> PlanStore:
    """Check-ins on (Poland, nothing else shared); with `asked`, a check-in waits now."""
    await chat.command("/checkin")
    for payload in ("ci:i:2", "ci:d:2", "ci:g:12", "ci:c:PL", "ci:l:no", "ci:skip", "ci:skip",
                    "ci:go"):
        await chat.press(payload)
    store = PlanStore(redis_client, SECRET_KEY)
    if asked:
        plan = await store.load(chat.user_key)
        assert plan is not None
        plan.phase, plan.asked_at, plan.next_at = "asked", clock.now, clock.now + DAY
        assert await store.save(chat.user_key, plan, seq=plan.seq, now=clock.now)
    return store


async def _set_word(chat: Chat, word: str = WORD) -> None:
    await chat.command("/codeword")
    asked = await chat.say(word)
    assert "sa:in:yes" in all_payloads(asked), texts(asked)
    await chat.press("sa:in:no")


@pytest.mark.parametrize(("language", "word"), [
    ("ru", "всё хорошо"), ("ru", "норм"), ("ru", "в порядке"), ("be", "усё добра"),
    ("be", "ў парадку"), ("en", "I'm fine"), ("en", "all good"),
])
async def test_a_check_in_answer_is_refused_as_a_code_word(
    redis_client: Redis, language: str, word: str
) -> None:
    """"всё хорошо" as the word would raise the alarm at every typed answer to a check-in
    (and the answer would never count): the person is asked for another word."""
    chat = Chat(engine(redis_client, FakeClock()), language_code=language)
    await chat.command("/start")
    await chat.command("/codeword")
    refused = await chat.say(word)
    assert "sa:in:yes" not in all_payloads(refused) and not alerts(refused)
    await _set_word_after_refusal(chat)


async def _set_word_after_refusal(chat: Chat) -> None:
    asked = await chat.say(WORD)  # still waiting for a word: a good one is taken
    assert "sa:in:yes" in all_payloads(asked)


@pytest.mark.parametrize(("language", "typed"), [("ru", "ок"), ("ru", "норм"),
                                                 ("be", "усё добра"), ("en", "fine")])
async def test_codeword_left_open_when_a_check_in_comes_lets_the_typed_answer_count(
    redis_client: Redis, language: str, typed: str
) -> None:
    """/codeword opened, then the check-in arrives and the person types "норм": it answers
    the check-in (no alert later), and is neither refused as too short nor kept as the word."""
    clock = FakeClock()
    chat = Chat(engine(redis_client, clock), language_code=language)
    await chat.command("/start")
    store = await _running(chat, clock, redis_client, asked=False)
    await chat.command("/codeword")
    plan = await store.load(chat.user_key)
    assert plan is not None
    plan.phase, plan.asked_at, plan.next_at = "asked", clock.now, clock.now + DAY
    assert await store.save(chat.user_key, plan, seq=plan.seq, now=clock.now)

    reply = await chat.say(typed)
    assert "sa:in:yes" not in all_payloads(reply) and not alerts(reply)
    plan = await store.load(chat.user_key)
    assert plan is not None and plan.phase == "waiting" and plan.last_answer == "ok"
    again = await chat.say(typed)  # no word was kept: an ordinary message, no alarm
    assert not alerts(again)


async def test_the_code_word_while_a_check_in_waits_raises_the_alarm_and_leaves_it_waiting(
    redis_client: Redis,
) -> None:
    """The word is not an answer: the check-in still counts as unanswered (its miss reaches
    the same case), and the phone sees only the ordinary reply."""
    clock = FakeClock()
    chat = Chat(engine(redis_client, clock), language_code="ru")
    await chat.command("/start")
    await _set_word(chat)
    store = await _running(chat, clock, redis_client, asked=True)
    reply = await chat.say(WORD.upper())
    [alert] = alerts(reply)
    assert "silent-alarm" in alert.indicators and alert.silent
    assert texts(reply) == ["Спасибо, записал! Хорошего дня 🙂"] and not all_payloads(reply)
    plan = await store.load(chat.user_key)
    assert plan is not None and plan.phase == "asked"


async def test_the_code_word_typed_at_the_employer_question_is_never_stored_as_a_name(
    redis_client: Redis,
) -> None:
    """The word in the middle of the setup raises the alarm; it is not kept (and would not be
    shown to operators) as the employer's name, and what is typed next (maybe by someone else
    holding the phone) is not taken for the name either: it is the team's to read."""
    clock = FakeClock()
    chat = Chat(engine(redis_client, clock), language_code="be")
    await chat.command("/start")
    await _set_word(chat, "дранікі")
    await chat.command("/checkin")
    for payload in ("ci:i:2", "ci:d:2", "ci:g:12", "ci:c:PL", "ci:l:no"):
        await chat.press(payload)
    reply = await chat.say("Дранікі")
    assert alerts(reply) and texts(reply) == ["Дзякуй, запісаў! Добрага дня 🙂"]
    store = PlanStore(redis_client, SECRET_KEY)
    plan = await store.load(chat.user_key)
    assert plan is not None and plan.employer is None and plan.step == "employer"
    await chat.say("хто гэта піша?")
    plan = await store.load(chat.user_key)
    assert plan is not None and plan.employer is None and plan.step == "employer"
