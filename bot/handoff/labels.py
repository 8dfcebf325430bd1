"""Operator-facing words in OPERATOR_LANGUAGE: sentences from the gettext catalogs, and labels
instead of codes (warning signs, reasons, outcomes, risk levels; country names from Babel's
locale data, CLDR). Nothing here names a person: they stay a pseudonym.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.core.signs import FROM_AD, TAKEN_BACK
from bot.i18n import N_, Translator

# Warning signs (the triage's indicators) as operators read them in an alert.
INDICATORS: dict[str, str] = {
    "checkin-missed": N_("Check-in not answered in time"),
    "checkin-undelivered": N_("Check-in not delivered (the bot is blocked)"),
    "silent-alarm": N_("Silent alarm (code word)"),
    "risk_documents_withheld": N_("Documents withheld"),
    "risk_movement_restricted": N_("Not allowed to leave"),
    "risk_debt_bondage": N_("Debt bondage"),
    "risk_violence_threats": N_("Violence or threats"),
    "risk_wages_withheld": N_("Wages withheld"),
    "risk_deceptive_job": N_("Deceptive job offer"),
    "emergency_now": N_("In danger now"),
}
REASONS: dict[str, str] = {
    "risk": N_("risk found"),
    "request": N_("asked for a person"),
    "self_check": N_("self-check"),
    "checkin": N_("missed check-in"),
    "ad_check": N_("job ad checked"),
}
OUTCOMES: dict[str, str] = {
    "referred": N_("Referred to a hotline"),
    "advice": N_("Advice given"),
    "no_risk": N_("No risk"),
    "unreachable": N_("Unreachable"),
}
RISK_LEVELS: dict[str, str] = {
    "high": N_("high"),
    "medium": N_("medium"),
    "low": N_("low"),
    "none": N_("none"),
}


class OperatorTexts:
    """One operator language: `text(msgid, **values)` and a label for each kind of code.

    An unknown code is shown as it is (never dropped): an operator must see everything the
    alert knows, even a warning sign added to the triage before its label.
    """

    def __init__(self, translator: Translator) -> None:
        self._t = translator

    @property
    def language(self) -> str:
        return self._t.language

    def text(self, msgid: str, **values: object) -> str:
        """The catalog's sentence for `msgid`, filled in with `values` (str.format)."""
        text = self._t.gettext(msgid)
        return text.format(**values) if values else text

    def _label(self, table: dict[str, str], code: str) -> str:
        return self._t.gettext(table[code]) if code in table else code

    def indicator(self, code: str) -> str:
        """The sign's label; one the person took back, or a checked job ad's, says so
        (bot/core/signs.py)."""
        if code.startswith(TAKEN_BACK):
            return self.text(N_("{sign} (they took this back)"),
                             sign=self._label(INDICATORS, code[len(TAKEN_BACK):]))
        if code.startswith(FROM_AD):
            return self.text(N_("{sign} (in a job ad they checked, not their own situation)"),
                             sign=self._label(INDICATORS, code[len(FROM_AD):]))
        return self._label(INDICATORS, code)

    def indicators(self, codes: Iterable[str]) -> str:
        """Labels joined by commas; "none seen" when there are none."""
        labels = [self.indicator(code) for code in codes]
        return ", ".join(labels) if labels else self.text(N_("none seen"))

    def reason(self, code: str) -> str:
        return self._label(REASONS, code)

    def outcome(self, code: str) -> str:
        return self._label(OUTCOMES, code)

    def risk_level(self, code: str) -> str:
        return self._label(RISK_LEVELS, code) if code else self.text(N_("unknown"))

    def country(self, code: str) -> str:
        """The country's name in this language (CLDR via Babel), e.g. PL -> "Польша"."""
        if not code:
            return self.text(N_("unknown"))
        return str(self._t.locale.territories.get(code.upper(), code))

    def person_language(self, code: str) -> str:
        """A person's language named in this language (CLDR via Babel), e.g. be -> "Belarusian"."""
        if not code:
            return self.text(N_("unknown"))
        return str(self._t.locale.languages.get(code, code))
