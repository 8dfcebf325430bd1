"""How a code word is read into the words its keyed hash is made of (bot/core/silent_alarm.py):
one reading for the word as set and for every message checked against it, the readings of
earlier releases for hashes they made, and whether a word is only greetings and thanks."""

from __future__ import annotations

import re

from bot.core.letters import fold_letters, fold_lookalikes

__all__ = ["READINGS", "code_words", "common_only", "folded_words", "legacy_words"]

_WORD = re.compile(r"[^\W_]+")


def code_words(text: str) -> list[str]:
    """The words as the hash is made of them, on both sides (setting the word and reading a
    message): folded (bot/core/letters.py), so "поуня" typed on a Russian keyboard is
    "Поўня", and "дранiкi" with the Latin "i" is "дранікі"."""
    return _WORD.findall(fold_lookalikes(text))


def folded_words(text: str) -> list[str]:
    """The words as hashes made before the Latin look-alikes were folded read them: a word of
    Cyrillic letters only hashes the same either way; one with a Latin a, c, e, i, o, p, x or
    y (an English word) keeps working as typed, and is hashed again with `code_words`."""
    return _WORD.findall(fold_letters(text))


def legacy_words(text: str) -> list[str]:
    """The words as hashes made before the letters were folded read them (ё as е only): a word
    set then keeps working as typed, and is hashed again folded once it is written."""
    return _WORD.findall(text.lower().replace("ё", "е"))


# How the hash is made now, then how earlier releases made it (sessions live on in Redis).
READINGS = (code_words, folded_words, legacy_words)


def common_only(text: str, common_words: list[str]) -> bool:
    """Whether every word of `text` is one of `common_words` (content's greetings and thanks:
    "спасибо большое", "hello there"), both read as the code word is."""
    words = code_words(text)
    common = {w for entry in common_words for w in code_words(entry)}
    return bool(words) and all(word in common for word in words)
