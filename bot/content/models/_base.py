"""The base of every content model, and the texts and sources they share."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Language = Literal["ru", "be", "en"]
Confidence = Literal["high", "medium", "low"]


class Strict(BaseModel):
    """A content model: unknown keys are errors, values never change after loading."""

    # Editors' typos in keys ("phnoes:") must be reported, not silently ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalizedText(Strict):
    """One text in each language."""

    ru: str | None = None
    be: str | None = None
    en: str | None = None

    def get(self, language: str) -> str:
        """The text in `language`, falling back to Russian, then English, then Belarusian."""
        for lang in (language, "ru", "en", "be"):
            value = getattr(self, lang, None)
            if value:
                return str(value)
        return ""

    def missing(self) -> list[str]:
        return [lang for lang in ("ru", "be", "en") if not getattr(self, lang)]


class CountedText(LocalizedText):
    """A number with its word, in each language: one form for each plural category a whole
    number takes in that language by Babel's rule, split by "|", each with "{n}" for the number
    ("{n} день|{n} дня|{n} дней": ru and be one|few|many, as for 1, 2, 5; en "{n} day|{n} days":
    one|other). The bot picks the form for the number (21 -> "21 день"); `content check` counts
    the forms (bot/content/countedchecks.py)."""


class Source(Strict):
    """Where a fact comes from, and the date printed on that source ("no date visible" if none).

    `country`: the ISO2 code of the one country whose law, authority or organisation the page
    speaks for (a Moldovan ministry's page: "MD"); None for an international or general page.
    An answer shows a country's page only to a person known to be in that country
    (`AnswerReplies.shown_sources`)."""

    url: str
    seen: str
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
