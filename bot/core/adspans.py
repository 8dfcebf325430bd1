"""The spans of an ad a red flag points at: merged where they touch, and never running over two
sentences, so that each quote the person sees is words of one sentence of the ad."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.core.adtext import Span

MERGE_GAP = 3  # spans of one flag this close (or overlapping) are quoted as one
QUOTE_CHARS = 90  # the quoted words plus a little context, so the person finds them in the ad


def merge_spans(spans: Iterable[Span]) -> tuple[Span, ...]:
    """The spans in order, those that overlap or nearly touch merged into one: two rules on
    the same words are quoted once. Two spans stay apart when together they would be longer
    than one quote (`QUOTE_CHARS`), so each is still quoted whole; a span inside another is
    always merged into it."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        last_end = merged[-1].end if merged else -1
        touching = bool(merged) and span.start <= last_end + MERGE_GAP
        if touching and (span.end <= last_end
                         or max(last_end, span.end) - merged[-1].start <= QUOTE_CHARS):
            last = merged[-1]
            merged[-1] = Span(last.start, max(last.end, span.end))
        else:
            merged.append(span)
    return tuple(merged)


def within_sentences(spans: Iterable[Span], sentences: Sequence[Span],
                     text: str) -> tuple[Span, ...]:
    """`spans` (character offsets into `text`) cut where `sentences` (`adtext.sentence_spans`
    of `text`, in order) end, each part merged only with parts of its own sentence.

    Two sentences the model scored side by side ("Паспорт сдаёте куратору. Так надёжнее.") or
    a rule's words with the pay in the sentence before ("опыт не нужен. Зарплата до 30
    долларов") become one span per sentence, quoted apart. A part with no letter or digit
    (the "." of the sentence before) is left out; a span in no sentence is kept whole, so a
    flag never loses its pointer at the ad's words.
    """
    parts: dict[int, list[Span]] = {}
    loose: list[Span] = []
    for span in spans:
        cut = [
            (index, Span(max(span.start, sentence.start), min(span.end, sentence.end)))
            for index, sentence in enumerate(sentences)
            if sentence.start < span.end and span.start < sentence.end
        ]
        cut = [(index, part) for index, part in cut
               if any(c.isalnum() for c in text[part.start : part.end])]
        if not cut:
            loose.append(span)
        for index, part in cut:
            parts.setdefault(index, []).append(part)
    found = [span for group in parts.values() for span in merge_spans(group)]
    return tuple(sorted([*found, *merge_spans(loose)], key=lambda s: (s.start, s.end)))


def same_sentence(one: Span, other: Span, sentences: Sequence[Span]) -> bool:
    """True when both spans lie in one of `sentences` (and when `sentences` is empty)."""
    if not sentences:
        return True
    return any(s.start <= min(one.start, other.start) and max(one.end, other.end) <= s.end
               for s in sentences)


def inside(inner: Span, outer: Span) -> bool:
    """True when `inner` (character offsets) lies within `outer`."""
    return outer.start <= inner.start and inner.end <= outer.end


def overlap(one: Span, other: Span) -> bool:
    """True when the two spans (character offsets) share a character."""
    return one.start < other.end and other.start < one.end


def masked(text: str, part: Span, spans: list[Span]) -> str:
    """`text[part]` with the characters of `spans` blanked: the words the rule matched."""
    chars = list(text[part.start : part.end])
    for span in spans:
        for at in range(max(span.start, part.start), min(span.end, part.end)):
            chars[at - part.start] = " "
    return "".join(chars)
