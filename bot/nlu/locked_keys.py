"""Keys locked in, not a person: "locked my keys in the room", "ключы зачыніліся ўнутры" match
the movement phrase "locked in" with the keys in its gap.

A movement phrase is let off when a key word sits in its gap, not in the phrase itself
("закрывают на ключ" is a phrase of its own and still fires). The words are content:
`locked_keys` in content/triage_frames.yaml; without them nothing is let off.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.nlu.cue_words import stems

if TYPE_CHECKING:
    from bot.content.models import LockedKeysWords


class LockedKeys:
    """The key words of `words_` (module doc); None: none."""

    def __init__(self, words_: LockedKeysWords | None = None) -> None:
        self._keys = stems(words_.key_stems if words_ else None)

    def in_gap(self, matched: str, owns: Callable[[str], bool]) -> bool:
        """Whether a phrase's match has a key word that is not one of the phrase's own words
        (`owns`): "locked my keys in" for "locked in"."""
        return any(word.startswith(self._keys) and not owns(word) for word in matched.split())
