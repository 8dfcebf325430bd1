"""A danger inside a fiction asked about: a video game, a song, a film (set 14, round 18).

"in GTA my guy got kidnapped and locked in a trunk 😂 how do I pass it", "who sings 'you took my
passport and my heart'", "в игре моего персонажа похитили, как пройти миссию?" name a danger
that happens to a game character or in a song's words. A fiction frame needs a fiction named (a
game and its mission or level, a song, a film or a series) and either a question about it ("how
do I pass", "who sings", "как называется") or laughter; a cry ("help", "помогите", "не
смешно": the content's joke frame, `JokeFrame.cries`) is never a fiction.

Under the frame the danger phrases are let off and the classifier alone needs
`bot.core.triage.JOKE_THRESHOLD`. "my boss locked me in, like in GTA, help" (a cry), "they
took my passport at the game factory" (no question about a fiction, no laughter) stay caught.
The words are content: `fiction` in content/triage_frames.yaml.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.nlu.cue_words import has_cue, has_stem, phrases, stems, words
from bot.nlu.joke_frame import JokeFrame

if TYPE_CHECKING:
    from bot.content.models import FictionWords


class Fiction:
    """The fiction frame (module doc) with the words of `words_` (content/triage_frames.yaml
    `fiction`: a game, a song, a film, a question about it); None: nothing is let off."""

    def __init__(self, words_: FictionWords | None = None) -> None:
        w = words_
        self._stems = stems(w.fiction_stems if w else None)
        self._words = words(w.fiction_words if w else None)
        self._asked = phrases(w.asked if w else None)

    def _named(self, tokens: Sequence[str]) -> bool:
        return has_stem(tokens, self._stems) or any(w in self._words for w in tokens)

    def told(self, tokens: Sequence[str], raw: str, jokes: JokeFrame) -> bool:
        """Whether cleaned `tokens` of `raw` tell a danger inside a fiction asked about (module
        doc); `jokes`: the content's joke frame, for laughter and cries."""
        if not self._named(tokens) or jokes.cries(tokens):
            return False
        return has_cue(tokens, self._asked) or jokes.laughing(tokens, raw)
