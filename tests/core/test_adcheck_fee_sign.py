"""The ad check's fee flag on a registration sum written as Telegram vacancies write it (issue 15,
part 1; found by break15b, fixed in ad32d): the currency sign or code glued to the number or put
before it, right after the fee word with no colon ("Регистрация 150€", "Рэгістрацыя 150€",
"Registration 150€", "Регистрация €150", "Регистрация 500 zł"), raises "You pay to get the job"
as "Регистрация 150 евро" and "Регистрация: 150€" do. A free registration, a zero sum beside it
included, stays low."""

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
SIGNED = [("ru", "Регистрация 150€."), ("ru", "Регистрация €150."), ("ru", "Регистрация 150$."),
          ("ru", "Регистрация 500 zł."), ("be", "Рэгістрацыя 150€."),
          ("en", "Registration 150€."), ("en", "Booking €150.")]
IN_WORDS = [("ru", "Регистрация 150 евро."), ("ru", "Регистрация: 150€"),
            ("be", "Рэгістрацыя 150 еўра."), ("en", "Registration 150 EUR.")]
FREE = [("ru", "Регистрация бесплатно, помогаем с жильём."),
        ("ru", "Регистрация 0€ / бесплатно."), ("be", "Рэгістрацыя 0€, бясплатна."),
        ("en", "Registration 0€, it is free.")]


@pytest.mark.parametrize(("lang", "fee"), SIGNED, ids=[f"{lang}-{fee}" for lang, fee in SIGNED])
async def test_a_registration_fee_with_a_currency_sign_is_a_fee(
    chat: Chat, lang: str, fee: str,
) -> None:
    assert FEE[lang] in await report(chat, lang, AD[lang].format(fee=fee))


@pytest.mark.parametrize(("lang", "fee"), IN_WORDS,
                         ids=[f"{lang}-{fee}" for lang, fee in IN_WORDS])
async def test_a_registration_fee_in_words_is_a_fee(chat: Chat, lang: str, fee: str) -> None:
    assert FEE[lang] in await report(chat, lang, AD[lang].format(fee=fee))


@pytest.mark.parametrize(("lang", "free"), FREE, ids=[f"{lang}-{free}" for lang, free in FREE])
async def test_a_free_registration_stays_low(chat: Chat, lang: str, free: str) -> None:
    said = await report(chat, lang, AD[lang].format(fee=free))
    assert LOW[lang] in said and FEE[lang] not in said
