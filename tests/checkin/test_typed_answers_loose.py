"""Typed under an open check-in question as people type (walk of issue 15): "всё ок, спасибо"
is "All fine"; trouble said first ("плохо, не платят", "дрэнна, не плацяць", "not good, they
don't pay") and a danger phrase ("меня заперли, забрали паспорт") are "Not fine": the
emergency numbers first, and the check-in counts as answered "Not fine", as after the button.
The other side: an "ok" with more than courtesy after it is not "All fine" (a danger phrase
in it gets the numbers); a question after "ok" is no answer; trouble with no check-in
running only gets the numbers (nothing is set up or recorded)."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from bot.checkin.store import PlanStore
from tests.checkin.helpers import SECRET_KEY, FakeClock, engine
from tests.checkin.test_typed_stop_and_help import running
from tests.helpers.chat import Chat, alerts, texts

FINE = {"ru": "Отлично, спасибо", "be": "Выдатна, дзякуй", "en": "Great, thanks"}


@pytest.mark.parametrize(("language", "typed"), [
    ("ru", "всё ок, спасибо"), ("ru", "Всё хорошо, спасибо!"), ("ru", "vse ok spasibo"),
    ("be", "усё добра, дзякуй"), ("en", "all good, thanks"), ("en", "I'm fine, thank you"),
])
async def test_fine_with_thanks_is_all_fine(redis_client: Redis, language: str,
                                            typed: str) -> None:
    chat, store = await running(redis_client, language)
    reply = await chat.say(typed)
    assert FINE[language] in texts(reply)[0]
    plan = await store.load(chat.user_key)
    assert plan is not None and plan.phase == "waiting" and plan.last_answer == "ok"


@pytest.mark.parametrize(("language", "typed"), [
    ("ru", "плохо, не платят"), ("ru", "меня заперли, забрали паспорт"),
    ("ru", "не очень, нужна помощь"), ("be", "дрэнна, не плацяць"),
    ("be", "мне патрэбна дапамога, забралі пашпарт"), ("en", "not good, they don't pay"),
    ("en", "they took my passport and locked me in"), ("en", "bad, I need help"),
    ("en", "not great, I need help"), ("be", "не вельмі, патрэбна дапамога"),
])
async def test_trouble_typed_under_a_check_in_is_not_fine_with_the_numbers_first(
    redis_client: Redis, language: str, typed: str
) -> None:
    chat, store = await running(redis_client, language)
    reply = await chat.say(typed)
    assert "112" in texts(reply)[0], texts(reply)
    assert not alerts(reply)  # in time: the person is offered a person, nobody is paged
    plan = await store.load(chat.user_key)
    assert plan is not None and plan.last_answer == "help" and plan.phase == "waiting"


@pytest.mark.parametrize(("language", "typed"), [
    ("ru", "ок, а как получить визу в Польшу?"), ("en", "ok but what about my visa papers"),
    ("be", "добра, а дзе знайсці працу ў Польшчы?"),
])
async def test_ok_with_a_question_after_it_is_no_answer(
    redis_client: Redis, language: str, typed: str
) -> None:
    chat, store = await running(redis_client, language)
    reply = await chat.say(typed)
    assert not any(FINE[language] in text for text in texts(reply))
    plan = await store.load(chat.user_key)
    assert plan is not None and plan.phase == "asked"


async def test_ok_with_a_danger_phrase_after_it_gets_the_numbers(redis_client: Redis) -> None:
    chat, _ = await running(redis_client, "ru")
    reply = await chat.say("ок, но у меня забрали паспорт")
    assert "112" in texts(reply)[0]
    assert not any(FINE["ru"] in text for text in texts(reply))


async def test_trouble_with_no_check_in_running_sets_nothing_up(redis_client: Redis) -> None:
    chat = Chat(engine(redis_client, FakeClock()), language_code="ru")
    await chat.command("/start")
    reply = await chat.say("меня заперли, забрали паспорт")
    assert "112" in texts(reply)[0]
    assert await PlanStore(redis_client, SECRET_KEY).load(chat.user_key) is None
