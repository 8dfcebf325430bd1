"""What the engine builds from one content: its triage (`Assessor`: danger phrases and
threshold) and its country index; built again only when the content is reloaded, so edited
danger phrases and country names apply without a restart."""

from __future__ import annotations

from bot.content.models import Content
from bot.core.assess import Assessor, TriageSource
from bot.core.countries import CountryIndex, callers_of


class ContentParts:
    """`assessor(content)` and `places(content)` for the content in use (one per engine)."""

    def __init__(self, triage: TriageSource) -> None:
        self._triage = triage
        self._built: tuple[Content, Assessor, CountryIndex] | None = None

    def _for(self, content: Content) -> tuple[Content, Assessor, CountryIndex]:
        if self._built is None or self._built[0] is not content:
            places = CountryIndex(content.countries, content.places, callers_of(content))
            self._built = (content, self._triage(content), places)
        return self._built

    def assessor(self, content: Content) -> Assessor:
        return self._for(content)[1]

    def places(self, content: Content) -> CountryIndex:
        return self._for(content)[2]
