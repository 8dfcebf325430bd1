"""A story frame: the message is about a film, a book, an essay or a programme someone watched,
read or writes, so its danger words are about the story ("watched a film about trafficking",
"reading a book where ...", "для эссе", "в сериале", "дакументалка пра рабства").

Words that only ever name a story ("documentary", "essay", "эссе", "подкаст") frame the message
wherever they stand. Words with an everyday sense too ("book": the gangmaster's debt notebook,
"when the book is at zero"; "film": plastic film on pallets; "movie": "they took my phone so no
movies"; "series", "tv", "книга" as a ledger) frame it only with a sign that a story is meant,
near the word:

* a verb of watching or reading a few words before or after it ("watched a film", "читала
  книгу", "фильм, который я смотрел", "глядзеў серыял");
* "about" right after it ("a film about", "фильм про", "кніга пра", "film pro rabstvo");
* "in a film" / "в фильме" / "в сериале" / "like in the movies" / "как в кино" (not for a book:
  "в книге записан мой долг" is the ledger), "on tv" / "по телевизору".

A creative work the writer makes ("пишу сценарий короткометражки", "writing a short story")
frames it too: "сценарий", "script", "story" only right after a verb of writing or filming.

When in doubt a word is no frame: a frame lowers risk evidence, and a word that merely appears
must not hide a report.
"""

from __future__ import annotations

from collections.abc import Sequence

# Only ever a story or homework.
_STORY_STEMS = ("документальн", "документалк", "дакументальн", "дакументалк", "эссе", "эсэ",
                "курсов", "курсав", "реферат", "рэферат", "подкаст", "падкаст", "триллер",
                "трылер", "репортаж", "рэпартаж", "сочинени", "сачынен", "sochinen", "sachynen",
                "referat", "короткометраж", "кароткаметраж", "korotkometrazh", "screenplay",
                "screenwrit", "фанфик", "fanfic")  # fmt: skip
# Homework: "сочинение"/"сачыненне"/"доклад" (a school report: its own words, not
# "докладываю"), "a school essay", "a paper for class".
_STORY_WORDS = frozenset(
    "documentary documentaries novel essay essays podcast podcasts thriller coursework "
    "доклад доклада докладу докладом докладе даклад даклада дакладу дакладам дакладзе doklad "
    "doklada homework dissertation thesis".split()
)
# "курсов" alone is "of courses" (a training-cost clause), not coursework.
_NOT_STORY = frozenset("курсов курсы курсаў курсы kursov".split())
# A story or an everyday thing: a frame only with a sign near it (module doc).
_SCREEN_STEMS = ("фильм", "филм", "фільм", "кино", "сериал", "серыял")
_SCREEN_WORDS = frozenset("film films movie movies series tv serial serials".split())
_BOOK_STEMS = ("книг", "книж", "кніг", "кніж")
_BOOK_WORDS = frozenset("book books".split())
_TV_STEMS = ("телевиз", "тэлевіз", "televiz")
_TV_WORDS = frozenset("tv тв telly".split())
# Watching, reading and listening, in every tense the stems reach.
_SEEING_STEMS = ("watch", "смотр", "посмотр", "пересмотр", "глядел", "глядзе", "гляджу",
                 "глядз", "паглядз", "чита", "прочит", "дочит", "чыта", "прачыт", "дачыт",
                 "показыва", "паказва", "слуша", "слуха", "smotr", "posmotr", "chita", "prochit",
                 "glyadz", "chyta")  # fmt: skip
_SEEING_WORDS = frozenset(
    "saw seen read reading reads reader видел видела видели бачыў бачыла бачылі videl "
    "videla".split()
)
_SEEING_SPAN = 4  # words between the verb and the story word, either side
_ABOUT = frozenset("about про о об пра аб pro o ob pra ab".split())
_IN = frozenset("в во у ў in v u".split())
_ARTICLES = frozenset("a an the this that".split())
_LIKE = frozenset("like as как як kak yak".split())
# "по телевизору", "па тэлевізары", "on tv"
_ON_SCREEN = frozenset("по па on po pa".split())


# Works with an everyday sense too ("по худшему сценарию", "the script of the call"): a frame
# only right after a verb of writing or filming ("пишу сценарий", "writing a short story").
_CREATIVE_STEMS = ("сценари", "сцэнар", "stsenari", "scenari", "апавяданн", "пьес", "п'ес")
_CREATIVE_WORDS = frozenset(
    "рассказ рассказа рассказе script screenplay story stories novel play plays fiction".split()
)
_WRITING_STEMS = ("пиш", "напис", "піш", "напіс", "writ", "pish", "napis", "сочиня", "снима",
                  "зніма", "filming", "shooting")  # fmt: skip


def _seeing(word: str) -> bool:
    return word in _SEEING_WORDS or word.startswith(_SEEING_STEMS)


def _in_before(tokens: Sequence[str], at: int) -> bool:
    """"в фильме", "in a film", "in the movies" (an English "in" needs its article: "wrap the
    pallets in film" is plastic). Not a simile: "как в кино", "like in that film, they took our
    passports" is the writer's own story."""
    if at >= 1 and tokens[at - 1] in _IN and tokens[at - 1] != "in":
        start = at - 1
    elif at >= 2 and tokens[at - 2] == "in" and tokens[at - 1] in _ARTICLES:
        start = at - 2
    else:
        return False
    return start == 0 or tokens[start - 1] not in _LIKE


def _written_by_me(tokens: Sequence[str], at: int) -> bool:
    """A creative work the writer writes ("пишу сценарий", "writing a script", "пішу
    апавяданне"): the work's word within a few words after a writing verb."""
    word = tokens[at]
    if not (word in _CREATIVE_WORDS or word.startswith(_CREATIVE_STEMS)):
        return False
    return any(w.startswith(_WRITING_STEMS) for w in tokens[max(0, at - _SEEING_SPAN) : at])


def story_frame_at(tokens: Sequence[str], at: int) -> bool:
    """Whether cleaned token `at` frames the message as a story (module doc)."""
    word = tokens[at]
    if word in _STORY_WORDS or (word.startswith(_STORY_STEMS) and word not in _NOT_STORY):
        return True
    if _written_by_me(tokens, at):
        return True
    screen = word in _SCREEN_WORDS or word.startswith(_SCREEN_STEMS)
    book = word in _BOOK_WORDS or word.startswith(_BOOK_STEMS)
    tv = word in _TV_WORDS or word.startswith(_TV_STEMS)
    if not (screen or book or tv):
        return False
    near = [*tokens[max(0, at - _SEEING_SPAN) : at], *tokens[at + 1 : at + 1 + _SEEING_SPAN]]
    if any(_seeing(w) for w in near):
        return True
    if any(w in _ABOUT for w in tokens[at + 1 : at + 3]):
        return True
    if screen and _in_before(tokens, at):
        return True
    return tv and at >= 1 and tokens[at - 1] in _ON_SCREEN
