"""A harm told as the past by a writer who is safe now (victim12).

"I was a victim of trafficking years ago, now I volunteer", "я была жертвой торговли людьми
много лет назад, теперь я волонтёр", "гадоў таму мяне прадалі, цяпер я ў бяспецы" name a harm
that is over: the writer tells their story, perhaps to help others. Such a message needs both
a cue of the past ("years ago", "лет назад", "гадоў таму", "in the past") and a cue of being
safe now ("I'm safe", "в безопасности", "volunteer", "helping others"), and no cue that it goes
on ("still", "again", "до сих пор", "снова", "зноў"): "years ago I came here, they still keep
my passport" and "two years ago they sold me and I am still here" are reports.

`bot.nlu.mention` lets off the danger phrases of such a message and `bot.core.triage` asks
the classifier for more evidence. The danger phrases stay the safety net for every other
message: "я жертва торговли людьми" and "I was trafficked, help" still fire.

The words are content: `past_safe` in content/triage_frames.yaml
(`bot.content.models.PastSafeWords`); a `PastSafe` receives them when the triage is built for
the content. Without them no message is let off.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.nlu.cue_words import has_cue, phrases, stems, words

if TYPE_CHECKING:
    from bot.content.models import PastSafeWords


def _has(tokens: Sequence[str], cues: Sequence[tuple[str, ...]]) -> bool:
    return has_cue(tokens, cues)


class PastSafe:
    """A harm over and a writer safe now (module doc), with the words of `words` (None: no
    message is). `threat_verbs`: stems of a threat ("угрожа", "threat"), a danger now. Every
    method takes a cleaned message's tokens."""

    def __init__(
        self, words_: PastSafeWords | None = None, threat_verbs: Sequence[str] = ()
    ) -> None:
        w = words_
        self._past = phrases(w.past if w else None)
        self._safe_now = phrases(w.safe_now if w else None)
        self._volunteer = stems(w.volunteer_stems if w else None)
        self._ongoing = phrases(w.ongoing if w else None)
        self._left_stems = stems(w.left_stems if w else None)
        self._left = phrases(w.left_phrases if w else None)
        self._safe_words = words(w.safe_words if w else None)
        self._from = words(w.not_safe_before if w else None)
        self._now_there = words(w.now_there if w else None)
        self._danger_now = words(w.danger_now_words if w else None)
        self._refusals = words(w.refusals if w else None)
        self._let_go = stems(w.let_go_stems if w else None)
        self._yet = words(w.yet_words if w else None)
        self._there = words(w.there_words if w else None)
        self._home_now = phrases(w.home_now if w else None)
        self._threat_verbs = tuple(threat_verbs)

    def goes_on(self, tokens: Sequence[str]) -> bool:
        """Whether `tokens` say it goes on: "still", "again", "до сих пор", "зноў"."""
        return _has(tokens, self._ongoing)

    def past_and_safe(self, tokens: Sequence[str]) -> bool:
        """Whether `tokens` tell a harm as the past and the writer as safe now (module doc)."""
        safe = _has(tokens, self._safe_now) or any(w.startswith(self._volunteer) for w in tokens)
        return safe and _has(tokens, self._past) and not _has(tokens, self._ongoing)

    def _present_danger(self, tokens: Sequence[str]) -> bool:
        """A clause that tells a danger now: "still", "ищут", "threaten", "не отпускают",
        "help"."""
        for at, word in enumerate(tokens):
            if word in self._now_there or word in self._danger_now:
                return True
            if word.startswith(self._threat_verbs):  # "threaten", "грозят", "grozyat soobshit"
                return True
            if word in self._refusals and any(
                w.startswith(self._let_go) for w in tokens[at + 1 : at + 3]
            ):
                return True
            if word in self._yet and self._there & set(tokens[at - 1 : at + 2]):
                return True
        return self.goes_on(tokens)

    def left_and_safe(self, tokens: Sequence[str]) -> bool:
        """Whether `tokens` tell that the person (or a friend, a sister) left a place and is
        safe or home now, with no danger going on: "they took our passports, I left in March,
        I'm in Poland now, totally safe, I want to report the agency", "ён з'ехаў, цяпер ён
        дома, у бяспецы". "I escaped but they still have my passport", "сбежала, но они меня
        ищут", "my sister is still there and they won't let her go" are not (a present
        danger)."""
        left = any(w.startswith(self._left_stems) for w in tokens) or _has(tokens, self._left)
        safe = any(
            w in self._safe_words and not self._from & set(tokens[max(0, at - 2) : at])
            for at, w in enumerate(tokens)
        )
        return left and safe and not self._present_danger(tokens)

    def told_from_home(self, tokens: Sequence[str]) -> bool:
        """Whether `tokens` tell a harm as the past by a writer back home now ("Два года назад
        ... не платили три месяца. Сейчас я дома"): a long message's story, read part by part
        (bot.core.long_message), whose danger sentence alone reads as a report."""
        return (
            _has(tokens, self._home_now)
            and _has(tokens, self._past)
            and not _has(tokens, self._ongoing)
        )
