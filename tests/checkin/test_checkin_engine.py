"""Check-ins through the engine with plans in a real Redis: the setup, what a typed name may
be, and what never happens (a risk message taken for a name, a name in the logs)."""

from __future__ import annotations

import logging

import pytest
from redis.asyncio import Redis

from bot.checkin.plan import DAY
from bot.checkin.store import PlanStore
from tests.checkin.helpers import SECRET_KEY, FakeClock, engine, untag
from tests.helpers.chat import Chat, alerts, all_payloads, texts
from tests.helpers.logs import leaks

EMPLOYER = "Агентство Светлый Путь"
CONTACT = "+375 29 111 22 33 мама"


async def _to_employer_question(chat: Chat) -> None:
    await chat.command("/start")
    intro = await chat.command("/checkin")
    assert "ci:i:2" in untag(all_payloads(intro))
    for payload in ("ci:i:2", "ci:d:2", "ci:g:12"):
        await chat.press(payload)
    await chat.press("ci:c:PL")
    asked = await chat.press("ci:l:no")
    assert "ci:skip" in untag(all_payloads(asked))


async def test_without_redis_check_ins_say_they_are_unavailable() -> None:
    chat = Chat(engine(None), language_code="be")
    [reply] = (await chat.command("/checkin")).replies
    assert "Праверка сувязі ў дарозе тут недаступная" in reply.text


async def test_the_confirm_screen_lists_exactly_what_will_be_shared(
    redis_client: Redis, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    chat = Chat(engine(redis_client), language_code="ru")
    await _to_employer_question(chat)
    await chat.say(EMPLOYER)
    confirm = await chat.say(CONTACT)
    [text] = texts(confirm)
    assert "Страна назначения: Польша" in text and EMPLOYER in text and CONTACT in text
    assert {"ci:go", "ci:x"} <= set(untag(all_payloads(confirm)))
    started = await chat.press("ci:go")
    assert "Первая проверка" in texts(started)[0]
    # Sealed in Redis: a dump shows neither what they typed nor where to write to them.
    stored = " ".join([str(await redis_client.get(k)) for k in await redis_client.keys("*")
                       if await redis_client.type(k) == "string"])
    # (Not "375": a timestamp or an encrypted token may hold those three digits by chance.)
    assert "Светлый" not in stored and "111 22 33" not in stored
    assert chat.chat_key not in stored
    assert leaks(caplog.records, EMPLOYER, CONTACT, "Светлый") == []


async def test_a_risk_message_during_the_setup_gets_the_numbers_not_stored_as_a_name(
    redis_client: Redis,
) -> None:
    chat = Chat(engine(redis_client), language_code="ru")
    await _to_employer_question(chat)
    response = await chat.say("у меня забрали паспорт и не отпускают")
    assert "112" in "\n".join(texts(response))
    plan = await PlanStore(redis_client, SECRET_KEY).load(chat.user_key)
    assert plan is not None and plan.employer is None


async def test_another_button_ends_the_wait_for_a_name(redis_client: Redis) -> None:
    chat = Chat(engine(redis_client), language_code="en")
    await _to_employer_question(chat)
    await chat.press("m:hotlines")
    await chat.say("how do I get a work visa for Poland")
    plan = await PlanStore(redis_client, SECRET_KEY).load(chat.user_key)
    assert plan is not None and plan.employer is None


async def test_cancel_keeps_nothing_and_old_setup_buttons_lead_to_the_menu(
    redis_client: Redis,
) -> None:
    chat = Chat(engine(redis_client), language_code="ru")
    await _to_employer_question(chat)
    cancelled = await chat.press("ci:x")
    assert "ничего не сохранено" in texts(cancelled)[0]
    assert await redis_client.keys("smb:checkin:*") == []
    old = await chat.press("ci:go")
    assert "m:help_now" in all_payloads(old)  # the main menu: nothing started
    assert await redis_client.keys("smb:checkin:*") == []


async def test_checkin_again_shows_the_running_plan_with_stop(redis_client: Redis) -> None:
    chat = Chat(engine(redis_client), language_code="en")
    await _to_employer_question(chat)
    await chat.press("ci:skip")
    await chat.press("ci:skip")
    await chat.press("ci:go")
    status = await chat.command("/checkin")
    assert "Check-ins are on until" in texts(status)[0]
    assert "ci:stop" in untag(all_payloads(status))


async def test_opening_check_ins_keeps_an_open_offer_of_a_person(redis_client: Redis) -> None:
    chat = Chat(engine(redis_client), language_code="ru")
    await chat.command("/start")
    await chat.press("c:PL")
    offered = await chat.say("у меня забрали паспорт и не отпускают")
    assert "h:yes" in all_payloads(offered)
    await chat.command("/checkin")
    agreed = await chat.say("да")
    assert alerts(agreed), "the typed yes still answers the offer"


async def test_checkin_while_a_check_in_waits_asks_it_again(redis_client: Redis) -> None:
    clock = FakeClock()
    chat = Chat(engine(redis_client, clock), language_code="ru")
    await _to_employer_question(chat)
    await chat.press("ci:skip")
    await chat.press("ci:skip")
    await chat.press("ci:go")
    store = PlanStore(redis_client, SECRET_KEY)
    plan = await store.load(chat.user_key)
    assert plan is not None
    plan.phase, plan.asked_at, plan.next_at = "asked", clock.now, clock.now + DAY
    assert await store.save(chat.user_key, plan, seq=plan.seq, now=clock.now)
    again = await chat.command("/checkin")
    assert texts(again) == ["Привет! Как дела, всё в порядке?"]
    assert untag(all_payloads(again)) == ["ci:ok", "ci:help", "ci:stop"]


async def _asked(redis_client: Redis, chat: Chat, clock: FakeClock) -> PlanStore:
    await _to_employer_question(chat)
    await chat.press("ci:skip")
    await chat.press("ci:skip")
    await chat.press("ci:go")
    store = PlanStore(redis_client, SECRET_KEY)
    plan = await store.load(chat.user_key)
    assert plan is not None
    plan.phase, plan.asked_at, plan.next_at = "asked", clock.now, clock.now + DAY
    assert await store.save(chat.user_key, plan, seq=plan.seq, now=clock.now)
    return store


@pytest.mark.parametrize(("language", "typed"), [
    ("ru", "ок"), ("ru", "норм"), ("ru", "Всё хорошо!"), ("ru", "vse ok"), ("ru", "да"),
    ("be", "усё добра"), ("be", "так"), ("en", "ok"), ("en", "I'm fine"),
])
async def test_a_typed_fine_answers_a_waiting_check_in_like_its_button(
    redis_client: Redis, language: str, typed: str
) -> None:
    """Typed instead of pressed, "ок" got the emergency numbers, a country question or the
    offer of a person (on a phone someone else may read), and the check-in counted as missed."""
    clock = FakeClock()
    chat = Chat(engine(redis_client, clock), language_code=language)
    store = await _asked(redis_client, chat, clock)
    reply = await chat.say(typed)
    assert not alerts(reply) and "112" not in "\n".join(texts(reply))
    assert "h:yes" not in all_payloads(reply) and "c:PL" not in all_payloads(reply)
    plan = await store.load(chat.user_key)
    assert plan is not None and plan.phase == "waiting" and plan.last_answer == "ok"


async def test_a_typed_not_fine_is_the_not_fine_button(redis_client: Redis) -> None:
    clock = FakeClock()
    chat = Chat(engine(redis_client, clock), language_code="ru")
    store = await _asked(redis_client, chat, clock)
    reply = await chat.say("плохо")
    assert "112" in "\n".join(texts(reply))
    plan = await store.load(chat.user_key)
    assert plan is not None and plan.last_answer == "help"


async def test_typed_ok_without_a_waiting_check_in_is_an_ordinary_message(
    redis_client: Redis,
) -> None:
    clock = FakeClock()
    chat = Chat(engine(redis_client, clock), language_code="ru")
    await _to_employer_question(chat)
    await chat.press("ci:skip")
    await chat.press("ci:skip")
    await chat.press("ci:go")
    reply = await chat.say("всё хорошо")
    assert "Отлично, спасибо" not in "\n".join(texts(reply))


@pytest.mark.parametrize(("language", "name", "contact"), [
    ("en", "Daisy Farms Ltd", "Olga Petrova +48 500 100 200"),
    ("ru", "Vector Ltd", "Anna, anna@example.com"),
    ("be", "ООО Ромашка", "мама Таццяна"),
])
async def test_a_typed_name_or_contact_never_changes_the_conversations_language(
    redis_client: Redis, language: str, name: str, contact: str
) -> None:
    """"Daisy Farms Ltd" reads as transliterated Russian, "ООО Ромашка" as Russian: a name or
    a contact is not the language the person speaks, so the setup goes on in theirs."""
    chat = Chat(engine(redis_client), language_code=language)
    await _to_employer_question(chat)
    asked = await chat.say(name)
    confirm = await chat.say(contact)
    asks = {"en": "write a contact", "ru": "напишите контакт", "be": "напішыце кантакт"}
    checks = {"en": "Please check", "ru": "Проверьте", "be": "Праверце"}
    assert asks[language] in texts(asked)[0].lower(), texts(asked)
    assert checks[language] in texts(confirm)[0]
