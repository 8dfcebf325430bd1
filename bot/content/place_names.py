"""Read and check content/places.yaml (cities and regions and their countries); file:line problems.

Every name must lead to one country: a name listed for two countries, a name that is also a
country's name or alias in content/countries.yaml, or a name also listed under `never:` is an
error, because the wrong country's numbers waste the one call someone dared to make.

The file holds a few thousand places: it is read first without line numbers (libyaml, a few
tens of milliseconds), and again with them only when there is something to report.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import yaml
from pydantic import ValidationError

from bot.content.models import Country, Places
from bot.content.problems import Problem
from bot.content.yamlfile import display_name, read_optional_section
from bot.core.countries import name_key

FILE_NAME = "places.yaml"
KEY = "places"
_MISSING = "a city or region named instead of a country gets the country question"
_FastLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_places(
    path: Path, countries: Mapping[str, Country]
) -> tuple[Places | None, list[Problem]]:
    """The places and every problem; a missing file is a warning (then a city is read only
    when it is a country's alias)."""
    places = _quick(path)
    if places is not None and not _clashes(places, countries):
        return places, []
    places, where, problems = read_optional_section(path, KEY, Places, _MISSING)
    if places is None or where is None:
        return places, problems
    for at, message in _clashes(places, countries):
        problems.append(where.problem("error", message, *at) if at else
                        Problem(display_name(path), None, "error", message))
    return places, problems


def _quick(path: Path) -> Places | None:
    """The file read without line numbers; None when it is missing or not valid."""
    try:
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_FastLoader)
        if not isinstance(doc, dict) or set(doc) != {KEY}:
            return None
        return Places.model_validate(doc[KEY])
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValidationError):
        return None


def _clashes(
    places: Places, countries: Mapping[str, Country]
) -> list[tuple[tuple[str | int, ...], str]]:
    """(where in the file, what is wrong) for every name that does not lead to one country."""
    owners: dict[str, str] = {}  # name -> the code of the country it leads to
    for country in countries.values():
        for name in (*country.aliases, country.name.ru, country.name.be, country.name.en):
            if name:
                owners[name_key(name)] = country.id
    never = {name_key(n) for n in places.never}
    found: list[tuple[tuple[str | int, ...], str]] = []
    sections = (((), places), (("editors",), places.editors))
    for prefix, lists in sections:
        for kind, by_country in (("cities", lists.cities), ("regions", lists.regions)):
            for code, lines in by_country.items():
                for at, line in enumerate(lines):
                    where = (*prefix, kind, code, at)
                    for name in line.split(","):
                        found += _clash(where, name.strip(), code, owners, never)
    return found


def _clash(where: tuple[str | int, ...], name: str, code: str, owners: dict[str, str],
           never: set[str]) -> list[tuple[tuple[str | int, ...], str]]:
    key = name_key(name)
    if not key:
        return [(where, f"'{name}' has no letters")]
    if key in never:
        return [(where, f"'{name}' is listed under `never:`")]
    owner = owners.setdefault(key, code)
    if owner != code:
        return [(where, f"'{name}' is also in {owner}: a name must lead to one country")]
    return []
