"""A forwarded message (Bot API `forward_origin`) is someone else's words: it never counts as
the code word (alone or inside), as a typed answer to a check-in, or as a check-in setup's
answer; it gets the usual answer (a recruiter's message: the ad check offered). Through the
fake Bot API with the real aiogram and PTB clients (both set the marker the core sees), a real
redis-server and a fake clock."""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.checkin.helpers import FakeClock, idle, untag
from tests.handoff.telegram import OPS, HandoffBot, sent_to
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

FRAMEWORKS = pytest.mark.parametrize("framework", ["aiogram", "ptb"])
# The tester's recruiter message, with the person's code word ("компот") inside.
AD = "Вакансия: повар в кафе, варить компот и борщ, 1500 евро, Варшава, договор"
WORD = {"ru": "компот", "be": "кампот", "en": "lemonade"}
ADS = {"ru": AD,
       "be": "Вакансія: повар у кафэ, варыць кампот і боршч, 1500 еўра, Варшава, дагавор",
       "en": "Vacancy: cook in a cafe, make lemonade and soup, 1500 euro, Warsaw, contract"}
ORDINARY = {"ru": "Спасибо, записал!", "be": "Дзякуй, запісаў!", "en": "Thanks, noted!"}


def origin() -> dict[str, Any]:
    return {"type": "hidden_user", "sender_user_name": "Recruiter", "date": int(time.time())}


def offered(calls: list[Any]) -> bool:
    return any(p.startswith("ad:check") for call in calls for p in call.payloads)


async def code_word(person: Person, word: str, inside: str = "sa:in:yes") -> None:
    await person.say("/codeword")
    await person.say(word)
    await person.press(inside)


@FRAMEWORKS
@pytest.mark.parametrize("language", ["ru", "be", "en"])
async def test_a_forwarded_message_with_the_code_word_raises_no_alarm_and_is_offered_a_check(
    framework: str, language: str, fake_api: FakeBotAPI, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 7701, language)
    await person.say("/start")
    await code_word(person, WORD[language])
    mark = len(fake_api.calls)
    answer = await person.send(text=ADS[language], forward_origin=origin())
    assert offered(answer) and not any(ORDINARY[language] in c.text for c in answer)
    # Alone, forwarded, it is no alarm either.
    alone = await person.send(text=WORD[language], forward_origin=origin())
    assert not any(ORDINARY[language] in c.text for c in alone)
    await fake_api.quiet()
    assert not fake_api.calls_to("sendMessage", OPS, mark)  # no case, no alert
    # The phone is not quiet: /checkin starts a setup (not the bare menu).
    [setup] = await person.say("/checkin")
    assert "ci:i:1" in untag(setup.payloads)
    # The marker is what differs: the same ad typed by the person raises the alarm.
    [typed] = await person.say(ADS[language])
    assert typed.text.startswith(ORDINARY[language])
    await sent_to(fake_api, OPS, "Case #", since=mark)


@FRAMEWORKS
async def test_a_forwarded_message_is_no_code_word_in_an_open_case_either(
    framework: str, fake_api: FakeBotAPI, bot: HandoffBot
) -> None:
    """The transport asks the engine before relaying to an open case: a forwarded message
    with the word is no code word, and no silent alert comes into the case. A forwarded job ad
    in an open case is checked for the person (adcheck16): the case gets the note of its flags,
    never the ad's words."""
    from tests.handoff.telegram import consent, reach_consent
    person = Person(bot, fake_api, 7702, "ru")
    await person.say("/start")
    await code_word(person, "компот")
    await reach_consent(person)
    await consent(person, "h:yes")
    await sent_to(fake_api, OPS, "Case #")
    mark = len(fake_api.calls)
    await person.send(text=AD, forward_origin=origin())
    await sent_to(fake_api, OPS, "checked a job ad", since=mark)
    await fake_api.quiet()
    answer = fake_api.calls_to("sendMessage", person.chat_id, mark)
    assert not any(ORDINARY["ru"] in c.text for c in answer)
    to_case = fake_api.calls_to("sendMessage", OPS, mark)
    assert not [c for c in to_case if "silent" in c.text.lower()]
    assert not [c for c in to_case if "компот" in c.text]


@FRAMEWORKS
async def test_a_forwarded_message_at_a_setup_step_is_not_its_answer(
    framework: str, fake_api: FakeBotAPI, bot: HandoffBot, clock: FakeClock
) -> None:
    """At the employer step a forwarded recruiter's message is not the employer's name: the
    ad check is offered and the same question comes again; a typed name is then taken."""
    person = Person(bot, fake_api, 7703, "ru")
    await person.say("/start")
    for payload in ("m:checkin", "ci:i:2", "ci:d:2", "ci:g:12", "ci:c:PL", "ci:l:no"):
        await person.press(payload)
    answer = await person.send(text=AD, forward_origin=origin(), replies=2)
    assert offered(answer)
    assert "название работодателя" in answer[-1].text and "ci:skip" in untag(answer[-1].payloads)
    [contact] = await person.say("ООО Ромашка")
    assert "контакт" in contact.text.lower()


@FRAMEWORKS
async def test_a_forwarded_ok_does_not_answer_a_check_in(
    framework: str, fake_api: FakeBotAPI, bot: HandoffBot, clock: FakeClock
) -> None:
    from tests.checkin.helpers import INTERVAL, set_up
    person = Person(bot, fake_api, 7704, "ru")
    await person.say("/start")
    await set_up(person)
    clock.advance(INTERVAL + 1)
    await sent_to(fake_api, person.chat_id, "всё в порядке?")
    answer = await person.send(text="всё хорошо", forward_origin=origin())
    assert not any("Отлично" in c.text for c in answer)
    [reply] = await person.say("всё хорошо")  # typed by the person: the answer
    assert "Отлично" in reply.text
    await idle()
