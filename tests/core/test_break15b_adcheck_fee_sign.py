"""break15b's walk of the ad check (issue 15, part 1): a "registration" payment is the first
red flag the issue names, and people write the amount the way Telegram vacancies do, the
currency sign glued to the number: "Регистрация 150€", "Рэгістрацыя 150€", "Registration
150€", "Регистрация €150", "Регистрация 500 zł". Each was rated "low risk" with no red flag,
while "Регистрация 150 евро", "Регистрация: 150€" and "Registration 150 EUR" raise "You pay to
get the job". An honest ad that only names a free registration stays low."""

from __future__ import annotations

import pytest

from tests.helpers.ad_paste import report
from tests.helpers.chat import Chat

FEE = {"ru": "Плата за работу", "be": "Плата за працу", "en": "You pay to get the job"}
LOW = {"ru": "Уровень риска: низкий", "be": "Узровень рызыкі: нізкі", "en": "Risk level: low"}
AD = {"ru": "Работа в Германии на заводе, зарплата 1800 евро брутто, договор. {fee} Резюме "
            "на почту hr@werk.de",
      "be": "Праца ў Германіі на заводзе, заробак 1800 еўра брута, дамова. {fee} Рэзюмэ на "
            "пошту hr@werk.de",
      "en": "Factory work in Germany, 1800 EUR gross a month, contract. {fee} CV to "
            "hr@werk.de"}
MISSED = [("ru", "Регистрация 150€."), ("ru", "Регистрация €150."), ("ru", "Регистрация 150$."),
          ("ru", "Регистрация 500 zł."), ("be", "Рэгістрацыя 150€."),
          ("en", "Registration 150€.")]
CAUGHT = [("ru", "Регистрация 150 евро."), ("ru", "Регистрация: 150€"),
          ("be", "Рэгістрацыя 150 еўра."), ("en", "Registration 150 EUR.")]


@pytest.mark.xfail(strict=True, reason="a registration amount with its currency sign glued "
                   "('150€', '€150', '150$', '500 zł') raises no fee flag (break15b)")
@pytest.mark.parametrize(("lang", "fee"), MISSED, ids=[f"{lang}-{fee}" for lang, fee in MISSED])
async def test_break15b_a_registration_fee_with_a_currency_sign_is_a_fee(
    chat: Chat, lang: str, fee: str,
) -> None:
    assert FEE[lang] in await report(chat, lang, AD[lang].format(fee=fee))


@pytest.mark.parametrize(("lang", "fee"), CAUGHT, ids=[f"{lang}-{fee}" for lang, fee in CAUGHT])
async def test_break15b_a_registration_fee_in_words_is_a_fee(
    chat: Chat, lang: str, fee: str,
) -> None:
    assert FEE[lang] in await report(chat, lang, AD[lang].format(fee=fee))


async def test_break15b_a_free_registration_stays_low(chat: Chat) -> None:
    said = await report(chat, "ru", AD["ru"].format(fee="Регистрация бесплатно, помогаем с "
                                                         "жильём."))
    assert LOW["ru"] in said and FEE["ru"] not in said
