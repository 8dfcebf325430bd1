"""The calm frames of set 14's false alarms (round 18), read once per message: a fiction asked
about, a job offer asked about, an ordinary workplace penalty threatened, a passport forgotten
at a hotel desk, a past exploitation reported later, a cry about a missed train, pay or
freedom affirmed.

`bot.core.danger_phrases` asks `lets_off` for each phrase found; `bot.core.triage` reads
`without` (indicators whose classifier evidence does not count) and the frames that raise the
classifier's bar. Each frame's module says what it needs and what still fires.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.nlu.base import RISK_INTENTS
from bot.nlu.borrowed import HELD_INDICATORS
from bot.nlu.bot_audience import BotAudience
from bot.nlu.let_offs import LetOffs
from bot.nlu.stranded_cry import StrandedCry

THREATS = "risk_violence_threats"
EMERGENCY = "emergency_now"
DOCUMENTS = "risk_documents_withheld"
# What an offer asked about cannot let off: a threat or a cry is never advice.
_NOT_AN_OFFER = frozenset({THREATS, EMERGENCY})


@dataclass(frozen=True, slots=True)
class CalmFrames:
    """The calm frames of one message (module doc)."""

    fiction: bool  # bot.nlu.fiction
    offer: bool  # bot.nlu.offer_check
    # Round 32a, the documents phrases and evidence only: a passport at a consulate for a visa
    # (bot.nlu.left_behind), a selfie with it asked about (bot.nlu.offer_check).
    visa_desk: bool
    passport_photo: bool
    penalty: bool  # bot.nlu.penalty
    left_behind: bool  # bot.nlu.left_behind
    reported: bool  # bot.nlu.report_later
    stranded: bool  # bot.nlu.stranded_cry
    fine: frozenset[str]  # what the writer affirms is fine (bot.nlu.affirmed)
    threat_verbs: tuple[str, ...]  # the content's threat verbs (content/triage_frames.yaml)
    cries: StrandedCry  # the content's cry words, for a stranded cry's phrases
    bot_asked: bool  # whom the bot helps, asked (bot.nlu.bot_audience)
    audience: BotAudience  # its victim words, for the phrases it lets off

    @classmethod
    def read(cls, tokens: Sequence[str], raw: str, let_offs: LetOffs) -> CalmFrames:
        """The frames of cleaned `tokens` of `raw`; `let_offs`: the content's let-off frames."""
        return cls(
            fiction=let_offs.fiction.told(tokens, raw, let_offs.jokes),
            offer=let_offs.offer_check.asked(tokens, raw),
            visa_desk=let_offs.left_behind.for_a_visa(tokens),
            passport_photo=let_offs.offer_check.photo_asked(tokens, raw),
            penalty=let_offs.penalty.looms(tokens, let_offs.everyday, let_offs.coercion),
            left_behind=let_offs.left_behind.at_a_desk(tokens),
            reported=let_offs.report_later.reported(tokens, let_offs.past_safe),
            stranded=let_offs.stranded_cry.ordinary_trouble(tokens, let_offs.coercion),
            fine=let_offs.affirmed.fine(tokens),
            threat_verbs=let_offs.everyday.threat_verbs,
            cries=let_offs.stranded_cry,
            bot_asked=let_offs.bot_audience.asked(tokens, raw),
            audience=let_offs.bot_audience,
        )

    def lets_off(self, indicator: str, matched: Sequence[str]) -> bool:
        """Whether a danger phrase pointing to `indicator`, found as the words `matched`, names
        no harm to the writer under these frames."""
        if self.fiction or self.reported:
            return True
        if self.bot_asked and self.audience.only_victim_words(matched):
            return True  # "вы помогаете только жертвам торговли людьми?"
        if self.offer and indicator not in _NOT_AN_OFFER:
            return True
        if self.penalty and indicator == THREATS:
            return any(word.startswith(self.threat_verbs) for word in matched)
        if self.left_behind and indicator in HELD_INDICATORS:
            return True
        if (self.visa_desk or self.passport_photo) and indicator == DOCUMENTS:
            return True
        return self.stranded and indicator == EMERGENCY and self.cries.only_a_cry(matched)

    def without(self) -> frozenset[str]:
        """The risk intents whose classifier evidence these frames explain away."""
        if self.fiction:  # a song's words, a game's mission: no evidence of the writer's harm
            return RISK_INTENTS
        found = set(self.fine)
        if self.penalty:
            found.add(THREATS)
        if self.left_behind:
            found |= HELD_INDICATORS
        if self.visa_desk or self.passport_photo:
            found.add(DOCUMENTS)
        if self.stranded:
            found.add(EMERGENCY)
        return frozenset(found)
