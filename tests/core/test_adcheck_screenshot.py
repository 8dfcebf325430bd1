"""A screenshot of the ad for /checkad (break15): asked "paste the text of the vacancy, or
forward the recruiter's message", many on a phone send a picture of it. The bot cannot read one,
so it says so about the ad and asks for its text (copied, or the message forwarded), in ru, be
and en; the check still waits for the text. Anywhere else a picture gets the usual "I read text
only" with the main menu. Through the real engine and content.
"""

from __future__ import annotations

import pytest

from bot.core.events import EventKind
from tests.core.test_adcheck_flow8 import FLAG_WORDS
from tests.helpers.ad_paste import at_checkad, joined
from tests.helpers.chat import Chat, all_payloads

AD_WORD = {"ru": "объявлен", "be": "аб’яв", "en": " ad"}
AD = "Работа на складе в Польше, 2800 евро, опыт не нужен. Паспорт сдаёте координатору."


@pytest.mark.parametrize("lang", ["ru", "be", "en"])
@pytest.mark.parametrize("kind", [EventKind.PHOTO, EventKind.DOCUMENT], ids=["photo", "file"])
async def test_break15_a_screenshot_for_the_ad_check_is_told_to_send_the_ads_text(
    chat: Chat, lang: str, kind: EventKind
) -> None:
    await at_checkad(chat, lang)
    answer = await chat.send(kind)
    assert AD_WORD[lang] in joined(answer)
    assert not any(p.startswith("m:") and p != "m:menu" for p in all_payloads(answer))


async def test_break15_the_ad_pasted_after_a_screenshot_is_still_checked(chat: Chat) -> None:
    await at_checkad(chat, "ru")
    await chat.send(EventKind.PHOTO)
    report = joined(await chat.say(AD))
    assert any(w in report for w in FLAG_WORDS)


async def test_break15_a_picture_with_no_check_asked_gets_the_usual_reply(chat: Chat) -> None:
    chat.language_code = "en"
    await chat.command("/start")
    answer = joined(await chat.send(EventKind.PHOTO))
    assert "I can only read text messages" in answer and " ad" not in answer
