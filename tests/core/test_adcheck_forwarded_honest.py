"""A forwarded honest ad (break15): "Warehouse workers needed in Poland, 1200 EUR a month.
Call …", forwarded, got the emergency screen before the offer to check it (the classifier read
withheld wages), while the same text pasted got the offer alone. A message the bot recognises
as a job ad, forwarded or pasted, gets the offer; a forwarded one gets the numbers first only
when a danger phrase fires or its own check is strong (`adcheck_danger.ad_not_danger`), and a
forwarded cry keeps them first (test_adcheck.py). Through the real engine, content and triage.
"""

from __future__ import annotations

import pytest

from bot.core.events import Response
from tests.core.test_adcheck_flow8 import _emergency_first
from tests.helpers.ad_paste import joined
from tests.helpers.chat import Chat, all_payloads

HONEST = [
    ("ru", "Требуются рабочие на склад в Польше. Зарплата 1200 евро в месяц. "
           "Звоните +48 600 000 000"),
    ("be", "Патрэбны рабочыя на склад у Польшчы. Заробак 1200 еўра ў месяц. "
           "Тэлефануйце +48 600 000 000"),
    ("en", "Warehouse workers needed in Poland, 1200 EUR a month. Call +48 600 123 456"),
]
# A recruiter's ad with danger words and trafficking signs (the passport kept, age and looks).
DANCER = ("Предлагаем работу танцовщицей в клубе в Турции. Возраст до 25, рост от 170, фото в "
          "купальнике прислать. Билеты в долг, отработаешь. Паспорт будет у администратора.")

def _offered(response: Response) -> bool:
    return any(p.startswith("ad:check:") for p in all_payloads(response))


@pytest.mark.parametrize("forwarded", [False, True], ids=["pasted", "forwarded"])
@pytest.mark.parametrize(("lang", "ad"), HONEST, ids=["ru", "be", "en"])
async def test_break15_an_honest_ad_is_offered_its_check_without_the_numbers(
    chat: Chat, lang: str, ad: str, forwarded: bool
) -> None:
    chat.language_code = lang
    await chat.command("/start")
    response = await chat.say(ad, forwarded=forwarded)
    assert _offered(response) and "112" not in joined(response)


async def test_break15_a_forwarded_ad_with_danger_words_gets_the_numbers_then_the_offer(
    chat: Chat,
) -> None:
    chat.language_code = "ru"
    await chat.command("/start")
    response = await chat.say(DANCER, forwarded=True)
    assert _emergency_first(response) and _offered(response)
