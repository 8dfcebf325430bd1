"""Coercive means named in a message: what makes a labour framing ("угрожают уволить", "if I
change jobs", "I broke my contract") a forced-labour story.

The indicators of forced labour (ILO, "ILO Indicators of Forced Labour", 2012) include debt
bondage, intimidation and threats (among them a threat to denounce a worker to the police or
the migration authorities), retention of identity documents, restriction of movement, and
physical and sexual violence; threats against the family are among its forms of intimidation.
A message that names one of them is not let off as a dismissal question
(bot.nlu.everyday.dismissal_looms): "he'll tell the migration office I broke my contract if I
change jobs, and I can't leave until the loan is cleared" is debt bondage, not an HR question.
"""

from __future__ import annotations

from collections.abc import Sequence

# Violence, sexual abuse, a threat to life or of being hunted down ("найдёт", "find").
_VIOLENCE_STEMS = ("убь", "убить", "убьют", "заб'ю", "забʼю", "забіць", "ubit", "ubyu", "kill",
                   "hurt", "beat", "изб", "бить", "бьют", "збіць", "б'юць", "izbi", "побо",
                   "пабо", "poboy", "закопа", "zakopa", "rape", "harass", "насил", "гвалт",
                   "домога", "forced", "find", "найд", "знайд", "ищ", "шука", "ubyut")  # fmt: skip
# The authorities as a threat: the police, deportation, the migration office.
_AUTHORITY_STEMS = ("polic", "полиц", "паліц", "politsi", "policii", "deport", "депорт",
                    "migrat", "immigra", "миграц", "міграц", "migrac", "migrats")  # fmt: skip
# Documents held.
_DOCUMENT_STEMS = ("паспорт", "пашпарт", "pasport", "passport", "document", "докум", "дакум",
                   "zaberut")  # fmt: skip
# Locked in.
_LOCK_STEMS = ("locked", "lock", "запер", "заперт", "запира", "зачын", "zaper")
# The family as a hostage.
_FAMILY_STEMS = ("famil", "семь", "сям'", "сямʼ", "semy", "родн", "kids", "children", "дет",
                 "дзец")  # fmt: skip
# A debt that keeps the person working. Whole words: "долго" (long) and "должен" (must),
# "доўга" (long) are not a debt.
_DEBT = frozenset("долг долга долгу долгом долги долгов доўг доўгу даўгі даўгоў dolg dolga "
                  "dolgu dolgi debt debts loan loans owe owes owed".split())  # fmt: skip

COERCIVE_STEMS = _VIOLENCE_STEMS + _AUTHORITY_STEMS + _DOCUMENT_STEMS + _LOCK_STEMS + _FAMILY_STEMS


def names_coercion(tokens: Sequence[str]) -> bool:
    """Whether cleaned `tokens` name a coercive means (module doc): a debt, the police or the
    migration office, documents, a lock, violence or the family."""
    return any(word in _DEBT or word.startswith(COERCIVE_STEMS) for word in tokens)
