"""The reply to one intent (content/answers/*.yml)."""

from __future__ import annotations

from pydantic import Field

from bot.content.models._base import LocalizedText, Source, Strict


class Answer(Strict):
    """The reply to one intent."""

    text: LocalizedText
    # The rest of a long answer, behind a "More" button: the first screen stays ~700 characters.
    more: LocalizedText | None = None
    sources: list[Source] = Field(default_factory=list)  # shown: one or two official/NGO pages
    references: list[Source] = Field(default_factory=list)  # for editors only, never shown
    menu: list[str] = Field(default_factory=list)  # follow-up menu actions to offer as buttons
