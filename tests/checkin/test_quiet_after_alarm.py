"""After a silent alarm (the code word, a missed check-in) every command and button looks
ordinary on the phone, until the person asks for help or an operator writes to them: the fake
Bot API over real HTTP, a real redis-server."""

from __future__ import annotations

import re

import pytest
from redis.asyncio import Redis

from tests.checkin.helpers import FakeClock, miss_check_in, set_up
from tests.handoff.telegram import (
    OPS,
    HandoffBot,
    Operator,
    case_of,
    consent,
    reach_consent,
    recorded,
    sent_to,
    silent_alarm,
)
from tests.helpers.fake_bot_api import Call, FakeBotAPI
from tests.helpers.telegram_bot import Person

# What would tell whoever holds the phone that a team, a case or an alert is involved.
GIVES_AWAY = re.compile(
    r"\d|очеред|чарг|queue|команд|каманд|team|помощ|помог|дапамог|help|оператор|operator|"
    r"случа|выпад|\bcase|тревог|трывог|alarm|alert|сигнал|сігнал|signal|экстрен|экстран|"
    r"emergency|разговор|размов|conversation|кодов|кадав|code word|проверк|праверк|check-in",
    re.I)
WORD = {"ru": "голубцы", "be": "дранікі", "en": "pancakes"}
ORDINARY = {"ru": "Спасибо, записал! Хорошего дня 🙂", "be": "Дзякуй, запісаў! Добрага дня 🙂",
            "en": "Thanks, noted! Have a nice day 🙂"}
# Every command and button someone may try on the phone: none may show the alarm or the team.
QUIET = ("/codeword", "/checkin", "/stop", "/country", "/checkad", "/nonsense", "m:checkin",
         "m:job_check", "m:self_check", "m:ad_check", "m:country", "sa:remove", "sa:in:yes",
         "ci:i:2", "ci:go", "ci:x", "ci:ok", "ci:stop", "h:no", "zz:old", "/language")
# Those whose answer is the same for everyone: on the quiet phone exactly as on any other
# (the same messages, texts and buttons; shorter would show that something is different).
AS_EVER = ("/start", "/help", "/menu", "m:menu", "m:legal_work", "m:before_go")




async def _try(person: Person, what: str) -> list[str]:
    calls = await (person.say(what) if what.startswith("/") else person.press(what))
    return [call.text for call in calls]


def _shown(calls: list[Call]) -> list[tuple[str, list[str]]]:
    return [(call.text, call.payloads) for call in calls]


async def _as_ever(person: Person, other: Person) -> None:
    """Each of `AS_EVER` answers `person` (quiet) exactly as `other`, who set no alarm."""
    for what in AS_EVER:
        quiet = await (person.say(what) if what.startswith("/") else person.press(what))
        usual = await (other.say(what) if what.startswith("/") else other.press(what))
        assert _shown(quiet) == _shown(usual), what


async def _alarm(person: Person, api: FakeBotAPI, word: str) -> str:
    """In Poland; set the word (exact only), write it; the case's id."""
    await person.say("/start")
    await person.press("c:PL")
    return case_of(await silent_alarm(person, api, word))


@pytest.mark.parametrize("language", ["ru", "be", "en"])
async def test_after_the_code_word_no_command_or_button_gives_the_alarm_away(
    language: str, fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    user_id = {"ru": 741, "be": 742, "en": 743}[language]
    person = Person(bot, fake_api, user_id, language)
    case = await _alarm(person, fake_api, WORD[language])
    await recorded(redis_client, case)
    for what in QUIET:
        for text in await _try(person, what):
            assert not GIVES_AWAY.search(text), (what, text)
    other = Person(bot, fake_api, user_id + 10, language)
    await other.say("/start")
    await other.press("c:PL")
    await _as_ever(person, other)
    # Nothing was started or removed behind the ordinary answers: no check-in plan, and the
    # code word still raises the alarm (into the same case).
    assert await redis_client.keys("smb:checkin:*") == []
    [again] = await person.say(WORD[language])
    assert again.text == ORDINARY[language]
    assert await redis_client.hget(f"smb:handoff:case:{case}", "spoken") is None
    # Hiding the chat and erasing everything say nothing of the team either.
    for what in ("/hide", "/delete"):
        for text in await _try(person, what):
            assert not GIVES_AWAY.search(text), (what, text)


async def test_asking_for_help_still_gives_the_numbers(
    fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    """The person themselves asks for help: the numbers and the offer of a person come."""
    person = Person(bot, fake_api, 744, "ru")
    await _alarm(person, fake_api, WORD["ru"])
    shown = " ".join(await _try(person, "m:help_now"))
    assert "112" in shown
    assert "112" in " ".join(await _try(person, "/hotlines"))
    offer = [c for c in await person.say("/operator") if "h:yes" in c.payloads]
    assert offer


async def test_once_an_operator_writes_the_commands_answer_as_usual(
    fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    person, operator = Person(bot, fake_api, 745, "en"), Operator(fake_api)
    case = await _alarm(person, fake_api, WORD["en"])
    alert = (await sent_to(fake_api, OPS, f"Case #{case}"))[0]
    await recorded(redis_client, case)
    [quiet] = await _try(person, "/codeword")
    assert not GIVES_AWAY.search(quiet)
    await operator.press(f"op:take:{case}")
    mark = len(fake_api.calls)
    await operator.write("Hello, this is Alyona. Can you write?",
                         thread_id=int(alert.params["message_thread_id"]))
    await sent_to(fake_api, 745, "Alyona", since=mark)
    [explain, *_] = await _try(person, "/codeword")
    assert "team" in explain  # an ordinary conversation now: the real screen


async def test_after_a_missed_check_in_the_commands_give_nothing_away(
    fake_api: FakeBotAPI, redis_client: Redis, clock: FakeClock, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 746, "be")
    await person.say("/start")
    await set_up(person, employer=None)
    await miss_check_in(person, fake_api, clock, "Як справы")
    for what in ("/checkin", "m:checkin", "/codeword", "ci:i:2"):
        for text in await _try(person, what):
            assert not GIVES_AWAY.search(text), (what, text)
    other = Person(bot, fake_api, 756, "be")
    await other.say("/start")
    await _as_ever(person, other)


async def test_the_code_word_in_a_conversation_with_the_team_quiets_the_phone_again(
    fake_api: FakeBotAPI, redis_client: Redis, bot: HandoffBot
) -> None:
    """They talk to an operator, then someone takes the phone and they write the code word:
    from then on the phone answers ordinarily, and /stop does not end the case, until the
    operator writes again."""
    person, operator = Person(bot, fake_api, 747, "ru"), Operator(fake_api)
    await person.say("/start")
    await person.say("/codeword")
    await person.say(WORD["ru"])
    await person.press("sa:in:no")
    await reach_consent(person)
    mark = len(fake_api.calls)
    await consent(person, "h:yes")
    (alert,) = await sent_to(fake_api, OPS, "Case #", since=mark)
    case, thread = case_of(alert), int(alert.params["message_thread_id"])
    await recorded(redis_client, case)
    await operator.press(f"op:take:{case}")
    mark = len(fake_api.calls)
    await operator.write("Здравствуйте, это Алёна.", thread_id=thread)
    await sent_to(fake_api, 747, "это Алёна", since=mark)

    mark = len(fake_api.calls)
    [reply] = await person.say(WORD["ru"])
    assert reply.text == ORDINARY["ru"]
    await sent_to(fake_api, OPS, "a silent alert in this open case", since=mark)
    for what in ("/codeword", "/stop", "/checkin", "m:checkin"):
        for text in await _try(person, what):
            assert not GIVES_AWAY.search(text), (what, text)
    assert await redis_client.hget(f"smb:handoff:case:{case}", "state") == "taken"
    [later] = await person.say("кто это?")
    assert later.text == "Записал, спасибо 👍"
    mark = len(fake_api.calls)
    await operator.write("Вы можете говорить?", thread_id=thread)
    await sent_to(fake_api, 747, "Вы можете говорить?", since=mark)
    [explain, *_] = await _try(person, "/codeword")
    assert "команд" in explain  # an ordinary conversation again
