"""Hotlines (content/hotlines.yaml) and country pages (content/countries.yaml)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from bot.content.models._base import Confidence, LocalizedText, Source, Strict

# Who checked a hotline: an editor's name or initials ("Alena K.", "A. K."), shown on the NGO's
# dashboard. No digits and no "@": a phone number or an e-mail address has no place there.
EditorName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                              max_length=60, pattern=r"^[^\d@]+$")]


class Phone(Strict):
    number: str
    label: LocalizedText | None = None
    cost: LocalizedText | None = None


class Hotline(Strict):
    """A phone line or organisation, copied from ../shared/facts/hotlines.yaml (never invented)."""

    id: str  # the facts file's id
    country: str  # a country id from countries.yaml, or "EU" / "INT"
    kind: Literal["emergency", "hotline", "organisation", "authority"]
    name: LocalizedText
    phones: list[Phone] = Field(default_factory=list)
    web: list[str] = Field(default_factory=list)
    email: list[str] = Field(default_factory=list)
    hours: LocalizedText | None = None
    helps_with: LocalizedText | None = None
    # Shown to the person before calling: what to know or do; never a source or a check.
    note: LocalizedText | None = None
    source: Source
    extra_sources: list[Source] = Field(default_factory=list)
    confidence: Confidence  # as rated by the facts file
    uncertain: bool = False  # the facts file calls its status uncertain
    last_checked: date  # when the entry was last checked against its sources
    verified_by_editor: bool = False  # an editor test-called it or checked the live official page
    checked_by: EditorName | None = Field(
        default=None, description="Who checked it on last_checked: an editor's name or "
        "initials (never a phone number or an e-mail address)")
    editor_note: str | None = None  # sources, checks and doubts: for editors only, never shown

    @property
    def offered(self) -> bool:
        """Offered as a working line: emergency numbers always, others only when trustworthy."""
        if self.kind == "emergency":
            return True
        if self.verified_by_editor:
            return True
        return self.confidence != "low" and not self.uncertain


class Country(Strict):
    """A destination (or home) country page."""

    id: str  # ISO 3166 alpha-2, e.g. "PL"
    name: LocalizedText
    aliases: list[str] = Field(default_factory=list)  # lower-case names people type, any script
    # Lower-case adjectives of the country ("литовская", "lithuanian"), read only in a request
    # for numbers ("Lithuanian police number"): elsewhere "I'm Lithuanian" is not a place.
    adjectives: list[str] = Field(default_factory=list)
    emergency: list[str] = Field(default_factory=list)  # hotline ids, always offered first
    hotlines: list[str] = Field(default_factory=list)  # hotline ids, best first
    legal_work: LocalizedText
    caveats: LocalizedText | None = None
    sources: list[Source] = Field(default_factory=list)  # shown: one or two official/NGO pages
    references: list[Source] = Field(default_factory=list)  # for editors only, never shown
