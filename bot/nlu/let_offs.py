"""The let-off frames of one content, each holding its words, built once and passed down.

A frame reads a message as a mention, a story that is over or an everyday nuisance rather than
a report of danger; its words are content (content/triage_words.yaml `joke_frame`,
content/triage_frames.yaml), the way its cues combine is code. `let_offs_of` builds them from
the content when the triage is built; the default frames have no words and let nothing off.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.nlu.affirmed import Affirmed
from bot.nlu.borrowed import Borrowed
from bot.nlu.bot_audience import BotAudience
from bot.nlu.calm_situations import CalmSituations
from bot.nlu.coercion import Coercion
from bot.nlu.everyday import Everyday
from bot.nlu.fiction import Fiction
from bot.nlu.joke_frame import JokeFrame
from bot.nlu.left_behind import LeftBehind
from bot.nlu.locked_keys import LockedKeys
from bot.nlu.not_held import HeldPersons
from bot.nlu.offer_check import OfferCheck
from bot.nlu.past_safe import PastSafe
from bot.nlu.pay_held import PayHeld
from bot.nlu.penalty import Penalty
from bot.nlu.report_later import ReportLater
from bot.nlu.stranded_cry import StrandedCry
from bot.nlu.told_joke import ToldJoke
from bot.nlu.written_terms import WrittenTerms

if TYPE_CHECKING:
    from bot.content.models import TriageFrames, TriageWords


@dataclass(frozen=True, slots=True)
class LetOffs:
    """The frames: a joke said as one, a harm over and a writer safe now, everyday trouble (and
    the coercive means that keep a labour framing a danger), a thing lent, papers with a person
    nobody holds, a deduction the contract writes down; and the calm frames of round 18
    (bot.nlu.calm_frames, bot.nlu.calm_situations)."""

    jokes: JokeFrame = field(default_factory=JokeFrame)
    told_jokes: ToldJoke = field(default_factory=ToldJoke)  # a whole message told as a joke
    past_safe: PastSafe = field(default_factory=PastSafe)
    coercion: Coercion = field(default_factory=Coercion)
    everyday: Everyday = field(default_factory=Everyday)
    borrowed: Borrowed = field(default_factory=Borrowed)
    not_held: HeldPersons = field(default_factory=HeldPersons)
    written_terms: WrittenTerms = field(default_factory=WrittenTerms)
    fiction: Fiction = field(default_factory=Fiction)
    offer_check: OfferCheck = field(default_factory=OfferCheck)
    penalty: Penalty = field(default_factory=Penalty)
    report_later: ReportLater = field(default_factory=ReportLater)
    left_behind: LeftBehind = field(default_factory=LeftBehind)
    stranded_cry: StrandedCry = field(default_factory=StrandedCry)
    affirmed: Affirmed = field(default_factory=Affirmed)
    calm_situations: CalmSituations = field(default_factory=CalmSituations)
    locked_keys: LockedKeys = field(default_factory=LockedKeys)
    bot_audience: BotAudience = field(default_factory=BotAudience)  # round 31b
    # not a let-off: a danger no phrase holds, found by the danger-phrase layer (round 19)
    pay_held: PayHeld = field(default_factory=PayHeld)


def let_offs_of(words: TriageWords | None, frames: TriageFrames | None) -> LetOffs:
    """The let-off frames with the words of content/triage_words.yaml (the joke frame) and
    content/triage_frames.yaml (a missing file or section: that frame lets nothing off)."""
    coercion = Coercion(frames.coercion if frames else None)
    everyday = Everyday(frames.everyday if frames else None, coercion)
    jokes = JokeFrame(words.joke_frame if words else None)
    told = words.joke_frame.told if words and words.joke_frame else None
    calm = CalmSituations(frames.calm_situations if frames else None)
    return LetOffs(
        jokes=jokes,
        told_jokes=ToldJoke(told, jokes, joints=calm.pet_joints),
        past_safe=PastSafe(frames.past_safe if frames else None, everyday.threat_verbs),
        coercion=coercion,
        everyday=everyday,
        borrowed=Borrowed(frames.borrowed if frames else None),
        not_held=HeldPersons(frames.not_held if frames else None),
        written_terms=WrittenTerms(frames.written_terms if frames else None),
        fiction=Fiction(frames.fiction if frames else None),
        offer_check=OfferCheck(frames.offer_check if frames else None),
        penalty=Penalty(frames.penalty if frames else None),
        report_later=ReportLater(frames.report_later if frames else None),
        left_behind=LeftBehind(frames.left_behind if frames else None),
        stranded_cry=StrandedCry(frames.stranded_cry if frames else None),
        affirmed=Affirmed(frames.affirmed if frames else None),
        calm_situations=calm,
        locked_keys=LockedKeys(frames.locked_keys if frames else None),
        bot_audience=BotAudience(frames.bot_audience if frames else None),
        pay_held=PayHeld(frames.pay_held if frames else None),
    )
