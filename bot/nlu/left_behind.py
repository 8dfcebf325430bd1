"""A passport the owner forgot at a hotel or a consulate, kept at its desk until collected (set
14, round 18).

"I forgot my passport at the hotel, they keep it at reception until I collect it in person",
"забыла паспорт в гостинице, его держат на ресепшене", "забылася пашпарт у гасцініцы" read as
documents withheld from the words "keep" and "passport". A desk keeping a forgotten passport
needs the owner's forgetting ("forgot", "забыл", "left my passport"), a place with a desk (a
hotel, a hostel, a reception, a consulate, a bank) and no sign of coercion: nobody refuses to
give it back or asks money for it, and no employer, agency or landlord is named.

Then the documents phrases are let off and the classifier's documents evidence does not count.
"I forgot my passport at the employer's office and they won't give it back", "забыла паспорт в
гостинице, а хозяин требует денег, чтобы вернуть" stay caught.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.nlu.cue_words import Cue, has_cue, has_stem

_FORGOT_STEMS = ("forgot", "забыл", "забыв", "забыў", "zabyl", "zabyv", "пакінул", "пакінуў",
                 "оставил", "ostavil")  # fmt: skip
_FORGOT: tuple[Cue, ...] = (("left", "my", "passport"), ("left", "the", "passport"))
# A desk that keeps lost things for their owner.
_DESK_STEMS = ("hotel", "отел", "гостиниц", "гасцініц", "hostel", "хостел", "reception",
               "ресепшн", "ресепшен", "рэцэпшн", "рэцэпшэн", "рецепц", "рэцэпц", "администратор",
               "адміністратар", "consulat", "консульств", "консульск", "embass",
               "посольств", "пасольств", "bank", "банк", "lost", "находок", "otel",
               "gostinic", "resepshen", "resepshn", "konsulstv")  # fmt: skip
# Coercion around it: a refusal, a price, an employer, an agency, a landlord.
_REFUSAL: tuple[Cue, ...] = (
    ("won't", "give"), ("wont", "give"), ("refuse",), ("refuses",), ("refused",),
    ("не", "отдают"), ("не", "отдает"), ("не", "вернут"), ("не", "возвращают"),
    ("не", "аддаюць"), ("не", "аддае"), ("не", "вяртаюць"), ("ne", "otdayut"),
)  # fmt: skip
_COERCION_STEMS = ("отказ", "адмаўл", "требу", "патраб", "demand", "pay", "плат", "money",
                   "деньг", "грош", "employer", "работодател", "працадаўц", "boss", "шеф",
                   "шэф", "начальн", "начальнік", "бригадир", "брыгадзір", "agenc", "агентств",
                   "агенцтв", "landlord", "хозя", "гаспадар", "trebu", "otkaz", "rabotodatel",
                   "nachalnik")  # fmt: skip


def left_at_a_desk(tokens: Sequence[str]) -> bool:
    """Whether cleaned `tokens` tell a passport the owner forgot at a desk that keeps it for them,
    with no coercion around it (module doc)."""
    forgot = has_stem(tokens, _FORGOT_STEMS) or has_cue(tokens, _FORGOT)
    return (
        forgot
        and has_stem(tokens, _DESK_STEMS)
        and not has_cue(tokens, _REFUSAL)
        and not has_stem(tokens, _COERCION_STEMS)
    )
