"""The bot in public groups over real HTTP (fake Bot API), a real Redis, aiogram and PTB.

Issue 16: a scam ad gets a warning and an honest one none; a danger phrase gets the minimal
reply with a deep link that works in private; only admins change settings; the hourly cap
holds; nothing personal is repeated; bots are ignored; privacy mode on works.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from redis.asyncio import Redis

from bot.adapters.telegram.runner import EngineFactory
from bot.groups.counters import day_key
from bot.groups.store import settings_key
from bot.privacy import Pseudonymizer
from tests.groups.conftest import BOT_LINK, GroupMember, handled
from tests.helpers.fake_bot_api import (
    BOT_USER,
    KICKED_GROUP,
    UPGRADED,
    FakeBotAPI,
    group,
    message_update,
    url_buttons,
    user,
)
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import PSEUDONYM_KEY, Person, RunningBot, make_settings

Start = Callable[..., Awaitable[RunningBot]]

# Made-up ads in the way recruiters write them (numbers and handles invented).
SCAM_AD = (
    "🔥 РАБОТА В ПОЛЬШЕ 🔥 Склад в Познани, упаковка косметики. Опыт не нужен, обучаем на "
    "месте! Высокая зарплата, авансы каждую неделю. Жильё рядом со складом.\n"
    "Для записи в группу нужно оплатить 150 евро за оформление приглашения.\n"
    "Пишите в вайбер +48 512 000 117, Марина."
)
SCAM_AD_HANDLE = (
    "Приглашаем девушек на работу хостес в ночной клуб в Дубае. Возраст 18-25 лет, приятная "
    "внешность, рост от 165.\nЗнание английского не обязательно. Доход от 5000$ в месяц + "
    "чаевые. Проживание и питание бесплатно.\nФото в полный рост присылайте в телеграм "
    "@dubai_vip_jobs"
)
SCAM_AD_BE = (
    "Чэхія, птушкафабрыка, упакоўшчыкі. Заробак 30 000 крон. Квіток і візу аплачваем, потым "
    "вылічым з заробку.\nПашпарт пакідаеце ў каардынатара на ўвесь час працы. "
    "Тэл. +420 733 440 550."
)
HONEST_AD = (
    "Агентство «АгроТрудСервис» (лицензия МВД № 12345 на трудоустройство за границей) "
    "приглашает на сезонные работы в Польшу:\nсбор яблок, Гройецкий повят, с 1 сентября по 30 "
    "ноября. Оплата 28 злотых брутто в час, 10-часовой рабочий день.\nЖильё от работодателя — "
    "15 злотых в сутки. Договор поручения подписывается до выезда, оформляем рабочую визу.\n"
    "Услуги агентства для кандидатов бесплатны. Телефон офиса: +375 17 000 11 22, сайт "
    "agrotrud.by"
)
DANGER = "работодатель забрал мой паспорт и не отдаёт, что делать"
PERSONAL = ("512 000 117", "+48", "dubai_vip_jobs", "733 440 550", "Марина")

GROUP = group(-1001500, "Работа в Польше")
BASIC = group(-4500, "Вакансии Литва")
ADMIN, MEMBER, OTHER_ADMIN = 5001, 5002, 5003


def group_key(chat_id: int) -> str:
    return Pseudonymizer(PSEUDONYM_KEY).user_key(f"tg-group:{chat_id}")


def join_groups(fake_api: FakeBotAPI, chats: tuple[dict[str, Any], ...], *,
                privacy: bool = False) -> None:
    """The bot a plain member (no admin) of `chats`, ADMIN their administrator and MEMBER a
    member; privacy mode as given."""
    fake_api.privacy_mode = privacy
    for chat in chats:
        fake_api.bot_member[chat["id"]] = {"status": "member"}
        fake_api.members[chat["id"]][ADMIN] = "administrator"
        fake_api.members[chat["id"]][MEMBER] = "member"


@pytest.fixture
def group_bot(running: Start, fake_api: FakeBotAPI, redis_server: RedisServer, framework: str,
              engine_factory: EngineFactory) -> Start:
    """`await group_bot(privacy=False, chats=(GROUP,))`: the bot, on `framework`, as a plain
    member (no admin) of `chats`, ADMIN their administrator and MEMBER a member; privacy mode
    as given."""

    async def start(*, privacy: bool = False,
                    chats: tuple[dict[str, Any], ...] = (GROUP,)) -> RunningBot:
        join_groups(fake_api, chats, privacy=privacy)
        return await running(make_settings(fake_api, framework, redis_server.url),
                             engine_factory)

    return start


def said(calls: list[Any]) -> str:
    return "\n".join(call.text for call in calls)


async def test_a_scam_ad_gets_a_short_warning_without_personal_data(
    fake_api: FakeBotAPI, redis_client: Redis, group_bot: Start,
) -> None:
    bot = await group_bot()
    poster = GroupMember(bot, fake_api, redis_client, MEMBER, GROUP)

    ad_id = poster.message_id() + 1  # the id the fake gives the posted ad
    warning = await poster.post(SCAM_AD)

    assert len(warning) == 1
    text = warning[0].text
    assert "признаки рискованного предложения" in text  # in the ad's language
    assert "оплатить 150 евро" in text  # the ad's own words, one line per flag
    assert sum(line.startswith("• ") for line in text.splitlines()) >= 2
    assert warning[0].params["reply_parameters"]["message_id"] == ad_id  # a reply to the ad
    assert url_buttons(warning[0]) == [f"{BOT_LINK}?start=checkad"]
    for personal in PERSONAL:
        assert personal not in text
    assert "Person" not in text  # the poster is never named

    handle = await poster.post(SCAM_AD_HANDLE)
    assert "dubai_vip_jobs" not in handle[0].text and "телеграм" in handle[0].text

    counts = await redis_client.hgetall(day_key(time.gmtime() and _today()))
    assert counts["checked"] == "2" and counts["warned"] == "2"
    assert counts[f"warned:{group_key(GROUP['id'])}"] == "2"
    assert str(GROUP["id"]) not in str(await redis_client.keys("*"))


def _today() -> Any:
    """Today where the bot counts: the operators' timezone (OPERATOR_TIMEZONE, Europe/Minsk by
    default), not UTC: from 21:00 UTC Minsk is already in the next day."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from bot.config import OperatorSettings

    return datetime.now(ZoneInfo(OperatorSettings.model_fields["timezone"].default)).date()


async def test_an_honest_ad_gets_no_warning_but_is_counted(
    fake_api: FakeBotAPI, redis_client: Redis, group_bot: Start,
) -> None:
    bot = await group_bot()
    poster = GroupMember(bot, fake_api, redis_client, MEMBER, GROUP)

    assert await poster.post(HONEST_AD, replies=0) == []
    counts = await redis_client.hgetall(day_key(_today()))
    assert counts.get("checked") == "1" and "warned" not in counts


async def test_a_belarusian_ad_is_warned_about_in_belarusian(
    fake_api: FakeBotAPI, redis_client: Redis, group_bot: Start,
) -> None:
    bot = await group_bot()
    poster = GroupMember(bot, fake_api, redis_client, MEMBER, GROUP, language="ru")

    warning = await poster.post(SCAM_AD_BE)
    assert "У гэтай аб’яве пра працу ёсць прыкметы" in warning[0].text
    assert "733 440 550" not in warning[0].text


async def test_a_danger_message_gets_the_minimal_reply_and_the_link_works_in_private(
    fake_api: FakeBotAPI, redis_client: Redis, group_bot: Start,
) -> None:
    bot = await group_bot()
    admin = GroupMember(bot, fake_api, redis_client, ADMIN, GROUP)
    await admin.post("/settings country Польша")
    member = GroupMember(bot, fake_api, redis_client, MEMBER, GROUP)

    reply = await member.post(DANGER)

    assert len(reply) == 1
    text = reply[0].text
    assert "112" in text and "Польша" in text  # the group's country's emergency number
    assert "напишите мне в личные сообщения" in text
    assert "паспорт" not in text.lower() and "?" not in text  # nothing about it, no question
    assert url_buttons(reply[0]) == [f"{BOT_LINK}?start=help"]

    # The link opens the private chat with /start help: the normal at-risk path.
    person = Person(bot, fake_api, MEMBER, "ru")
    private = await person.say("/start help")
    assert "112" in private[0].text
    assert any(p.startswith("c:") for call in private for p in call.payloads)  # where are you?


async def test_the_ad_link_opens_the_private_ad_check(
    fake_api: FakeBotAPI, redis_client: Redis, group_bot: Start,
) -> None:
    bot = await group_bot()
    person = Person(bot, fake_api, 5010, "ru")
    first = await person.say("/start checkad")
    assert "m:menu" in first[-1].payloads  # the ad check's own screen, waiting for the ad
    report = await person.say(SCAM_AD)
    assert "оплатить 150 евро" in said(report)


async def test_only_admins_change_settings(
    fake_api: FakeBotAPI, redis_client: Redis, group_bot: Start,
) -> None:
    bot = await group_bot()
    member = GroupMember(bot, fake_api, redis_client, MEMBER, GROUP)
    admin = GroupMember(bot, fake_api, redis_client, ADMIN, GROUP)

    refused = await member.post("/settings ads off")
    assert "только администраторы" in refused[0].text
    assert await redis_client.exists(settings_key(group_key(GROUP["id"]))) == 0
    assert await member.post(SCAM_AD)  # still warned

    # Admin rights are asked at each change, never remembered: a demoted admin is refused.
    shown = await admin.post("/settings ads off")
    assert "Сохранено" in shown[0].text and "выключены" in shown[0].text
    assert "Я вижу все сообщения" in shown[0].text  # privacy mode off: said so
    assert await member.post(SCAM_AD, replies=0) == []
    fake_api.members[GROUP["id"]][ADMIN] = "member"
    assert "только администраторы" in (await admin.post("/settings ads on"))[0].text
    stored = await redis_client.hgetall(settings_key(group_key(GROUP["id"])))
    assert stored["ads"] == "off"
    assert 0 < await redis_client.ttl(settings_key(group_key(GROUP["id"]))) <= 400 * 24 * 3600


async def test_the_hourly_cap_holds(
    fake_api: FakeBotAPI, redis_client: Redis, group_bot: Start,
) -> None:
    bot = await group_bot()
    admin = GroupMember(bot, fake_api, redis_client, ADMIN, GROUP)
    await admin.post("/settings cap 2")
    poster = GroupMember(bot, fake_api, redis_client, MEMBER, GROUP)

    assert [len(await poster.post(SCAM_AD)) for _ in range(2)] == [1, 1]
    mark = len(fake_api.calls)
    for _ in range(2):
        await poster.post(SCAM_AD, replies=0)
    await poster.post("/hotlines", replies=0)  # commands share the cap
    # A danger phrase has an allowance of its own: a busy hour never silences it. It is
    # answered after the three capped posts were taken up: nothing else came meanwhile.
    await poster.post(DANGER)
    since = fake_api.calls_to("sendMessage", GROUP["id"], since=mark)
    assert [url_buttons(call) for call in since] == [[f"{BOT_LINK}?start=help"]]
    counts = await redis_client.hgetall(day_key(_today()))
    assert counts["capped"] == "3" and counts["warned"] == "2"


async def test_bots_are_ignored_and_channel_posts_only_checked_as_ads(
    fake_api: FakeBotAPI, redis_client: Redis, group_bot: Start,
) -> None:
    bot = await group_bot()
    other_bot = GroupMember(bot, fake_api, redis_client, 6001, GROUP, is_bot=True)
    assert await other_bot.post(SCAM_AD, replies=0) == []
    assert await other_bot.post(DANGER, replies=0) == []
    assert await other_bot.post("/hotlines", replies=0) == []

    # A linked channel's post copied into its discussion group: an ad is checked...
    channel = {"id": -1009990, "type": "channel", "title": "Вакансии"}
    relay = GroupMember(bot, fake_api, redis_client, 777000, GROUP, first_name="Telegram")
    warned = await relay.post(SCAM_AD, sender_chat=channel, is_automatic_forward=True)
    assert url_buttons(warned[0]) == [f"{BOT_LINK}?start=checkad"]
    # ... but a channel is not a member in danger.
    assert await relay.post(DANGER, replies=0, sender_chat=channel,
                            is_automatic_forward=True) == []


async def test_forwarded_ads_are_checked(
    fake_api: FakeBotAPI, redis_client: Redis, group_bot: Start,
) -> None:
    bot = await group_bot()
    member = GroupMember(bot, fake_api, redis_client, MEMBER, GROUP)
    origin = {"type": "hidden_user", "sender_user_name": "Recruiter", "date": int(time.time())}
    warned = await member.post(SCAM_AD_HANDLE, forward_origin=origin)
    assert "dubai_vip_jobs" not in warned[0].text
    assert "Recruiter" not in warned[0].text


async def test_privacy_mode_on_commands_mentions_and_replies_still_work(
    fake_api: FakeBotAPI, redis_client: Redis, group_bot: Start,
) -> None:
    bot = await group_bot(privacy=True)
    member = GroupMember(bot, fake_api, redis_client, MEMBER, GROUP)

    ad_id = member.message_id() + 1
    assert await member.post(SCAM_AD, replies=0) == []  # Telegram never shows it to the bot
    ad = next(u["message"] for u in fake_api.unseen if u["message"]["message_id"] == ad_id)

    checked = await member.post("/check", reply_to_message=ad)
    assert checked[0].params["reply_parameters"]["message_id"] == ad_id  # under the ad
    assert "оплатить 150 евро" in checked[0].text and "512 000 117" not in checked[0].text

    # /check on the bot's own warning is not checked again (its quotes would be flagged).
    own = {"message_id": checked[0].params.get("message_id", 1), "from": BOT_USER,
           "chat": GROUP, "date": int(time.time()), "text": checked[0].text}
    assert "/check" in (await member.post("/check", reply_to_message=own))[0].text

    mention = await member.post(f"@{BOT_USER['username']} {DANGER}")
    assert url_buttons(mention[0]) == [f"{BOT_LINK}?start=help"]

    admin = GroupMember(bot, fake_api, redis_client, ADMIN, GROUP)
    screen = await admin.post(f"/settings@{BOT_USER['username']}")
    assert "Режим приватности включён" in screen[0].text
    assert await member.post("/check@other_bot", replies=0) == []  # another bot's command


async def test_hotlines_and_help_in_the_group(
    fake_api: FakeBotAPI, redis_client: Redis, group_bot: Start,
) -> None:
    bot = await group_bot(chats=(BASIC,))
    member = GroupMember(bot, fake_api, redis_client, MEMBER, BASIC, language="be")
    lines = await member.post("/hotlines Польшча")
    assert "112" in lines[0].text and "Польшча" in lines[0].text
    helped = await member.post("/help")
    assert "/hotlines" in helped[0].text and url_buttons(helped[0]) == [BOT_LINK]
    assert "Я папярэджваю" in helped[0].text  # the member's app language: Belarusian


async def test_admins_only_mode_tells_admins_who_started_the_bot(
    fake_api: FakeBotAPI, redis_client: Redis, group_bot: Start,
) -> None:
    bot = await group_bot()
    fake_api.members[GROUP["id"]][OTHER_ADMIN] = "creator"
    fake_api.strangers.add(OTHER_ADMIN)  # never pressed Start: Telegram refuses (403)
    admin = GroupMember(bot, fake_api, redis_client, ADMIN, GROUP)
    await admin.post("/settings ads admins")
    member = GroupMember(bot, fake_api, redis_client, MEMBER, GROUP)

    ad_id = member.message_id() + 1
    assert await member.post(SCAM_AD, replies=0) == []  # nothing in the group
    told = await fake_api.wait_calls("sendMessage", 1, chat_id=ADMIN)
    assert "оплатить 150 евро" in told[0].text and "512 000 117" not in told[0].text
    assert url_buttons(told[0]) == [f"https://t.me/c/1500/{ad_id}"]
    counts = await redis_client.hgetall(day_key(_today()))
    assert counts["admins_told"] == "1"


async def test_removed_or_muted_the_bot_keeps_going_and_forgets_the_group(
    fake_api: FakeBotAPI, redis_client: Redis, caplog: pytest.LogCaptureFixture, group_bot: Start,
) -> None:
    caplog.set_level(logging.INFO)
    bot = await group_bot()
    admin = GroupMember(bot, fake_api, redis_client, ADMIN, GROUP)
    await admin.post("/settings country Польша")
    member = GroupMember(bot, fake_api, redis_client, MEMBER, GROUP)

    fake_api.muted.add(GROUP["id"])  # "not enough rights to send text messages" (400)
    await member.post(SCAM_AD, replies=1)  # tried, refused, nothing lost
    fake_api.muted.clear()
    assert await redis_client.exists(settings_key(group_key(GROUP["id"])))

    fake_api.kill_chat(GROUP["id"], *KICKED_GROUP)
    await member.post(SCAM_AD, replies=1)
    assert not await redis_client.exists(settings_key(group_key(GROUP["id"])))
    # The private chat is unaffected.
    assert await Person(bot, fake_api, 5020, "ru").say("/help")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "оплатить" not in logged and str(MEMBER) not in logged


async def test_an_anonymous_admin_may_change_settings(
    fake_api: FakeBotAPI, redis_client: Redis, group_bot: Start,
) -> None:
    """An admin posting as the group comes "from" @GroupAnonymousBot (a bot) with the group as
    sender_chat: only an admin can do that, so it counts as one (getChatMember cannot tell)."""
    bot = await group_bot()
    anonymous = GroupMember(bot, fake_api, redis_client, 1087968824, GROUP, is_bot=True,
                            first_name="Group", username="GroupAnonymousBot")
    saved = await anonymous.post("/settings cap 3", sender_chat=GROUP)
    assert "Сохранено" in saved[0].text
    stored = await redis_client.hgetall(settings_key(group_key(GROUP["id"])))
    assert stored["cap"] == "3"


async def test_settings_follow_a_group_upgraded_to_a_supergroup(
    fake_api: FakeBotAPI, redis_client: Redis, group_bot: Start,
) -> None:
    new_id = -1004500
    bot = await group_bot(chats=(BASIC,))
    admin = GroupMember(bot, fake_api, redis_client, ADMIN, BASIC)
    await admin.post("/settings country Литва")
    fake_api.kill_chat(BASIC["id"], *UPGRADED, migrate_to_chat_id=new_id)
    await admin.post("/hotlines", replies=1)  # refused with migrate_to_chat_id
    moved = await redis_client.hgetall(settings_key(group_key(new_id)))
    assert moved["country"] == "LT"
    # The answer itself is not lost with the old chat: it is sent again in the supergroup.
    await fake_api.wait_calls("sendMessage", 1, new_id)
    assert not await redis_client.exists(settings_key(group_key(BASIC["id"])))


async def test_the_operators_chat_is_never_a_public_group(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    running: Start, engine_factory: EngineFactory,
) -> None:
    ops = {"id": -1009876543, "type": "supergroup", "title": "Operators"}
    fake_api.members[ops["id"]][ADMIN] = "member"
    await running(make_settings(fake_api, framework, redis_server.url,
                                operator_chat_id=ops["id"]), engine_factory)
    mark = len(fake_api.calls)
    bot_member = GroupMember(None, fake_api, redis_client, ADMIN, ops)  # type: ignore[arg-type]
    await bot_member.post(SCAM_AD, replies=0)
    await bot_member.post(DANGER, replies=0)
    sent = fake_api.calls_to("sendMessage", ops["id"], since=mark)
    assert not any("?start=" in url for call in sent for url in url_buttons(call))


async def test_in_a_forum_topic_the_warning_stays_in_the_topic(
    fake_api: FakeBotAPI, redis_client: Redis, group_bot: Start,
) -> None:
    bot = await group_bot()
    fake_api.forums.add(GROUP["id"])
    fake_api.topics[GROUP["id"]][77] = False  # the "Польша" topic
    poster = GroupMember(bot, fake_api, redis_client, MEMBER, GROUP)
    warned = await poster.post(SCAM_AD, message_thread_id=77, is_topic_message=True)
    assert int(warned[0].params["message_thread_id"]) == 77


@pytest.mark.parametrize("gone", ["closed", "deleted"])
async def test_a_danger_reply_whose_topic_is_gone_goes_to_the_general_topic(
    gone: str, fake_api: FakeBotAPI, redis_client: Redis, group_bot: Start,
) -> None:
    """A topic closed or deleted before the reply (TOPIC_CLOSED, "message thread not found")
    must not leave a person in danger without an answer: the group's General topic gets it."""
    bot = await group_bot()
    fake_api.forums.add(GROUP["id"])
    fake_api.topics[GROUP["id"]][78] = True  # closed by an admin
    if gone == "deleted":
        fake_api.delete_topic(GROUP["id"], 78)
    member = GroupMember(bot, fake_api, redis_client, MEMBER, GROUP)
    mark = len(fake_api.calls)
    await member.post(DANGER, replies=2, message_thread_id=78, is_topic_message=True)
    sent = fake_api.calls_to("sendMessage", GROUP["id"], since=mark)
    delivered = [call for call in sent if "message_thread_id" not in call.params]
    assert len(delivered) == 1
    assert "t.me/" in str(delivered[0].params)  # the private link is there
    assert "паспорт" not in delivered[0].text


async def test_with_redis_down_ads_are_still_warned_about(
    fake_api: FakeBotAPI, redis_server: RedisServer, group_bot: Start,
) -> None:
    """Settings, the cap and de-duplication fall back to memory; only the counts are lost.
    (No `redis_client` here: its connection would not survive the stop.)"""
    async with Redis.from_url(redis_server.url) as redis:
        await redis.flushdb()
    await group_bot()
    poster = user(MEMBER)
    redis_server.stop()
    try:
        mark = len(fake_api.calls)
        await fake_api.push(message_update(fake_api, poster, text=SCAM_AD, chat=GROUP))
        warned = await fake_api.wait_calls("sendMessage", 1, GROUP["id"], since=mark)
        assert url_buttons(warned[0]) == [f"{BOT_LINK}?start=checkad"]
    finally:
        redis_server.start()


async def test_when_added_to_a_group_the_bot_says_what_it_does(
    fake_api: FakeBotAPI, redis_client: Redis, group_bot: Start,
) -> None:
    bot = await group_bot(privacy=True)
    admin = GroupMember(bot, fake_api, redis_client, ADMIN, GROUP, language="en")
    hello = await admin.post(new_chat_members=[BOT_USER])
    assert "/settings" in hello[0].text and url_buttons(hello[0]) == [BOT_LINK]
    # Another member joining is nobody's business.
    assert await admin.post(replies=0, new_chat_members=[user(5099)]) == []


async def test_without_getme_the_danger_reply_still_goes_out(
    fake_api: FakeBotAPI, redis_client: Redis, group_bot: Start,
) -> None:
    bot = await group_bot()
    member = GroupMember(bot, fake_api, redis_client, MEMBER, GROUP)
    # Polling is up once a private message was answered (the group gate asked no getMe yet).
    assert await Person(bot, fake_api, 5030, "ru").say("/help")
    fake_api.fail("getMe", 500, "Internal Server Error", times=20)
    reply = await member.post(DANGER)
    assert "напишите мне в личные сообщения" in reply[0].text
    fake_api.clear_failures()
    again = await member.post(DANGER)
    assert url_buttons(again[0]) == [f"{BOT_LINK}?start=help"]


async def test_an_ad_edited_after_posting_is_checked_and_answered_only_once(
    fake_api: FakeBotAPI, redis_client: Redis, group_bot: Start,
) -> None:
    """A post made harmless and edited into a scam ad later (a known trick) gets the warning
    then; a warned ad edited again (a typo fixed) gets no second one; an edited command is not
    answered again."""
    bot = await group_bot()
    member = GroupMember(bot, fake_api, redis_client, MEMBER, GROUP)

    async def edit(original: dict[str, Any], text: str, replies: int) -> list[Any]:
        mark = len(fake_api.calls)
        update = {"edited_message": {**original["message"], "text": text,
                                     "edit_date": int(time.time())}}
        update_id = await fake_api.push(update)
        if replies:
            await fake_api.wait_calls("sendMessage", replies, GROUP["id"], since=mark)
        else:
            await handled(redis_client, update_id)
        await fake_api.quiet(0.5)
        return fake_api.calls_to("sendMessage", GROUP["id"], since=mark)

    teaser = message_update(fake_api, member.user, text="Есть работа в Польше, кому надо?",
                            chat=GROUP)
    await fake_api.push(teaser)
    await fake_api.quiet(0.5)
    warned = await edit(teaser, SCAM_AD, replies=1)
    assert "оплатить 150 евро" in warned[0].text
    assert warned[0].params["reply_parameters"]["message_id"] == teaser["message"]["message_id"]
    assert await edit(teaser, SCAM_AD + " Срочно!", replies=0) == []

    ad = message_update(fake_api, member.user, text=SCAM_AD, chat=GROUP)
    mark = len(fake_api.calls)
    await fake_api.push(ad)
    await fake_api.wait_calls("sendMessage", 1, GROUP["id"], since=mark)
    assert await edit(ad, SCAM_AD.replace("Марина", "Оля"), replies=0) == []

    command = message_update(fake_api, member.user, text="/help", chat=GROUP)
    mark = len(fake_api.calls)
    await fake_api.push(command)
    await fake_api.wait_calls("sendMessage", 1, GROUP["id"], since=mark)
    assert await edit(command, "/hotlines", replies=0) == []


async def test_a_reply_to_the_bot_is_answered_like_a_mention(
    fake_api: FakeBotAPI, redis_client: Redis, group_bot: Start,
) -> None:
    """In privacy mode a member talks to the bot by replying to it: a question gets the short
    help with the private link (nothing of it repeated), not silence."""
    bot = await group_bot(privacy=True)
    member = GroupMember(bot, fake_api, redis_client, MEMBER, GROUP, language="en")
    helped = await member.post("/help")
    own = {"message_id": helped[0].params.get("message_id", 1), "from": BOT_USER,
           "chat": GROUP, "date": int(time.time()), "text": helped[0].text}

    answer = await member.post("а куда звонить, если я в Литве? мой номер +375291112233",
                               reply_to_message=own)
    assert url_buttons(answer[0]) == [BOT_LINK]
    assert "Я предупреждаю" in answer[0].text  # in the language it was asked in
    assert "+375" not in answer[0].text and "Литв" not in answer[0].text
    assert "?" not in answer[0].text  # no question asked in public


async def test_removed_from_a_group_the_bot_forgets_its_settings_at_once(
    fake_api: FakeBotAPI, redis_client: Redis, group_bot: Start,
) -> None:
    """Telegram tells a removed bot only through my_chat_member (nothing more comes from that
    group, so no refused reply would ever say it): the settings go then, as docs/GROUPS.md
    promises; the bot's other groups keep theirs."""
    bot = await group_bot(chats=(GROUP, BASIC))
    for chat in (GROUP, BASIC):
        await GroupMember(bot, fake_api, redis_client, ADMIN, chat).post("/settings cap 3")
    for status in ("kicked", "left"):
        chat = GROUP if status == "kicked" else BASIC
        update_id = await fake_api.push({"my_chat_member": {
            "chat": chat, "from": user(ADMIN), "date": int(time.time()),
            "old_chat_member": {"status": "member", "user": BOT_USER},
            "new_chat_member": {"status": status, "user": BOT_USER,
                                **({"until_date": 0} if status == "kicked" else {})},
        }})
        key = settings_key(group_key(chat["id"]))
        deadline = time.monotonic() + 15
        while await redis_client.exists(key):
            assert time.monotonic() < deadline, f"settings kept after '{status}' ({update_id})"
            await fake_api.quiet(0.1)
        if status == "kicked":  # the other group keeps its settings
            assert await redis_client.exists(settings_key(group_key(BASIC["id"])))


async def test_one_person_writing_their_story_in_several_messages_gets_one_danger_reply(
    fake_api: FakeBotAPI, redis_client: Redis, group_bot: Start,
) -> None:
    """A reply under each of one person's messages would point the whole group at them: one
    danger reply per person for a while; another member in danger still gets theirs."""
    bot = await group_bot()
    member = GroupMember(bot, fake_api, redis_client, MEMBER, GROUP)
    first = await member.post(DANGER)
    assert url_buttons(first[0]) == [f"{BOT_LINK}?start=help"]
    assert await member.post("нас держат в общежитии и не выпускают", replies=0) == []
    assert await member.post("забрали паспорт, помогите", replies=0) == []
    other = GroupMember(bot, fake_api, redis_client, 5010, GROUP)
    assert url_buttons((await other.post(DANGER))[0]) == [f"{BOT_LINK}?start=help"]
