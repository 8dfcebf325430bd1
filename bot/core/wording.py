"""The person's language and the buttons every screen uses: what a reply needs before content.

`Wording` is the part of a reply builder that needs only a translator: content texts in the
person's language and the `m:<action>` buttons. The questionnaire screens (flows.py) need no
more, so `content check` can build them from the parsed YAML, before any `Content` exists.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.content.branches import for_team
from bot.content.models import LocalizedText
from bot.core.events import Button
from bot.core.labels import MENU_LABELS
from bot.i18n import Translator


def rows(buttons: Sequence[Button], width: int = 2) -> list[list[Button]]:
    """Lay buttons out in rows of `width` (phones are narrow)."""
    return [list(buttons[i : i + width]) for i in range(0, len(buttons), width)]


HUMAN = "human"  # the action that offers a person from the team


class Wording:
    """Texts and menu buttons in one language (`tr.language`); `team` is False when no person
    from the team can be reached (no operators' chat): lines and buttons that promise one are
    left out then (see bot/content/branches.py)."""

    def __init__(self, tr: Translator, *, team: bool = True) -> None:
        self.tr = tr
        self.lang = tr.language
        self.team = team

    def text(self, value: LocalizedText | None) -> str:
        """A content text in the person's language, as shown with or without a team."""
        return for_team(value.get(self.lang), self.team).strip() if value is not None else ""

    def action_button(self, action: str) -> Button:
        """The `m:<action>` button with its label in the person's language."""
        return Button(self.tr.gettext(MENU_LABELS[action]), f"m:{action}")

    def action_rows(self, actions: Iterable[str]) -> list[list[Button]]:
        """Buttons for menu actions; actions without a label are skipped, duplicates dropped."""
        seen = dict.fromkeys(a for a in actions if a in MENU_LABELS and self.offers(a))
        return rows([self.action_button(a) for a in seen])

    def offers(self, action: str) -> bool:
        """Whether the action's button may be shown: "Talk to a person" only with a team."""
        return action != HUMAN or self.team
