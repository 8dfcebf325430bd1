"""Build replies from content in one language: menus, answers, hotlines, country pages.

`Replies` is one object per event; its parts live in private modules, one job each: menus
(_menus.py), answers (_answers.py), numbers (_hotlines.py), country pages (_countries.py), over
the content of the moment (_base.py) and the person's language (bot/core/wording.py).
"""

from __future__ import annotations

from bot.core.replies._base import LOCATION_PREFIX, OTHER_COUNTRY, PAGE_PREFIX, ContentWording
from bot.core.replies._countries import PAGE_LINES, CountryReplies
from bot.core.replies._hotlines import INTERNATIONAL, UNIVERSAL
from bot.core.replies._menus import MenuReplies
from bot.core.wording import rows

__all__ = [
    "INTERNATIONAL",
    "LOCATION_PREFIX",
    "OTHER_COUNTRY",
    "PAGE_LINES",
    "PAGE_PREFIX",
    "UNIVERSAL",
    "ContentWording",
    "Replies",
    "rows",
]


class Replies(MenuReplies, CountryReplies):
    """Replies for one event, in the person's language, from the content of that moment."""
