"""Country pages: the country question, a page's first screen and the parts behind its buttons."""

from __future__ import annotations

from bot.content.models import Country
from bot.core.events import Button, Reply
from bot.core.labels import CONTRACT_LABEL, OTHER_COUNTRY_LABEL, PAGE_PART_LABELS
from bot.core.replies._answers import AnswerReplies
from bot.core.replies._base import LOCATION_PREFIX, OTHER_COUNTRY, PAGE_PREFIX
from bot.core.replies._hotlines import HotlineReplies
from bot.core.wording import rows

PAGE_LINES = 1  # helplines on a country page's first screen; all of them are under Hotlines


class CountryReplies(HotlineReplies, AnswerReplies):
    """Country pages and the question that leads to them."""

    def ask_country(self, *, with_human: bool = False, destination: bool = False) -> Reply:
        """The country question: one button per page, then "Other country", so that nobody is
        stuck because their country has no page. The buttons say what they answer, whatever
        the session remembers: `c:<ISO2>` / `c:other` is where the person is, and with
        `destination` `p:<ISO2>` / `p:other` is a page to read."""
        prefix = PAGE_PREFIX if destination else LOCATION_PREFIX
        countries = self.content.countries.values()
        keyboard = rows([Button(self.text(c.name), f"{prefix}:{c.id}") for c in countries])
        other = Button(self.tr.gettext(OTHER_COUNTRY_LABEL), f"{prefix}:{OTHER_COUNTRY}")
        keyboard.append([other])
        if with_human and self.team:  # in danger, a human stays one tap away meanwhile
            keyboard.append([self.action_button("human")])
        question = self.text(self.content.messages.ask_destination) if destination else ""
        return Reply(question or self.message("ask_country"), keyboard)

    def country_page(self, country: Country) -> Reply:
        """The first screen of a country: emergency numbers, what to know, the best lines.

        It stays short enough for one phone screen (about 700 characters); the legal rules and
        the sources are behind buttons (`cp:<ISO2>:legal`, `cp:<ISO2>:sources`), the contract
        advice behind `i:contract_advice`, every line in detail behind Hotlines.
        """
        shown: set[str] = set()
        emergency = self.hotline_lines(self.emergency(country.id), compact=True, shown=shown)
        parts = [self.text(country.name).upper(), emergency]
        if country.caveats:
            heading = self.tr.gettext("Important:")
            parts.append(f"{heading}\n{self.text(country.caveats)}")
        offered = self.country_hotlines(country)[:PAGE_LINES]
        lines = self.hotline_lines(offered, compact=True, notes=False, shown=shown)
        if lines:
            heading = self.tr.gettext("Where to get help:")
            parts.append(f"{heading}\n{lines}")
        return Reply("\n\n".join(p for p in parts if p), self.page_buttons(country, "first"))

    def country_part(self, country: Country, part: str) -> Reply:
        """What a page button opens: the legal rules ("legal") or the sources ("sources")."""
        buttons = self.page_buttons(country, part)
        if part == "sources":
            body = self.sources(country.sources).strip() or self.tr.gettext("Sources:")
            buttons = self.source_buttons(country.sources) + buttons
        else:
            body = f"{self.text(country.name).upper()}\n\n{self.text(country.legal_work)}"
        return Reply(body, buttons)

    def page_buttons(self, country: Country, shown: str) -> list[list[Button]]:
        """The buttons under a part of a country page: the other parts, then the usual ones."""
        buttons = [
            Button(self.tr.gettext(label), f"cp:{country.id}:{part}")
            for part, label in PAGE_PART_LABELS.items()
            if part != shown and (part != "sources" or country.sources)
        ]
        buttons.append(Button(self.tr.gettext(CONTRACT_LABEL), "i:contract_advice"))
        buttons += [self.action_button(a) for a in ("hotlines", "country", "menu")]
        return rows(buttons)
