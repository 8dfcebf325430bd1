"""The words triage reads as carrying no risk in a short message (content/triage_words.yaml)."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

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


def _some_text(entry: str) -> str:
    if not entry.strip() or entry != entry.lower():
        raise ValueError(f"'{entry}' must be lower-case text")
    return entry


Entry = Annotated[str, AfterValidator(_some_text)]


def _not_a_negator(entry: str) -> str:
    if NEGATORS & set(clean(entry).split()):
        raise ValueError(f"'{entry}' is a negator: \"это не шутка?\" is a doubt, not a joke")
    return entry


Confirming = Annotated[str, AfterValidator(_some_text), AfterValidator(_not_a_negator)]


class ToldJokeWords(Strict):
    """A message told as a joke as a whole (bot.nlu.told_joke.ToldJoke, round 32c): an anecdote
    opened as one, a pet or a small child "holding me hostage" laughed at, someone's joke
    reported ("муж шутит, что ..."). Words and phrases match whole words of the cleaned message,
    stems the start of a word.
    """

    anecdote_openers: list[Entry]  # at the start, then ":", a dash or `anecdote_about`: "анекдот"
    anecdote_about: list[Entry] = Field(default_factory=list)  # "анекдот про ...": "про", "about"
    anecdote_phrases: list[Entry] = Field(default_factory=list)  # at the start: "here's a joke"
    harmless_agents: list[Entry] = Field(default_factory=list)  # first: "кот", "toddler"
    agent_determiners: list[Entry] = Field(default_factory=list)  # before an agent: "мой", "my"
    # Beside a pet, an employer, a workplace or a group keeps the message read as written.
    serious_agent_stems: list[Entry] = Field(default_factory=list)  # "хозя", "boss", "склад"
    group_words: list[Entry] = Field(default_factory=list)  # "нас", "us"
    # Where a pet's joke ends besides punctuation ("мой кот спит 😂, а документы забрали"):
    # content/triage_frames.yaml `calm_situations.pet_clause_joints`, one list for both frames.
    report_stems: list[Entry] = Field(default_factory=list)  # someone's joke: "шутит", "joking"
    here_words: list[Entry] = Field(default_factory=list)  # the writer is there: "тут", "here"


class JokeWords(Strict):
    """The joke frame's words (bot.nlu.joke_frame.JokeFrame): stems match the start of a word,
    words and phrases whole words of the cleaned message, marks the raw text."""

    laughter_marks: list[str]  # "😂", ")))" (a run of three or more brackets)
    laughter_stems: list[Entry]  # "ахах", "lol"
    laughter_phrases: list[Entry]  # "ha ha"
    joke_stems: list[Entry]  # the writer names it a joke: "шутк", "joking"
    joke_words: list[Entry]  # "jk"
    deadline_stems: list[Entry]  # a work deadline as the condition: "релиз", "deadline"
    everyday_stems: list[Entry]  # a setting nobody is held in: "party", "посуд", "boring"
    everyday_phrases: list[Entry]  # "locked me out"
    cry_words: list[Entry]  # a cry: then no joke ("помогите", "help", "police")
    cry_stems: list[Entry]  # "серьезн", "serious"
    not_a_cry_after: list[Entry]  # "do you help ...?": a cry word after these is a question
    cry_phrases: list[Entry]  # "не смешно", "not funny", "не знаю"
    # A danger joked about that is over: let out already, or "sold" to another team at work.
    over_phrases: list[Entry] = Field(default_factory=list)  # "уже выпустили", "already let out"
    transfer_phrases: list[Entry] = Field(default_factory=list)  # "в другую бригаду"
    repeat_stems: list[Entry] = Field(default_factory=list)  # it repeats: not over ("каждый")
    # A question expecting "yes" says it is a joke ("это же шутка, да?"): not a doubt.
    confirming_words: list[Confirming] = Field(default_factory=list)  # "же", "да", "right"
    # A joke named with its object ("шучу, что я тут волонтёр", "I joke that ..."): the joke
    # covers that clause only, what follows is read as written.
    complement_words: list[Entry] = Field(default_factory=list)  # "что", "што", "that"
    # A joke, then a turn to the serious part ("... 😄 а если серьёзно, как попросить прибавку?"):
    # the danger phrases before the turn are let off, those after it fire as written.
    serious_turns: list[Entry] = Field(default_factory=list)  # "а если серьезно", "but seriously"
    # A message told as a joke as a whole (round 32c): the danger phrases of the joke let off.
    told: ToldJokeWords | None = None


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
    # The joke frame's words; None: no message is read as a joke.
    joke_frame: JokeWords | None = None
