"""Quotes of a job ad for its red flags: the words that raised a flag, with a little context
inside their sentence, each shown once in the reply."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.core.adhtml import untagged
from bot.core.adspans import QUOTE_CHARS, same_sentence
from bot.core.adtext import Span, sentence_bounds, sentence_spans


class _Found(Protocol):
    """A red flag found (bot.core.adcheck.FoundFlag): the spans of the ad that raised it."""

    @property
    def spans(self) -> tuple[Span, ...]: ...


class _Report(Protocol):
    """An ad's report (bot.core.adcheck.AdReport), as far as quoting needs it; a protocol, so
    that adcheck imports this module and not the other way round."""

    @property
    def flags(self) -> Sequence[_Found]: ...



def pick_quotes(text: str, report: _Report, per_flag: int) -> list[list[str]]:
    """Per flag, up to `per_flag` quotes of the ad, each shown once in the reply: spans of one
    flag in one sentence and close enough to fit one quote are quoted together ("Доход от
    5000$ в месяц без опыта": the pay and what makes it too high, never two overlapping
    quotes); a quote
    already shown under an earlier flag (or inside one) is left out when the flag has other
    words to show, and kept when it has none (every flag points at the ad's words)."""
    shown: list[str] = []
    picked: list[list[str]] = []
    text = untagged(text)  # the words as a browser shows them: "<br>", "&amp;" are not quoted
    sentences = sentence_spans(text)
    for found in report.flags:
        windows = quote_windows(found.spans, sentences=sentences)
        quotes = list(dict.fromkeys(
            quote(text, span, lo=windows[n - 1].end if n else 0,
                  hi=windows[n + 1].start if n + 1 < len(windows) else len(text))
            for n, span in enumerate(windows)
        ))
        fresh = [q for q in quotes if not _seen(q, shown)]
        chosen = (fresh or quotes[:1])[:per_flag]
        shown += chosen
        picked.append(chosen)
    return picked


def quote_windows(spans: tuple[Span, ...], limit: int = QUOTE_CHARS,
                  sentences: Sequence[Span] = ()) -> list[Span]:
    """The flag's spans in order, neighbours joined while the words from the first to the
    last fit in one quote of `limit` characters and, given the ad's `sentences`, lie in one
    of them: a quote is words of one sentence ("Доход от 5000$ в месяц." and "Опыт не
    нужен." are two quotes)."""
    windows: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if (windows and max(span.end, windows[-1].end) - windows[-1].start <= limit
                and same_sentence(windows[-1], span, sentences)):
            windows[-1] = Span(windows[-1].start, max(span.end, windows[-1].end))
        else:
            windows.append(span)
    return windows


def _seen(candidate: str, shown: list[str]) -> bool:
    bare = candidate.strip("…")
    return any(bare in old or old.strip("…") in bare for old in shown)


def quote(text: str, span: Span, limit: int = QUOTE_CHARS, *, lo: int = 0,
          hi: int | None = None) -> str:
    """The words of `span` with a little context, cut at word boundaries, on one line; a span
    longer than `limit` (a whole sentence the model scored) is cut after about `limit`
    characters, so a phone shows it in a few lines. The context stays inside the sentences
    that hold the span ("Доход от 5000$ в месяц." is quoted without the sentence before it)
    and inside `lo`..`hi` (where a neighbouring quote of the same flag starts and ends)."""
    hi = len(text) if hi is None else hi
    if span.end - span.start > limit:
        end = span.start + limit
        while end > span.start + limit // 2 and not text[end].isspace():
            end -= 1
        span = Span(span.start, end)
        body = " ".join(text[span.start : span.end].split())
        return ("…" if span.start > 0 else "") + body + "…"
    room = max(0, limit - (span.end - span.start)) // 2
    first, last = sentence_bounds(text, span, room)
    start = max(0, span.start - room, lo if lo <= span.start else 0, first)
    end = min(len(text), span.end + room, hi if hi >= span.end else len(text), last)
    while start > 0 and start < span.start and not text[start - 1].isspace():
        start += 1
    while end < len(text) and end > span.end and not text[end].isspace():
        end -= 1
    start, end = min(start, span.start), max(end, span.end)
    body = " ".join(text[start:end].split())
    cut = end < len(text) and not body.endswith((".", "!", "?", "…"))  # a sentence's end shows
    return ("…" if start > 0 else "") + body + ("…" if cut else "")
