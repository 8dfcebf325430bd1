"""The few UI strings the transport itself needs: command menus and the flood notice.

They come from the gettext catalogs (`bot.i18n`) when those provide them; the built-in
English-first fallbacks keep the transport usable before the catalogs exist.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

LANGUAGES = ("ru", "be", "en")

COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "Start over"),
    ("help", "What this bot can do"),
    ("menu", "Main menu"),
    ("language", "Change language"),
    ("country", "Choose a country"),
    ("hotlines", "Helplines"),
    ("operator", "Talk to a person"),
    ("delete", "Delete my data"),
    ("hide", "Hide this chat"),
)

FLOOD_NOTICE = "You are sending messages very fast. Please wait a minute, then write again."

_FALLBACK = {
    ("ru", FLOOD_NOTICE): "Вы пишете очень быстро. Пожалуйста, подождите минуту и напишите снова.",
    ("be", FLOOD_NOTICE): "Вы пішаце вельмі хутка. Калі ласка, пачакайце хвіліну і напішыце зноў.",
}


def _catalog(language: str) -> Callable[[str], str] | None:
    try:
        i18n = importlib.import_module("bot.i18n")
    except ImportError:
        return None
    translator = getattr(i18n, "gettext_for", None) or getattr(i18n, "translator", None)
    if translator is None:
        return None
    try:
        result = translator(language)
    except (LookupError, OSError, ValueError):
        return None
    return result if callable(result) else getattr(result, "gettext", None)


def translate(language: str, message: str) -> str:
    """`message` (an English msgid) in `language`, from the catalogs or the fallbacks."""
    gettext = _catalog(language)
    if gettext is not None:
        translated = gettext(message)
        if translated != message or language == "en":
            return translated
    return _FALLBACK.get((language, message), message)


def command_menu(language: str) -> list[tuple[str, str]]:
    """(command, description) pairs for setMyCommands in one language."""
    return [(name, translate(language, text)) for name, text in COMMANDS]
