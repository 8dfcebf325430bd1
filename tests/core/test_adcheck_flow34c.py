"""Short posts typed in Latin letters (ad34c): a two- or three-line ad in transliterated
Russian, or mixed with Cyrillic, is offered its check when pasted without a command (pay with
its currency and a contact), and one with a red flag but fewer words than an ad is checked after
/checkad, not asked for again. Through the real engine, content, recogniser and triage.
"""

from __future__ import annotations

import pytest

from tests.core.test_adcheck_flow8 import LEVEL_WORDS, _joined
from tests.core.test_adcheck_flow11b import OFFER_WORDS, _pasted
from tests.helpers.chat import Chat

SHORT_TRANSLIT_ADS = [
    "Rabota v Germanii na sklade\nZP 2500 evro\npishite v WhatsApp",
    "Sborka mebeli v Litve, 1300 euro\nzvonite ili pishite v telegram",
    "Работа в Польше\noformlenie 150 evro\npishite v telegram",
]


@pytest.mark.parametrize("text", SHORT_TRANSLIT_ADS, ids=["translit", "euro", "mixed"])
async def test_ad34c_a_short_translit_post_is_offered_the_check(chat: Chat, text: str) -> None:
    chat.language_code = "ru"
    await chat.command("/start")
    told = _joined(await chat.say(text))
    assert any(w in told for w in OFFER_WORDS)


@pytest.mark.parametrize("text", [
    "Devushki do 23 let\nstroinye",
    "Srochno, ostalos 3 mesta\nkontrakt na meste",
    "Девушки до 23 лет, stroinye",
])
async def test_ad34c_a_short_post_with_a_red_flag_after_checkad_is_checked(
    chat: Chat, text: str,
) -> None:
    told = await _pasted(chat, "ru", text)
    assert any(w in told for w in LEVEL_WORDS)
    assert "слишком короткий" not in told


async def test_ad34c_a_few_words_without_a_flag_are_still_asked_for_again(chat: Chat) -> None:
    told = await _pasted(chat, "ru", "Rabota v Litve")
    assert "слишком короткий" in told
