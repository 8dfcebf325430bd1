"""Where the person is, over real HTTP (fake Bot API) and a real Redis, for aiogram and PTB
(where12): a friend's forwarded "я в Дубае" gets the friend's numbers and leaves the
forwarder's country as it was; after a closed case, a new danger message asks where the
person is (a question left unanswered before the handoff does not answer it), and the privacy
notice does not turn up then."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

import pytest
from redis.asyncio import Redis

from bot.adapters.telegram.runner import EngineFactory
from bot.content.loader import ContentHolder
from bot.content.models import Content
from bot.nlu.base import IntentRecognizer
from tests.handoff.telegram import OPS, HandoffBot, Operator, case_of, sent_to
from tests.helpers.fake_bot_api import Call, FakeBotAPI
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import Person, RunningBot, make_settings

Start = Callable[..., Awaitable[RunningBot]]
FRIEND = "Лена, у меня забрали паспорт и не выпускают, я в Дубае, помоги"


@pytest.fixture
def content(engine_parts: tuple[ContentHolder, IntentRecognizer]) -> Content:
    return engine_parts[0].content


def text(calls: list[Call]) -> str:
    return "\n".join(call.text for call in calls)


async def test_a_forwarded_friend_in_danger_gets_the_friends_numbers_not_the_forwarders(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    running: Start, engine_factory: EngineFactory, content: Content,
) -> None:
    bot = await running(
        make_settings(fake_api, framework, redis_server.url, operator_chat_id=OPS),
        engine_factory)
    person = Person(bot, fake_api, 4201, "ru")
    await person.say("/start")
    await person.say("я в Польше")
    origin = {"type": "hidden_user", "sender_user_name": "Лена", "date": int(time.time())}
    forwarded = await person.send(text=FRIEND, forward_origin=origin)
    said = text(forwarded)
    emirates = content.countries["AE"].name.get("ru")
    assert f"где находится автор этого сообщения: {emirates}" in said
    assert "Ваш паспорт принадлежит Вам" not in said  # no advice about their own passport
    assert any("h:yes" in call.payloads for call in forwarded)
    own = await person.say("у меня забрали паспорт и не отдают")
    assert content.countries["PL"].name.get("ru") in own[0].text  # their own country kept
    assert emirates not in text(own)


async def test_after_a_closed_case_a_new_danger_message_asks_where_the_person_is(
    handoff_bot: HandoffBot, fake_api: FakeBotAPI, content: Content,
) -> None:
    person = Person(handoff_bot, fake_api, 4202, "ru")
    await person.say("/start")
    await person.say("/hotlines")  # "which country are you in?" left unanswered ...
    await person.press("h:yes")  # ... for an earlier offer's "Talk to a person"
    alert = (await sent_to(fake_api, OPS, "Case #"))[-1]
    mark = len(fake_api.calls)
    await Operator(fake_api).press(f"op:close:{case_of(alert)}")
    await sent_to(fake_api, person.chat_id, "", since=mark)  # told the case is closed

    again = await person.say("мне опять угрожают, помогите")
    said = text(again)
    assert "112" in said and "другая страна" not in said
    assert content.messages.ask_country.get("ru").strip() in said
    assert content.messages.privacy_notice.get("ru").strip()[:40] not in said
