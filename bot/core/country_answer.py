"""A typed answer to "which country?" (split from bot/core/text_step.py): one country, two
("Poland or Germany"), "I don't know" ("не знаю", "no idea", "ne znayu"), a request for a
person, or something else. In ru, be, en and transliterated Russian."""

from __future__ import annotations

import re

from bot.core.at_risk_path import numbers_now
from bot.core.countries import CountryIndex, tokens
from bot.core.country_choice import CountryChoice
from bot.core.human_offer import HumanOffer
from bot.core.session import RISK_PURPOSES, CountryQuestion
from bot.core.turn import Reading, Turn

# "Don't know" in every language the bot speaks, as words after `tokens` (apostrophes as ').
_DONT_KNOW = (
    "не знаю", "незнаю", "без понятия", "понятия не имею", "не уверен", "не уверена", "хз",
    "не помню", "не ведаю", "няведаю", "не ўпэўнены", "не ўпэўнена", "не памятаю",
    "don't know", "dont know", "do not know", "no idea", "not sure", "idk", "dunno",
    "no clue", "unsure", "ne znayu", "ne znaju", "ne znau", "neznayu", "bez ponyatiya",
    "ne uveren", "ne uverena", "ne vedayu", "ne pomnyu", "hz",
)
# An answer, not a question asked instead ("не знаю, как получить визу" is a question).
_MOST_WORDS = 8
# Where one country ends and another begins: "Польша или Германия", "Poland or Germany".
_BETWEEN = re.compile(
    r"[,;/]|\b(?:or|and|или|либо|и|або|ці|і|ili|libo|abo)\b", re.IGNORECASE)


def dont_know(text: str) -> bool:
    """True when a short answer says the person does not know (where they are)."""
    words = tokens(text)
    if not words or len(words) > _MOST_WORDS:
        return False
    said = f" {' '.join(words)} "
    return any(f" {phrase} " in said for phrase in _DONT_KNOW)


def countries_in(places: CountryIndex, text: str) -> list[str]:
    """The countries an answer names, each on its own ("Poland or Germany" -> PL, DE), in the
    order named; [] or one code when it names fewer than two."""
    found: list[str] = []
    for part in _BETWEEN.split(text):
        match = places.find(part)
        if match is not None and match.code not in found:
            found.append(match.code)
    return found


def answer_country(turn: Turn, state: CountryQuestion, reading: Reading, *,
                   countries: CountryChoice, human_offer: HumanOffer) -> bool:
    """The answer to "which country?"; False when the message was about something else."""
    if reading.place is not None:
        countries.chosen(turn, reading.place.code)
        return True
    named = countries_in(turn.r.places, reading.text) if turn.r.places is not None else []
    if len(named) > 1:  # "Poland or Germany": the numbers for each
        countries.several(turn, state, named)
        return True
    if state.about_location and dont_know(reading.text):
        countries.not_recognised(turn, state, unknown=True)
        return True
    if reading.confident and reading.intent.intent == "human_operator":
        # "actually yes, I want to talk to someone": the offer (at risk: the numbers first).
        turn.session.awaiting = None
        if state.purpose not in RISK_PURPOSES:
            return False
        numbers_now(turn)
        human_offer.ask(turn, "risk")
        return True
    # A real question asked instead ("how do I get a visa?") is answered; but on the at-risk
    # path, or when the text means nothing we know, never the same question again and never
    # "out of scope".
    other_question = reading.confident and reading.intent.intent != "out_of_scope"
    if state.purpose in RISK_PURPOSES or not other_question:
        countries.not_recognised(turn, state)
        return True
    turn.session.awaiting = None
    return False
