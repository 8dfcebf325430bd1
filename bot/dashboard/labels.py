"""Readable names for the counters' dimensions and values, in the reader's language.

Countries and languages come from Babel's locale data; outcomes, warning signs and risk levels
from the gettext catalogs (msgids in English). An id with no label is shown as it is: ids are
never personal data.
"""

from __future__ import annotations

from bot.core.labels import INTENT_LABELS
from bot.handoff.alerts import OUTCOMES
from bot.i18n import N_, Translator

DIMENSION_TITLES: dict[str, str] = {
    "country": N_("Cases by country"),
    "language": N_("Cases by language"),
    "risk": N_("Cases by risk level"),
    "indicator": N_("Cases by warning sign"),
    "outcome": N_("Cases by outcome"),
    "reason": N_("Cases by reason"),
}

_VALUES: dict[str, dict[str, str]] = {
    "risk": {"high": N_("high"), "medium": N_("medium"), "low": N_("low"),
             "unknown": N_("not assessed")},
    "reason": {"risk": N_("at risk"), "request": N_("asked for a person")},
}


def value_label(tr: Translator, dimension: str, value: str) -> str:
    """The name a reader understands for one counter value, e.g. country "PL" -> "Польша"."""
    if value == "unknown" and dimension in ("country", "language"):
        return tr.gettext(N_("unknown"))
    if dimension == "country":
        return str(tr.locale.territories.get(value.upper(), value))
    if dimension == "language":
        return str(tr.locale.languages.get(value, value))
    if dimension == "outcome" and value in OUTCOMES:
        return tr.gettext(OUTCOMES[value])
    if dimension == "indicator" and value in INTENT_LABELS:
        return tr.gettext(INTENT_LABELS[value])
    if value in _VALUES.get(dimension, {}):
        return tr.gettext(_VALUES[dimension][value])
    return value
