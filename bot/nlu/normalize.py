"""Text normalisation shared by the classifier and the danger-phrase matcher."""

from __future__ import annotations

import re
import unicodedata

from bot.nlu.confusables import one_script

# The longest text the NLU reads (danger phrases, language, classifier): four times Telegram's
# 4,096-character message limit, so no real message is cut, while a 1 MB text sent some other
# way costs milliseconds rather than seconds. Every pattern here is linear in what it reads.
MAX_TEXT_CHARS = 16_384

_CYRILLIC = re.compile(r"[а-яёіў]")
_LATIN_WORD = re.compile(r"[a-z][a-z']*")
_NON_WORD = re.compile(r"[^\w'\s-]+|_+")
_DASHES = re.compile(r"(?<!\w)-+|-+(?!\w)")
_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'", "ё": "е"})
# Emoji that mean danger on their own, read as the word people would write.
_DANGER_EMOJI = str.maketrans({"🆘": " sos "})

# Russian transliteration as people type it (several schemes at once); longest spellings first.
_TRANSLIT: tuple[tuple[str, str], ...] = (
    ("shch", "щ"), ("tsya", "тся"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ch", "ч"),
    ("sh", "ш"), ("ts", "ц"), ("ya", "я"), ("ja", "я"), ("yu", "ю"), ("ju", "ю"), ("yo", "е"),
    ("jo", "е"), ("ye", "е"), ("je", "е"), ("iy", "ий"), ("yy", "ый"), ("yj", "ый"), ("ij", "ий"),
    ("'", "ь"), ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"),
    ("z", "з"), ("i", "и"), ("j", "й"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
    ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"),
    ("h", "х"), ("c", "ц"), ("y", "ы"), ("w", "щ"), ("x", "х"), ("q", "к"),
)  # fmt: skip
_TRANSLIT_MAP = dict(_TRANSLIT)
# A word cut into the table's spellings, and one character wherever none of them begins.
_TRANSLIT_PARTS = re.compile(
    "|".join([*(re.escape(latin) for latin, _ in _TRANSLIT), "."]), re.DOTALL
)
_VOWEL_Y = re.compile(r"(?<=[аеиоуыэюя])ы")  # "moy", "rabotay": y after a vowel is й
# Where "y" before a vowel is ы, not the start of я/е/ю ("ye" is е in "yest", "priyezd"), read
# on the Latin word before the table. A consonant's "ye" at the end is the adjective ending
# ("novye" -> "новые", "kotorye"), but after l the noun's -ье ("zhilye" -> "жилье"); "yi" after
# a consonant is ый ("dobryi", "vyiti"); "vy" before e is the prefix вы- ("vyezd", "vyekhat");
# "yy" before a vowel is ы + я/е ("novyye", "vyyasnit"); "iy" before a vowel is и + я/е/ю
# ("rossiya", "priyezd", "rabochiye"), not ий.
_CONSONANT = "bcdfgkmnprstvxzh"
_Y_BEFORE_VOWEL: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"(?<=[{_CONSONANT}])ye$"), "ые"),
    (re.compile(r"(?<=l)ye$"), "ье"),
    (re.compile(rf"(?<=[{_CONSONANT}l])yi"), "ый"),
    (re.compile(r"^vy(?=e)"), "вы"),
    (re.compile(rf"(?<=[{_CONSONANT}])yy(?=[aeou])"), "ыy"),
    (re.compile(r"iy(?=[aeou])"), "иy"),
)


def clean(text: str) -> str:
    """Lower-case words separated by single spaces, each in one script (bot.nlu.confusables):
    no punctuation, emoji, ё or stray dashes; "и" + a combining breve is "й" (NFC)."""
    text = one_script(unicodedata.normalize("NFC", text))
    text = text.lower().translate(_APOSTROPHES).translate(_DANGER_EMOJI)
    text = _DASHES.sub(" ", _NON_WORD.sub(" ", text))
    return _SPACES.sub(" ", text).strip(" '")


def cyrillize_word(word: str) -> str:
    """One Latin-letter Russian word in Cyrillic letters ("zabrali" -> "забрали")."""
    if "y" in word:  # each of these spellings has a "y"; most words have none
        for pattern, replacement in _Y_BEFORE_VOWEL:
            word = pattern.sub(replacement, word)
    # The table's spellings left to right, longest first; any other character stays as it is.
    cyrillic = "".join([_TRANSLIT_MAP.get(part, part) for part in _TRANSLIT_PARTS.findall(word)])
    return _VOWEL_Y.sub("й", cyrillic) if "ы" in cyrillic else cyrillic


def cyrillize(text: str, *, keep: bool = False) -> str:
    """Every Latin word of cleaned `text` in Cyrillic letters (`keep`: after the word as
    written, "locked" -> "locked лоцкед"); Cyrillic words unchanged."""
    if keep:
        return _LATIN_WORD.sub(lambda m: f"{m.group(0)} {cyrillize_word(m.group(0))}", text)
    return _LATIN_WORD.sub(lambda m: cyrillize_word(m.group(0)), text)


def has_latin_words(text: str) -> bool:
    """Whether cleaned `text` has a word in Latin letters."""
    return _LATIN_WORD.search(text) is not None


def has_cyrillic(text: str) -> bool:
    """Whether cleaned `text` has a Cyrillic letter."""
    return _CYRILLIC.search(text) is not None


# Belarusian Łacinka ("mianie bjuć" = "мяне б'юць"): read only when a message has one of its
# own letters, so English and Russian transliteration are left to `cyrillize`.
_LACINKA_MARKS = re.compile(r"[ćśźńłčšžŭ]")
_LACINKA: tuple[tuple[str, str], ...] = (
    ("dź", "дзь"), ("dž", "дж"), ("ch", "х"), ("ia", "я"), ("ie", "е"), ("iu", "ю"),
    ("io", "ё"), ("ja", "я"), ("je", "е"), ("ju", "ю"), ("jo", "ё"), ("ć", "ць"), ("ś", "сь"),
    ("ź", "зь"), ("ń", "нь"), ("ł", "л"), ("l", "ль"), ("č", "ч"), ("š", "ш"), ("ž", "ж"),
    ("ŭ", "ў"), ("a", "а"), ("b", "б"), ("c", "ц"), ("d", "д"), ("e", "э"), ("f", "ф"),
    ("g", "г"), ("h", "г"), ("i", "і"), ("j", "й"), ("k", "к"), ("m", "м"), ("n", "н"),
    ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("v", "в"),
    ("w", "ў"), ("y", "ы"), ("z", "з"),
)  # fmt: skip
_LACINKA_RE = re.compile("|".join(re.escape(latin) for latin, _ in _LACINKA))
_LACINKA_MAP = dict(_LACINKA)
# Soft signs the Cyrillic spelling does not write: "l" before a soft vowel ("zabrali" ->
# "забралі"), and з/с before a consonant in the official spelling ("źbili" -> "збілі").
_LACINKA_SOFT = re.compile(r"(?<=л)ь(?=[іяеюё])|(?<=[зс])ь(?=[бвгджзклмнпрстфхчшў])")


def has_lacinka(text: str) -> bool:
    """Whether cleaned `text` has a letter only Belarusian Łacinka uses."""
    return _LACINKA_MARKS.search(text) is not None


def cyrillize_lacinka(text: str) -> str:
    """Every Latin word of cleaned `text` read as Belarusian Łacinka ("mianie bjuć" ->
    "мяне б'юць"); Cyrillic words unchanged. ё becomes е, as in `clean`."""

    def word(match: re.Match[str]) -> str:
        plain = match.group(0)
        out, at = [], 0
        while at < len(plain):
            found = _LACINKA_RE.match(plain, at)
            if found is None:
                out.append(plain[at])
                at += 1
                continue
            latin = found.group(0)
            cyr = _LACINKA_MAP[latin]
            # "ja"/"je"/"ju"/"jo" after a consonant: the apostrophe (bju -> б'ю).
            if latin[0] == "j" and out and out[-1][-1:] in "бвгджзкмнпрстфхцчшў":
                cyr = "'" + cyr
            out.append(cyr)
            at = found.end()
        return _LACINKA_SOFT.sub("", "".join(out)).replace("ё", "е")

    return _LACINKA_WORD.sub(word, text)


_LACINKA_WORD = re.compile(r"[a-zćśźńłčšžŭ][a-zćśźńłčšžŭ']*")
