"""A cry for help about an ordinary trouble: a missed train, a lost wallet (set 14, round 18).

"ратуйце!!! спазнілася на цягнік у Варшаве, грошай няма", "спасите, опоздала на автобус", "help,
missed my flight and have no money" are stranded_abroad: the person is stuck, not in danger.
The frame needs a missed connection or a lost wallet or card, and no danger named (a lock,
violence, documents taken, a threat, someone after them: bot.nlu.coercion).

Then a danger phrase made of cry words alone ("ратуйце", "спасите меня", "sos") is let off and the
classifier's cry evidence does not count. "ратуйце, спазнілася на цягнік, а за мной гоняцца"
and "спасите, меня заперли" stay caught.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.nlu.coercion import Coercion
from bot.nlu.cue_words import has_stem

# A missed train, bus or flight; a lost or stolen wallet or card; no money for a ticket.
_MISSED_STEMS = ("missed", "опоздал", "спазніл", "спазніў", "opozdal", "отстал", "адстал",
                 "lost", "потерял", "згубіл", "згубіў", "poteryal")  # fmt: skip
_THING_STEMS = ("train", "bus", "flight", "plane", "поезд", "цягнік", "электрич", "электрыч",
                "автобус", "аўтобус", "самол", "рейс", "рэйс", "wallet", "кошел", "кашал",
                "card", "карт", "ticket", "билет", "білет", "poezd", "avtobus", "samolet",
                "koshel")  # fmt: skip
# Cry words: a phrase made of these alone is a cry, not a danger named.
CRY_WORDS = frozenset(
    "ратуйце ратуй спасите спаси помогите помоги дапамажыце дапамажы help sos pomogite spasite "
    "ratujce мяне меня me us нас please пожалуйста срочно тэрмінова urgent urgently "
    "кто-нибудь хто-небудзь someone somebody".split()
)


def ordinary_trouble(tokens: Sequence[str], coercion: Coercion) -> bool:
    """Whether cleaned `tokens` name a missed connection or a lost wallet and no danger (module
    doc)."""
    return (
        has_stem(tokens, _MISSED_STEMS)
        and has_stem(tokens, _THING_STEMS)
        and not coercion.named(tokens)
    )


def only_a_cry(matched: Sequence[str]) -> bool:
    """Whether a phrase's matched words are cry words alone ("ратуйце", "спасите меня")."""
    return all(word in CRY_WORDS for word in matched)
