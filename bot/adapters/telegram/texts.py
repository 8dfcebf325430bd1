"""The few UI strings the transport itself needs: command menus and the flood notice.

They are gettext msgids (English) translated through `bot.i18n`; tests/core/test_catalogs.py
keeps every one of them translated in ru and be.
"""

from __future__ import annotations

from bot.i18n import LANGUAGES, N_, I18n, normalize_language

COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", N_("Start over")),
    ("help", N_("What this bot can do")),
    ("menu", N_("Main menu")),
    ("checkad", N_("Check a job ad")),
    ("checkin", N_("Check-ins on the road")),
    ("language", N_("Change language")),
    ("country", N_("Choose a country")),
    ("hotlines", N_("Helplines")),
    ("operator", N_("Talk to a person")),
    ("delete", N_("Delete my data")),
    ("hide", N_("Hide this chat")),
)

FLOOD_NOTICE = N_("You are sending messages very fast. Please wait a minute, then write again.")

class TransportTexts:
    """Translates the transport's strings into ru, be or en."""

    languages = LANGUAGES

    def __init__(self, i18n: I18n) -> None:
        self._i18n = i18n

    def translate(self, language: str | None, message: str) -> str:
        """`message` (an English msgid) in `language` (a client code such as "be-BY" is fine)."""
        lang = normalize_language(language) or "ru"
        return self._i18n.translator(lang).gettext(message)

    def command_menu(self, language: str) -> list[tuple[str, str]]:
        """(command, description) pairs for setMyCommands in one language."""
        return [(name, self.translate(language, text)) for name, text in COMMANDS]
