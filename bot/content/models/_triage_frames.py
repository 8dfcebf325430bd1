"""The words that let a danger off or keep it firing (content/triage_frames.yaml).

Each list is written language by language (`ru`, `be`, `en`, `translit`: Russian typed in
Latin letters); the bot reads the languages of a list together, as one list. Entries are
compared with a message as the bot reads it (`bot.nlu.normalize.clean`: lower case, ё as е,
’ as '), so an entry is stored in that spelling. How the lists combine is code
(bot/nlu/past_safe.py, ...): these are only the words.

Kinds of entry:
* a stem matches the start of a word ("волонт": "волонтёр", "волонтерка");
* a word matches a whole word ("safe", "дома");
* a phrase matches whole words in a row ("years ago", "лет назад").

Each list's description says what it does; `lets_off` lists widen a let-off when a word is
added to them, so `content check` refuses a negator there and a stem so short it starts most
words (bot.content.triage_frames).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field

from bot.content.models._base import Strict
from bot.nlu.normalize import clean

CueLanguage = Literal["ru", "be", "en", "translit"]
_AS_READ = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'", "ё": "е"})


def _as_read(entry: str) -> str:
    """The entry as the bot reads a message; an error when reading would change its words."""
    read = clean(entry)
    if not read:
        raise ValueError(f"'{entry}' has no words")
    if entry != entry.lower() or read != " ".join(entry.translate(_AS_READ).split()):
        raise ValueError(
            f"'{entry}' must be lower-case words without punctuation (the bot reads it as "
            f"'{read}')"
        )
    return read


def _one_word(entry: str) -> str:
    read = _as_read(entry)
    if " " in read:
        raise ValueError(f"'{entry}' must be one word (a phrase goes in a list of phrases)")
    return read


Stem = Annotated[str, AfterValidator(_one_word)]
Word = Annotated[str, AfterValidator(_one_word)]
Phrase = Annotated[str, AfterValidator(_as_read)]
Stems = dict[CueLanguage, list[Stem]]
Words = dict[CueLanguage, list[Word]]
Phrases = dict[CueLanguage, list[Phrase]]


def cues(what: str, *, lets_off: bool, negators: bool = False) -> Any:
    """A list's field: `what` it does (shown by editors' YAML tools); `lets_off`: adding an
    entry widens a let-off; `negators`: a negator may be part of an entry ("no longer there")."""
    extra = {"lets_off": lets_off, "negators": negators}
    return Field(description=what, json_schema_extra=extra)  # type: ignore[arg-type]


class PastSafeWords(Strict):
    """A harm told as the past by a writer safe now (bot.nlu.past_safe)."""

    past: Phrases = cues("the past: 'years ago', 'лет назад', 'гадоў таму'", lets_off=True)
    safe_now: Phrases = cues("safe now: 'i'm safe', 'в безопасности'", lets_off=True)
    volunteer_stems: Stems = cues("helping others now: 'volunteer', 'волонт'", lets_off=True)
    ongoing: Phrases = cues(
        "it goes on (no let-off): 'still', 'до сих пор', 'зноў'", lets_off=False
    )
    left_stems: Stems = cues("left the place: 'escaped', 'уехал', 'ўцякла'", lets_off=True)
    left_phrases: Phrases = cues(
        "left the place: 'came home', 'больше не там'", lets_off=True, negators=True
    )
    safe_words: Words = cues("safe or home now: 'safe', 'дома', 'бяспецы'", lets_off=True)
    not_safe_before: Words = cues(
        "a word just before a safe word that undoes it: 'из дома', 'не в безопасности'",
        lets_off=False, negators=True,
    )  # fmt: skip
    now_there: Words = cues(
        "present work or a search for the person (no let-off): 'работаю', 'ищут'",
        lets_off=False,
    )
    danger_now_words: Words = cues(
        "a danger now (no let-off): 'still', 'following', 'help', 'помогите'", lets_off=False
    )
    refusals: Words = cues(
        "a refusal before a letting-go verb (no let-off): 'не', 'won't'",
        lets_off=False, negators=True,
    )  # fmt: skip
    let_go_stems: Stems = cues(
        "letting go, after a refusal (no let-off): 'не отпускают', 'won't let'", lets_off=False
    )
    yet_words: Words = cues("'ещё' next to 'там': still there (no let-off)", lets_off=False)
    there_words: Words = cues("'там' next to 'ещё': still there (no let-off)", lets_off=False)
    home_now: Phrases = cues(
        "back home now, in a long story: 'сейчас я дома', 'back home'", lets_off=True
    )


class TriageFrames(Strict):
    """The let-off word lists of triage (content/triage_frames.yaml), one section a module."""

    past_safe: PastSafeWords
