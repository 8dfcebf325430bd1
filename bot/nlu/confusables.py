"""Words typed in two scripts at once, put in one ("заробак не далi зусiм" -> "... далі зусім").

Phones with a Polish or English keyboard next to the Russian one give Belarusian "і" as Latin
"i" (U+0069), and people fill in Cyrillic words with Latin a/e/o/p/c/x/y (or Latin words with
Cyrillic ones) that look the same. Unicode's confusables data (UTS #39) only maps towards a
Latin "skeleton" for spoofing checks; here a word must go to whichever script it is written in,
so a small explicit table of the letters that look alike is used instead.

A mixed word goes to the script of its letters that have no look-alike (д, л, б... or s, t,
r...); a tie goes to the message's script. A word of look-alike letters only ("He", "y") in a
message that shows the habit (a mixed word, no word of the other script) follows the message.
"""

from __future__ import annotations

import re

# Latin letter -> the Cyrillic letter it stands for (lower and upper case; "ŭ" is Łacinka ў).
_TO_CYRILLIC = {
    "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і", "k": "к",
    "ŭ": "ў", "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І", "K": "К", "M": "М",
    "O": "О", "P": "Р", "T": "Т", "X": "Х", "Y": "У", "Ŭ": "Ў",
}  # fmt: skip
# Cyrillic letter -> the Latin letter it looks like (ў has none: it stays Cyrillic).
_TO_LATIN = {
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "і": "i", "к": "k",
    "ј": "j", "ѕ": "s", "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "І": "I", "К": "K",
    "М": "M", "О": "O", "Р": "P", "Т": "T", "Х": "X", "У": "Y",
}  # fmt: skip
_CYRILLIC_TABLE = str.maketrans(_TO_CYRILLIC)
_LATIN_TABLE = str.maketrans(_TO_LATIN)
_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_LATIN_LETTER = re.compile(r"[a-zA-Z\u00c0-\u024f]")


def _script(word: str) -> str | None:
    """ "cyr" or "lat" for a word of one script, "mixed" for both, None for neither."""
    cyrillic = _CYRILLIC_LETTER.search(word) is not None
    latin = _LATIN_LETTER.search(word) is not None
    if cyrillic and latin:
        return "mixed"
    return "cyr" if cyrillic else "lat" if latin else None


def _distinct(word: str) -> tuple[int, int]:
    """(Cyrillic, Latin) letters of `word` that have no look-alike in the other script."""
    cyrillic = sum(1 for ch in word if _CYRILLIC_LETTER.match(ch) and ch not in _TO_LATIN)
    latin = sum(1 for ch in word if _LATIN_LETTER.match(ch) and ch not in _TO_CYRILLIC)
    return cyrillic, latin


def _in(word: str, script: str) -> str:
    """`word` with its look-alike letters in `script` ("cyr" or "lat")."""
    return word.translate(_CYRILLIC_TABLE if script == "cyr" else _LATIN_TABLE)


def one_script(text: str) -> str:
    """`text` with every mixed-script word in one script, case kept ("пaспoрт" -> "паспорт",
    "pаsport" -> "pasport", "зусiм" -> "зусім"); text with no mixed word is returned as is."""
    if not (_CYRILLIC_LETTER.search(text) and _LATIN_LETTER.search(text)):
        return text  # one script (or none): the common case, nothing to do
    words = _WORD.findall(text)
    scripts = [_script(word) for word in words]
    if "mixed" not in scripts:
        return text  # both scripts, each in words of its own ("ок thanks"): left as written
    cyrillic_words = sum(
        1 for word, script in zip(words, scripts, strict=True)
        if script == "cyr" and _distinct(word)[0]
    )  # fmt: skip
    latin_words = sum(
        1 for word, script in zip(words, scripts, strict=True)
        if script == "lat" and _distinct(word)[1]
    )  # fmt: skip
    message = "lat" if latin_words > cyrillic_words else "cyr"

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        script = _script(word)
        if script == "mixed":
            cyrillic, latin = _distinct(word)
            return _in(word, "cyr" if cyrillic > latin else "lat" if latin > cyrillic else message)
        # A word of look-alikes only, where the message has no word of its script at all.
        if script == "lat" and not latin_words and not _distinct(word)[1]:
            return _in(word, "cyr")
        if script == "cyr" and not cyrillic_words and not _distinct(word)[0]:
            return _in(word, "lat")
        return word

    return _WORD.sub(fix, text)
