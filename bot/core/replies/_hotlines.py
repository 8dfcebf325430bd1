"""Numbers: emergency entries, helplines, the Hotlines page, and the guidance for a country
without a page. A number is shown once per screen, one line per number with what it is for."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.content.models import Country, Hotline
from bot.core.events import Reply
from bot.core.replies._base import ContentWording

UNIVERSAL = "EU"  # the country of emergency entries that work everywhere the bot covers (112)
INTERNATIONAL = "INT"  # the country of lines and directories that help from any country


def dialled(number: str) -> str:
    """What is dialled: "112" and "1 1 2" are one number; keypad letters count ("800SAVE")."""
    return re.sub(r"[^0-9A-Z*#]", "", number.upper())


class HotlineReplies(ContentWording):
    """Numbers for where the person is, or for a page."""

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
            phones = [p for p in hotline.phones if dialled(p.number) not in shown]
            shown.update(dialled(p.number) for p in phones)
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
        """Emergency numbers, then the offered hotlines of the country (if known); where the
        country is not known, which countries those numbers work in (`_where_they_work`)."""
        country = self.content.countries.get(country_id or "")
        shown: set[str] = set()
        if country is None:
            return self._anywhere_emergency()
        block = self.hotline_lines(self.emergency(country_id), shown=shown)
        if country is not None:
            others = self.hotline_lines(self.country_hotlines(country), shown=shown)
            if others:
                block = f"{block}\n\n{others}" if block else others
        return block

    def risk_numbers(self, country_id: str | None) -> Reply:
        """The first reply in danger: risk_intro, then the numbers to call."""
        return Reply(f"{self.message('risk_intro')}\n\n{self.numbers(country_id)}".strip(),
                     numbers=True)

    def location_numbers(
        self, code: str | None, *, named_now: bool, intro: bool = True,
        heading: str | None = None,
    ) -> Reply:
        """Numbers for where the person is, naming the country ("Numbers for Poland."); when
        the country is known from earlier, "Somewhere else?" and a button to change it.
        `heading` instead of "Numbers for …" (a friend's country, a country not known)."""
        name = self.country_name(code) or self.tr.gettext("another country")
        heading = heading or self.tr.gettext("Numbers for {country}.").format(country=name)
        if not named_now:
            elsewhere = self.tr.gettext("Somewhere else?")
            heading = f"{heading} {elsewhere}"
        numbers = (
            self.numbers(code) if code and code in self.content.countries else self.other_country()
        )
        parts = [self.message("risk_intro") if intro else "", heading, numbers]
        change = [[self.action_button("location")]] if self.knows(code) else []
        return Reply("\n\n".join(p for p in parts if p), change, numbers=True)

    def anywhere_numbers(self, *, intro: bool = True) -> Reply:
        """The numbers that work whatever the country, for someone who does not know or did
        not say where they are (no "another country" they never named)."""
        heading = self.tr.gettext("Where to call from any country:")
        return self.location_numbers(None, named_now=True, intro=intro, heading=heading)

    def friend_numbers(self, code: str) -> Reply:
        """Numbers for where someone else is (named in a message forwarded to the bot): said as
        theirs, for the person to pass on."""
        heading = self.tr.gettext(
            "Numbers for {country}, where the person who wrote this message is."
        ).format(country=self.country_name(code))
        reply = self.location_numbers(code, named_now=True, heading=heading)
        reply.buttons = []  # "I am somewhere else" would change the forwarder's own country
        return reply

    def other_country(self) -> str:
        """Guidance for a country without a page (or not named): how to reach the local
        emergency number, where 112 works (from the content's own entries, nothing assumed),
        and the international lines. The human offer follows it on the at-risk path."""
        intro = self.text(self.content.messages.other_country) or self.tr.gettext(
            "In an emergency, call the local emergency number of the country you are in."
        )
        parts = [intro, self._anywhere_emergency()]
        international = [
            h for h in self.content.hotlines.values()
            if h.country == INTERNATIONAL and h.offered
        ]
        if international:
            heading = self.tr.gettext("Help from any country:")
            parts.append(f"{heading}\n{self.hotline_lines(international, details=True)}")
        return "\n\n".join(p for p in parts if p)

    def _anywhere_emergency(self) -> str:
        """The universal entries (112 in the EU) for a person whose country is not known, who
        may be in Russia, the UAE or the US (adflow17): where else 112 is an emergency number,
        and the countries whose own numbers are others, all from the content's entries."""
        parts = [self.hotline_lines(self.emergency(None))]
        also = self._also_112()
        if also:
            parts.append(self.tr.gettext("112 is also an emergency number in: {countries}.")
                         .format(countries=", ".join(also)))
        others = self._not_112()
        if others:
            parts.append(self.tr.gettext("Where the emergency number is not 112: {numbers}.")
                         .format(numbers="; ".join(others)))
        return "\n".join(p for p in parts if p)

    def _not_112(self) -> list[str]:
        """"Belarus 102", "United States 911": countries whose emergency entries in the
        content do not list 112, with the numbers they do list."""
        found = []
        for country in self.content.countries.values():
            own = [self.content.hotlines.get(i) for i in country.emergency]
            numbers = [p.number for h in own if h is not None for p in h.phones]
            if numbers and "112" not in numbers:
                found.append(f"{self.text(country.name)} {', '.join(numbers)}")
        return found

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
        # "Checked on" is an editor's check (a test call or the live page), never the date the
        # facts were compiled from stored pages (`last_checked` of an unverified line): while
        # any line shown is unverified, the page says so instead.
        if any(not h.verified_by_editor for h in offered):
            parts.append(self.message("unverified_hotlines"))
        elif offered:
            checked = min(h.last_checked for h in offered)
            parts.append(self.tr.gettext("Checked on {date}.").format(date=self.tr.date(checked)))
        return Reply(
            # Numbers for where the person is: the button changes that place, not a page to read.
            "\n\n".join(p for p in parts if p), self.action_rows(["human", "location", "menu"])
        )
