"""What an ad names that the person can check for themselves (content/ad_check.yaml
`pointers`: the Belarus MVD list of licensed agencies), with the ad's words that name it.

A pointer is no red flag and adds nothing to the score: it tells where to check the claim, in
the words of its facts entry (data/facts/hotlines.yaml), never a URL or a law of its own.
"""

from __future__ import annotations

import re

from bot.content.models import AdCheck, AdPointer
from bot.core.adquote import quote
from bot.core.adtext import Span, fold, normalize


def named_pointers(rules: AdCheck, text: str) -> list[tuple[AdPointer, str]]:
    """Each pointer the ad names, with a quote of the first words that name it."""
    low = normalize(text)
    found = []
    for pointer in rules.pointers:
        for pattern in (p for patterns in pointer.patterns.values() for p in patterns):
            match = re.search(fold(pattern), low)
            if match:
                found.append((pointer, quote(text, Span(match.start(), match.end()))))
                break
    return found
