"""Warning signs in the operators' alert follow what the person said since (issue 10, item 6),
through the fake Bot API with a real redis-server: a danger the person then took back ("нет, я
в безопасности, это был просто вопрос") reaches a later request for a person marked "they took
this back", never dropped; a danger followed by an ordinary question stays a current sign; a
job ad's red flags are shown as the ad's, not as the person's situation."""

from __future__ import annotations

import pytest

from tests.core.test_offer_wording import AD
from tests.handoff.telegram import OPS, sent_to
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

TAKEN = "(they took this back)"
AD_MARK = "(in a job ad they checked, not their own situation)"

# (language, the danger, the taking back): each kind in ru, be, en and translit.
TAKEN_BACK = [
    ("ru", "у меня забрали паспорт", "нет, я в безопасности, это был просто вопрос"),
    ("be", "у мяне забралі пашпарт", "не, гэта не пра мяне, я проста пытаюся"),
    ("en", "they took my passport", "no, I'm safe, it was just a question"),
    ("ru", "u menya zabrali pasport", "net, ya v bezopasnosti, prosto vopros"),
]
# The other side: what does not take a sign back.
STANDS = [
    ("ru", "у меня забрали паспорт", "как восстановить паспорт?"),  # a question about it
    ("ru", "у меня забрали паспорт", "это был не просто вопрос"),  # undone by "не"
    ("en", "they took my passport", "I'm safe for now but they still have my passport"),
]


async def _ask_a_person(bot_api: FakeBotAPI, person: Person) -> str:
    """/operator, "Yes": the alert's text in the operators' chat."""
    offer = await person.say("/operator")
    assert any("h:yes" in call.payloads for call in offer)
    mark = len(bot_api.calls)
    await person.press("h:yes")
    [alert] = await sent_to(bot_api, OPS, "Case #", since=mark)
    return alert.text


async def _told(person: Person, danger: str, then: str) -> None:
    await person.say("/start")
    await person.press("c:PL")  # where they are: the offer follows the numbers at once
    told = await person.say(danger)
    assert any("h:yes" in call.payloads for call in told)  # read as a danger: a person offered
    await person.say(then)


@pytest.mark.parametrize(("language", "danger", "then"), TAKEN_BACK)
async def test_a_danger_taken_back_is_marked_so_in_a_later_alert(
    language: str, danger: str, then: str, fake_api: FakeBotAPI, start_bot
) -> None:
    bot = await start_bot()
    person = Person(bot, fake_api, 5611, language)
    await _told(person, danger, then)
    alert = await _ask_a_person(fake_api, person)
    assert f"Documents withheld {TAKEN}" in alert  # still there for the operator, marked
    assert "Warning signs: Documents withheld," not in alert
    assert "Risk level: high" not in alert  # no longer their own danger now


@pytest.mark.parametrize(("language", "danger", "then"), STANDS)
async def test_a_danger_not_taken_back_stays_a_current_sign(
    language: str, danger: str, then: str, fake_api: FakeBotAPI, start_bot
) -> None:
    bot = await start_bot()
    person = Person(bot, fake_api, 5612, language)
    await _told(person, danger, then)
    alert = await _ask_a_person(fake_api, person)
    assert "Documents withheld" in alert and TAKEN not in alert
    assert "Risk level: high" in alert


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
async def test_a_danger_raised_again_after_taking_it_back_is_current(
    framework: str, fake_api: FakeBotAPI, start_bot
) -> None:
    bot = await start_bot(framework)
    person = Person(bot, fake_api, 5613, "ru")
    await _told(person, "у меня забрали паспорт", "нет, я в безопасности, просто спрашиваю")
    await person.say("на самом деле паспорт у них, они не отдают паспорт")
    alert = await _ask_a_person(fake_api, person)
    assert "Documents withheld" in alert and TAKEN not in alert
    assert "Risk level: high" in alert


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
async def test_a_checked_ads_flags_are_not_the_persons_situation_later(
    framework: str, fake_api: FakeBotAPI, start_bot
) -> None:
    bot = await start_bot(framework)
    person = Person(bot, fake_api, 5614, "ru")
    await person.say("/start")
    await person.say("/checkad")
    report = await person.say(AD)
    assert any("h:yes" in call.payloads for call in report)
    await person.press("h:no")  # not now: the ad's flags are not passed on
    alert = await _ask_a_person(fake_api, person)  # later, a person asked for
    assert "rf-passport-deposit/passport_handover" in alert  # an operator loses nothing
    assert AD_MARK in alert  # but reads it as the ad's, not their own situation
    assert "Risk level: high" not in alert
