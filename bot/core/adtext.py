"""How the ad check reads an ad: lower case with offsets kept, and a transliterated ad in
Cyrillic letters with each character mapped back to the ad's own words."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.nlu.language import detect_language
from bot.nlu.normalize import cyrillize_lacinka, cyrillize_word, has_lacinka

TELEGRAM_CHARS = 4096  # the Bot API's limit on one message's text
_LATIN_WORD = re.compile(r"[a-z][a-z']*")
# Belarusian Łacinka ("zarobak 3000 eŭra, zaplacić"): its own letters are part of a word.
_LACINKA_WORD = re.compile(r"[a-zćśźńłčšžŭ][a-zćśźńłčšžŭ']*")
LACINKA_SHARE = 0.15
_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile(r"[а-яіў]")


@dataclass(frozen=True, slots=True)
class Span:
    """Where in the ad (character offsets) the words that raised a flag are."""

    start: int
    end: int


def normalize(text: str) -> str:
    """Lower case and ё -> е, keeping every character's offset (quotes come from the original).

    A letter whose lower case is longer ("İ" -> "i̇") is kept as it is, so that a span found
    in the normalised text is the same span in the ad.
    """
    if text.isascii():
        return text.lower()
    lowered = "".join(c if len(low := c.lower()) != 1 else low for c in text)
    return lowered.replace("ё", "е")


def fold(pattern: str) -> str:
    """The pattern as `normalize` would write its letters, escapes kept (`\\S` stays `\\S`)."""
    out: list[str] = []
    escaped = False
    for char in pattern:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        else:
            low = char.lower()
            out.append(low if len(low) == 1 else char)
    return "".join(out).replace("ё", "е")


def fold_soft(pattern: str) -> str:
    """`fold`, and without soft and hard signs: transliterations drop them ("ostalos")."""
    return fold(pattern).translate(NO_SIGNS)


NO_SIGNS = str.maketrans({"ь": None, "ъ": None})


@dataclass(frozen=True, slots=True)
class Reading:
    """The ad as the patterns read it; `origin` maps each character back to the ad's
    (start, end) when the reading is not the ad's own letters (a transliteration)."""

    low: str
    origin: list[tuple[int, int]] | None

    def back(self, span: Span) -> Span:
        if self.origin is None:
            return span
        return Span(self.origin[span.start][0], self.origin[span.end - 1][1])


def transliterated(text: str) -> Reading | None:
    """The ad with every Latin word in Cyrillic letters, when it is Russian or Belarusian
    written in Latin letters (more Latin letters than Cyrillic ones); else None."""
    low = normalize(text)
    if not reads_transliterated(text):
        return None
    out: list[str] = []
    origin: list[tuple[int, int]] = []
    at = 0
    words, cyrillize = _reader(low)
    for match in words.finditer(low):
        out.append(low[at : match.start()])
        origin.extend((i, i + 1) for i in range(at, match.start()))
        word = cyrillize(match.group(0)).translate(NO_SIGNS)
        out.append(word)
        origin.extend((match.start(), match.end()) for _ in word)
        at = match.end()
    out.append(low[at:])
    origin.extend((i, i + 1) for i in range(at, len(low)))
    return Reading("".join(out), origin)


def _reader(low: str) -> tuple[re.Pattern[str], Callable[[str], str]]:
    """How to read the Latin words of `low`: as Łacinka when it has one of its own letters
    ("ŭ", "č", "ć"), else as transliterated Russian or Belarusian."""
    if _lacinka(low):
        return _LACINKA_WORD, cyrillize_lacinka
    return _LATIN_WORD, _cyrillize


def _lacinka(low: str) -> bool:
    """Belarusian Łacinka: its own letters in at least `LACINKA_SHARE` of the Latin words; a
    Lithuanian address ("Šiaulių") in a transliterated Russian ad is not."""
    words = _LACINKA_WORD.findall(low)
    marked = sum(1 for word in words if has_lacinka(word))
    return marked >= 1 and marked >= LACINKA_SHARE * len(words)


def _cyrillize(word: str) -> str:
    """One Latin word in Cyrillic letters. A word that starts with "vye" is the prefix вы- before
    е ("vyezd", "vyehat": выезд, выехать); read whole, "ye" would be one е and the ы lost."""
    if word.startswith("vye") and len(word) > 3:
        return "вы" + cyrillize_word(word[2:])
    if _FINAL_SHORT_I.search(word):  # "turisticheskoi", "uspei": туристической, успей
        return cyrillize_word(word[:-1]) + "й"
    return cyrillize_word(word)


# ad34c: a word typed with "i" for its final й after a vowel ("po turisticheskoi vize", "uspei",
# "novoi"): read as и, the adjective's ending and the imperative matched no rule. "ii"
# ("Italii", "Germanii") and "yi" (`cyrillize_word`'s own) are left alone.
_FINAL_SHORT_I = re.compile(r"[aeou]i$")



# A sentence ends at a line break, at ";", at an arrow between steps ("собеседование → оплата
# сбора → паспорт"), or at ".", "!", "?", "…" before a space: "3.000 €" and "ул.Ленина" stay
# whole. "!" ends one before a letter too, and "?" or "…" before a capital: "2000 евро в
# месяц!!!Оплата 100€ до выезда" is two sentences, as the rules read it (adcheck16; a "?" in a
# link, "job?id=5", is not an end). Bullets and list marks at a line's start are not part of it.
_SENTENCE_BREAK = re.compile(
    r"\n|;|[→⟶➔➜]|[.!?…]+(?=\s)|[.!?…]*!(?=[^\W\d_])|[.?…]*[?…](?=[A-ZА-ЯЁІЎ])")
_FULL_STOP = re.compile(r"[.!?…]+(?=\s)")
# Nor does the "." of a short abbreviation: of an address before anything on its line ("пр.
# Незалежнасці 00, оф. 0", "ul. Przykładowa"), of another before a word in lower case or a
# figure ("120–145 тыс. руб./мес"; adcheck10: "Оплата: 120–145 тыс." alone read as a fee).
_ADDRESS_ABBREVIATION = re.compile(
    r"(?<!\w)(?:ул|вул|пр|просп|пл|г|д|оф|кв|тел|ul|al|pl|nr|tel)\.$"
)
_ABBREVIATION = re.compile(
    r"(?<!\w)(?:тыс|млн|руб|мес|ч|мин|напр|см|зл|долл|e\.g|i\.e|incl|approx|ca)\.$"
)
# "и т.д.", "и т.п." end a list: the "д." is not the house of an address (adneg18, h4-ru-03).
_LIST_END = re.compile(r"(?<!\w)т\.\s?[дпч]\.$")
_LOWER_NEXT = re.compile(r"[ \t]+[a-zа-яёіў\d]")
_SAME_LINE_NEXT = re.compile(r"[ \t]+\S")
_BULLET = re.compile(r"[\s\-–—•*·▪►●○◦✅✔☑️➡→🔹🔸📌👉⭐✨🔥❗‼]+")


# A line broken inside a sentence, as a long line is wrapped when typed or pasted: the line
# starts in capitals, ends in a letter with no mark after it, is long, and the next starts in
# lower case ("Мы НІКОЛІ … не адпраўляем людзей\nпа турыстычных візах", adneg18). A short
# line ("без опыта\nоплата за оформление") is a list's item, and an ad written all in lower
# case ("…живём в бытовках на объекте\nпатент пока не нужен") has a sentence on each line.
WRAP_MIN_CHARS = 50
_WRAP = re.compile(r"(?<=[^\W\d_])\n(?=[a-zа-яёіў])")
_LINE_START = re.compile(r"[^\w]*([^\W\d_])")


def unwrapped(text: str) -> str:
    """`text` with each line break inside a wrapped sentence read as a space (same length, so
    every offset is the ad's own)."""
    if "\n" not in text:
        return text
    chars = list(text)
    for found in _WRAP.finditer(text):
        line_start = text.rfind("\n", 0, found.start()) + 1
        first = _LINE_START.match(text, line_start, found.start())
        if (found.start() - line_start >= WRAP_MIN_CHARS and first is not None
                and first.group(1).isupper()):
            chars[found.start()] = " "
    return "".join(chars)


def sentence_spans(text: str) -> list[Span]:
    """The sentences, lines and bullet points of `text`, as spans without their bullets and
    surrounding spaces; empty pieces are left out."""
    spans: list[Span] = []
    start = 0
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text) if not _abbreviation(text, m)]
    for end in [*breaks, len(text)]:
        piece_start = start
        bullet = _BULLET.match(text, piece_start, end)
        if bullet is not None:
            piece_start = bullet.end()
        piece_end = end
        while piece_end > piece_start and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > piece_start and _LETTER.search(text, piece_start, piece_end):
            spans.append(Span(piece_start, piece_end))
        start = end
    return spans


def crosses_sentence(text: str, span: Span) -> bool:
    """True when a sentence of `text` ends inside `span` at a full stop, "!", "?" or "…" before
    a space (not an abbreviation's dot): "плаціце самі. Нашы паслугі" is two sentences' words,
    no one rule's. A ";" joins clauses of one sentence here: "Bring your passport; the farmer
    keeps it" is one handover."""
    return any(not _abbreviation(text, found)
               for found in _FULL_STOP.finditer(text, span.start, span.end))


def _abbreviation(text: str, found: re.Match[str]) -> bool:
    """True when the break `found` is the dot of an abbreviation inside a sentence."""
    if found.group() != ".":
        return False
    before = text[max(0, found.start() - 7) : found.end()].lower()
    if _LIST_END.search(before):  # "и т.д. Выходить на смены…": a sentence before a capital
        return _LOWER_NEXT.match(text, found.end()) is not None
    if _ADDRESS_ABBREVIATION.search(before):
        return _SAME_LINE_NEXT.match(text, found.end()) is not None
    lower_next = _LOWER_NEXT.match(text, found.end()) is not None
    return lower_next and _ABBREVIATION.search(before) is not None


def sentence_bounds(text: str, span: Span, room: int) -> tuple[int, int]:
    """Where the sentences holding `span` start and end, looked for within `room` characters
    either side (a quote's context); `room` without a break: that far."""
    before = text[max(0, span.start - room) : span.start]
    breaks = list(_SENTENCE_BREAK.finditer(before))
    start = span.start - len(before) + breaks[-1].end() if breaks else span.start - len(before)
    after = _SENTENCE_BREAK.search(text, span.end, min(len(text), span.end + room))
    end = after.end() if after is not None else min(len(text), span.end + room)
    if after is not None and text[after.start()] in "\n;→⟶➔➜":
        end = after.start()
    return start, end


def in_cyrillic(low: str) -> str:
    """Every Latin word of normalised `low` in Cyrillic letters, without soft and hard signs
    (a transliterated ad read as the patterns read it)."""
    words, cyrillize = _reader(low)
    return words.sub(lambda m: cyrillize(m.group(0)).translate(NO_SIGNS), low)


def reads_transliterated(text: str) -> bool:
    """Whether `text` is Russian or Belarusian typed in Latin letters: more Latin letters than
    Cyrillic ones, and not English (`detect_language`, or `_latin_russian` where a few short
    words fooled it)."""
    low = normalize(text)
    letters = _LETTER.findall(low)
    cyrillic = sum(1 for c in letters if _CYRILLIC.match(c))
    if len(letters) - cyrillic <= cyrillic:
        return False
    # The language from the first Telegram message's worth, so that the way an ad is read does
    # not change with what follows (and a long paste costs no more than a linear read).
    head = text[:TELEGRAM_CHARS]
    return detect_language(head) != "en" or _latin_russian(normalize(head))


# ad18: Russian and Belarusian words typed in Latin letters that English never writes alone:
# one-letter prepositions and short function words ("foto v kupalnike", "start v ponedelnik",
# "oplata za vizu"). A short ad of a few words the detector knows as English ("Devushki do
# 25 let", "Start") read as English, and its red flags were missed in Cyrillic.
_LATIN_RUSSIAN_WORDS = re.compile(
    r"(?<![\w'’-])(?:v|k|za|iz|dlya|dlja|bez|ot|ili|ne|pri|cherez|posle|vy|eto|u\s+vas"
    # ad34c: years after a figure ("Devushki do 25 let", "opyt 2 goda"), and
    # the ad's own words no English writes ("devushki", "zarplata", "srochno", "rabota")
    r"|\d+\s*(?:let|goda?)|devushk\w*|zarplat\w*|vakansi\w*|srochno|trebu\w+"
    r"|oplat\w*|rabot[aueyi]\w*|zhil\w+|opyt\w*)(?![\w'’-])")
# English function words: any of them and the text is English after all ("Vitamin K", "Plan B").
_ENGLISH_WORDS = re.compile(
    r"(?<![\w'’-])(?:the|and|for|with|of|to|is|are|you|your|we|our|in|on|at|an|this|that|will|be|"
    r"from|per|or|who|must)(?![\w'’-])")


def _latin_russian(low: str) -> bool:
    """True when lower-case `low` has a word only Russian or Belarusian in Latin letters writes
    alone and no English function word."""
    return bool(_LATIN_RUSSIAN_WORDS.search(low)) and not _ENGLISH_WORDS.search(low)
