"""The main menu, the language picker, the offer of a person and the topic suggestions."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.events import Button, Reply
from bot.core.labels import (
    CONSENT_NO,
    CONSENT_TEXT,
    CONSENT_YES,
    CONSENT_YES_AD,
    CONSENT_YES_PLAIN,
    INTENT_LABELS,
    LANGUAGE_NAMES,
    MAIN_MENU,
)
from bot.core.replies._base import ContentWording

# What the person is told the team will see, by what stands behind the offer: questionnaire
# answers, a job ad's red flags (never the ad), or neither: (content/messages.yaml, "yes").
OFFER_SHOWS: dict[str, tuple[str, str]] = {
    "answers": ("handoff_consent", CONSENT_YES),
    "ad": ("handoff_consent_ad", CONSENT_YES_AD),
    "plain": ("handoff_consent_plain", CONSENT_YES_PLAIN),
}


class MenuReplies(ContentWording):
    """Menus and questions with buttons."""

    def main_menu_rows(self) -> list[list[Button]]:
        shown = ([self.action_button(a) for a in row if self.offers(a)] for row in MAIN_MENU)
        return [row for row in shown if row]

    def main_menu(self, text: str | None = None) -> Reply:
        """The main menu, under `text` or the default prompt."""
        return Reply(text or self.tr.gettext("What would you like to do?"), self.main_menu_rows())

    def language_picker(self) -> Reply:
        buttons = [Button(name, f"lang:{code}") for code, name in LANGUAGE_NAMES.items()]
        return Reply(self.tr.gettext("Choose your language:"), [[b] for b in buttons])

    def consent_buttons(self, with_text: bool, yes: str = CONSENT_YES) -> list[list[Button]]:
        """`h:yes` / `h:text` / `h:no`; sharing the message only when there is one to share."""
        buttons = [[Button(self.tr.gettext(yes), "h:yes")]]
        if with_text:
            buttons.append([Button(self.tr.gettext(CONSENT_TEXT), "h:text")])
        buttons.append([Button(self.tr.gettext(CONSENT_NO), "h:no")])
        return buttons

    def offer_human(self, with_text: bool, shows: str = "answers") -> Reply:
        """The offer of a human, with what the operator will see (`OFFER_SHOWS`)."""
        consent, yes = OFFER_SHOWS[shows]
        body = f"{self.message('offer_human')}\n\n{self.message(consent)}"
        return Reply(body, self.consent_buttons(with_text, yes))

    def suggestions(self, ranking: Sequence[tuple[str, float]], limit: int = 3) -> Reply:
        """The low-confidence fallback: likely topics as `i:<intent>` buttons, then the menu."""
        # A label is shown once: a likely topic that is also a main-menu button ("Work legally
        # abroad") stays among the topics and leaves the menu rows, as do intents sharing a label.
        labels: dict[str, str] = {}
        for name, _ in ranking:
            if name == "human_operator" and not self.team:
                continue  # no person can be reached: the topic would promise one
            if name in INTENT_LABELS and len(labels) < limit:
                labels.setdefault(self.tr.gettext(INTENT_LABELS[name]), name)
        topics = [[Button(label, f"i:{name}")] for label, name in labels.items()]
        menu = [[b for b in row if b.label not in labels] for row in self.main_menu_rows()]
        return Reply(self.message("low_confidence"), topics + [row for row in menu if row])
