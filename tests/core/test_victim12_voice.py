"""A voice message or a video note may be the only way a person can ask: its reply carries the
emergency numbers with the invitation to write (victim12). Stickers and GIFs keep the short
text-only notice and the menu."""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.content.models import Content
from bot.core.engine import DialogueEngine
from bot.core.events import EventKind
from tests.helpers.chat import Chat, payloads, texts

MAIN_MENU_PART = {"m:help_now", "m:human"}


@pytest.fixture
def content(content_holder: ContentHolder) -> Content:
    return content_holder.content


@pytest.mark.parametrize("lang", ["ru", "be", "en"])
async def test_a_voice_message_gets_the_emergency_numbers_and_the_invitation_to_write(
    engine: DialogueEngine, content: Content, lang: str
) -> None:
    chat = Chat(engine, language_code=lang)
    await chat.command("/start")
    response = await chat.send(EventKind.VOICE)
    [text] = texts(response)
    assert text.startswith(content.messages.non_text_voice.get(lang).splitlines()[0])
    assert "[team]" not in text
    assert "112" in text
    assert MAIN_MENU_PART <= set(payloads(response.replies[0]))


async def test_a_voice_message_gets_the_numbers_of_the_country_the_person_is_in(
    engine: DialogueEngine, content: Content
) -> None:
    chat = Chat(engine, language_code="ru")
    await chat.command("/hotlines")
    await chat.press("c:PL")  # where the person is, kept
    [text] = texts(await chat.send(EventKind.VOICE))
    poland = [p.number for i in content.countries["PL"].emergency
              for p in content.hotlines[i].phones]  # fmt: skip
    assert poland and all(n in text for n in poland)


@pytest.mark.parametrize("kind", [EventKind.STICKER, EventKind.VIDEO])
async def test_stickers_and_gifs_keep_the_short_notice(
    engine: DialogueEngine, content: Content, kind: EventKind
) -> None:
    chat = Chat(engine, language_code="en")
    await chat.command("/start")
    response = await chat.send(kind)
    assert texts(response) == [content.messages.non_text.get("en").strip()]
