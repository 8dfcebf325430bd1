"""A person who asks for the job-ad check (/start, /checkad) in a language and pastes an ad."""

from __future__ import annotations

from bot.core.events import Response
from tests.helpers.chat import Chat, texts


def joined(response: Response) -> str:
    """Every text of `response`, one per line."""
    return "\n".join(texts(response))


async def at_checkad(chat: Chat, lang: str) -> None:
    """`chat` as a person writing in `lang` who has just sent /start and /checkad."""
    chat.language_code = lang
    await chat.command("/start")
    await chat.command("/checkad")


async def report(chat: Chat, lang: str, ad: str) -> str:
    """Every text the bot answers to `ad` pasted after /checkad, joined."""
    await at_checkad(chat, lang)
    return joined(await chat.say(ad))
