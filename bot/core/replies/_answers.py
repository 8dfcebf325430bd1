"""An intent's answer: its text, the "More" button for the rest, and its shown sources."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.content.models import Answer, Source
from bot.core.events import Button, Reply
from bot.core.labels import MORE_LABEL
from bot.core.replies._base import ContentWording


def site(url: str) -> str:
    """"https://www.ilo.org/hanoi/..." -> "ilo.org": what a person needs to judge a link."""
    host = re.sub(r"^[a-z]+://", "", url).split("/", 1)[0]
    return host.removeprefix("www.")


class AnswerReplies(ContentWording):
    """Answers and their sources."""

    def sources(self, sources: Sequence[Source]) -> str:
        """The shown sources as text lines, one site each (the links are buttons)."""
        if not sources:
            return ""
        lines = "\n".join(f"• {site(s.url)}" for s in sources)
        heading = self.tr.gettext("Sources:")
        return f"\n\n{heading}\n{lines}"

    @staticmethod
    def shown_sources(sources: Sequence[Source], where: str | None) -> list[Source]:
        """The sources that fit a person in `where` (ISO2, None: unknown): the international
        ones, and a country's own only there; another country's page is never shown as if it
        applied (adcheck16: a Moldovan and a Ukrainian page under "passport taken" in Spain)."""
        return [s for s in sources if s.country is None or s.country == where]

    def source_buttons(self, sources: Sequence[Source]) -> list[list[Button]]:
        """One link button per shown source, labelled with its site: short on a phone."""
        return [[Button(f"🔗 {site(s.url)}", url=s.url)] for s in sources]

    def answer(
        self, answer: Answer, extra_actions: Sequence[str] = (), *, intent: str | None = None,
        where: str | None = None,
    ) -> Reply:
        """An intent's answer, with its menu (and `extra_actions`) as buttons, a "More" button
        when the answer has a second part (`a:<intent>`), and its sources that fit a person in
        `where` (`shown_sources`) as link buttons."""
        actions = [*answer.menu, *extra_actions]
        if "menu" not in actions:
            actions.append("menu")
        more = []
        if answer.more is not None:
            name = intent or next((k for k, v in self.content.answers.items() if v is answer), "")
            more = [[Button(self.tr.gettext(MORE_LABEL), f"a:{name}")]] if name else []
        return Reply(
            self.text(answer.text),
            more + self.action_rows(actions)
            + self.source_buttons(self.shown_sources(answer.sources, where)),
        )

    def answer_more(self, answer: Answer, where: str | None = None) -> Reply:
        """The second part of a long answer, with the answer's own buttons (`answer`)."""
        actions = [*answer.menu] + ([] if "menu" in answer.menu else ["menu"])
        return Reply(
            self.text(answer.more),
            self.action_rows(actions)
            + self.source_buttons(self.shown_sources(answer.sources, where)),
        )
