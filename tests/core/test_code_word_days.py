"""The /codeword screen says how many days the word is kept (BOT_SESSION_TTL_DAYS) with the word
for "days" in the form the number takes: "21 день", "22 дні", "1 day", never "21 дней",
"31 дзён" or "1 days" (the number was put before a fixed "дней"/"дзён"/"days"). The forms are
content's `lifetime_days` (content/silent_alarm.yaml), picked by Babel's plural rule
(`Translator.counted`), the same as the check-in's units read back ("3 дня")."""

from __future__ import annotations

import re

import pytest

from bot.content.loader import ContentHolder
from bot.core.engine import DialogueEngine
from bot.core.session_store import InMemorySessionStore
from bot.factory import build_triage
from bot.i18n import I18n
from bot.nlu.embedded import EmbeddedRecognizer
from tests.helpers.chat import Chat, plain_settings, texts

# days -> the word after the number on the screen, in ru, be, en.
DAYS = {
    1: ("день", "дзень", "day"),
    2: ("дня", "дні", "days"),
    5: ("дней", "дзён", "days"),
    21: ("день", "дзень", "days"),
    22: ("дня", "дні", "days"),
    25: ("дней", "дзён", "days"),
    31: ("день", "дзень", "days"),
}
LANGUAGES = ("ru", "be", "en")


@pytest.mark.parametrize("days", list(DAYS))
@pytest.mark.parametrize("lang", LANGUAGES)
async def test_the_code_word_screen_says_the_days_in_the_numbers_form(
    content_holder: ContentHolder, recognizer: EmbeddedRecognizer, i18n: I18n,
    days: int, lang: str,
) -> None:
    settings = plain_settings(operators={"hours": "09:00-18:00"},
                              bot={"session_ttl_days": days})
    engine = DialogueEngine(content_holder, recognizer,
                            build_triage(settings, content_holder.matchers),
                            InMemorySessionStore(), i18n, settings)
    chat = Chat(engine, language_code=lang)
    await chat.command("/start")
    [screen] = texts(await chat.command("/codeword"))
    said = re.findall(rf"(?<![\d,.]){days} (\w+)", screen)
    assert said == [DAYS[days][LANGUAGES.index(lang)]], screen
