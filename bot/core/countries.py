"""Recognise a country the person typed, from Country.aliases and its names."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from bot.content.models import Country

_WORDS = re.compile(r"[^\W_]+(?:['’ʼ-][^\W_]+)*")


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_WORDS.findall(text.lower().replace("ё", "е")))


@lru_cache(maxsize=4096)
def _alias_tokens(name: str) -> tuple[str, ...]:
    # Aliases are few and fixed between content reloads: split each once.
    return _tokens(name)


def match_country(text: str, countries: Mapping[str, Country]) -> str | None:
    """The id of the one country named in `text` ("я в Польше", "Lithuania"), else None.

    An alias must appear as whole words; a text naming two countries matches none, because
    giving the wrong country's numbers to someone in danger is worse than asking again.
    """
    words = _tokens(text)
    if not words:
        return None
    vocabulary = set(words)
    found: set[str] = set()
    for country in countries.values():
        names = [
            *country.aliases,
            *(v for v in (country.name.ru, country.name.be, country.name.en) if v),
        ]
        for name in names:
            alias = _alias_tokens(name)
            if not alias or alias[0] not in vocabulary:
                continue
            if any(words[i : i + len(alias)] == alias for i in range(len(words) - len(alias) + 1)):
                found.add(country.id)
                break
    return found.pop() if len(found) == 1 else None
