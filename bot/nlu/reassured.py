"""Whether a whole message is reassured: the person says they are fine, only asking, or got the
thing back, or a hypothetical or story frames it ("nobody took my documents, I'm just asking",
"checked my passport at the border and gave it back"). Under such a frame the classifier's risk
evidence alone needs more weight (bot.core.triage.REASSURED_THRESHOLD); the danger phrases are
read by bot.nlu.negation as usual.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.nlu.negation import by_first_word, clause_numbers, cue_at, frames_at, negated_at

__all__ = ["reassured"]

# Words that say the person is fine, only asking, or got the thing back: "nobody took my
# documents, I'm just asking", "they pay every Friday, no problems", "checked my passport at the
# border and gave it back". Under such a frame the classifier's risk evidence needs more weight
# before it alone opens the at-risk path; the danger phrases fire as usual. A cue right after a
# negator ("не вернули", "never gave it back") is no reassurance.
_REASSURANCES: tuple[tuple[str, ...], ...] = (
    ("just", "asking"), ("just", "wondering"), ("just", "in", "case"), ("no", "problems"),
    ("no", "problem"), ("no", "issues"), ("all", "good"), ("everything", "is", "fine"),
    ("everything's", "fine"), ("nothing", "happened"), ("nothing", "has", "happened"),
    ("i'm", "safe"), ("im", "safe"), ("i", "am", "safe"), ("hypothetically",),
    ("gave", "it", "back"), ("gave", "them", "back"), ("handed", "it", "back"),
    ("returned", "it"), ("on", "time"), ("просто", "спрашиваю"), ("просто", "интересуюсь"),
    ("просто", "хочу", "узнать"), ("на", "всякий", "случай"), ("все", "нормально"),
    ("все", "хорошо"), ("все", "в", "порядке"), ("без", "проблем"), ("вовремя",),
    ("ничего", "не", "случилось"), ("ничего", "не", "произошло"), ("гипотетически",),
    ("и", "вернули"), ("и", "отдали"), ("потом", "отдал"), ("потом", "отдали"),
    ("сразу", "вернули"), ("i", "vernuli"), ("srazu", "vernuli"), ("i", "otdali"),
    ("i", "viarnuli"), ("проста", "пытаюся"), ("на", "ўсякі", "выпадак"),
    ("без", "праблем"),
    ("своечасова",), ("нічога", "не", "здарылася"), ("нічога", "не", "адбылося"),
    ("і", "вярнулі"), ("і", "аддалі"), ("адразу", "аддалі"), ("адразу", "вярнулі"),
    ("not", "in", "danger"), ("only", "want", "to", "ask"), ("only", "asking"),
    ("не", "в", "опасности"), ("в", "безопасности"), ("просто", "вопрос"),
    ("не", "ў", "небяспецы"), ("у", "бяспецы"), ("проста", "пытанне"),
    # only curious, or asking before a first trip (the breaker-10 tester's kinds)
    ("just", "curious"), ("просто", "интересно"), ("просто", "любопытно"),
    ("проста", "цікава"), ("просто", "чтобы", "знать"), ("проста", "каб", "ведаць"),
    # paid in full so far (a contract question, not a wage claim; "не платят полностью" is not)
    ("платят", "полностью"), ("плацяць", "цалкам"), ("pay", "in", "full"), ("paid", "in", "full"),
    ("platyat", "polnostyu"), ("just", "so", "i", "know"), ("asking", "before", "i", "sign"),
    ("just", "preparing"),
    ("еду", "первый", "раз"), ("еду", "впервые"), ("хочу", "подготовиться"),
    ("еду", "ўпершыню"), ("еду", "першы", "раз"),
    # news and articles about others (the model only: a phrase after "news" still fires)
    ("news",), ("article",), ("новости",), ("новость",), ("новостях",), ("статья",),
    ("статью",), ("статье",), ("навіны",), ("навіна",), ("навінах",), ("артыкул",),
)  # fmt: skip
_REASSURANCE_CUES = by_first_word(_REASSURANCES)


def reassured(tokens: Sequence[str], raw: str | None = None) -> bool:
    """Whether cleaned `tokens` hold a reassurance, a hypothetical or a story frame (above).

    With the `raw` text the tokens were cleaned from, a negator in an earlier clause does not
    cancel a reassurance: "nobody took it, just asking" is reassured, "they don't pay on time"
    is not. (The clauses are found only for a cue with a negator before it: rare and cheap.)
    """
    clauses: list[int] | None = None
    for at in range(len(tokens)):
        if frames_at(tokens, at):
            return True
        if not cue_at(tokens, at, _REASSURANCE_CUES):
            continue
        if not negated_at(tokens, at):
            return True
        if raw is not None and clauses is None:
            clauses = clause_numbers(raw, tokens) or []
        if clauses and not negated_at(tokens, at, clauses):
            return True
    return False
