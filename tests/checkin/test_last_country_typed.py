"""A country the person names in free text as where they are ("я уже в Испании, в Мурсии")
is their last country: a missed check-in's alert shows it when they agreed to that, and the
message gets the country's answer, not "I can't help with that". A plan ("хочу работать в
Польше") is not where they are. The fake Bot API over real HTTP, a real redis-server."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from bot.core.presence import says_here
from tests.checkin.helpers import GRACE, INTERVAL, FakeClock, set_up, untag
from tests.handoff.telegram import OPS, HandoffBot, pseudonym, sent_to
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

HERE = {"ru": "я уже в Испании, в Мурсии", "be": "я ўжо ў Іспаніі, у Мурсіі",
        "en": "I'm in Spain now, in Murcia"}
CANNOT_HELP = {"ru": "С этим я, к сожалению, не помогу", "be": "З гэтым я, на жаль, не дапамагу",
               "en": "Sorry, I cannot help with that"}


async def missed_alert(person: Person, api: FakeBotAPI, clock: FakeClock) -> str:
    """Let the next check-in come and its grace pass: the operators' alert."""
    mark = len(api.calls)
    clock.advance(INTERVAL + 1)
    await sent_to(api, person.chat_id, "", since=mark)
    clock.advance(GRACE + 1)
    [alert] = await sent_to(api, OPS, "Case #", since=mark)
    assert pseudonym(person.chat_id) in alert.text
    return alert.text


@pytest.mark.parametrize(("framework", "language"),
                         [("aiogram", "ru"), ("ptb", "be"), ("aiogram", "en")])
async def test_a_country_named_in_free_text_is_the_last_country_in_the_alert(
    framework: str, language: str, fake_api: FakeBotAPI, redis_client: Redis,
    clock: FakeClock, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 7701, language)
    await person.say("/start")
    await set_up(person, country="PL", share_location=True)
    replies = await person.say(HERE[language])
    assert not any(CANNOT_HELP[language] in r.text for r in replies), replies[0].text
    assert any("Spain" in r.text or "Испан" in r.text or "Іспан" in r.text for r in replies)
    alert = await missed_alert(person, fake_api, clock)
    assert "Last country they told the bot they were in: Spain" in alert
    assert "never named one" not in alert


@pytest.mark.parametrize("text", [HERE["ru"], HERE["be"], HERE["en"], "ya uzhe v Ispanii",
                                  "мы сейчас в Польше", "I am in Poland already"])
def test_words_saying_the_person_is_there_now(text: str) -> None:
    assert says_here(text)


@pytest.mark.parametrize("text", ["хочу работать в Польше", "я хачу паехаць у Польшчу",
                                  "I want to go to Spain", "Испания", "работа в Испании",
                                  "я планирую переезд в Испанию"])
def test_a_plan_or_a_bare_name_is_not_where_the_person_is(text: str) -> None:
    assert not says_here(text)


LANGUAGE_SHOWN = {"ru": "и язык, на котором Вам писать", "be": "і мову, на якой Вам пісаць",
                  "en": "and the language to write to you in"}
LANGUAGE_LINE = {"ru": "Language: Russian", "be": "Language: Belarusian",
                 "en": "Language: English"}


@pytest.mark.parametrize(("framework", "language"),
                         [("ptb", "ru"), ("aiogram", "be"), ("ptb", "en")])
async def test_the_language_in_a_missed_check_in_alert_is_among_what_the_person_agreed_to(
    framework: str, language: str, fake_api: FakeBotAPI, clock: FakeClock, bot: HandoffBot
) -> None:
    """Operators need the language to write to the person in: the confirm screen says the team
    sees it, with or without anything else shared, before the person turns check-ins on."""
    person = Person(bot, fake_api, 7702, language)
    await person.say("/start")
    mark = len(fake_api.calls)
    await set_up(person, country="PL", employer=None)
    [confirm] = [c for c in fake_api.calls_to("sendMessage", 7702, mark)
                 if "ci:go" in untag(c.payloads)][-1:]
    assert LANGUAGE_SHOWN[language] in confirm.text
    assert LANGUAGE_LINE[language] in await missed_alert(person, fake_api, clock)
