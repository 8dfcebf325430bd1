"""Recognise a country the person typed, from Country.aliases and its names."""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot.content.models import Country

_WORDS = re.compile(r"[^\W_]+(?:['’ʼ-][^\W_]+)*")


def _tokens(text: str) -> list[str]:
    return _WORDS.findall(text.lower().replace("ё", "е"))


def match_country(text: str, countries: Mapping[str, Country]) -> str | None:
    """The id of the one country named in `text` ("я в Польше", "Lithuania"), else None.

    An alias must appear as whole words; a text naming two countries matches none, because
    giving the wrong country's numbers to someone in danger is worse than asking again.
    """
    words = _tokens(text)
    if not words:
        return None
    found: set[str] = set()
    for country in countries.values():
        names = [
            *country.aliases,
            *(v for v in (country.name.ru, country.name.be, country.name.en) if v),
        ]
        for name in names:
            alias = _tokens(name)
            if alias and any(
                words[i : i + len(alias)] == alias for i in range(len(words) - len(alias) + 1)
            ):
                found.add(country.id)
                break
    return found.pop() if len(found) == 1 else None
