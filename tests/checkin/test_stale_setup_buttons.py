"""A setup button under an earlier screen (the older "Turn on" while a newer confirm screen is
open) says it belongs to an earlier screen and changes nothing: the buttons pressed here are
the ones the bot sent (their tagged payloads), on the fake Bot API over real HTTP with a real
redis-server, both adapters."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from bot.storage.keys import CHECKIN_DUE
from tests.checkin.helpers import INTERVAL, FakeClock, set_up
from tests.handoff.telegram import HandoffBot, sent_to
from tests.helpers.fake_bot_api import Call, FakeBotAPI
from tests.helpers.telegram_bot import Person

QUESTION = "Как дела, всё в порядке?"
STALE = {"ru": "с более раннего экрана", "be": "з больш ранняга экрана", "en": "earlier screen"}
STARTED = {"ru": "Готово. Первая проверка", "be": "Гатова. Першая праверка",
           "en": "Done. The first check-in"}
# The employers' names typed in the two setups, in the person's alphabet (a name in another
# one may switch the conversation's language).
NAMES = {"ru": ("ООО Ромашка", "ООО Вектор"), "be": ("ТАА Рамонак", "ТАА Вектар"),
         "en": ("Daisy Farms Ltd", "Vector Ltd")}
CASES = pytest.mark.parametrize(("framework", "language"),
                                [("aiogram", "ru"), ("ptb", "be"), ("aiogram", "en")])



def button(calls: list[Call], kind: str) -> str:
    """The payload of the `ci:<kind>` button the bot sent last in `calls` (with its tag)."""
    found = [p for c in calls for p in c.payloads if p.split("@")[0] == f"ci:{kind}"]
    assert found, (kind, [c.payloads for c in calls])
    return found[-1]


async def confirm(person: Person, interval: int, employer: str) -> list[Call]:
    """Through the setup by the buttons the bot sent, to the confirm screen."""
    screen = await person.press("m:checkin")
    for kind in (f"i:{interval}", "d:2", "g:12", "c:PL", "l:no"):
        screen = await person.press(button(screen, kind))
    screen = await person.say(employer)
    return await person.press(button(screen, "skip"))


async def running_interval(redis_client: Redis, person: Person) -> list[str]:
    """Who has check-ins scheduled (the due set): empty while nothing was turned on."""
    return [str(m) for m in await redis_client.zrange(CHECKIN_DUE, 0, -1)]


@CASES
async def test_an_older_turn_on_under_a_changed_time_changes_nothing(
    framework: str, language: str, fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    """Confirm screen A, "Another time", 09:00: confirm screen B. A's "Turn on" would start
    the plan at 09:00, which A never showed: it says it is stale, and B comes again."""
    person = Person(bot, fake_api, 7701, language)
    await person.say("/start")
    first = await confirm(person, 2, NAMES[language][0])
    go_a = button(first, "go")
    hour = await person.press(button(first, "t"))
    second = await person.press(button(hour, "h:540"))
    go_b = button(second, "go")
    assert go_a != go_b

    stale = await person.press(go_a)
    assert STALE[language] in stale[0].text
    assert button(stale, "go") == go_b  # the current screen again, with its own "Turn on"
    assert await running_interval(redis_client, person) == []
    [started] = await person.press(go_b)
    assert started.text.startswith(STARTED[language])
    assert len(await running_interval(redis_client, person)) == 1


@CASES
async def test_a_turn_on_from_an_earlier_setup_does_not_start_the_new_one(
    framework: str, language: str, fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    """Setup A (every 2 days, one employer) left on its confirm screen; /checkin again, setup
    B (every 3 days, another) on its own: A's "Turn on" must not start B; B's does, with
    B's settings. Every other button of A is stale too (Cancel included: B goes on)."""
    person = Person(bot, fake_api, 7702, language)
    await person.say("/start")
    old, new = NAMES[language]
    first = await confirm(person, 2, old)
    second = await confirm(person, 3, new)
    assert new in second[-1].text
    for kind in ("go", "t", "x"):
        stale = await person.press(button(first, kind))
        assert STALE[language] in stale[0].text, kind
        assert new in stale[-1].text and old not in stale[-1].text  # B's confirm screen
    assert await running_interval(redis_client, person) == []
    [started] = await person.press(button(second, "go"))
    assert started.text.startswith(STARTED[language])
    [status] = await person.say("/checkin")
    assert new not in status.text  # what is shared stays out of the status
    plans = [k for k in await redis_client.keys("smb:checkin:*") if "due" not in str(k)]
    assert len(plans) == 1


@pytest.mark.parametrize("framework", ["aiogram"])
async def test_every_setup_button_fits_telegrams_64_bytes(
    framework: str, fake_api: FakeBotAPI, bot: HandoffBot
) -> None:
    """Tagged payloads stay within callback_data's 64 bytes (the fake refuses longer ones as
    Telegram does: BUTTON_DATA_INVALID), the longest clock names included."""
    person = Person(bot, fake_api, 7703, "en")
    await person.say("/start")
    screen = await person.press("m:checkin")
    for kind in ("i:2", "d:2", "g:12", "c:no"):
        screen = await person.press(button(screen, kind))
    assert len(screen[-1].payloads) > 10  # every clock the bot knows


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
async def test_stop_under_a_question_of_stopped_check_ins_does_not_stop_the_new_ones(
    framework: str, fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock,
    bot: HandoffBot
) -> None:
    """Check-ins A ask; the person stops them and sets up B. "Stop asking" (or "All fine")
    under A's question must not stop (or answer) B: a stopped B would never alert anyone."""
    person = Person(bot, fake_api, 7704, "ru")
    await person.say("/start")
    await set_up(person, employer=None)
    clock.advance(INTERVAL + 1)
    [question_a] = await sent_to(fake_api, person.chat_id, QUESTION)
    await person.press(button([question_a], "stop"))
    await set_up(person, employer=None)
    assert len(await running_interval(redis_client, person)) == 1

    for kind in ("stop", "ok"):
        [stale] = await person.press(button([question_a], kind))
        assert "от прежних вопросов" in stale.text and "m:checkin" in stale.payloads, kind
        assert len(await running_interval(redis_client, person)) == 1, kind
    # B's own question: A's buttons still do nothing, and show B's question again.
    mark = len(fake_api.calls)
    clock.advance(INTERVAL + 1)
    [question_b] = await sent_to(fake_api, person.chat_id, QUESTION, since=mark)
    [stale] = await person.press(button([question_a], "stop"))
    assert "от прежних вопросов" in stale.text and QUESTION in stale.text
    assert stale.payloads == question_b.payloads
    assert len(await running_interval(redis_client, person)) == 1
    await person.press(button([question_b], "stop"))
    assert await running_interval(redis_client, person) == []
