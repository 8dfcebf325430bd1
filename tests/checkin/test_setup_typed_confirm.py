"""The setup's last screen answered by typing, as people do: "да", "так", "yes", "включить"
turn check-ins on as "Turn on" does; "отмена", "хватит, не спрашивай", "cancel" at any step end
the setup as "Cancel" does; anything else typed on the last screen is told plainly that nothing
is on yet (walk of issue 15: a person who typed "так" left believing check-ins were on, and
none ever came). The calm side: a typed "не надо" at the name step is still "Skip", a typed
setting is still a setting, a question is still answered.
The real engine in-process (plans in a real redis-server, a fake clock), and the fake Bot API
over real HTTP end to end."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from bot.checkin.store import PlanStore
from tests.checkin.helpers import (
    INTERVAL,
    SECRET_KEY,
    FakeClock,
    engine,
    untag,
)
from tests.checkin.test_destination_sealed import user_key
from tests.handoff.telegram import HandoffBot, sent_to
from tests.helpers.chat import Chat, all_payloads, texts
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

# A whole setup typed in one message, then the two typed fields skipped: the last screen.
SETUP = {
    "ru": ("проверяй меня каждые 2 дня на 3 недели, жду 12 часов, еду в Польшу", "нет"),
    "be": ("правярай мяне кожныя 2 дні на 3 тыдні, чакаць 12 гадзін, еду ў Польшчу", "не"),
    "en": ("check on me every 2 days for 3 weeks, wait 12 hours, to Poland", "no"),
}
YES = {"ru": ("да", "включить", "Да, всё верно"), "be": ("так", "уключыць", "добра"),
       "en": ("yes", "turn on", "ok")}
CANCEL = {"ru": ("отмена", "хватит, не спрашивай больше"), "be": ("адмена", "хопіць пытацца"),
          "en": ("cancel", "stop it please")}
NOT_ON = {"ru": "Проверки ещё не включены", "be": "Праверкі яшчэ не ўключаны",
          "en": "Check-ins are not on yet"}
STARTED = {"ru": "Первая проверка", "be": "Першая праверка", "en": "first check-in"}
CANCELLED = {"ru": "Ничего не включено", "be": "Нічога не ўключана", "en": "Nothing is turned on"}
LANGUAGES = pytest.mark.parametrize("language", ["ru", "be", "en"])


async def last_screen(chat: Chat, language: str) -> None:
    setup, skip = SETUP[language]
    await chat.say(setup)
    await chat.press("ci:l:no")
    await chat.say(skip)  # the name: skipped
    response = await chat.say(skip)  # the contact: skipped
    assert "ci:go" in untag(all_payloads(response)), texts(response)


async def plan_phase(redis: Redis, chat: Chat) -> str | None:
    plan = await PlanStore(redis, SECRET_KEY).load(chat.user_key)
    return None if plan is None else plan.phase


@LANGUAGES
async def test_a_typed_yes_on_the_last_screen_turns_check_ins_on(
    language: str, redis_client: Redis
) -> None:
    for said in YES[language]:
        await redis_client.flushdb()
        chat = Chat(engine(redis_client, FakeClock()), language_code=language)
        await last_screen(chat, language)
        response = await chat.say(said)
        assert any(STARTED[language] in t for t in texts(response)), (said, texts(response))
        assert await plan_phase(redis_client, chat) == "waiting", said


@LANGUAGES
async def test_anything_else_on_the_last_screen_says_nothing_is_on_yet(
    language: str, redis_client: Redis
) -> None:
    chat = Chat(engine(redis_client, FakeClock()), language_code=language)
    await last_screen(chat, language)
    response = await chat.say({"ru": "спасибо", "be": "дзякуй", "en": "thanks"}[language])
    assert NOT_ON[language] in texts(response)[0]
    assert "ci:go" in untag(all_payloads(response))  # the same screen, its button again
    assert await plan_phase(redis_client, chat) == "draft"


@LANGUAGES
async def test_a_typed_cancel_ends_the_setup_at_any_step(
    language: str, redis_client: Redis
) -> None:
    for said in CANCEL[language]:
        for at_last in (False, True):
            await redis_client.flushdb()
            chat = Chat(engine(redis_client, FakeClock()), language_code=language)
            if at_last:
                await last_screen(chat, language)
            else:
                await chat.command("/checkin")  # how often? (a choice)
            response = await chat.say(said)
            assert any(CANCELLED[language] in t for t in texts(response)), (said, texts(response))
            assert await plan_phase(redis_client, chat) is None, said


async def test_the_calm_side_skip_a_setting_and_a_name_are_what_they_were(
    redis_client: Redis
) -> None:
    chat = Chat(engine(redis_client, FakeClock()), language_code="ru")
    await chat.say(SETUP["ru"][0])
    await chat.press("ci:l:no")
    await chat.say("не надо")  # the name: "Skip", not "Cancel"
    plan = await PlanStore(redis_client, SECRET_KEY).load(chat.user_key)
    assert plan is not None and plan.phase == "draft" and plan.employer is None
    await chat.say("Стоп-Сервис")  # a name that starts like "стоп" is a name
    plan = await PlanStore(redis_client, SECRET_KEY).load(chat.user_key)
    assert plan is not None and plan.contact == "Стоп-Сервис"
    # A setting typed at a choice is still a setting (not "not understood", not cancelled).
    await redis_client.flushdb()
    chat = Chat(engine(redis_client, FakeClock()), language_code="ru")
    await chat.command("/checkin")
    response = await chat.say("каждые 3 дня")
    assert "ci:d" in {p.rsplit(":", 1)[0] for p in untag(all_payloads(response))}


async def test_typed_yes_on_the_last_screen_over_the_bot_api_then_the_check_in_comes(
    fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 7911, "be")
    await person.say("/start")
    await person.say(SETUP["be"][0])
    await person.press("ci:l:no")
    await person.say("не")
    [confirm] = await person.say("не")
    assert "ci:go" in untag(confirm.payloads)
    [started] = await person.say("так")
    assert STARTED["be"] in started.text
    plan = await PlanStore(redis_client, SECRET_KEY).load(user_key(7911))
    assert plan is not None and plan.phase == "waiting"
    mark = len(fake_api.calls)
    clock.advance(INTERVAL + 1)
    await sent_to(fake_api, 7911, "", since=mark)  # the first check-in is asked
