"""Cities and regions people name instead of their country (content/places.yaml)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from bot.content.models._base import Strict

CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
PlaceName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=60)]


def _names_line(line: str) -> str:
    names = [n.strip() for n in line.split(",")]
    if not all(names):
        raise ValueError(f"'{line}': names are separated by one comma each, none empty")
    return line


# One place: its names separated by commas, English first, then Russian, Belarusian and other
# spellings people type ("Kraków, Краков, Krakow").
PlaceLine = Annotated[str, AfterValidator(_names_line)]
ByCountry = dict[CountryCode, list[PlaceLine]]


class PlaceLists(Strict):
    """Cities and first-level regions by the ISO code of the country they are in."""

    cities: ByCountry = Field(default_factory=dict)
    regions: ByCountry = Field(default_factory=dict)

    def lines(self) -> Iterator[tuple[str, str, list[str]]]:
        """(country, "city" or "region", names) for every place."""
        for kind, lists in (("city", self.cities), ("region", self.regions)):
            for country, lines in lists.items():
                for line in lines:
                    yield country, kind, [n.strip() for n in line.split(",")]


class Places(PlaceLists):
    """Every place the bot recognises. `cities`/`regions` are written by
    scripts/generate-places.py; `editors` holds the editors' own, kept when it runs again;
    `never` the names no one may add back (a word people use otherwise, or a name two
    countries share; the generator leaves them out)."""

    never: list[PlaceName] = Field(default_factory=list)
    editors: PlaceLists = Field(default_factory=PlaceLists)

    def places(self) -> Iterator[tuple[str, str, list[str]]]:
        """(country, kind, names) for every place, generated and the editors'."""
        yield from self.lines()
        yield from self.editors.lines()
