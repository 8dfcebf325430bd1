"""One message read once (issue 10's latency): its keyboard layout judged, its text cleaned
and split into words, its Latin words read in Cyrillic letters. The danger-phrase matcher
(bot.core.danger_phrases) and every let-off frame of the triage (bot.core.triage) take this
reading instead of cleaning and tokenising the message again each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.nlu.language import read_layout
from bot.nlu.normalize import (
    MAX_TEXT_CHARS,
    clean,
    cyrillize,
    cyrillize_lacinka,
    has_lacinka,
    has_latin_words,
)


@dataclass(frozen=True, slots=True)
class MessageReading:
    """What every reader of one message shares; build it with `MessageReading.of(text)`."""

    text: str  # the message as written, cut to MAX_TEXT_CHARS
    raw: str  # `text` in the keyboard layout it was meant in ("pfgthkb" -> "заперли")
    tokens: list[str]  # the words of `raw`, cleaned (bot.nlu.normalize.clean)
    # `tokens`, then their Cyrillic reading when some are Latin: Łacinka ("siabar žartuje")
    # read as Łacinka only, transliterated Russian or Belarusian ("menya ograbili") as such.
    readings: tuple[Sequence[str], ...]
    # (raw, cleaned) forms the danger phrases are matched in: the text as written, its
    # transliteration in Cyrillic (and as Łacinka), and every layout it may have meant.
    variants: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, text: str) -> MessageReading:
        """The reading of `text` (a message or one part of a long one)."""
        text = text[:MAX_TEXT_CHARS]
        raw, layouts = read_layout(text)
        written = clean(text)
        variants = [(text, written)]
        if has_latin_words(written):
            variants.append((text, cyrillize(written)))
            if has_lacinka(written):
                variants.append((text, cyrillize_lacinka(written)))
        if not layouts:  # typed right: the Cyrillic reading is a variant already
            tokens = written.split()
            readings: tuple[Sequence[str], ...] = (tokens,)
            if len(variants) > 1:
                readings = (tokens, variants[-1][1].split())
            return cls(text, text, tokens, readings, tuple(variants))
        variants += [(restored, clean(restored)) for restored in layouts]
        cleaned = clean(raw)
        tokens = cleaned.split()
        readings = (tokens,)
        if has_latin_words(cleaned):
            lacinka = has_lacinka(cleaned)
            reading = cyrillize_lacinka(cleaned) if lacinka else cyrillize(cleaned)
            readings = (tokens, reading.split())
        return cls(text, raw, tokens, readings, tuple(variants))
