"""A job offer not yet accepted, asked about, with a red flag in it (set 14, round 18).

"they say the passport must be left with them for the first week 'for registration', is that
normal?", "мне предлагают работу, говорят паспорт надо оставить у них, это нормально?", "a
niece was offered dancing work abroad, girls 18-25, sounds fishy, what do you think?" are
job_offer_check: advice before a decision, nobody is held. The frame needs an offer (offered, a
vacancy, an interview, "предлагают", "прапануюць"), an opinion asked ("is that normal?", "sounds
fishy", "что думаете", "ці нармальна"), and the writer not there yet: nothing says they took
the job, arrived, or that it is happening now ("теперь", "уже", "here", "I took the job").

Then the phrases of held documents, wages, movement and deception are let off (a threat or a
cry still fires) and the classifier alone needs `bot.core.triage.REASSURED_THRESHOLD`. "I took
the job and now they keep my passport, is that normal?" and "мне предложили работу, я приехала,
а теперь паспорт у них" stay caught.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.nlu.cue_words import Cue, has_cue, has_stem

_OFFER_STEMS = ("offer", "vacanc", "interview", "предлага", "предлож", "ваканс", "собеседован",
                "прапан", "прапаноў", "гутарк", "predlag", "predlozh", "vakans")  # fmt: skip
_ASKED_STEMS = ("normal", "нормальн", "нармальн", "fishy", "suspicious", "подозрит", "падазрон",
                "scam", "развод", "лохотрон", "legit", "законн", "podozrit", "normaln",
                "нормалн", "подозрител")  # fmt: skip
_ASKED: tuple[Cue, ...] = (
    ("what", "do", "you", "think"), ("is", "that", "ok"), ("is", "it", "ok"),
    ("should", "i"), ("что", "думаете"), ("что", "скажете"), ("стоит", "ли"),
    ("што", "думаеце"), ("як", "думаеце"), ("ці", "варта"), ("chto", "dumaete"),
    ("stoit", "li"),
)  # fmt: skip
# The writer is there or took the job: then it is a report, not an offer.
_THERE_STEMS = ("теперь", "уже", "ужо", "ўжо", "цяпер", "здесь", "тут", "here", "now", "already",
                "приехал", "прыехал", "arrived", "accepted", "согласил", "пагадзіл", "работаю",
                "працую", "working", "teper", "uzhe", "zdes", "priehal", "rabotayu")  # fmt: skip
_THERE: tuple[Cue, ...] = (("took", "the", "job"), ("took", "it"), ("i", "work"), ("we", "work"))


# A cry: "scam vacancy, help" is a report.
_CRY = frozenset("help помогите помоги дапамажыце ратуйце спасите sos pomogite".split())


def offer_asked(tokens: Sequence[str], raw: str) -> bool:
    """Whether cleaned `tokens` of `raw` ask an opinion on a job offer the writer has not taken
    (module doc): an opinion word in a question, or a question cue."""
    asked = (has_stem(tokens, _ASKED_STEMS) and "?" in raw) or has_cue(tokens, _ASKED)
    return (
        has_stem(tokens, _OFFER_STEMS)
        and asked
        and not _CRY & set(tokens)
        and not has_stem(tokens, _THERE_STEMS)
        and not has_cue(tokens, _THERE)
    )
