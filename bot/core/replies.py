"""Build replies from content in one language: menus, answers, hotlines, country pages."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TypeGuard

from bot.content.models import Answer, Content, Country, Hotline, Source
from bot.core.countries import CountryIndex
from bot.core.events import Button, Reply
from bot.core.labels import (
    CONSENT_NO,
    CONSENT_TEXT,
    CONSENT_YES,
    CONTRACT_LABEL,
    INTENT_LABELS,
    LANGUAGE_NAMES,
    MAIN_MENU,
    MORE_LABEL,
    OTHER_COUNTRY_LABEL,
    PAGE_PART_LABELS,
)
from bot.core.wording import Wording, rows
from bot.i18n import Translator

PAGE_LINES = 1  # helplines on a country page's first screen; all of them are under Hotlines
UNIVERSAL = "EU"  # the country of emergency entries that work everywhere the bot covers (112)
INTERNATIONAL = "INT"  # the country of lines and directories that help from any country
OTHER_COUNTRY = "other"  # the `c:other` button: a country without a page, or not named
LOCATION_PREFIX = "c"  # `c:<ISO2>`: the country the person is in
PAGE_PREFIX = "p"  # `p:<ISO2>`: a country page to read about


def _dialled(number: str) -> str:
    # "112" and "1 1 2" are one number; keypad letters count ("800SAVE").
    return re.sub(r"[^0-9A-Z*#]", "", number.upper())


def _site(url: str) -> str:
    # "https://www.ilo.org/hanoi/..." -> "ilo.org": what a person needs to judge a link.
    host = re.sub(r"^[a-z]+://", "", url).split("/", 1)[0]
    return host.removeprefix("www.")


class Replies(Wording):
    """Replies for one event, in the person's language, from the content of that moment."""

    def __init__(
        self,
        content: Content,
        tr: Translator,
        places: CountryIndex | None = None,
        *,
        team: bool = True,
    ) -> None:
        super().__init__(tr, team=team)
        self.content = content
        self.places = places

    def message(self, name: str) -> str:
        """One of the fixed texts in content/messages.yaml."""
        return self.text(getattr(self.content.messages, name))

    # ---------------------------------------------------------------- menus and buttons
    def main_menu_rows(self) -> list[list[Button]]:
        shown = ([self.action_button(a) for a in row if self.offers(a)] for row in MAIN_MENU)
        return [row for row in shown if row]

    def main_menu(self, text: str | None = None) -> Reply:
        """The main menu, under `text` or the default prompt."""
        return Reply(text or self.tr.gettext("What would you like to do?"), self.main_menu_rows())

    def language_picker(self) -> Reply:
        buttons = [Button(name, f"lang:{code}") for code, name in LANGUAGE_NAMES.items()]
        return Reply(self.tr.gettext("Choose your language:"), [[b] for b in buttons])

    def consent_buttons(self, with_text: bool) -> list[list[Button]]:
        """`h:yes` / `h:text` / `h:no`; sharing the message only when there is one to share."""
        buttons = [[Button(self.tr.gettext(CONSENT_YES), "h:yes")]]
        if with_text:
            buttons.append([Button(self.tr.gettext(CONSENT_TEXT), "h:text")])
        buttons.append([Button(self.tr.gettext(CONSENT_NO), "h:no")])
        return buttons

    def offer_human(self, with_text: bool) -> Reply:
        """The offer of a human, with what the operator will see."""
        body = f"{self.message('offer_human')}\n\n{self.message('handoff_consent')}"
        return Reply(body, self.consent_buttons(with_text))

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

    # ---------------------------------------------------------------- answers
    def sources(self, sources: Sequence[Source]) -> str:
        """The shown sources as text lines, one site each (the links are buttons)."""
        if not sources:
            return ""
        lines = "\n".join(f"• {_site(s.url)}" for s in sources)
        heading = self.tr.gettext("Sources:")
        return f"\n\n{heading}\n{lines}"

    def source_buttons(self, sources: Sequence[Source]) -> list[list[Button]]:
        """One link button per shown source, labelled with its site: short on a phone."""
        return [[Button(f"🔗 {_site(s.url)}", url=s.url)] for s in sources]

    def answer(
        self, answer: Answer, extra_actions: Sequence[str] = (), *, intent: str | None = None
    ) -> Reply:
        """An intent's answer, with its menu (and `extra_actions`) as buttons, a "More" button
        when the answer has a second part (`a:<intent>`), and its sources as link buttons."""
        actions = [*answer.menu, *extra_actions]
        if "menu" not in actions:
            actions.append("menu")
        more = []
        if answer.more is not None:
            name = intent or next((k for k, v in self.content.answers.items() if v is answer), "")
            more = [[Button(self.tr.gettext(MORE_LABEL), f"a:{name}")]] if name else []
        return Reply(
            self.text(answer.text),
            more + self.action_rows(actions) + self.source_buttons(answer.sources),
        )

    def answer_more(self, answer: Answer) -> Reply:
        """The second part of a long answer, with the answer's own buttons."""
        actions = [*answer.menu] + ([] if "menu" in answer.menu else ["menu"])
        return Reply(
            self.text(answer.more), self.action_rows(actions) + self.source_buttons(answer.sources)
        )

    # ---------------------------------------------------------------- countries
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

    def knows(self, code: str | None) -> TypeGuard[str]:
        """Whether `code` is a country: one with a page, or any other the index can name."""
        if not code or code == OTHER_COUNTRY:
            return False
        return code in self.content.countries or (
            self.places is not None and self.places.known(code)
        )

    def country_name(self, code: str | None) -> str:
        """A country's name in the person's language: the page's, else the library's."""
        if not code or code == OTHER_COUNTRY:
            return ""
        country = self.content.countries.get(code)
        if country is not None:
            return self.text(country.name)
        return self.places.name(code, self.lang) if self.places is not None else code

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

    # ---------------------------------------------------------------- hotlines
    def emergency(self, country_id: str | None) -> list[Hotline]:
        """Emergency entries: the country's own, or the universal ones when it is unknown.

        A country page without emergency entries (a gap in the facts) also gets the universal
        ones: their own notes say where they work, and no number at all is the worst answer.
        """
        country = self.content.countries.get(country_id or "")
        own = [] if country is None else country.emergency
        found = [self.content.hotlines[i] for i in own if i in self.content.hotlines]
        return found or [
            h
            for h in self.content.hotlines.values()
            if h.kind == "emergency" and h.country == UNIVERSAL
        ]

    def country_hotlines(self, country: Country) -> list[Hotline]:
        """The country's lines that may be presented as working (Hotline.offered), best first."""
        lines = (self.content.hotlines.get(i) for i in country.hotlines)
        return [h for h in lines if h is not None and h.offered and h.kind != "emergency"]

    def hotline_lines(
        self,
        hotlines: Iterable[Hotline],
        *,
        details: bool = False,
        compact: bool = False,
        notes: bool = True,
        shown: set[str] | None = None,
    ) -> str:
        """One block per line: its name, then one line per number with what it is for, hours
        and the note (a police line says so there); help, web and e-mail too with `details`;
        without costs and hours with `compact`. A number already shown (in `shown`, which
        collects the numbers of one screen) is not repeated."""
        blocks: list[str] = []
        shown = set() if shown is None else shown
        for hotline in hotlines:
            phones = [p for p in hotline.phones if _dialled(p.number) not in shown]
            shown.update(_dialled(p.number) for p in phones)
            if hotline.phones and not phones:
                continue  # every number of this entry is on the screen already
            block = [f"☎ {self.text(hotline.name)}"]
            for phone in phones:
                said = (phone.label,) if compact else (phone.label, phone.cost)
                what = ", ".join(self.text(v) for v in said if v)
                block.append(f"{phone.number} — {what}" if what else phone.number)
            if hotline.hours and not compact:
                block.append(
                    self.tr.gettext("Hours: {hours}").format(hours=self.text(hotline.hours))
                )
            if details and hotline.helps_with:
                block.append(self.text(hotline.helps_with))
            if details or not phones:
                block.extend(hotline.web + hotline.email)
            if hotline.note and notes:
                block.append(self.text(hotline.note))
            blocks.append("\n".join(block))
        return "\n\n".join(blocks)

    def numbers(self, country_id: str | None) -> str:
        """Emergency numbers, then the offered hotlines of the country (if known)."""
        country = self.content.countries.get(country_id or "")
        shown: set[str] = set()
        block = self.hotline_lines(self.emergency(country_id), shown=shown)
        if country is not None:
            others = self.hotline_lines(self.country_hotlines(country), shown=shown)
            if others:
                block = f"{block}\n\n{others}" if block else others
        return block

    def risk_numbers(self, country_id: str | None) -> Reply:
        """The first reply in danger: risk_intro, then the numbers to call."""
        return Reply(f"{self.message('risk_intro')}\n\n{self.numbers(country_id)}".strip())

    # ---------------------------------------------------------------- where the person is
    def location_numbers(
        self, code: str | None, *, named_now: bool, intro: bool = True
    ) -> Reply:
        """Numbers for where the person is, naming the country ("Numbers for Poland."); when
        the country is known from earlier, "Somewhere else?" and a button to change it."""
        name = self.country_name(code) or self.tr.gettext("another country")
        heading = self.tr.gettext("Numbers for {country}.").format(country=name)
        if not named_now:
            elsewhere = self.tr.gettext("Somewhere else?")
            heading = f"{heading} {elsewhere}"
        numbers = (
            self.numbers(code) if code and code in self.content.countries else self.other_country()
        )
        parts = [self.message("risk_intro") if intro else "", heading, numbers]
        change = [[self.action_button("location")]] if self.knows(code) else []
        return Reply("\n\n".join(p for p in parts if p), change)

    def other_country(self) -> str:
        """Guidance for a country without a page (or not named): how to reach the local
        emergency number, where 112 works (from the content's own entries, nothing assumed),
        and the international lines. The human offer follows it on the at-risk path."""
        intro = self.text(self.content.messages.other_country) or self.tr.gettext(
            "In an emergency, call the local emergency number of the country you are in."
        )
        parts = [intro, self.hotline_lines(self.emergency(None))]
        elsewhere = self._also_112()
        if elsewhere:
            parts.append(
                self.tr.gettext("112 is also an emergency number in: {countries}.").format(
                    countries=", ".join(elsewhere)
                )
            )
        international = [
            h for h in self.content.hotlines.values()
            if h.country == INTERNATIONAL and h.offered
        ]
        if international:
            heading = self.tr.gettext("Help from any country:")
            parts.append(f"{heading}\n{self.hotline_lines(international, details=True)}")
        return "\n\n".join(p for p in parts if p)

    def _also_112(self) -> list[str]:
        """Countries beyond the universal entry's (the EU) whose own emergency entries in the
        content list 112: only what the facts say, country by country."""
        names = []
        for country in self.content.countries.values():
            own = [self.content.hotlines.get(i) for i in country.emergency]
            if any(h is not None and h.country == UNIVERSAL for h in own):
                continue  # an EU country: the universal entry already says 112 works there
            numbers = {p.number for h in own if h is not None for p in h.phones}
            if "112" in numbers:
                names.append(self.text(country.name))
        return names

    def hotlines_page(self, country: Country) -> Reply:
        """The explicit Hotlines page: every offered line in detail, and when it was checked."""
        offered = self.country_hotlines(country)
        shown: set[str] = set()
        parts = [
            self.tr.gettext("Help lines: {country}").format(country=self.text(country.name)),
            self.hotline_lines(self.emergency(country.id), shown=shown),
            self.hotline_lines(offered, details=True, shown=shown),
        ]
        checked = [h.last_checked for h in offered]
        if checked:
            parts.append(
                self.tr.gettext("Checked on {date}.").format(date=self.tr.date(min(checked)))
            )
        if any(not h.verified_by_editor for h in offered):
            parts.append(self.message("unverified_hotlines"))
        return Reply(
            # Numbers for where the person is: the button changes that place, not a page to read.
            "\n\n".join(p for p in parts if p), self.action_rows(["human", "location", "menu"])
        )
