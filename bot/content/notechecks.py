"""A hotline's `note:` is read by a frightened person before calling: words they can act on
("Russian only on Mondays", "ask for Russian at the start of the call"), never an editor's
remark about sources or checks ("the member list is out of date", "the link is the Slovakia
page", "details from a 2017 report": adflow17). Those go in `editor_note:`, never shown."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.content.parsed import Parsed
from bot.content.problems import Problem

# Words of an editor's remark: where a fact came from, how old the source is, whether it was
# confirmed, what was not found. Per language, in lower case.
_REMARKS = {
    "en": re.compile(
        r"\bsources?\b|\bundated\b|\bout of date\b|\boutdated\b|\bretrieved\b|\bverif\w*|"
        r"\bthe link is\b|\bunknown whether\b|\bnot confirmed\b|\bnot stated\b|\bnot listed\b|"
        r"\bdetails from\b|\bper (an?|the)\b|\b(was|were|is|are) not found\b|\bnot found\b|"
        r"\bno [\w ]{0,30}\bfound\b|\bsecondary\b|\bmember list\b|\bas of (19|20)\d\d\b|"
        r"\bnot specified\b|\b(is|are) said to\b"
    ),
    "ru": re.compile(
        r"источник|по данным|не подтвержд|не указан|устарел|ссылка вед|неизвестно, (ли|обновля)|"
        r"не найден|без даты|из отч[её]та|по источник"
    ),
    "be": re.compile(
        r"крыніц|паводле даных|не пацверджан|не пазначан|састарэ|спасылка вядзе|невядома, ці|"
        r"не знойдзен|без даты|са справаздачы"
    ),
}


def check_shown_notes(parsed: Parsed) -> Iterator[Problem]:
    """A warning for the `note:` of a line offered to people (`Hotline.offered`) that reads
    as an editor's remark, in any language."""
    for hotline, where in parsed.hotlines.values():
        if hotline.note is None or not hotline.offered:
            continue
        for language, remark in _REMARKS.items():
            found = remark.search((getattr(hotline.note, language) or "").lower())
            if found:
                yield where.problem(
                    "warning",
                    f"note ({language}) reads as an editor's remark ('{found.group()}'): people "
                    "read it before calling; say what they can do, and put sources and checks "
                    "in editor_note (docs/EDITORS.md)",
                    "note", language,
                )
