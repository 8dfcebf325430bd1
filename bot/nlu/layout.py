"""Text typed with the wrong keyboard layout: "pfgthkb" for "заперли", "ьн" for "my".

A person who forgot to switch the layout types Russian or Belarusian on the Latin keys (or
English on the Cyrillic ones). Each key maps to exactly one letter of the other layout, so the
text can be restored; the work is deciding when it was mistyped. Latin text typed from Russian
or Belarusian has almost no Latin vowels (a, e, i, o, u sit on ф, у, ш, щ, г: about 6% of
Russian letters against about 38% vowels in English or transliteration), while the restored
text has the vowels of real Cyrillic words. Search engines and keyboards use the same trick.

Layouts: the standard Russian ЙЦУКЕН and Belarusian layouts (Belarusian has ў on the Russian
щ key, і on и and the apostrophe on ъ).
"""

from __future__ import annotations

import re

_LATIN_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`"
_RU_KEYS = "йцукенгшщзхъфывапролджэячсмитьбюё"
# Belarusian: same keys as Russian except ў (o), і (b) and the apostrophe (]).
_BE_KEYS = "йцукенгшўзх'фывапролджэячсмітьбюё"

_TO_RU = str.maketrans(_LATIN_KEYS, _RU_KEYS)
_TO_BE = str.maketrans(_LATIN_KEYS, _BE_KEYS)
_TO_LATIN = str.maketrans(_RU_KEYS + "ўі", _LATIN_KEYS + "ob")
# The Ukrainian layout (and a writer's guess) puts і on the s key, where Russian has ы.
_TO_LATIN_S = str.maketrans(_RU_KEYS + "ўі", _LATIN_KEYS + "os")

# A word on the Latin keys: letters and the punctuation keys that are letters in Cyrillic
# (;' [ ] ` everywhere, "," and "." only before another key: "," at a word's end is a comma).
_LATIN_TOKEN = re.compile(r"(?:[a-z;'\[\]`]|[,.](?=[a-z;'\[\]`,.]))+")
_CYRILLIC_TOKEN = re.compile(r"[а-яёіў]+")
_LATIN_VOWELS = frozenset("aeiou")
_CYRILLIC_VOWELS = frozenset("аеёиоуыэюяі")
# Spellings no Russian or Belarusian word has: a sign or ы at the start, a sign after a vowel
# or another sign, or two ы.
_IMPOSSIBLE = re.compile(r"^[ьъыў']|[аеёиоуыэюяі][ьъ]|[ьъ][ьъы]|ыы")
_MAX_CONSONANTS = re.compile(r"[^аеёиоуыэюяі]{5}")
MISTYPED_SHARE = 0.5  # of the words that carry evidence either way
# Letters of English words needed when every typed word is a possible Cyrillic spelling: "ру"
# ("he") alone is the Russian ".ру", "ру ру" is not "he he", "ру ршеы гы" ("he hits us") is a cry.
ENGLISH_LETTERS = 4


# The keys Belarusian and Russian give different letters on: o (ў / щ) and ] (' / ъ).
_CONSONANTS = frozenset("бвгджзйклмнпрстфхцчшў'")
_VOWELS_AND_SIGNS = frozenset("аеёиоуыэюяіь")
# The apostrophe after these is Belarusian only ("сям'я", "п'ю", "м'яса"): Russian writes ъ
# after a prefix (об-, под-, с-, от-, из-), never after м, п, ф, р.
_BE_APOSTROPHE_AFTER = frozenset("мпфр")
_RU_HARD_SIGN_AFTER = frozenset("стхж")


def belarusian_key_votes(text: str) -> int:
    """How much better the Belarusian layout reads the Latin-key words of `text` than the
    Russian one: each o key that is a possible ў and an impossible щ (alone, before a consonant
    or at a word's end after a vowel: "o", "pf,hfo" = "ў", "забраў") counts +1, each one that is
    only a possible щ (before a vowel or ь, after a consonant: "tot" = "еще") -1; the ] key
    after м, п, ф, р or before і counts +1 (', "сям'я"), after с, т, х, ж -1 (ъ, "съел")."""
    votes = 0
    for token in _LATIN_TOKEN.findall(text.lower()):
        word = token.translate(_TO_BE)
        for at, key in enumerate(token):
            before = word[at - 1] if at else ""
            after = word[at + 1] if at + 1 < len(word) else ""
            if key == "o":
                if after in _VOWELS_AND_SIGNS or before in _CONSONANTS:
                    votes -= 1
                else:
                    votes += 1
            elif key == "]":
                if before in _BE_APOSTROPHE_AFTER or after == "і":
                    votes += 1
                elif before in _RU_HARD_SIGN_AFTER:
                    votes -= 1
    return votes


def latin_to_cyrillic(text: str, *, belarusian: bool = False) -> str:
    """`text` as if its Latin-key words had been typed on the Russian (or Belarusian) layout."""
    table = _TO_BE if belarusian else _TO_RU
    return _LATIN_TOKEN.sub(lambda m: m.group(0).translate(table), text.lower())


def _to_latin(token: str, known: frozenset[str]) -> str:
    """One Cyrillic word on the Latin keys; і is the b key (Belarusian) unless only the s key
    (Ukrainian) makes a `known` word of it ("гі" -> "us")."""
    word = token.translate(_TO_LATIN)
    if "і" in token and word not in known:
        other = token.translate(_TO_LATIN_S)
        return other if other in known else word
    return word


def cyrillic_to_latin(text: str, known: frozenset[str] = frozenset()) -> str:
    """`text` as if its Cyrillic words had been typed on the Latin layout ("ьн" -> "my");
    `known`: Latin words that decide where і was typed."""
    return _CYRILLIC_TOKEN.sub(lambda m: _to_latin(m.group(0), known), text.lower())


def _plausible_cyrillic(word: str) -> bool:
    return (
        any(ch in _CYRILLIC_VOWELS for ch in word)
        and _IMPOSSIBLE.search(word) is None
        and _MAX_CONSONANTS.search(word) is None
    )


def _latin_vowel_share(word: str) -> float:
    letters = [ch for ch in word if "a" <= ch <= "z"]
    return sum(ch in _LATIN_VOWELS for ch in letters) / len(letters) if letters else 0.0


def mistyped_latin(text: str, known: frozenset[str] = frozenset()) -> bool:
    """Whether `text` reads as Russian or Belarusian typed on the Latin layout.

    `known` holds Latin words that are right as typed (English, transliteration): they count
    against a mistyping. A word counts for one when it has (almost) no Latin vowels and its
    Cyrillic form is a possible word; at least four letters of such words are needed.
    """
    tokens = _LATIN_TOKEN.findall(text.lower())
    if not tokens or _CYRILLIC_TOKEN.search(text.lower()):
        return False
    mistyped = right = letters = 0
    for token in tokens:
        if token in known:
            right += 1
            continue
        inner_keys = any(ch in ";'[]`,." for ch in token.strip("'"))
        share = _latin_vowel_share(token)
        cyrillic = token.translate(_TO_RU)
        if (share <= 0.2 or inner_keys) and _plausible_cyrillic(cyrillic):
            mistyped += 1
            letters += len(token)
        elif share >= 0.25 and len(token) > 2:
            right += 1
    return letters >= 4 and mistyped > 0 and mistyped / (mistyped + right) > MISTYPED_SHARE


def mistyped_cyrillic(
    text: str, known_latin: frozenset[str], known_cyrillic: frozenset[str] = frozenset()
) -> bool:
    """Whether `text` reads as English typed on the Cyrillic layout ("ьн зфыызщке").

    Either impossible Cyrillic spellings in most words and at least one word of `known_latin`
    (frequent English words) among the restored ones, or ("ру ршеы гы", "he hits us": every
    spelling is possible) most restored words English, at least ENGLISH_LETTERS letters of
    them, and no word of `known_cyrillic` (frequent Russian and Belarusian words) as typed.
    """
    tokens = _CYRILLIC_TOKEN.findall(text.lower())
    if not tokens or _LATIN_TOKEN.search(text.lower()):
        return False
    restored = [_to_latin(token, known_latin) for token in tokens]
    english = [word for word in restored if word in known_latin]
    if not english:  # both readings need an English word: most Cyrillic text stops here
        return False
    if sum(not _plausible_cyrillic(token) for token in tokens) * 2 >= len(tokens):
        return True
    return (
        len(english) * 2 > len(tokens)
        and sum(map(len, set(english))) >= ENGLISH_LETTERS
        and not any(token in known_cyrillic for token in tokens)
    )
