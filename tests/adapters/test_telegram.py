"""Whole conversations over real HTTP (fake Bot API) and a real Redis, for aiogram and PTB."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

import pytest
from redis.asyncio import Redis

from bot.adapters.telegram.glue import Engine
from bot.adapters.telegram.limiter import OutgoingLimiter
from bot.adapters.telegram.runner import EngineFactory
from bot.config import ConfigError, Settings
from bot.content.loader import ContentHolder
from bot.content.models import Content
from bot.core.session_store import SessionStore
from bot.factory import build_engine
from bot.nlu.base import IntentRecognizer
from bot.privacy import Pseudonymizer
from bot.storage.keys import USER_KEY_KINDS, UserKey
from tests.helpers.fake_bot_api import Call, FakeBotAPI, message_update
from tests.helpers.logs import leaks
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import PSEUDONYM_KEY, Person, RunningBot, make_settings

AT_RISK = {
    "ru": "работодатель забрал мой паспорт и не отдаёт",
    "be": "у мяне забралі пашпарт",
    "en": "my boss took my passport and won't give it back",
}
Start = Callable[..., Awaitable[RunningBot]]


@pytest.fixture
def content(engine_parts: tuple[ContentHolder, IntentRecognizer]) -> Content:
    return engine_parts[0].content


@pytest.fixture
async def bot(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    running: Start, engine_factory: EngineFactory,
) -> RunningBot:
    return await running(make_settings(fake_api, framework, redis_server.url), engine_factory)


def user_key(user_id: int) -> str:
    return Pseudonymizer(PSEUDONYM_KEY).user_key(f"tg:{user_id}")


def payloads(calls: list[Call]) -> list[str]:
    return [p for call in calls for p in call.payloads]


async def run_job_check(person: Person, answer: str = "yes") -> list[Call]:
    """Press through the job-offer check, always choosing `answer`; return the last replies."""
    replies = await person.press("m:job_check")
    while options := [p for p in payloads(replies) if p.startswith("f:")]:
        chosen = next((p for p in options if p.endswith(f":{answer}")), options[0])
        replies = await person.press(chosen)
    return replies


@pytest.mark.parametrize("language", ["ru", "be", "en"])
async def test_conversation(
    bot: RunningBot, fake_api: FakeBotAPI, content: Content, language: str
) -> None:
    person = Person(bot, fake_api, 1000 + ord(language[0]), language)

    welcome = await person.say("/start")
    assert welcome[0].text.startswith(content.messages.welcome.get(language)[:40])
    assert "m:job_check" in payloads(welcome)
    assert all(call.params["parse_mode"] == "HTML" for call in welcome)

    at_risk = await person.say(AT_RISK[language])
    # Hotlines first: the very first thing said to someone at risk is the emergency number.
    assert at_risk[0].text.startswith(content.messages.risk_intro.get(language)[:30])
    assert "112" in at_risk[0].text
    # One message: the country question and its buttons right under the numbers.
    assert len(at_risk) == 1 and "c:PL" in payloads(at_risk)

    country = await person.press("c:PL")
    assert any("112" in call.text for call in country)

    result = await run_job_check(person)
    texts = {level.text.get(language)[:40] for level in content.flows["job_offer_check"].levels}
    assert any(call.text.startswith(tuple(texts)) for call in result)
    assert fake_api.calls_to("answerCallbackQuery")  # every press was answered


async def test_command_menus_in_every_language(bot: RunningBot, fake_api: FakeBotAPI) -> None:
    calls = fake_api.calls_to("setMyCommands")
    assert {c.params.get("language_code") for c in calls} == {None, "ru", "be", "en"}
    for call in calls:
        names = [c["command"] for c in call.params["commands"]]
        assert names == ["start", "help", "menu", "checkad", "checkin", "language", "country",
                         "hotlines", "operator", "delete", "hide"]


async def test_hide_deletes_the_chat_and_leaves_one_neutral_message(
    bot: RunningBot, fake_api: FakeBotAPI, redis_client: Redis, content: Content
) -> None:
    person = Person(bot, fake_api, 2001, "ru")
    await person.say("/start")
    await person.say(AT_RISK["ru"])

    await person.say("/hide")

    assert fake_api.calls_to("deleteMessages", chat_id=person.chat_id)
    assert list(fake_api.chats[person.chat_id].values()) == [
        content.messages.hide_notice.get("ru")
    ]
    assert await redis_client.exists(str(UserKey("msgs", user_key(2001)))) == 0


async def test_delete_erases_every_key_and_no_raw_id_is_stored(
    bot: RunningBot, fake_api: FakeBotAPI, redis_client: Redis
) -> None:
    person = Person(bot, fake_api, 987654321, "en")
    await person.say("/start")
    await person.say(AT_RISK["en"])
    for key in await redis_client.keys("smb:*"):
        assert "987654321" not in key
        assert await redis_client.ttl(key) > 0, key  # every key expires
        if await redis_client.type(key) == "string":
            value = await redis_client.get(key) or ""
            assert "987654321" not in value and "passport" not in value

    replies = await person.say("/delete")

    assert replies
    for kind in USER_KEY_KINDS:
        assert await redis_client.exists(str(UserKey(kind, user_key(987654321)))) == 0, kind


async def test_sticker_and_a_very_long_message(
    bot: RunningBot, fake_api: FakeBotAPI, content: Content
) -> None:
    person = Person(bot, fake_api, 3001, "en")
    await person.say("/start")
    sticker = {"file_id": "s", "file_unique_id": "u", "type": "regular", "width": 512,
               "height": 512, "is_animated": False, "is_video": False}
    replies = await person.send(sticker=sticker)
    assert replies[0].text.startswith(content.messages.non_text.get("en")[:30])

    long_text = ("I found a job offer abroad and I am not sure. " * 230)[:10_000]
    replies = await person.say(long_text)
    assert replies and all(len(call.text) <= 4096 for call in replies)


async def test_html_in_the_persons_text_is_escaped(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    running: Start, engine_factory: EngineFactory,
) -> None:
    settings = make_settings(fake_api, framework, redis_server.url, operator_chat_id=-100777)
    bot = await running(settings, engine_factory)
    person = Person(bot, fake_api, 4001, "en")
    await person.say("/start")
    await person.say("they took my <b>passport</b> & <script>x</script>")
    await person.press("m:human")
    await person.press("h:text")
    # The alert is posted by the queue's consumer, after the reply to the press.
    [alert] = await fake_api.wait_calls("sendMessage", 1, chat_id=-100777)
    mark = len(fake_api.calls)
    # Relayed right after "passed to our team": no reply (no second place in the queue).
    await person.say("my boss <i>Ivan</i> & co keep my passport", replies=0)
    [relayed] = await fake_api.wait_calls("sendMessage", 1, chat_id=-100777, since=mark)

    pseudonym = Pseudonymizer(PSEUDONYM_KEY).pseudonym(user_key(4001))
    assert "&lt;b&gt;passport&lt;/b&gt; &amp; &lt;script&gt;" in alert.text
    assert "&lt;i&gt;Ivan&lt;/i&gt; &amp; co" in relayed.text
    for text in (alert.text, relayed.text):
        assert "<b>" not in text and "<i>" not in text and "<script>" not in text
        assert "4001" not in text and pseudonym in text


async def test_a_redelivered_update_is_handled_once(bot: RunningBot, fake_api: FakeBotAPI) -> None:
    person = Person(bot, fake_api, 5001, "en")
    update = message_update(fake_api, person.user, text="/start")
    update["update_id"] = 777_000
    first = await person._exchange(dict(update))
    assert first

    await fake_api.push(dict(update))  # Telegram sends it again
    probe = await person.say("/help")

    assert len(fake_api.calls_to("sendMessage", person.chat_id)) == len(first) + len(probe)


async def test_a_restart_in_the_middle_of_a_flow_resumes_from_redis(
    bot: RunningBot, fake_api: FakeBotAPI
) -> None:
    person = Person(bot, fake_api, 6001, "en")
    await person.say("/start")
    replies = await person.press("m:job_check")
    for _ in range(2):
        option = next(p for p in payloads(replies) if p.startswith("f:"))
        replies = await person.press(option)
    assert any(call.text.startswith("Question 3 of") for call in replies)

    await bot.restart()

    option = next(p for p in payloads(replies) if p.startswith("f:"))
    replies = await person.press(option)
    assert any(call.text.startswith("Question 4 of") for call in replies)


async def test_429_retry_after_is_honoured(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    running: Start, engine_factory: EngineFactory,
) -> None:
    settings = make_settings(fake_api, framework, redis_server.url)
    bot = await running(settings, engine_factory, OutgoingLimiter())  # Telegram's real pacing
    person = Person(bot, fake_api, 8001, "en")
    fake_api.fail("sendMessage", 429, retry_after=1)
    fake_api.fail("sendMessage", 502, "Bad Gateway")

    replies = await person.say("/start")

    attempts = fake_api.calls_to("sendMessage", person.chat_id)
    assert attempts[1].at - attempts[0].at >= 1.0  # waited as told
    assert len(attempts) == len(replies) and len(replies) >= 3  # then delivered everything


async def test_redis_going_away_mid_conversation(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, running: Start,
    engine_factory: EngineFactory,
) -> None:
    # No `redis_client` fixture here: its connection would not survive the outage.
    bot = await running(make_settings(fake_api, framework, redis_server.url), engine_factory)
    person = Person(bot, fake_api, 9001, "en")
    await person.say("/start")

    redis_server.stop()
    try:
        during = await person.say(AT_RISK["en"])
        assert "112" in during[0].text  # still answering, from memory
        country = await person.press("c:PL")
        assert country
    finally:
        redis_server.start()

    await asyncio.sleep(2.5)  # the next probe finds Redis back
    async with Redis.from_url(redis_server.url, decode_responses=True) as redis:
        deadline = time.monotonic() + 10
        while not await redis.exists(str(UserKey("session", user_key(9001)))):
            assert time.monotonic() < deadline, "the session did not return to Redis"
            assert await person.say("/menu")
        # What was said during the outage was not lost: the country chosen then is in Redis.
        session = await redis.get(str(UserKey("session", user_key(9001))))
        assert session is not None and '"country":"PL"' in session


async def test_groups_get_only_public_replies_and_are_named_once_in_the_log(
    bot: RunningBot, fake_api: FakeBotAPI, caplog: pytest.LogCaptureFixture
) -> None:
    """A group is never a private chat: /start there is the group help, and a danger phrase
    gets only the minimal public reply (issue 16, docs/GROUPS.md), never the at-risk path."""
    caplog.set_level(logging.INFO)
    person = Person(bot, fake_api, 10_001, "en")
    group = {"id": -100123, "type": "supergroup", "title": "Jobs abroad"}
    await fake_api.push(message_update(fake_api, person.user, text="/start", chat=group))
    await fake_api.push(message_update(fake_api, person.user, text=AT_RISK["en"], chat=group))

    public = await fake_api.wait_calls("sendMessage", 2, chat_id=-100123)
    await person.say("/help")

    texts = [call.text for call in public]
    assert any("write to me privately" in text for text in texts)
    assert not any("passport" in text for text in texts)  # nothing about the situation
    assert not any(p.startswith("c:") for call in public for p in call.payloads)  # no questions
    # docs/OPERATORS.md step 4: the group's id is learnt from the log, once, never a person's.
    named = [r.getMessage() for r in caplog.records if "chat_id=-100123" in r.getMessage()]
    assert named == ["message from a group chat that is not the operators' chat: "
                     "chat_id=-100123"]
    assert leaks(caplog.records, "10001", AT_RISK["en"]) == []


async def test_without_an_operators_chat_no_human_is_promised(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    running: Start,
    engine_parts: tuple[ContentHolder, IntentRecognizer], content: Content,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """OPERATOR_CHAT_ID unset: nobody could read a handed-over message.

    (`redis_client` empties Redis first: update ids start again at 1 in every test, and the
    de-duplication would otherwise take this test's updates for the previous test's.)"""
    caplog.set_level(logging.INFO)
    holder, recognizer = engine_parts

    async def factory(settings: Settings, store: SessionStore) -> Engine:  # as in production
        return await build_engine(settings, store=store, recognizer=recognizer, content=holder)

    bot = await running(make_settings(fake_api, framework, redis_server.url), factory)
    unreachable = content.messages.handoff_unreachable.get("ru").strip()
    offer = content.messages.offer_human.get("ru").strip()
    promise = content.messages.human_requested.get("ru").strip()
    person = Person(bot, fake_api, 10_002, "ru")
    await person.say("/start")
    mark = len(fake_api.calls)
    # In danger with the country unknown: the numbers, and no "talk to a person" button.
    assert "112" in (await person.say(AT_RISK["ru"]))[0].text
    # Asking for a person: told plainly that no one can read it now, with the numbers.
    await person.say("/operator")
    deadline = time.monotonic() + 10
    while not (told := [c for c in fake_api.calls_to("sendMessage", person.chat_id, since=mark)
                        if unreachable[:40] in c.text]):
        assert time.monotonic() < deadline, "the person was not told"
        await asyncio.sleep(0.05)
    assert "112" in told[0].text
    replies = fake_api.calls_to("sendMessage", person.chat_id, since=mark)
    assert not any(offer[:40] in r.text or promise[:40] in r.text for r in replies)
    assert not any(p == "m:human" or p.startswith("h:") for p in payloads(replies))
    assert not [r for r in caplog.records if "not delivered" in r.getMessage()]


@pytest.mark.parametrize("redis", [True, False])
async def test_a_private_chat_as_operators_chat_stops_the_start(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, running: Start,
    engine_factory: EngineFactory, redis: bool,
) -> None:
    """OPERATOR_CHAT_ID=1234567890 (the -100 forgotten): refused with or without Redis."""
    settings = make_settings(fake_api, framework, redis_server.url if redis else None,
                             operator_chat_id=1234567890)
    with pytest.raises(ConfigError, match=r"^OPERATOR_CHAT_ID: .*private.*-100"):
        await running(settings, engine_factory)


PHONE = "+48 512 345 678"


async def test_awkward_input_is_answered_and_nothing_reaches_the_logs(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    running: Start, engine_factory: EngineFactory, content: Content,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)  # before the bot starts: the frameworks log at DEBUG too
    bot = await running(make_settings(fake_api, framework, redis_server.url), engine_factory)
    uid = 31_337_007
    person = Person(bot, fake_api, uid, "en")
    said = [
        f"my boss took my passport, call me on {PHONE}",
        "<b>hello</b> & <script>alert(1)</script>",
        "🙏😢🙏",
        ("I found a job offer abroad, is it safe? " * 300)[:10_000],
    ]
    await person.say("/start")
    for text in said:
        assert await person.say(text)

    # A caption under a photo is what the person wrote: triaged, numbers first.
    photo = [{"file_id": "p", "file_unique_id": "pu", "width": 90, "height": 90}]
    replies = await person.send(photo=photo, caption="they locked me in, I cannot leave")
    assert "112" in replies[0].text

    # Voice without words gets the text-only notice with the emergency numbers (victim12).
    voice = {"file_id": "v", "file_unique_id": "vu", "duration": 3}
    replies = await person.send(voice=voice)
    assert replies[0].text.startswith(content.messages.non_text_voice.get("en")[:30])
    assert "112" in replies[0].text
    video_note = {"file_id": "n", "file_unique_id": "nu", "length": 240, "duration": 3}
    replies = await person.send(video_note=video_note)
    assert replies[0].text.startswith(content.messages.non_text_voice.get("en")[:30])
    assert "112" in replies[0].text

    # An edit is the person's corrected message: answered, not dropped.
    original = message_update(fake_api, person.user, text="hello")
    edited = {"edited_message": {**original["message"], "text": "they took my passport",
                                 "edit_date": int(time.time())}}
    replies = await person._exchange(edited)
    assert "112" in replies[0].text

    # A channel post has nobody to answer; garbage payloads in a private chat get the menu.
    await fake_api.push({"channel_post": {
        "message_id": 1, "date": int(time.time()), "text": "news",
        "chat": {"id": -100_999, "type": "channel", "title": "News"}}})
    for payload in ("zzz:::", "f:nope:nope:nope"):
        assert await person.press(payload)
    # An operator's payload pressed in a private chat gets the short refusal as the button's
    # notice and no message (tests/handoff/test_press_elsewhere.py): answered, not dropped.
    mark = len(fake_api.calls)
    await person.press("op:take:0123456789", replies=0)
    notice = await fake_api.wait_calls("answerCallbackQuery", 1, since=mark)
    assert notice[-1].params.get("text")
    assert fake_api.calls_to("sendMessage", person.chat_id, since=mark) == []
    assert await person.say("/help")
    assert fake_api.calls_to("sendMessage", chat_id=-100_999) == []

    secrets = [*said, "they locked me in", "they took my passport", str(uid), PHONE]
    assert leaks(caplog.records, *secrets) == []
