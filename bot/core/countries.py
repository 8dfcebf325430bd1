"""Recognise the country a person names, for every country in the world, not only the pages.

Names come from two places: the content (`Country.aliases` and names: editors' words, cities,
short forms, inflected forms) and the library data for every ISO 3166-1 country (pycountry for
the list and its English names, Babel's CLDR territory names in Russian, Belarusian and
English). Russian and Belarusian names are matched with their case endings ("в Италии",
"у Казахстане"); a library name that is not a content alias must stand where a place is named
("в/у/ў/на/in/at …", or the message is little more than the name), because short names are also
words ("Того", "Chad"). A name right after "из"/"з"/"from" is where the person comes from, not
where they are, and is ignored, unless a verb of calling or writing comes just before it
("сестра позвонила из Варшавы", "she rang me in tears from Warsaw": the caller is there now;
its stems are content, `relayed_call` in content/triage_frames.yaml).

Cities and regions (content/places.yaml, `Places`) count like the country they are in, but only
where a place is named ("в Кракове", "пад Гданьскам", "near Rotterdam", "в городе Кракове", or a
message that is little more than the name): a city is a word more often than a country is. A
city followed by a region or country ("Paris, Texas", "Брест, Франция") is that region's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pycountry
from babel import Locale

from bot.content.models import Content, Country, Places
from bot.nlu.cue_words import stems
from bot.nlu.normalize import cyrillize_word

_WORDS = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*")
_CYRILLIC = re.compile(r"[а-яёіў]")
_LATIN = re.compile(r"[a-z]")
# Words before a place: the person is there ("в Италии", "I am in Spain", "на Кипре").
_AT = frozenset("в во на у ў in at inside v vo".split())
# Words before a destination too ("to the UK", "до Польши", "да Літвы"), and the article skipped
# before a name ("the Netherlands"): for a place someone is going to (`find(destination=True)`).
_TO = frozenset("to into towards до да do".split())
_ARTICLES = frozenset({"the"})
# Words before a place the person comes from: "я из Беларуси", "I'm from Belarus".
_FROM = frozenset("из изо з са from iz".split())
# Words before "from" looked at for a verb of calling ("rang me in tears from Warsaw").
_CALL_NEAR = 4
# Words before a city or region: the person is near it ("под Варшавой", "near Rotterdam").
_NEAR = frozenset("под пад около возле каля ля близ near outside pod okolo vozle".split())
# Words between "в"/"in" and a city ("в городе Кракове", "in the city of Krakow").
_CITY_WORDS = frozenset("город городе горадзе г the city of town".split())
# A message with at most this many words besides a country's name is saying where the person
# is ("Казахстан", "я в Италии", "I am in Spain").
_EXTRA_WORDS = 2
_SHORT_NAME = 4  # letters
_CODE_LETTERS = 2  # an ISO code used as an alias ("pl", "it")
_ADJECTIVE_ENDINGS = ("ая", "ое", "ые", "ий", "ый", "ой", "яя", "ие", "ія", "ыя", "ае")
_VOWEL_ENDINGS = "аяоеёыиіуюйь"
# Up to this many letters may follow a stem ("итали" + "и", "казахстан" + "е", "саудовск" + "ой").
_MAX_ENDING = 3
_MIN_STEM = 4
# A city's or region's case endings, Russian and Belarusian ("Кракова", "Гданьскам", "Познанью"):
# anything else after its stem is another word ("давай" is not "Давао").
_CASE_ENDINGS = frozenset("""а я у ю е ы и і й ой ей ою ею ом ем ём ам ям ах ях ай яй ью""".split())
# A one-word foreign name ending in a vowel does not decline ("в Сочи", "в Давао", "в Визеу");
# its case forms, where it has them, are in the file ("Кемерово, …, кемерове").
_INDECLINABLE = tuple("оеэиіую")
LIBRARY_LANGUAGES = ("ru", "be", "en")


def tokens(text: str) -> list[str]:
    """Lower-case words; ё as е and every apostrophe as '."""
    lowered = text.lower().replace("ё", "е").replace("’", "'").replace("ʼ", "'")
    return _WORDS.findall(lowered)


def callers_of(content: Content) -> tuple[str, ...]:
    """The content's stems of calling or writing (`relayed_call`), none without the file."""
    frames = content.triage_frames
    return stems(frames.relayed_call.call_stems) if frames is not None else ()


def name_key(name: str) -> str:
    """A name as the index compares it: its words, lower case, joined by one space."""
    return " ".join(tokens(name))


def _stem(word: str) -> str | None:
    """The part of a Cyrillic word that its case forms share, or None when too short to stem."""
    if not _CYRILLIC.search(word):
        return None
    if word.endswith(("ия", "ія", "ыя")):
        stem = word[:-1]  # "итали|я" -> "итали|и", "італі|я" -> "італі|і"
    elif word.endswith(_ADJECTIVE_ENDINGS):
        stem = word[:-2]  # "саудовск|ая" -> "саудовск|ой"
    elif word[-1] in _VOWEL_ENDINGS:
        stem = word[:-1]  # "польш|а" -> "польш|е"
    else:
        stem = word  # "казахстан" -> "казахстан|е"
    return stem if len(stem) >= _MIN_STEM else None


@dataclass(frozen=True, slots=True)
class _Name:
    code: str
    words: tuple[str, ...]
    stems: tuple[str | None, ...]
    curated: bool  # a content alias or name: trusted anywhere in a message
    kind: str = "country"  # or "city" / "region" (content/places.yaml): only where placed

    def length_at(self, words: list[str], start: int) -> int:
        """How many words of `words` from `start` this name covers, 0 if it does not match."""
        if start + len(self.words) > len(words):
            return 0
        for own, stem, typed in zip(self.words, self.stems, words[start:], strict=False):
            if typed == own or typed == own + "'s":
                continue
            if stem is None or not typed.startswith(stem) or len(typed) - len(stem) > _MAX_ENDING:
                return 0
            indeclinable = len(self.words) == 1 and own.endswith(_INDECLINABLE)
            if self.kind != "country" and (indeclinable or typed[len(stem):] not in _CASE_ENDINGS):
                return 0
        return len(self.words)


@dataclass(frozen=True, slots=True)
class CountryMatch:
    """A country found in a message: its ISO code, and whether the content has a page for it."""

    code: str
    has_page: bool


class CountryIndex:
    """Every country's names in ru/be/en, built once per content (the factory's or engine's).

    `find(text)` -> the one country the text names, else None; `name(code, lang)` -> a display
    name for any country (the content's for a page, else the library's).
    """

    def __init__(self, countries: Mapping[str, Country], places: Places | None = None,
                 callers: Iterable[str] = ()) -> None:  # fmt: skip
        self._pages = frozenset(countries)
        # Stems of calling or writing: a place after "from" just after one is where the
        # caller is (module doc).
        self._callers = tuple(callers)
        self._display: dict[str, dict[str, str]] = {}
        names: list[_Name] = []
        for country in countries.values():
            curated = [*country.aliases, *(v for v in (
                country.name.ru, country.name.be, country.name.en) if v)]
            names += self._names(country.id, curated, curated=True)
        for record in pycountry.countries:
            code = record.alpha_2
            library = [getattr(record, a, None) for a in ("name", "common_name")]
            for language in LIBRARY_LANGUAGES:
                name = Locale.parse(language).territories.get(code)
                if name:
                    self._display.setdefault(code, {})[language] = name
                    library.append(name)
            names += self._names(code, [n for n in library if n], curated=False)
        for code, kind, spellings in places.places() if places is not None else ():
            names += self._names(code, spellings, curated=False, kind=kind)
        self._by_first: dict[str, list[_Name]] = {}
        for item in names:
            self._by_first.setdefault(self._key(item.stems[0] or item.words[0]), []).append(item)
        self._adjectives = [n for c in countries.values()
                            for n in self._names(c.id, c.adjectives, curated=True)]

    @staticmethod
    def _key(word: str) -> str:
        return word[:_MIN_STEM]

    @staticmethod
    def _names(code: str, spellings: Iterable[str], *, curated: bool,
               kind: str = "country") -> list[_Name]:
        found = []
        if kind != "country":
            # "v Gdanske" is read as "в гданске": transliteration drops the soft sign.
            spellings = [*spellings, *(s.replace("ь", "") for s in spellings if "ь" in s)]
        for spelling in dict.fromkeys(spellings):
            words = tuple(tokens(spelling))
            if words:
                found.append(_Name(code, words, tuple(_stem(w) for w in words), curated, kind))
        return found

    def has_page(self, code: str | None) -> bool:
        return code in self._pages

    def known(self, code: str | None) -> bool:
        """Whether `code` is a country the index can name."""
        return code in self._pages or code in self._display

    def name(self, code: str, language: str) -> str:
        """The library's name of a country in `language` (Russian, then English, as fallback)."""
        names = self._display.get(code, {})
        return names.get(language) or names.get("ru") or names.get("en") or code

    def find(self, text: str, *, destination: bool = False) -> CountryMatch | None:
        """The one country `text` names as a place ("я в Польше", "I'm in Dubai", "Казахстан");
        with `destination`, also as where someone is going ("to the UK", "до Польши").

        At each word the longest name wins ("Экваториальная Гвинея" is not also Guinea), then
        an exact spelling over a stem ("Нигерия" is not Niger). None when no country, or two
        different ones, are named: the wrong country's numbers are worse than asking.
        """
        words = tokens(text)
        if destination:  # "to the UK" is "to UK": the article says nothing of the place
            words = [w for w in words if w not in _ARTICLES]
        named = self._found(words, destination=destination)
        found = {code for code, _, _ in named}
        if any(_LATIN.search(w) for w in words):
            # Transliterated Russian: "ya v Italii" is read again as "я в италии", where only a
            # name after "в"/"на" counts (English read as Cyrillic makes words like "самоа"),
            # and only words not already read ("in Norfolk Island" is not also "Норфолк").
            cyrillic = [cyrillize_word(w) if _LATIN.search(w) else w for w in words]
            read = {at for _, start, end in named for at in range(start, end)}
            found |= {code for code, start, _ in self._found(cyrillic, placed_only=True,
                                                             destination=destination)
                      if start not in read}
        if len(found) != 1:
            return None
        match = found.pop()
        return CountryMatch(match, match in self._pages)

    def find_adjective(self, text: str) -> CountryMatch | None:
        """The one country whose adjective `text` uses ("Lithuanian police number", "номер
        литовской полиции"; `Country.adjectives` of the pages), else None. Only for a request
        for numbers: "I'm Lithuanian" says who someone is, not where."""
        words = tokens(text)
        found = {n.code for n in self._adjectives
                 for start in range(len(words)) if n.length_at(words, start)}
        if len(found) != 1:
            return None
        return CountryMatch(found.pop(), True)

    def _found(self, words: list[str], *, placed_only: bool = False,
               destination: bool = False) -> list[tuple[str, int, int]]:
        """The countries named in `words` (see `find`) as (code, first word, word after the
        name); with `placed_only`, only names right after a word like "в" or "in" (with
        `destination`, also "to", "до")."""
        at = _AT | _TO if destination else _AT
        found: list[tuple[str, str, int, int]] = []  # (code, kind, start, end)
        start = 0
        while start < len(words):
            before = words[start - 1] if start else ""
            # "Paris, Texas": a region or country right after a city says which one it is.
            after_city = bool(found) and found[-1][1] == "city" and found[-1][3] == start
            # "позвонила из Варшавы": the caller is there, as "в Варшаве" would say
            called = before in _FROM and self._called_from(words, start - 1)
            here = at | {before} if called else at
            best: tuple[int, int, int] | None = None
            chosen: _Name | None = None
            for item in self._by_first.get(self._key(words[start]), ()):
                length = item.length_at(words, start)
                if not length or not self._counts(item, words, start, length, at=here,
                                                  placed_only=placed_only, qualifier=after_city):
                    continue
                exact = sum(a == b for a, b in zip(item.words, words[start:], strict=False))
                rank = (length, exact, len(item.stems[0] or item.words[0]))
                if best is None or rank > best:
                    best, chosen = rank, item
            if best is None or chosen is None:
                start += 1
                continue
            if after_city and chosen.kind != "city":
                found.pop()
            if before not in _FROM or called:
                found.append((chosen.code, chosen.kind, start, start + best[0]))
            start += best[0]
        return [(code, start, end) for code, _, start, end in found]

    def _called_from(self, words: list[str], at: int) -> bool:
        """Whether the "from" at `at` follows a verb of calling ("позвонила из", "rang me
        from"): the caller is there."""
        return bool(self._callers) and any(
            w.startswith(self._callers) for w in words[max(0, at - _CALL_NEAR) : at]
        )

    @staticmethod
    def _counts(item: _Name, words: list[str], start: int, length: int, *, at: frozenset[str],
                placed_only: bool, qualifier: bool) -> bool:
        """Whether a name found at `start` names where someone is (module doc); `at`: the words
        that place a name ("в", "in"; for a destination also "to", "до")."""
        before = words[start - 1] if start else ""
        # A library name must stand where a place is named: after "в"/"in", or in a message
        # that is little more than the name ("Казахстан", "я в Италии"). Short names are also
        # words ("Того", "Chad", "Мали"): alone, or after "в"/"in".
        extra = _EXTRA_WORDS if len("".join(item.words)) > _SHORT_NAME else 0
        short = len(words) - length <= extra
        if item.kind != "country":
            # A city or region: after "в"/"in"/"под"/"near", "в городе", or nearly alone.
            two_before = words[start - 2] if start > 1 else ""
            placed = (before in at or before in _NEAR
                      or (before in _CITY_WORDS and (two_before in at or two_before in _NEAR)))
            return placed if placed_only else placed or short or qualifier
        if placed_only:
            return before in at
        # Content aliases are trusted anywhere, except two-letter codes: "it", "us", "de" are
        # words too ("give it back" is not Italy).
        trusted = item.curated and len("".join(item.words)) > _CODE_LETTERS
        return trusted or before in at or short or qualifier
