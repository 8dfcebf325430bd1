"""A typed answer to the offer of a human ("да", "no, thanks"), by the consent buttons' words."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from bot.core.labels import CONSENT_NO, CONSENT_YES
from bot.i18n import Translator


def _consent_words(text: str) -> list[str]:
    return re.sub(r"[,.!]", " ", text.lower()).split()


def consent_table(translators: Iterable[Translator]) -> dict[str, str]:
    """The first word of each consent button ("yes"/"no") in every language -> its choice.

    Built once: the first language (and "yes" before "no") wins a word they share.
    """
    table: dict[str, str] = {}
    for tr in translators:
        for choice, label in (("yes", CONSENT_YES), ("no", CONSENT_NO)):
            table.setdefault(_consent_words(tr.gettext(label))[0], choice)
    return table


def consent_choice(text: str, table: Mapping[str, str]) -> str | None:
    """A typed answer to the human offer ("да", "no, thanks") by the buttons' first words, in
    any language (short words fool language detection); `table` from `consent_table`. A bare
    "да" could mean either "yes" button: the one that shares less is chosen."""
    words = _consent_words(text)
    if not words or len(words) > 3:
        return None
    return table.get(words[0])
