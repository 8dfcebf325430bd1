"""break15's way into the job-ad check: a person in `lang` who pressed /checkad."""

from __future__ import annotations

from tests.core.test_adcheck_flow8 import _joined
from tests.helpers.chat import Chat


async def at_checkad(chat: Chat, lang: str) -> None:
    """`chat` as a person writing in `lang` who has just sent /start and /checkad."""
    chat.language_code = lang
    await chat.command("/start")
    await chat.command("/checkad")


async def report(chat: Chat, lang: str, ad: str) -> str:
    """Every text the bot answers to `ad` pasted after /checkad, joined."""
    await at_checkad(chat, lang)
    return _joined(await chat.say(ad))
