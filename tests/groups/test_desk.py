"""The group desk without Telegram: masking, settings, languages, the cap, deep links."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from redis.asyncio import Redis

from bot.core.events import EventKind
from bot.core.groups import GroupDesk, GroupMessage, GroupReplies, GroupSettings
from bot.core.groups.deeplink import start_link
from bot.core.groups.mask import MASK, mask_personal
from bot.core.groups.model import AdWarnings, Sender
from bot.factory import build_engine
from bot.groups.counters import NoGroupCounters, RedisGroupCounters, collect
from bot.groups.limits import GroupRateLimiter
from bot.groups.store import MemoryGroupSettings, RedisGroupSettings, settings_key
from tests.helpers.chat import Chat, plain_settings
from tests.helpers.engine import shared_content, shared_recognizer

AD = ("Работа в Польше, склад в Познани. Опыт не нужен, высокая зарплата. Для записи нужно "
      "оплатить 150 евро за оформление приглашения. Паспорт оставите у координатора. Пишите в "
      "вайбер +48 512 000 117, Марина, "
      "или на mail hr.jobs@example.com, t.me/jobs_pl_now, @jobs_pl_now")


def desk() -> GroupDesk:
    holder = shared_content()
    replies = GroupReplies(lambda: holder.content, holder.i18n,
                           MemoryGroupSettings(), GroupRateLimiter(None), NoGroupCounters(),
                           ad_checkers=holder.ad_checkers)  # as the bot wires it
    return GroupDesk(replies)


async def admin() -> bool:
    return True


async def member() -> bool:
    return False


def message(text: str, **over: object) -> GroupMessage:
    fields: dict[str, object] = {"group_key": "g" * 32, "message_id": 7, "text": text}
    fields.update(over)
    return GroupMessage(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("personal", [
    "+48 512 000 117", "8 (029) 123-45-67", "123-45-67", "hr.jobs@example.com",
    "t.me/jobs_pl_now", "https://wa.me/48512000117", "@jobs_pl_now", "+375291234567",
])
def test_contacts_are_masked(personal: str) -> None:
    assert mask_personal(f"пишите {personal} сегодня") == f"пишите {MASK} сегодня"


@pytest.mark.parametrize("pay", ["3 000-4 000 евро", "от 2500 €", "28 злотых в час",
                                 "1 500 000 руб", "с 1 сентября по 30 ноября"])
def test_pay_and_dates_are_not_taken_for_phones(pay: str) -> None:
    assert mask_personal(pay) == pay


@given(st.from_regex(r"\+?[1-9]\d{8,12}", fullmatch=True), st.integers(0, 12))
def test_no_cut_of_a_quote_shows_part_of_a_phone(number: str, cut: int) -> None:
    """Masked before quoting: whatever the cut, no run of the number's digits survives."""
    masked = mask_personal(f"Звоните {number} — Марина")
    assert not any(number[i:i + 4] in masked for i in range(len(number) - 3))


async def test_a_strong_ad_is_warned_with_masked_quotes_and_a_deep_link() -> None:
    response = await desk().handle(message(AD), username="smb_bot", is_admin=member)
    [reply] = response.replies
    assert reply.reply_to == 7
    for personal in ("512 000 117", "hr.jobs", "jobs_pl_now", "Марина"):
        assert personal not in reply.text
    # The ad also carries a danger phrase ("паспорт у координатора"): a member's own post may
    # be their own story, so the private door for help comes too.
    assert [b.url for row in reply.buttons for b in row] == [
        "https://t.me/smb_bot?start=checkad", "https://t.me/smb_bot?start=help"]


async def test_settings_change_only_for_admins_and_only_to_valid_values() -> None:
    d = desk()
    refused = await d.handle(message("/settings ads off", command="/settings", args="ads off"),
                             username="smb_bot", is_admin=member)
    assert "Only the group's admins" in refused.replies[0].text or refused.replies
    assert await d.replies.store.load("g" * 32) == GroupSettings()
    for args, expected in [
        ("ads admins", GroupSettings(ads=AdWarnings.ADMINS)),
        ("country Польшча", GroupSettings(ads=AdWarnings.ADMINS, country="PL")),
        ("language be", GroupSettings(ads=AdWarnings.ADMINS, country="PL", language="be")),
        ("cap 61", None), ("cap 0", None), ("country Atlantis", None), ("language fr", None),
        ("cap 10", GroupSettings(ads=AdWarnings.ADMINS, country="PL", language="be", cap=10)),
    ]:
        before = await d.replies.store.load("g" * 32)
        await d.handle(message(f"/settings {args}", command="/settings", args=args),
                       username="smb_bot", is_admin=admin)
        assert await d.replies.store.load("g" * 32) == (expected or before), args


async def test_the_danger_reply_names_the_groups_country_and_nothing_else() -> None:
    d = desk()
    await d.replies.store.save("g" * 32, GroupSettings(country="LT", language="be"))
    response = await d.handle(message("у мяне забралі пашпарт, дапамажыце"),
                              username="smb_bot", is_admin=member)
    [reply] = response.replies
    assert "112" in reply.text and "Літва" in reply.text
    assert "пашпарт" not in reply.text and "?" not in reply.text
    assert [b.url for row in reply.buttons for b in row] == ["https://t.me/smb_bot?start=help"]
    # Without a country no number is guessed: only the private door.
    await d.replies.store.save("g" * 32, GroupSettings())
    bare = await d.handle(message("my boss took my passport"), username="smb_bot",
                          is_admin=member)
    assert "112" not in bare.replies[0].text


async def test_bots_get_nothing_and_channels_no_danger_reply() -> None:
    d = desk()
    assert (await d.handle(message(AD, sender=Sender.BOT), username="smb_bot",
                           is_admin=admin)).replies == []
    channel = await d.handle(message("у меня забрали паспорт", sender=Sender.CHANNEL),
                             username="smb_bot", is_admin=admin)
    assert channel.replies == []


def test_without_a_username_there_is_no_link() -> None:
    assert start_link("", "help") is None


async def test_settings_in_redis_have_a_ttl_and_broken_fields_fall_back(
        redis_client: Redis) -> None:
    store = RedisGroupSettings(redis_client)
    await store.save("k" * 32, GroupSettings(country="PL", cap=3))
    assert 0 < await redis_client.ttl(settings_key("k" * 32))
    await redis_client.hset(settings_key("k" * 32), mapping={"ads": "maybe", "cap": "x",
                                                               "language": "de"})
    assert await store.load("k" * 32) == GroupSettings(country="PL")
    await store.forget("k" * 32)
    assert not await redis_client.exists(settings_key("k" * 32))


async def test_start_payloads_lead_into_the_at_risk_path_or_the_ad_check() -> None:
    engine = await build_engine(plain_settings(), recognizer=shared_recognizer(),
                                content=shared_content(), handoff_available=True)
    helped = await Chat(engine, user_key="a" * 32).command("/start help")
    assert "112" in helped.replies[0].text  # numbers first, as on the at-risk path
    checking = Chat(engine, user_key="b" * 32)
    await checking.command("/start checkad")
    report = await checking.say(AD)
    assert any("150 евро" in r.text for r in report.replies)
    plain = await Chat(engine, user_key="c" * 32).command("/start somethingelse")
    assert plain.replies and "112" not in plain.replies[0].text
    assert EventKind.COMMAND  # the payload is public: it carries nothing about the person


async def test_admins_only_mode_still_answers_a_members_own_danger_in_public() -> None:
    """An ad-like post that also carries a danger phrase: the admins are told about the ad,
    and the member still gets the minimal public reply with the private link."""
    d = desk()
    await d.replies.store.save("g" * 32, GroupSettings(ads=AdWarnings.ADMINS))
    response = await d.handle(message(AD), username="smb_bot", is_admin=member)
    assert len(response.admin_notices) == 1
    [reply] = response.replies
    assert [b.url for row in reply.buttons for b in row] == ["https://t.me/smb_bot?start=help"]


async def test_ad_warnings_off_checks_nothing_but_danger_still_answered() -> None:
    d = desk()
    await d.replies.store.save("g" * 32, GroupSettings(ads=AdWarnings.OFF))
    response = await d.handle(message(AD), username="smb_bot", is_admin=member)
    assert [b.url for r in response.replies for row in r.buttons for b in row] == [
        "https://t.me/smb_bot?start=help"]
    assert response.admin_notices == []


async def test_counters_sum_per_group_for_the_dashboard(redis_client: Redis) -> None:
    counters = RedisGroupCounters(redis_client)
    await counters.count("a" * 32, "checked", "warned")
    await counters.count("a" * 32, "checked")
    await counters.count("b" * 32, "checked")
    totals = await collect(redis_client, datetime.now(UTC).date(), days=7)
    assert totals["all"] == {"checked": 3, "warned": 1}
    assert totals["a" * 32] == {"checked": 2, "warned": 1}
    assert totals["b" * 32] == {"checked": 1}


@pytest.mark.parametrize("ad, name", [
    ("Требуются работники на склад в Польшу, зарплата 4000 злотых, жильё предоставляем, работа "
     "стабильная. Старший смены Ольга Сидорова: паспорт оставите у координатора. Для записи "
     "нужно оплатить 150 евро за оформление приглашения, звоните.", "Сидорова"),
    ("Требуются работники на склад в Польшу, зарплата 4000 злотых, жильё предоставляем, работа "
     "стабильная. Паспорт оставите у координатора Ольги. Для записи нужно оплатить 150 евро "
     "за оформление приглашения Сергею, звоните.", "Серге"),
    ("Праца на складзе ў Польшчы, заробак 4000 злотых, жыллё даём, праца стабільная. Старшая "
     "змены Алеся Кавалёва: пашпарт пакідаеце ў каардынатара. Для запісу трэба заплаціць 150 "
     "еўра за запрашэнне, тэлефануйце.", "Алеся"),
])
async def test_a_persons_name_next_to_a_flag_is_not_quoted(ad: str, name: str) -> None:
    """A quote's context is cut down to the flag's own words when it holds a name (a title-case
    word inside a sentence): the recruiter or a victim is never named in the group."""
    response = await desk().handle(message(ad), username="smb_bot", is_admin=member)
    [reply] = response.replies
    assert "• " in reply.text  # still warned, with the flags' own words
    assert name not in reply.text


@pytest.mark.parametrize("text, country", [
    ("я в Дубае, забрали паспорт и не выпускают", "Объединённые Арабские Эмираты"),
    ("my friend in Lithuania: the boss took his passport", "Lithuania"),
])
async def test_the_danger_reply_gives_the_number_of_the_country_the_message_names(
    text: str, country: str,
) -> None:
    """A group set to Poland has members elsewhere: the country a danger message names (the
    writer's own word) decides the number, never the group's when it is another country."""
    d = desk()
    await d.replies.store.save("g" * 32, GroupSettings(country="PL"))
    response = await d.handle(message(text), username="smb_bot", is_admin=member)
    [reply] = response.replies
    assert country in reply.text
    assert "Польш" not in reply.text and "Poland" not in reply.text
    assert "паспорт" not in reply.text and "passport" not in reply.text
