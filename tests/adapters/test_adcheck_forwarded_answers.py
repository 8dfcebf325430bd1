"""A forwarded message (Bot API `forward_origin`) is someone else's words, never the person's
answer (issue 15, adcheck12): a recruiter's ad forwarded while the bot asks "which country?"
is offered its check and the question comes again (the ad's country is not where the person
is); a forwarded "Да" or "1" is no answer to the job-offer questionnaire. A forwarded cry
still gets the numbers first. Over real HTTP (fake Bot API) with the real aiogram and PTB
clients (the `framework` fixture runs both) and a real redis-server."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from redis.asyncio import Redis

from bot.adapters.telegram.runner import EngineFactory
from tests.helpers.fake_bot_api import Call, FakeBotAPI
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import Person, RunningBot, make_settings

Start = Callable[..., Awaitable[RunningBot]]

# Recruiters' ads naming a country, in each language (made up for this test).
ADS = {
    "ru": "Сбор клубники в Испании, 9 евро в час, жильё рядом с фермой. "
          "Звоните или пишите в Viber +34 600 000 000, Мария",
    "be": "Збор трускавак у Іспаніі, 9 еўра ў гадзіну, жыллё побач з фермай. "
          "Тэлефануйце або пішыце ў Viber +34 600 000 000, Марыя",
    "en": "Strawberry picking in Spain, 9 euro an hour, housing next to the farm. "
          "Call or message on Viber +34 600 000 000, Maria",
}
NOTE = {"ru": "пересланное сообщение", "be": "перасланае паведамленне",
        "en": "forwarded message"}
YES = {"ru": "Да", "be": "Так", "en": "Yes"}
QUESTION = {"ru": "Вас просят заплатить", "be": "Вас просяць заплаціць",
            "en": "Are you asked to pay"}  # the questionnaire's first question
CRY = {"ru": "Меня заперли на ферме, забрали паспорт, помогите",
       "be": "Мяне зачынілі на ферме, забралі пашпарт, дапамажыце",
       "en": "They locked me in at the farm and took my passport, help me"}


def origin() -> dict[str, Any]:
    return {"type": "hidden_user", "sender_user_name": "Recruiter", "date": int(time.time())}


def payloads(calls: list[Call]) -> list[str]:
    return [p for call in calls for p in call.payloads]


def asks_country(call: Call) -> bool:
    return any(p.startswith("c:") for p in call.payloads)


@pytest.fixture
async def person_for(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    running: Start, engine_factory: EngineFactory,
) -> Callable[[int, str], Awaitable[Person]]:
    """A person who has sent /start, over a flushed Redis (`redis_client`): an earlier test's
    update ids would drop this test's updates as already seen."""
    bot: RunningBot = await running(
        make_settings(fake_api, framework, redis_server.url), engine_factory)

    async def make(user_id: int, language: str) -> Person:
        person = Person(bot, fake_api, user_id, language)
        await person.say("/start")
        return person

    return make


@pytest.mark.parametrize("language", ["ru", "be", "en"])
async def test_a_forwarded_ad_is_no_answer_to_which_country(
    language: str, person_for: Callable[[int, str], Awaitable[Person]],
) -> None:
    person = await person_for(3201, language)
    asked = await person.press("m:hotlines")  # the numbers and "which country?"
    assert asks_country(asked[-1])
    answer = await person.send(text=ADS[language], forward_origin=origin(), replies=2)
    assert any(p.startswith("ad:check") for p in payloads(answer))  # its check is offered
    assert asks_country(answer[-1])  # and the question comes again
    # Spain did not become where the person is: "which country?" once more.
    again = await person.press("m:hotlines")
    assert asks_country(again[-1])
    # Typed by the person, the same ad's country is an answer as before (the marker differs).
    [typed] = await person.say(ADS[language].split(",")[0])
    assert not asks_country(typed)


@pytest.mark.parametrize("language", ["ru", "be", "en"])
async def test_a_forwarded_yes_is_no_answer_to_the_questionnaire(
    language: str, person_for: Callable[[int, str], Awaitable[Person]],
) -> None:
    person = await person_for(3202, language)
    first = (await person.press("m:job_check"))[-1]
    assert "f:job_offer_check:fees:yes" in first.payloads
    answer = await person.send(text=YES[language], forward_origin=origin())
    # Said why, and the same question again (with its buttons), not the next one.
    assert NOTE[language] in answer[0].text.lower()
    assert answer[-1].payloads == first.payloads
    assert QUESTION[language] in answer[-1].text
    # The person's own "Да" typed answers it: the next question comes.
    typed = (await person.say(YES[language]))[-1]
    assert "f:job_offer_check:credit:yes" in typed.payloads


@pytest.mark.parametrize("language", ["ru", "be", "en"])
async def test_a_forwarded_cry_at_the_country_question_still_gets_the_numbers_first(
    language: str, person_for: Callable[[int, str], Awaitable[Person]],
) -> None:
    person = await person_for(3203, language)
    await person.press("m:hotlines")
    answer = await person.send(text=CRY[language], forward_origin=origin())
    assert "112" in answer[0].text  # the emergency numbers come first
