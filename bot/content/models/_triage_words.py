"""The words triage reads as carrying no risk in a short message (content/triage_words.yaml)."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator

from bot.content.models._base import Language, Strict
from bot.nlu.negation import NEGATORS
from bot.nlu.normalize import clean


def _one_word(word: str) -> str:
    cleaned = clean(word).split()
    if len(cleaned) != 1 or word != word.lower() or cleaned[0] != word.strip().replace("ё", "е"):
        raise ValueError(f"'{word}' must be one lower-case word (no spaces or punctuation)")
    if cleaned[0] in NEGATORS:
        raise ValueError(f"'{word}' is a negator: \"не норм\" and \"not ok\" stay with the model")
    return word


def _some_words(line: str) -> str:
    if not clean(line):
        raise ValueError(f"'{line}' has no words")
    return line


Word = Annotated[str, AfterValidator(_one_word)]
Line = Annotated[str, AfterValidator(_some_words)]


class TriageWords(Strict):
    """Short messages triage does not read as risk from the classifier alone.

    The danger phrases are matched first and decide whatever these lists say ("бьют", "не
    платят"). Words are compared after the bot's normalisation (lower case, ё = е).
    """

    # Whole words: a message of at most three of them (and numbers) is a duration, an amount or
    # an "ok" ("на месяц", "2 тыдні", "1200 zł netto", "норм").
    fragment_words: dict[Language, list[Word]]
    # Topic words that are a question only when the message ends with "?" ("паспорт?",
    # "а зарплата?", "без выходных?"); with `fragment_words`, at most three words.
    question_words: dict[Language, list[Word]]
    # Whole messages that decline an offer or say "I don't know" ("не знаю", "not now").
    declines: dict[Language, list[Line]]
