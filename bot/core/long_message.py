"""A long message read part by part (issue 10): a chatty letter or a voice-typed run-on with
the danger in one sentence in the middle ("...the gate is locked at night and they keep the
key so we cannot go out...", "Платят нам 300 злотых на еду, а остальное только в октябре, и
если уедешь раньше — теряешь всё").

Read whole, such a message is mostly about the trip, the food and the family, and the classifier's
risk evidence is diluted below the threshold. So when triage saw no risk in a long message, its
sentences are read again one by one (short ones joined to the next, an unpunctuated run cut into
overlapping windows of words), by the same recogniser and triage: a part is at risk under its
own let-off frames (a negation, "what if", a joke) and those only the whole message shows (a
past story told by a writer safe now, a joke named, a story about others:
`bot.core.triage.Triage.assess_part`). The danger phrases already ran on the whole message.
"""

from __future__ import annotations

import math
import re
from collections.abc import Awaitable, Callable, Sequence

from bot.core.assess import Assessor, Decision
from bot.core.triage import risk_evidence
from bot.nlu.base import IntentResult

# Shorter messages are read whole well enough (the kinds missed were 600-1,500 characters).
LONG_CHARS = 300
# A part has at least this many words: "Целую!" or "Как мама?" alone says nothing.
MIN_PART_WORDS = 6
# A sentence longer than this (voice typing without punctuation) is cut into windows of
# WINDOW_WORDS words that overlap by half, so that no clause is cut in two in every window.
WINDOW_WORDS = 16
STRIDE = WINDOW_WORDS // 2
# Each part is one more parse (an HTTP call with Rasa): 1,500 characters are about 250 words.
MAX_PARTS = 40
# The whole message's risk evidence below which its parts are not read: a diluted danger still
# shows (0.25 and 0.40 on two such letters), a calm letter or plan shows none (0.00-0.03);
# a window cut from a calm plan ("...a farm near lublin and i have my passport") can read as a
# risk alone.
DILUTED_EVIDENCE = 0.1
_SENTENCE_END = re.compile(r"(?<=[.!?…;\n])\s+|\n+")

Parse = Callable[[str], Awaitable[IntentResult]]


def _windows(words: Sequence[str]) -> list[str]:
    if len(words) <= WINDOW_WORDS + STRIDE:
        return [" ".join(words)]
    starts = range(0, len(words) - STRIDE, STRIDE)
    return [" ".join(words[at : at + WINDOW_WORDS]) for at in starts]


def parts(text: str) -> list[str]:
    """The parts of a long `text` read one by one (module doc); [] for a short one."""
    if len(text.strip()) < LONG_CHARS:
        return []
    found: list[str] = []
    pending: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        pending += sentence.split()
        if len(pending) >= MIN_PART_WORDS:
            found += _windows(pending)
            pending = []
    if pending:  # a short last sentence joins the one before it
        tail = (found.pop().split() if found else []) + pending
        found += _windows(tail)
    return found[:MAX_PARTS]


async def part_risk(
    text: str, whole: IntentResult, parse: Parse, assessor: Assessor, floor: float | None = None
) -> Decision | None:
    """The at-risk decision of the first part of a long `text` that is at risk, or None;
    `whole`: the classifier's reading of the whole message (no risk evidence there: None);
    `floor`: the message's `message_threshold` when triage read it already (its decision's
    `part_floor`)."""
    if risk_evidence(whole) < DILUTED_EVIDENCE:
        return None
    if floor is None:  # the whole message's frames, read once
        floor = assessor.message_threshold(text)
    if math.isinf(floor):  # a story that is over: its parts are not classified at all
        return None
    for part in parts(text):
        decision = assessor.assess_part(part, await parse(part), floor)
        if decision.at_risk:
            return decision
    return None
