"""What a person reads under "Help from any country" (adflow17): what to do with each line,
never the editors' remarks about its sources ("the member list is out of date")."""

from __future__ import annotations

import pytest

from tests.core.test_adcheck_flow8 import _joined
from tests.helpers.chat import Chat

CRIES = [("ru", "у меня забрали паспорт"), ("be", "у мяне забралі пашпарт"),
         ("en", "they took my passport")]
REMARKS = ("устарел", "састарэў", "out of date", "Ссылка ведёт", "Спасылка вядзе", "Slovakia page",
           "неизвестно, обновляется", "невядома, ці абнаўляецца", "unknown whether")
ACTION = {"ru": "обращайтесь в организацию страны, где Вы находитесь",
          "be": "звяртайцеся ў арганізацыю краіны, дзе Вы знаходзіцеся",
          "en": "contact the one in the country you are in"}


@pytest.mark.parametrize(("lang", "cry"), CRIES)
async def test_adflow17_help_from_any_country_shows_words_to_act_on(
    chat: Chat, lang: str, cry: str,
) -> None:
    chat.language_code = lang
    await chat.command("/start")
    await chat.say(cry)
    screen = _joined(await chat.press("c:other"))
    assert "lastradainternational.org" in screen  # the line is still there
    assert ACTION[lang] in screen
    assert not any(r in screen for r in REMARKS)
