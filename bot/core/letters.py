"""One way to fold the letters of what people type, whatever keyboard they have.

Belarusian typed on a Russian keyboard loses its own letters: "Поўня" comes as "поуня",
"іду" as "иду", "з'ехаў" as "зъехау" or "зехау"; the apostrophe has four forms (' ’ ʼ ‘).
Matching a code word and reading an ad (bot/core/admodel.py) both fold them the same way:
lower case, ё as е, і as и, ў as у, щ as ш, й as и, and without soft and hard signs or
apostrophes (a Russian keyboard writes the Belarusian apostrophe as ъ).

The code word also folds the Latin letters that look like Cyrillic ones (`fold_lookalikes`):
a Russian layout has no "і", so "дранікі" is often typed "дранiкi" with the Latin "i".
The ad model does not: its figures were measured without it.
"""

from __future__ import annotations

FOLD = str.maketrans({
    "ё": "е", "і": "и", "ў": "у", "щ": "ш", "й": "и",
    "ь": None, "ъ": None, "'": None, "’": None, "ʼ": None, "‘": None, "`": None,
})


# Latin letters that look like Cyrillic ones in lower case, as the Cyrillic letter.
LOOKALIKES = str.maketrans({
    "a": "а", "c": "с", "e": "е", "i": "і", "o": "о", "p": "р", "x": "х", "y": "у",
})


def fold_letters(text: str) -> str:
    """`text` in lower case with its letters folded (`FOLD`); the length may shrink."""
    return text.lower().translate(FOLD)


def fold_lookalikes(text: str) -> str:
    """`fold_letters` with the Latin look-alikes of Cyrillic letters (`LOOKALIKES`) read as
    them first, in every word, so one written in either alphabet or in both ("дранiкi",
    "pасta") folds the same; the length may shrink."""
    return fold_letters(text.lower().translate(LOOKALIKES))
