"""break15, walk of issue 15 part 1 as a person pasting a vacancy that does not fit in one
message.

1. Pasted in two messages after /checkad (the way people copy a post paragraph by paragraph):
   the first half is checked ("medium"), and the second half, where the visa "on credit", the
   passport handed to a coordinator and "only in Telegram" are, is answered with the generic
   "I can check a job offer: 13 short questions" text: neither checked nor offered a check.
2. A long ad (over 8,192 characters: Telegram splits it into three messages) after /checkad:
   the bot says "the first part; Telegram splits into two messages", joins the second, and tells
   "no red flags, risk level: low"; the third part, with the fee and the passport handover,
   is then only offered a check of its own. The person was told "low" for a passport-taking ad.
"""

from __future__ import annotations

import pytest

from tests.break15.ads import at_checkad, report
from tests.break15.long_ad import TAIL_RU, body
from tests.core.test_adcheck_flow8 import FLAG_WORDS, _joined
from tests.helpers.chat import Chat, all_payloads

FIRST_HALF = ("Срочно требуются девушки 18-25 лет, привлекательной внешности, на работу в Дубай "
              "хостесс. Зарплата от 3000$ в неделю. Опыт не нужен!")
SECOND_HALF = ("Визу и билеты оформим сами, стоимость вычтем из первой зарплаты. Паспорт сдаёте "
               "координатору. Пишите только в Telegram @job_dubai")
PASSPORT_FLAG = "Паспорт нужно отдать"
LOW = "Уровень риска: низкий"


def _checked_or_offered(text: str, payloads: list[str]) -> bool:
    return any(w in text for w in FLAG_WORDS) or any(p.startswith("ad:check:") for p in payloads)


async def test_the_first_half_after_checkad_is_checked(chat: Chat) -> None:
    """The side that works: the first half is checked at once."""
    assert "Тревожных признаков" in await report(chat, "ru", FIRST_HALF)


@pytest.mark.xfail(strict=True, reason="break15: the second half of an ad pasted right after its "
                   "first half's report gets the generic job-offer text, no check, no offer")
async def test_the_second_half_pasted_next_is_checked_or_offered(chat: Chat) -> None:
    await at_checkad(chat, "ru")
    await chat.say(FIRST_HALF)
    response = await chat.say(SECOND_HALF)
    assert _checked_or_offered(_joined(response), all_payloads(response))


@pytest.mark.xfail(strict=True, reason="break15: an ad in three Telegram parts is rated 'low' on "
                   "its first two; the third part (fee, passport handover) is left out")
async def test_an_ad_in_three_parts_is_never_told_low_and_its_passport_flag_is_shown(
    chat: Chat,
) -> None:
    await at_checkad(chat, "ru")
    told = [_joined(await chat.say(body(4090))),
            _joined(await chat.say(body(4090, 3))),
            _joined(await chat.say(body(1500, 1) + " " + TAIL_RU))]
    assert not any(LOW in text for text in told)
    assert any(PASSPORT_FLAG in text for text in told)
