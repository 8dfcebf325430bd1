"""Pay held to keep the worker: "менеджер держит её зарплату "в сейфе", чтобы она не уехала до
конца сезона", "they keep my pay till the end of the season so I don't go".

Withholding wages to keep a worker is an ILO indicator of forced labour (data/facts/
indicators.yaml), whoever writes it: the worker or a sister at home. No danger phrase holds it
(the pay, the holder and the purpose lie many words apart, with "in a safe" or a name between),
and the classifier alone read a plan ("won't leave before October") into such a message. So the
frame CONFIRMS a danger: a holding verb said of someone else ("держит", "keeps"; not "я держу",
"I keep") with pay near it ("зарплату", "wages"; not a bonus: a retention bonus is lawful), and
after them either a purpose of keeping the worker ("чтобы она не уехала", "so I don't go",
"каб я застаўся") or "until" the season's end or a month ("до конца сезона", "till October");
"until" alone does not count when a contract is named (a clause asked about: "can a contract
say they keep 10% of salary until the end of the season").

Stays calm: "в контракте бонус за сезон выплачивают в конце сезона" (no holding verb), "I keep
my savings in a safe" (the writer's own), "хочу уехать до конца сезона" (no pay held). The
danger-phrase layer finds the frame (bot.core.danger_phrases) in every reading of the message
(transliteration in Cyrillic), under the same negation, hypothetical and mention let-offs.

The words are content: `pay_held` in content/triage_frames.yaml
(`bot.content.models.PayHeldWords`); without them the frame finds nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.nlu.cue_words import stems, words
from bot.nlu.negation import NEGATORS

if TYPE_CHECKING:
    from bot.content.models import PayHeldWords

INDICATOR = "risk_wages_withheld"
LABEL = "(pay held to keep the worker)"  # the PhraseMatch.phrase the frame reports
_PAY_NEAR = 4  # words between the holding verb and the pay, either side
_AFTER = 10  # words from the holding verb (or the pay) to the purpose or "until"
_PURPOSE_NEAR = 4  # words from "чтобы" / "so" to the leaving or staying
_UNTIL_NEAR = 3  # words from "до" / "until" to the season's end or a month


class PayHeld:
    """The words of the frame (module doc) from `words_` (None: it finds nothing)."""

    def __init__(self, words_: PayHeldWords | None = None) -> None:
        w = words_
        self.pay = stems(w.pay_stems if w else None)
        self.hold = words(w.hold_words if w else None)
        self.own = words(w.self_words if w else None)
        self.purpose = words(w.purpose_words if w else None)
        self.leave = stems(w.leave_stems if w else None)
        self.stay = stems(w.stay_stems if w else None)
        self.until = words(w.until_words if w else None)
        self.end = stems(w.end_stems if w else None)
        self.contract = stems(w.contract_stems if w else None)

    def find(self, tokens: Sequence[str]) -> tuple[int, int] | None:
        """(start, end) token span of the pay and its holder in cleaned `tokens` when the
        message says pay is held to keep the worker, else None."""
        if not self.hold or not self.pay:
            return None
        for at, word in enumerate(tokens):
            if word not in self.hold or (at and tokens[at - 1] in self.own):
                continue
            near = range(max(0, at - _PAY_NEAR), min(len(tokens), at + _PAY_NEAR + 1))
            pay = next((p for p in near if tokens[p].startswith(self.pay)), None)
            if pay is None:
                continue
            start, end = min(at, pay), max(at, pay) + 1
            clause = any(w.startswith(self.contract) for w in tokens) if self.contract else False
            if self._keeps_worker(tokens[end : end + _AFTER], until=not clause):
                return start, end
        return None

    def _keeps_worker(self, after: Sequence[str], *, until: bool) -> bool:
        """Whether `after` says why or how long: so that the worker stays, or (with `until`)
        until the season's end or a month."""
        for at, word in enumerate(after):
            ahead = after[at + 1 : at + 1 + _PURPOSE_NEAR]
            if word in self.purpose and self._stays(ahead):
                return True
            if until and word in self.until and any(
                w.startswith(self.end) for w in after[at + 1 : at + 1 + _UNTIL_NEAR]
            ):
                return True
        return False

    def _stays(self, ahead: Sequence[str]) -> bool:
        """"не уехала", "don't go" (a negator, then leaving) or "остался", "stay"."""
        for at, word in enumerate(ahead):
            if word.startswith(self.stay) and not NEGATORS & set(ahead[:at]):
                return True
            if word.startswith(self.leave) and NEGATORS & set(ahead[:at]):
                return True
        return False
