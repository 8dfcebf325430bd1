"""Negation in an ad, two ways:

- `negation_scopes`: the stretches of a sentence that a negation word covers ("не", "без",
  "no", ...: from the word after it to the end of its clause; or a clause that ends in "нет",
  "none"). One reading, shared by the sentence model (its "¬" marks, `admodel.prepare`) and by
  the cue words (`adcuewords`: a cue word counts only outside these stretches).
- `negated` / `not_negated`: whether a rule's match is undone by the content's negations
  (content/ad_check.yaml `negations_before`, `negations_after`), read in the match's own
  sentence and clause, with a list under one negation ("Никаких регистрационных сборов,
  предоплат и «гарантийных взносов»") negated as a whole.

Nothing here keeps or logs the ad's text."""

from __future__ import annotations

import re

from bot.core.adtext import Span

# The words that negate the rest of their clause, and those that negate a clause they end ("вычетов
# нет", "deposit: none"); written as `adtext.normalize` leaves a text (and as the model's letter
# folding leaves them, where it changes nothing).
NEGATORS = frozenset("""не без ни нет ничего никаких никакой никогда бесплатно бесплатный
    бясплатна бясплатны ні няма нічога ніякіх ніколі no not never nothing none without free
    dont doesnt isnt arent wont zero nobody""".split())
AFTER_NEGATORS = frozenset({"нет", "няма", "none", "ничего", "нічога"})
CLAUSE_END = re.compile(r"[,.;:!?()\-–—]")
WORD = re.compile(r"\w+(?:['’]\w+)?")
NEGATION_WINDOW = 40  # characters around a match where "не", "без", "no" undo it
SENTENCE_END = re.compile(r"[.!?;\n→⟶➔➜]")  # as adtext.sentence_spans breaks sentences
# A negation before one of these is about the clause before it, not the match after it:
# "рабочие визы не дают, поэтому едем по гостевой", "no work visas, so you come as a tourist".
_LIST_GLUE = re.compile(r"[\s,«»\"“”„']*((и|і|или|ці|або|ни|ні|and|or|nor)[\s«»\"“”„']+)?")
_CLAUSE_TURN = re.compile(
    r"\b(?:поэтому|потому|так\s+что|зато|однако|таму|так\s+што|аднак|so|therefore|however|instead)\b"
)


def negation_scopes(text: str) -> list[tuple[int, int]]:
    """The stretches (start, end offsets into `text`, a lower-cased sentence) that a negation
    covers: from the word after the first negator of a clause to the clause's end ("nothing
    ¬is ¬deducted"), or every word but the last of a clause that ends in "нет", "none"
    ("¬вычетов нет"). A negator that is its clause's last word covers nothing."""
    scopes: list[tuple[int, int]] = []
    start = 0
    for end in [m.start() for m in CLAUSE_END.finditer(text)] + [len(text)]:
        words = list(WORD.finditer(text, start, end))
        if words and words[-1].group() in AFTER_NEGATORS:
            scopes.append((words[0].start(), words[-1].start()))
        else:
            for at, word in enumerate(words[:-1]):
                if word.group().replace("'", "").replace("’", "") in NEGATORS:
                    scopes.append((words[at + 1].start(), end))
                    break
        start = end + 1
    return scopes


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
