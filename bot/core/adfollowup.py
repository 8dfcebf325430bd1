"""A question about an offer right after its check (content/ad_check.yaml `follow_up`):
"Что мне делать? Они хотят ответ сегодня", "Ці варта ехаць?", "should I go?". Pressure to
decide is the ad's red flag (`rush`), not a danger the person is in now. Nothing here keeps
or logs the text."""

from __future__ import annotations

import re

from bot.content.models import AdCheck
from bot.core.adrecognise import AdRecogniser
from bot.core.adrules import FLAGS, AdRules
from bot.core.adtext import fold_soft, in_cyrillic, normalize, reads_transliterated
from bot.nlu.normalize import MAX_TEXT_CHARS

RUSH = "rush"  # the flag id whose words answer "they want an answer today"


class AdFollowUpReader:
    """`follow_up` compiled once per content; `asks(text)`, `pressed(text)`."""

    def __init__(self, rules: AdCheck, recogniser: AdRecogniser) -> None:
        follow_up = rules.follow_up
        asks = follow_up.asks if follow_up else []
        pressure = follow_up.pressure if follow_up else []
        self._asks = AdRules.compile_signs(asks)
        self._pressure = AdRules.compile_signs(pressure)
        # Transliterated ("chto mne delat?") is read in Cyrillic letters, as a cry is; they
        # have no soft sign ("делат"), so neither have these patterns.
        self._soft = ([_soft(p) for p in asks], [_soft(p) for p in pressure])
        self._recogniser = recogniser

    def _read(self, text: str) -> tuple[str, list[re.Pattern[str]], list[re.Pattern[str]]]:
        """The text in lower case, and the patterns to try on it."""
        low = normalize(text[:MAX_TEXT_CHARS])
        if reads_transliterated(text):
            return in_cyrillic(low), *self._soft
        return low, self._asks, self._pressure

    def asks(self, text: str) -> bool:
        """True when `text` asks about deciding on the offer and says nothing else of the
        person: without the question's and the pressure's own words ("что мне делать", "хотят
        чтобы я ответила"), no word of a cry is left ("мне страшно", "I'm locked in")."""
        low, asks, pressure = self._read(text)
        if not any(p.search(low) for p in asks):
            return False
        rest = low
        for pattern in (*asks, *pressure):
            rest = pattern.sub(" ", rest)
        return not self._recogniser.cries(rest)

    def pressed(self, text: str) -> bool:
        """True when `text` tells of being pressed to answer ("сегодня", "right now")."""
        low, _, pressure = self._read(text)
        return any(p.search(low) for p in pressure)


def _soft(pattern: str) -> re.Pattern[str]:
    return re.compile(fold_soft(pattern), FLAGS)
