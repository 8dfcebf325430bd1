"""One way to fold the letters of what people type, whatever keyboard they have.

Belarusian typed on a Russian keyboard loses its own letters: "Поўня" comes as "поуня",
"іду" as "иду", "з'ехаў" as "зъехау" or "зехау"; the apostrophe has four forms (' ’ ʼ ‘).
Matching a code word and reading an ad (bot/core/admodel.py) both fold them the same way:
lower case, ё as е, і as и, ў as у, щ as ш, й as и, and without soft and hard signs or
apostrophes (a Russian keyboard writes the Belarusian apostrophe as ъ).
"""

from __future__ import annotations

FOLD = str.maketrans({
    "ё": "е", "і": "и", "ў": "у", "щ": "ш", "й": "и",
    "ь": None, "ъ": None, "'": None, "’": None, "ʼ": None, "‘": None, "`": None,
})


def fold_letters(text: str) -> str:
    """`text` in lower case with its letters folded (`FOLD`); the length may shrink."""
    return text.lower().translate(FOLD)
