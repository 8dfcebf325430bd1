"""break15, walk of issue 15 part 1 as a person forwarding a recruiter's message: an honest
vacancy with no danger words ("Warehouse workers needed in Poland, 1200 EUR a month. Call
…"), forwarded, got the emergency screen first (112, the hotlines, "which country?") and only
then the offer to check it; pasted, the same text gets the offer alone. The classifier reads
the ad as withheld wages (log: intent=risk_wages_withheld at_risk=True). README promises the
numbers first for a forwarded message only when it "trips the danger phrases"."""

from __future__ import annotations

import pytest

from tests.core.test_adcheck_flow8 import _joined
from tests.helpers.chat import Chat, all_payloads

HONEST = [
    ("ru", "Требуются рабочие на склад в Польше. Зарплата 1200 евро в месяц. "
           "Звоните +48 600 000 000"),
    ("be", "Патрэбны рабочыя на склад у Польшчы. Заробак 1200 еўра ў месяц. "
           "Тэлефануйце +48 600 000 000"),
    ("en", "Warehouse workers needed in Poland, 1200 EUR a month. Call +48 600 123 456"),
]


async def _first_reply(chat: Chat, lang: str, ad: str, *, forwarded: bool) -> tuple[str, bool]:
    chat.language_code = lang
    await chat.command("/start")
    response = await chat.say(ad, forwarded=forwarded)
    offered = any(p.startswith("ad:check:") for p in all_payloads(response))
    return _joined(response), offered


FORWARDED_XFAIL = pytest.mark.xfail(
    strict=True, reason="break15: a forwarded honest ad is read by the classifier as withheld "
    "wages and gets the emergency screen before the offer")


@pytest.mark.parametrize("forwarded", [
    pytest.param(False, id="pasted"),  # the side that works: the offer alone
    pytest.param(True, id="forwarded", marks=FORWARDED_XFAIL),
])
@pytest.mark.parametrize(("lang", "ad"), HONEST, ids=["ru", "be", "en"])
async def test_an_honest_ad_is_offered_its_check_without_the_numbers(
    chat: Chat, lang: str, ad: str, forwarded: bool
) -> None:
    text, offered = await _first_reply(chat, lang, ad, forwarded=forwarded)
    assert offered and "112" not in text
