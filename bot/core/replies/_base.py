"""What every reply part needs: the content of this event, and the places the bot can name."""

from __future__ import annotations

from typing import TypeGuard

from bot.content.models import Content
from bot.core.countries import CountryIndex
from bot.core.wording import Wording
from bot.i18n import Translator

OTHER_COUNTRY = "other"  # the `c:other` button: a country without a page, or not named
LOCATION_PREFIX = "c"  # `c:<ISO2>`: the country the person is in
PAGE_PREFIX = "p"  # `p:<ISO2>`: a country page to read about


class ContentWording(Wording):
    """Wording over the content of the moment (edited content applies without a restart)."""

    def __init__(
        self,
        content: Content,
        tr: Translator,
        places: CountryIndex | None = None,
        *,
        team: bool = True,
    ) -> None:
        super().__init__(tr, team=team)
        self.content = content
        self.places = places

    def message(self, name: str) -> str:
        """One of the fixed texts in content/messages.yaml."""
        return self.text(getattr(self.content.messages, name))

    def knows(self, code: str | None) -> TypeGuard[str]:
        """Whether `code` is a country: one with a page, or any other the index can name."""
        if not code or code == OTHER_COUNTRY:
            return False
        return code in self.content.countries or (
            self.places is not None and self.places.known(code)
        )

    def country_name(self, code: str | None) -> str:
        """A country's name in the person's language: the page's, else the library's."""
        if not code or code == OTHER_COUNTRY:
            return ""
        country = self.content.countries.get(code)
        if country is not None:
            return self.text(country.name)
        return self.places.name(code, self.lang) if self.places is not None else code
