"""The words of a checked ad's report: its red flags, each quoted from the ad, and its risk
level; and the flags by id for the operators. Nothing here keeps or logs the ad's text."""

from __future__ import annotations

from bot.content.models import AdCheck
from bot.core.adcheck import AdReport, pick_quotes
from bot.core.adpointers import named_pointers
from bot.core.events import Reply
from bot.core.turn import Turn

QUOTES_PER_FLAG = 2


def report_replies(turn: Turn, rules: AdCheck, report: AdReport, text: str) -> list[Reply]:
    """The red flags, each with the ad's words that raised it, the notes, then the risk
    level."""
    r, texts = turn.r, rules.texts
    source = text  # `normalize` keeps offsets: quotes come from the ad as written
    if not report.flags:
        parts = [r.text(texts.none_found)]
    else:
        parts = [r.text(texts.heading).format(count=r.tr.number(len(report.flags)))]
        picked = pick_quotes(source, report, QUOTES_PER_FLAG)
        for n, (found, chosen) in enumerate(zip(report.flags, picked, strict=True), start=1):
            quotes = " ".join(f"«{q}»" for q in chosen)
            parts.append(
                f"{n}. {r.text(found.rule.title)}\n"
                f"{r.text(texts.quote)} {quotes}\n"
                f"{r.text(found.rule.explain)}\n"
                f"{r.text(texts.next_step)} {r.text(found.rule.check)}"
            )
    parts += _notes(turn, rules, report, source)
    parts.append(r.text(report.level.text))
    parts.append(r.text(texts.not_stored))
    return [Reply(part) for part in parts]


def _notes(turn: Turn, rules: AdCheck, report: AdReport, text: str) -> list[str]:
    """The notes (a flag's milder reading: "only a phone number to contact"; what the ad names
    that the person can check, `pointers`), each with the ad's words, after the red flags: what
    to ask, not a red flag."""
    r, texts = turn.r, rules.texts
    notes = [found for found in report.notes if found.rule.mild is not None]
    pointers = named_pointers(rules, text)
    if not notes and not pointers:
        return []
    picked = pick_quotes(text, AdReport(tuple(notes), 0, report.level), QUOTES_PER_FLAG)
    lines = [r.text(texts.notes)] if texts.notes else []
    for pointer, words in pointers:
        lines.append(f"• {r.text(pointer.title)}\n{r.text(texts.quote)} «{words}»\n"
                     f"{r.text(texts.next_step)} {r.text(pointer.check)}")
    for found, chosen in zip(notes, picked, strict=True):
        mild = found.rule.mild
        assert mild is not None
        quotes = " ".join(f"«{q}»" for q in chosen)
        lines.append(
            f"• {r.text(mild.title)}\n"
            f"{r.text(texts.quote)} {quotes}\n"
            f"{r.text(mild.explain)}\n"
            f"{r.text(texts.next_step)} {r.text(mild.check)}"
        )
    return ["\n".join(lines)]


def flag_codes(report: AdReport) -> list[str]:
    """Each red flag for the operators' alert by its own id after the facts file's
    ("rf-wrong-visa/papers_later"): two flags of one facts id are both shown."""
    return [f"{found.rule.indicator}/{found.rule.id}" for found in report.flags]
