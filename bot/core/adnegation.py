"""Whether a rule's match in an ad is undone by a negation ("не", "без", "no"), read in the
match's own sentence and clause, with a list under one negation ("Никаких регистрационных
сборов, предоплат и «гарантийных взносов»") negated as a whole. The negations themselves are
content (content/ad_check.yaml `negations_before`, `negations_after`). Nothing here keeps or
logs the ad's text."""

from __future__ import annotations

import re

from bot.core.adtext import Span

NEGATION_WINDOW = 40  # characters around a match where "не", "без", "no" undo it
SENTENCE_END = re.compile(r"[.!?;\n→⟶➔➜]")  # as adtext.sentence_spans breaks sentences
# A negation before one of these is about the clause before it, not the match after it:
# "рабочие визы не дают, поэтому едем по гостевой", "no work visas, so you come as a tourist".
_LIST_GLUE = re.compile(r"[\s,«»\"“”„']*((и|і|или|ці|або|ни|ні|and|or|nor)[\s«»\"“”„']+)?")
_CLAUSE_TURN = re.compile(
    r"\b(?:поэтому|потому|так\s+что|зато|однако|таму|так\s+што|аднак|so|therefore|however|instead)\b"
)


def negated(before_patterns: list[re.Pattern[str]], after_patterns: list[re.Pattern[str]],
            low: str, span: Span, words: list[Span] | None = None) -> bool:
    """True when "не", "без", "no" undo the match at `span` of `low` (`before_patterns` and
    `after_patterns`: the content's negations before and after a match); `words`: every match of
    its rule.

    A negation counts only in the match's own sentence ("без комплексов. Паспорт..."), and,
    given `words`, across a comma only in a list of the rule's own words ("без предоплат,
    взносов и комиссий"): in "без опыта, оплата за регистрацию 50€" the "без" is about
    experience. Without `words` (a flag's `unless`), anywhere in the window before.
    """
    start = max(0, span.start - NEGATION_WINDOW)
    before = SENTENCE_END.split(low[start : span.start])[-1]
    before = _CLAUSE_TURN.split(before)[-1]
    after = SENTENCE_END.split(low[span.end : span.end + NEGATION_WINDOW])[0]
    if any(p.match(after) for p in after_patterns):
        return True
    if not any(p.search(before) for p in before_patterns):
        return False
    comma = before.rfind(",")
    if words is None or comma < 0 or any(p.search(before[comma + 1 :]) for p in before_patterns):
        return True
    listed_from = span.start - len(before)  # where `before` starts in `low`
    return any(listed_from <= w.start and w.end <= span.start - (len(before) - comma)
               for w in words if w != span)


def not_negated(before_patterns: list[re.Pattern[str]], after_patterns: list[re.Pattern[str]],
                low: str, words: list[Span]) -> list[Span]:
    """The rule's matches `words` that no negation undoes. A match joined to a negated one by
    nothing but a comma, "и", "or" or quotes is in the same list under that negation ("Никаких
    регистрационных сборов, предоплат и «гарантийных взносов»", adneg18), and so is a match
    inside a negated one."""
    kept: list[Span] = []
    undone: list[Span] = []
    for span in sorted(words, key=lambda s: (s.start, s.end)):
        listed = any(n.start <= span.start and span.end <= n.end for n in undone) or any(
            n.end <= span.start and _LIST_GLUE.fullmatch(low, n.end, span.start)
            for n in undone[-1:])
        gone = listed or negated(before_patterns, after_patterns, low, span, words)
        (undone if gone else kept).append(span)
    return kept
