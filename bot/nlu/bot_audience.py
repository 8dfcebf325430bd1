"""The bot asked whom it helps (issue 10, round 31b): "is this bot only for victims of slavery
or can I ask normal questions?", "вы помогаете только жертвам торговли людьми?", "гэты бот
толькі для ахвяр рабства ці для ўсіх?".

Such a question names trafficking or slavery as a kind of person, not as the writer's harm. A
message asks it when it has a question mark, names the bot or "you", and a scope ("only", "or
for everyone"); and no victim word has the first person just before it ("I am in slavery, do
you only help victims?" is a report). Then a danger phrase made only of the victim words
("рабств*", "slavery", "жертв* торговл*") is let off; a phrase with more ("меня продали", "i am
a victim of traffick*", "they keep my passport") fires as before, and the classifier decides as
usual (`bot_capabilities` is its intent).

The words are content: `bot_audience` in content/triage_frames.yaml
(`bot.content.models.BotAudienceWords`); without them nothing is let off.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.nlu.cue_words import stems, words
from bot.nlu.general_question import FIRST_PERSON

if TYPE_CHECKING:
    from bot.content.models import BotAudienceWords

_SPAN = 3  # words before a victim word where the first person makes it a report


class BotAudience:
    """Whom the bot helps, asked (module doc), with the words of `words_` (None: never)."""

    def __init__(self, words_: BotAudienceWords | None = None) -> None:
        w = words_
        self._bot = words(w.bot_words if w else None)
        self._scope = words(w.scope_words if w else None)
        self._victim = stems(w.victim_stems if w else None)

    def asked(self, tokens: Sequence[str], raw: str) -> bool:
        """Whether cleaned `tokens` of `raw` ask whom the bot helps (module doc)."""
        if not self._victim or "?" not in raw:
            return False
        present = set(tokens)
        if not (present & self._bot and present & self._scope):
            return False
        victims = [at for at, word in enumerate(tokens) if word.startswith(self._victim)]
        return bool(victims) and not any(
            FIRST_PERSON & set(tokens[max(0, at - _SPAN) : at]) for at in victims
        )

    def only_victim_words(self, matched: Sequence[str]) -> bool:
        """Whether a phrase's words `matched` are victim words alone ("рабств*", "slavery")."""
        return bool(matched) and all(word.startswith(self._victim) for word in matched)
