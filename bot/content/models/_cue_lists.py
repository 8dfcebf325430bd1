"""The kinds of word list of content/triage_frames.yaml: stems, words and phrases, each written
language by language, and the field that says which way a list moves a decision.

Entries are compared with a message as the bot reads it (`bot.nlu.normalize.clean`: lower case,
ё as е, ’ as '), so an entry is stored in that spelling: "уцёк" is stored and matched as
"уцек" (`content check` warns that it was written with ё, bot.content.triage_frames).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field

from bot.nlu.normalize import clean

CueLanguage = Literal["ru", "be", "en", "translit"]
_AS_READ = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'", "ё": "е"})


def _as_read(entry: str) -> str:
    """The entry as the bot reads a message; an error when reading would change its words."""
    read = clean(entry)
    if not read:
        raise ValueError(f"'{entry}' has no words")
    # A stem may end in an apostrophe ("сям'" starts "сям'я"), which a message keeps inside.
    spelled = " ".join(entry.translate(_AS_READ).split())
    if entry != entry.lower() or read != spelled.strip("'"):
        raise ValueError(
            f"'{entry}' must be lower-case words without punctuation (the bot reads it as "
            f"'{read}')"
        )
    return spelled


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
