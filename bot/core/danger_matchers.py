"""The danger-phrase matcher of each content in use, shared by everyone who checks messages."""

from __future__ import annotations

from bot.content.models import Content
from bot.core.danger_phrases import DangerPhraseMatcher
from bot.core.triage import let_offs_of
from bot.nlu.let_offs import LetOffs


class DangerMatchers:
    """The danger-phrase matcher for the content in use (and the last few before it), built
    the first time it is asked for (tens of ms). The assembly builds one and gives it to the
    engine's triage, the handoff's check on relayed messages and the group desk, so they share
    one matcher per content reload; separate instances share nothing."""

    KEPT = 4

    def __init__(self) -> None:
        self._built: dict[int, tuple[Content, DangerPhraseMatcher, LetOffs]] = {}

    def for_content(self, content: Content) -> DangerPhraseMatcher:
        """The danger-phrase matcher for `content`."""
        return self._entry(content)[1]

    def let_offs(self, content: Content) -> LetOffs:
        """The let-off frames of `content` (its words compiled once), as its matcher reads."""
        return self._entry(content)[2]

    def _entry(self, content: Content) -> tuple[Content, DangerPhraseMatcher, LetOffs]:
        entry = self._built.get(id(content))
        if entry is None or entry[0] is not content:
            if len(self._built) >= self.KEPT:
                del self._built[next(iter(self._built))]  # the oldest content: replaced by a reload
            let_offs = let_offs_of(content.triage_words, content.triage_frames)
            entry = self._built[id(content)] = (
                content, DangerPhraseMatcher(content.danger_phrases, let_offs), let_offs
            )
        return entry
