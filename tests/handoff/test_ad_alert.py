"""The operators' alert after a job-ad check, as posted through the fake Bot API with a real
redis-server: the risk level the person was told and every red flag by its own id, no ad."""

from __future__ import annotations

import pytest

from tests.core.test_offer_wording import AD
from tests.handoff.telegram import OPS, sent_to
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

FLAGS = ("rf-fees/fees", "rf-too-good/too_good", "rf-wrong-visa/wrong_visa",
         "rf-wrong-visa/papers_later", "rf-passport-deposit/passport_handover",
         "rf-contact-only-messenger/messenger_only", "rf-rush/rush",
         "rf-travel-on-credit/travel_on_credit")


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
async def test_the_alert_shows_the_level_and_every_flag_and_no_ad(
    framework: str, fake_api: FakeBotAPI, start_bot
) -> None:
    bot = await start_bot(framework)
    person = Person(bot, fake_api, 5401, "ru")
    await person.say("/start")
    await person.say("/checkad")
    report = await person.say(AD)
    offer = next(call for call in report if "h:yes" in call.payloads)
    assert "анкет" not in offer.text and "не сам текст объявления" in offer.text
    mark = len(fake_api.calls)
    await person.press("h:yes")
    [alert] = await sent_to(fake_api, OPS, "Case #", since=mark)
    assert "Risk level: high" in alert.text
    for flag in FLAGS:
        assert flag in alert.text
    assert "координатор" not in alert.text and "job_pl" not in alert.text
