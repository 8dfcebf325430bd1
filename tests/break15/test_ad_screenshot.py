"""break15, walk of issue 15 part 1 as a person on a phone: asked "Paste the text of the
vacancy, or forward the recruiter's message", many send a screenshot of it. The bot answers
"I can only read text messages. Please write in words. If you are in danger, write 'help'"
with the whole main menu, nothing about the ad: it reads as if the check was over (it is not:
text pasted next is still checked). Expected: a word that a screenshot cannot be read and
that the ad's text (copied, or the message forwarded) is what to send."""

from __future__ import annotations

import pytest

from bot.core.events import EventKind
from tests.break15.ads import at_checkad
from tests.core.test_adcheck_flow8 import FLAG_WORDS, _joined
from tests.helpers.chat import Chat

AD_WORD = {"ru": "объявлен", "be": "аб’яв", "en": " ad"}
AD = "Работа на складе в Польше, 2800 евро, опыт не нужен. Паспорт сдаёте координатору."


async def test_text_pasted_after_a_screenshot_is_still_checked(chat: Chat) -> None:
    """The side that works: the paste step waits on."""
    await at_checkad(chat, "ru")
    await chat.send(EventKind.PHOTO)
    report = _joined(await chat.say(AD))
    assert any(w in report for w in FLAG_WORDS)


@pytest.mark.xfail(strict=True, reason="break15: a screenshot sent for /checkad gets the generic "
                   "'I read text only' with the main menu, no word about the ad")
@pytest.mark.parametrize("lang", ["ru", "be", "en"])
async def test_a_screenshot_for_the_ad_check_is_told_to_send_the_ads_text(
    chat: Chat, lang: str
) -> None:
    await at_checkad(chat, lang)
    assert AD_WORD[lang] in _joined(await chat.send(EventKind.PHOTO))
