"""break15, walk of issue 15 part 1 with ads as they are typed: the euro spelled "эвро" (a
common Russian spelling) or "еура" (Belarusian typed without "ў") is not read as a currency,
so "3000 эвро, опыт не нужен" raises no "pay far above normal" and the person hears "no known
red flags, risk level: low"; with "евро"/"еўра" the same ad raises the flag."""

from __future__ import annotations

import pytest

from tests.break15.ads import report
from tests.helpers.chat import Chat

TOO_GOOD = {"ru": "Заработок намного выше обычного", "be": "Заробак нашмат вышэйшы за звычайны"}
AS_WRITTEN = [("ru", "Работа в Польше на складе, 3000 евро, опыт не нужен."),
              ("be", "Праца ў Польшчы на складзе, 3000 еўра, вопыт не патрэбны.")]
AS_TYPED = [("ru", "Работа в Польше на складе, 3000 эвро, опыт не нужен."),
            ("be", "Праца ў Польшчы на складзе, 3000 еура, вопыт не патрэбны.")]


@pytest.mark.parametrize(("lang", "ad"), AS_WRITTEN, ids=["ru", "be"])
async def test_the_euro_spelled_right_raises_too_good(chat: Chat, lang: str, ad: str) -> None:
    assert TOO_GOOD[lang] in await report(chat, lang, ad)


@pytest.mark.xfail(strict=True, reason="break15: 'эвро' / 'еура' is not read as euros: no "
                   "'pay far above normal', the ad is rated low")
@pytest.mark.parametrize(("lang", "ad"), AS_TYPED, ids=["ru-эвро", "be-еура"])
async def test_the_euro_spelled_loosely_raises_too_good(chat: Chat, lang: str, ad: str) -> None:
    assert TOO_GOOD[lang] in await report(chat, lang, ad)
