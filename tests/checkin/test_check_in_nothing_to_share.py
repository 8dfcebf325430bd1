"""A person with no contact or employer yet at the check-in setup: "не знаю", "пока нету",
"пакуль няма", "none yet", "dont know yet" at the name or contact step are Skip (content's
`typed_skip`), so the confirm screen lists no "Контакт: пока нету" and a missed check-in never
shows the night shift "Contact they gave: none yet" (break15's walk of issue 15)."""

from __future__ import annotations

import pytest

from tests.checkin.helpers import untag
from tests.helpers.telegram_bot import Person

CONTACT = {"ru": "Контакт:", "be": "Кантакт:", "en": "Contact:"}
EMPLOYER = {"ru": "Работодатель", "be": "Працадаўца", "en": "Employer or agency:"}


@pytest.mark.parametrize(("lang", "employer", "contact"), [
    pytest.param("ru", "не знаю", "нет", id="ru-skip-words"),
    pytest.param("ru", "не знаю", "пока нету", id="ru-not-yet"),
    pytest.param("be", "не ведаю", "пакуль няма", id="be-not-yet"),
    pytest.param("en", "dont know yet", "none yet", id="en-not-yet"),
])
async def test_nothing_to_share_yet_shares_nothing(bot, fake_api, lang: str,  # type: ignore[no-untyped-def]
                                                   employer: str, contact: str) -> None:
    person = Person(bot, fake_api, 9981, lang)
    await person.say("/start")
    for payload in ("m:checkin", "ci:i:2", "ci:d:2", "ci:g:12", "ci:c:PL", "ci:l:no"):
        await person.press(payload)
    await person.say(employer)
    [confirm] = await person.say(contact)
    assert "ci:go" in untag(confirm.payloads)
    assert CONTACT[lang] not in confirm.text and EMPLOYER[lang] not in confirm.text
