"""An ordinary workplace consequence threatened: a bonus, a review, a reprimand (set 14,
round 18).

"boss threatens to take my bonus if I'm late again lol", "грозится лишить премии, если опоздаю
😤", "threatened me with a bad review", "начальнік пагражае пазбавіць прэміі" name a threat verb,
but what is threatened is an ordinary consequence at work, like a dismissal
(bot.nlu.everyday.dismissal_looms). Every threat verb must have such a consequence (or a
dismissal) within the next `_NEAR` words, and the message must name no coercive means
(bot.nlu.coercion: violence, the police or deportation, documents, a lock, the family, a debt).

Then the threat phrases are let off and the classifier's threat evidence does not count
(bot.core.danger_phrases, bot.core.triage). "threatens to take my bonus and to tell the police",
"пригрозил лишить премии и избить", "threatens my family" stay caught.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.nlu.coercion import Coercion
from bot.nlu.cue_words import has_stem
from bot.nlu.everyday import Everyday

# A bonus, a review or a reference, a reprimand, a pay rise or overtime taken away.
_PENALTY_STEMS = ("bonus", "прем", "прэм", "premi", "review", "reference", "отзыв", "водгук",
                  "характеристик", "характарыстык", "рекомендац", "рэкамендац", "выговор",
                  "вымов", "reprimand", "warning", "overtime", "сверхуроч", "звышурочн",
                  "raise", "повышени", "павышэнн", "otzyv", "vygovor",
                  # a chore at the office party (round 19b: "threatened to make me DJ the
                  # Christmas party 😱")
                  "party", "parties", "корпоратив", "карпаратыў", "вечерин", "вечарын", "dj",
                  "дидже", "дыджэ", "karaoke", "караоке", "korporativ", "didzh")  # fmt: skip
_NEAR = 5
# The writer's comment on the threat, not a threat of its own: "what a threat 😂", "вот это
# угроза", "тоже мне угроза", "вось гэта пагроза" (round 19b). The words just before it.
_COMMENTS = (("what", "a"), ("some",), ("вот", "это"), ("вот", "так"), ("тоже", "мне"),
             ("вось", "гэта"), ("таксама", "мне"), ("vot", "eto"))  # fmt: skip


def _comment(tokens: Sequence[str], at: int) -> bool:
    """Whether the threat word at `at` is the writer's comment ("what a threat")."""
    return any(tuple(tokens[max(0, at - len(cue)) : at]) == cue for cue in _COMMENTS)


def penalty_looms(tokens: Sequence[str], everyday: Everyday, coercion: Coercion) -> bool:
    """Whether every threat verb of cleaned `tokens` threatens an ordinary workplace consequence
    or a dismissal, and no coercive means is named (module doc); `everyday` and `coercion`:
    the content's frames (content/triage_frames.yaml)."""
    if coercion.named(tokens):
        return False
    threats = [at for at, word in enumerate(tokens)
               if word.startswith(everyday.threat_verbs) and not _comment(tokens, at)]  # fmt: skip
    if not threats:
        return False
    return all(
        has_stem(tokens[at + 1 : at + 1 + _NEAR], _PENALTY_STEMS)
        or everyday.dismissal_looms(tokens[at : at + 1 + _NEAR])
        for at in threats
    )
