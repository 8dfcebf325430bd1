"""A past exploitation, over, told by someone out of it who wants to report or testify (set
14, round 18).

"last year I was kept on a farm without pay, got out with a union's help, I'm home now and fine,
can I still report the employer?", "my colleague and I escaped from a bad employer last spring
and want to testify", "в прошлом году меня держали на ферме без оплаты, вырвалась, сейчас дома,
можно ещё заявить?" carry danger words of a story that is over. The frame needs a past time
("last year", "last spring", "в прошлом году", "летась", "у мінулым годзе") or a stay abroad over
("сосед вернулся из России", "came back from Poland", `back_from`), the writer out of it
(escaped, got out, home, safe) and a wish to report or testify, and nothing going on now: a
search for the person, someone "still there", yesterday or today ("escaped yesterday, they are
looking for me" is an emergency), a threat, a cry. "can I still report" is a question about
time limits, not something still going on.

Then the danger phrases are let off and a story read part by part has no part classified
(bot.core.triage: PAST_SAFE_THRESHOLD, `message_threshold`).
The words are content: `report_later` in content/triage_frames.yaml.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.nlu.cue_words import has_cue, has_stem, phrases, stems, words
from bot.nlu.past_safe import PastSafe

if TYPE_CHECKING:
    from bot.content.models import ReportLaterWords


class ReportLater:
    """The frame (module doc) with the words of `words_` (content/triage_frames.yaml
    `report_later`); None: nothing is let off."""

    def __init__(self, words_: ReportLaterWords | None = None) -> None:
        w = words_
        self._past = phrases(w.past if w else None) + phrases(w.back_from if w else None)
        self._out = stems(w.out_stems if w else None)
        self._report = stems(w.report_stems if w else None)
        self._now = stems(w.now_stems if w else None)  # now, a search, a threat
        self._still = words(w.still_words if w else None)
        self._still_there = phrases(w.still_there if w else None)

    def _ongoing(self, tokens: Sequence[str], past: PastSafe) -> bool:
        """"still", "до сих пор", "again" said of the story, not of the report ("can I still
        report")."""
        kept = [
            word for at, word in enumerate(tokens)
            if not (word in self._still and has_stem(tokens[at + 1 : at + 5], self._report))
        ]  # fmt: skip
        return past.goes_on(kept) or has_cue(kept, self._still_there)

    def reported(self, tokens: Sequence[str], past: PastSafe) -> bool:
        """Whether cleaned `tokens` tell a past exploitation the writer is out of and wants to
        report or testify about, with nothing going on now (module doc); `past`: the content's
        past-safe frame, whose "still", "again" words tell a story that goes on."""
        return (
            has_cue(tokens, self._past)
            and has_stem(tokens, self._out)
            and has_stem(tokens, self._report)
            and not has_stem(tokens, self._now)
            and not self._ongoing(tokens, past)
        )
