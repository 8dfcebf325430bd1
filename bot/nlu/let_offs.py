"""The let-off frames of one content, each holding its words, built once and passed down.

A frame reads a message as a mention, a story that is over or an everyday nuisance rather than
a report of danger; its words are content (content/triage_words.yaml `joke_frame`,
content/triage_frames.yaml), the way its cues combine is code. `bot.core.triage.let_offs_of`
builds them from the content when the triage is built; the default frames have no words and
let nothing off.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.nlu.joke_frame import JokeFrame
from bot.nlu.past_safe import PastSafe


@dataclass(frozen=True, slots=True)
class LetOffs:
    """The frames: a joke said as one, a harm over and a writer safe now."""

    jokes: JokeFrame = field(default_factory=JokeFrame)
    past_safe: PastSafe = field(default_factory=PastSafe)
