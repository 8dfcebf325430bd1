"""The let-off frames of one content, each holding its words, built once and passed down.

A frame reads a message as a mention, a story that is over or an everyday nuisance rather than
a report of danger; its words are content (content/triage_words.yaml `joke_frame`,
content/triage_frames.yaml), the way its cues combine is code. `bot.core.triage.let_offs_of`
builds them from the content when the triage is built; the default frames have no words and
let nothing off.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.nlu.borrowed import Borrowed
from bot.nlu.coercion import Coercion
from bot.nlu.everyday import Everyday
from bot.nlu.joke_frame import JokeFrame
from bot.nlu.not_held import HeldPersons
from bot.nlu.past_safe import PastSafe
from bot.nlu.pay_held import PayHeld
from bot.nlu.written_terms import WrittenTerms


@dataclass(frozen=True, slots=True)
class LetOffs:
    """The frames: a joke said as one, a harm over and a writer safe now, everyday trouble (and
    the coercive means that keep a labour framing a danger), a thing lent, papers with a person
    nobody holds, a deduction the contract writes down."""

    jokes: JokeFrame = field(default_factory=JokeFrame)
    past_safe: PastSafe = field(default_factory=PastSafe)
    coercion: Coercion = field(default_factory=Coercion)
    everyday: Everyday = field(default_factory=Everyday)
    borrowed: Borrowed = field(default_factory=Borrowed)
    not_held: HeldPersons = field(default_factory=HeldPersons)
    written_terms: WrittenTerms = field(default_factory=WrittenTerms)
    # not a let-off: a danger no phrase holds, found by the danger-phrase layer (round 19)
    pay_held: PayHeld = field(default_factory=PayHeld)
