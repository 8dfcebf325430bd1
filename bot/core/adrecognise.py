"""Whether a message reads like a job ad, and whether it is a person's own cry for help
(content/ad_check.yaml `recognise`). Nothing here keeps or logs the text."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.content.models import AdRecognise
from bot.core.adrules import AdRules
from bot.core.adtext import in_cyrillic, normalize, reads_transliterated, sentence_spans
from bot.nlu.normalize import MAX_TEXT_CHARS

# A question without its "?" ("Is 2500 EUR a month normal for a warehouse job"): people ask
# about an offer in the words of an ad; a recruiter's message does not start like this.
_QUESTION = re.compile(
    r"\s*(is|are|does|do|how|what|should|can|сколько|как|нормально\s+ли|это\s+нормально|"
    r"правда\s+ли|стоит\s+ли|ці|колькі|як)\b"
)
# A link, an e-mail address or a @handle, as one token (`AdRecogniser.cries`).
_ADDRESSES = re.compile(r"(?:https?://|www\.|t\.me/|\b[\w.-]+\.[a-z]{2,}/)\S*|\S+@\S+|@\w+")


class AdRecogniser:
    """`recognise` compiled once per content; `has_flags(text)`: whether the check finds a red
    flag in `text` (a short recruiter's message with one is an ad)."""

    def __init__(self, recognise: AdRecognise, matcher: AdRules,
                 has_flags: Callable[[str], bool]) -> None:
        self.recognise = recognise
        self.matcher = matcher
        self._has_flags = has_flags
        self._signs = [AdRules.compile_signs(items) for items in recognise.signs.values()]
        self._short = [
            AdRules.compile_signs(recognise.signs.get(name, []))
            for name in recognise.short_signs
        ]
        self._cry = AdRules.compile_signs(recognise.cry)
        self._own_cry = AdRules.compile_signs(recognise.own_cry)
        self._harm_told = AdRules.compile_signs(recognise.harm_told)
        self._ad_voice = AdRules.compile_signs(recognise.ad_voice)

    def looks_like_ad(self, text: str, *, forwarded: bool = False) -> bool:
        """True when the message reads like a vacancy or a recruiter's offer.

        A long text with `min_signs` signs; a forwarded one with one; and a short recruiter's
        message (`short_min_words`): a pay figure with its currency and a contact or a red flag
        ("Работа в Польше 3000$, за визу 200$, пиши в телеграм @x"), never a question.
        """
        recognise = self.recognise
        words = len(text.split())
        low = normalize(text[:MAX_TEXT_CHARS])
        # A transliterated ad's signs are read in Cyrillic letters too ("rabota", "zarplata").
        lows = [r.low for r, _ in self.matcher.readings(text[:MAX_TEXT_CHARS])]
        signs = self._signs_in(lows)
        if forwarded and words >= recognise.forwarded_min_words and signs >= 1:
            return True
        if words >= recognise.min_words and signs >= recognise.min_signs:
            return True
        if (words < recognise.short_min_words or low.rstrip().endswith("?")
                or _QUESTION.match(low)):
            return False
        if all(self.matcher.pay.figure(one) is None for one in lows):
            return False
        contact = any(p.search(one) for one in lows for patterns in self._short for p in patterns)
        # A person asking in their own words ("мне предлагают ... 25 злотых в час, звонить
        # им?") is no recruiter's message, however short and full of figures (adcheck11b).
        return (contact or self._has_flags(text)) and not self.cries(text)

    def _signs_in(self, lows: list[str]) -> int:
        """How many of `recognise.signs` (salary, contacts, job) any of the readings holds."""
        return sum(
            1 for patterns in self._signs if any(p.search(one) for one in lows for p in patterns)
        )

    def cries(self, text: str) -> bool:
        """True when the message has words of a person telling about themselves (`cry`: "меня",
        "помогите", "забрали"): whatever else it holds, it is no ad to check before the numbers.

        A text as long as an ad with its signs (`min_words`, `min_signs`) cries only in the
        person's own voice (`own_cry`: "я", "help me", "took my passport"): an ad's
        "Помогите! Срочно нужны рабочие" or "если у вас забрали паспорт — звоните" is the
        ad's. Harm told as events in a sentence of its own (`harm_told`: "Паспорт забрали,
        денег не платят", "Locked at night") is the person's own, with or without "I"."""
        # Links, e-mail addresses and @handles are the ad's contacts, not a person's words:
        # "t.me/jobs" holds an English "me".
        low = _ADDRESSES.sub(" ", normalize(text[:MAX_TEXT_CHARS]))
        # Transliterated, read in Cyrillic letters only: its "i" is "и", not "I".
        one = in_cyrillic(low) if reads_transliterated(text) else low
        # The recruiter's "text me on Telegram", "пишите мне": the ad's contact, not a person.
        for pattern in self._ad_voice:
            one = pattern.sub(" ", one)
        if self.harm_told(one):
            return True
        if not any(p.search(one) for p in self._cry):
            return False
        recognise = self.recognise
        lows = [r.low for r, _ in self.matcher.readings(text[:MAX_TEXT_CHARS])]
        whole_ad = (bool(self._own_cry) and len(text.split()) >= recognise.min_words
                    and self._signs_in(lows) >= recognise.min_signs)
        return not whole_ad or any(p.search(one) for p in self._own_cry)

    def harm_told(self, low: str) -> bool:
        """True when a sentence of normalised `low` tells harm done as an event (`harm_told`,
        read on the sentence alone: `^` and `$` are its ends)."""
        # Sliced, not searched from an offset: `^` would not match at one.
        sentences = [low[s.start : s.end] for s in sentence_spans(low)]
        return any(p.search(one) for one in sentences for p in self._harm_told)

    def is_pasted_ad(self, text: str) -> bool:
        """True when a text pasted after /checkad is an ad to check even with danger words in it
        ("Паспорт будет у администратора"): it reads like an ad as a forwarded one would (a few
        words with a sign of pay, contacts or a job), and no words of a cry for help."""
        return self.looks_like_ad(text, forwarded=True) and not self.cries(text)
