"""The kinds a new set of 100 ads showed the ad check missing or raising wrongly (issue 15
item 1, adcheck7), in fresh wordings that are in neither tests/data nor
content/ad_check_sentences.yaml.

too_good in Belarusian pay wording ("ў тыдзень", "за гадзіну", "на рукі", "да ... у месяц"),
in currencies the editors' words did not name (JPY, KRW, TRY, SEK, NOK, CZK, HUF, GEL, KZT:
Babel's symbols and codes) and for truck drivers in CAD; fees in Belarusian and taken from the
wages; the passport sent to the agency by post, in every language and in transliteration. Each
with the honest sentence next to it that must stay quiet; and whole honest ads (a permit made
before travel, an au pair programme's age limit, a couple's work, staff housing the worker
pays for) that the full check must rate low.
"""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.core.adcheck import AdChecker, AdReport
from bot.core.adcurrency import currency_symbols, symbol_aliases
from tests.helpers.engine import shared_ad_checkers

# Raised by the rules alone (the words are quoted), so they hold whatever the model learns.
RAISES: dict[str, list[str]] = {
    "too_good": [
        "Пакоўшчыкі на склад, 900 еўра ў тыдзень, вопыт не патрэбны.",
        "Прыбіральшчыцы ў гатэль, 3 500 еўра ў месяц на рукі.",
        "Зборшчыкі ягад, да 40 000 злотых у месяц.",
        "Падсобныя рабочыя на будоўлю, 28 еўра за гадзіну, без вопыту.",
        "Грузчыкі, 4 000 $ за месяц на рукі, без вопыту.",
        "Warehouse packers, up to €5,000 a month, no experience.",
        "Upakovshchiki na sklad, do 4500 evro v mesyac, opyt ne nuzhen.",
        "Упаковка на заводе в Японии, 600 000 ¥ в месяц, без опыта.",
        "Factory work in Japan, ¥3,000 per hour, no experience.",
        "Завод у Японіі, ¥700,000 у месяц, вопыт не патрэбны.",
        "Fabrika v Yaponii, 700 000 ien v mesyac, opyt ne nuzhen.",
        "Завод у Карэі, 6 000 000 вон у месяц, без вопыту.",
        "Фабрика в Корее, ₩8,000,000 в месяц, без опыта.",
        "Работа на складе в Швеции, 70 000 SEK в месяц, опыт не нужен.",
        "Fish factory in Norway, 90 000 NOK a month, no experience.",
        "Работа на складе в Чехии, 90 000 Kč в месяц, опыт не нужен.",
        "Склад в Чехии, 400 Kč в час, без опыта.",
        "Упаковщики в Турции, 120 000 TL в месяц, без опыта.",
        "Tomato greenhouse in Turkey, 150 000 ₺ a month, no experience.",
        "Warehouse in Hungary, 2 500 000 Ft a month, no experience.",
        "Sklad v Vengrii, 1 500 000 Ft v mesyac, opyt ne nuzhen.",
        "Склад в Дании, 50 000 DKK в месяц, без опыта.",
        "Стройка в Грузии, 10 000 лари в месяц, без опыта.",
        "Склад в Казахстане, 1 500 000 тенге в месяц, без опыта.",
        "Водители грузовика в Канаде, 12 000 CAD в месяц чистыми, без опыта.",
        "Truck drivers in Canada, 12,000 CAD a month net, no experience.",
        'Truck drivers (Canada): $12,000 CAD per month net, "without experience" welcome.',
        "Дальнобойщики в Канаду, 12 000 канадских долларов в месяц на руки, без опыта.",
        "Кіроўцы фур у Канаду, 12 000 CAD у месяц на рукі, без вопыту.",
        "Вадзіцелі грузавікоў, да 11 000 канадскіх долараў за месяц, вопыт не патрэбны.",
        "Truck driver, C$12,000/month net, without experience.",
        "Прыбіральшчыкі, 900 еўра штотыдзень на рукі.",
        "Пакоўшчыкі, 30 еўра/гадз, без вопыту.",
    ],
    "fees": [
        "Паслугі па афармленні — 1 500 фунтаў, аплата да выезду.",
        "Афармленне дакументаў каштуе 400 еўра, плаціце да выезду.",
        "За оформление удерживаем 700 € из зарплаты (это наша работа по трудоустройству).",
        "Za oformlenie uderzhivaem 700 evro iz zarplaty.",
        "За афармленне ўтрымліваем 700 еўра з заробку.",
        "We deduct 700 € from your wages for arranging the job.",
        "The placement fee of 600 € is withheld from your first wages.",
    ],
    "passport_handover": [
        "Original pasporta otpravlyaete nam pochtoy.",
        "Оригинал паспорта отправляете нам почтой.",
        "Паспорт пересылаете нам через Новую почту.",
        "Zagranpasport prisylaete kurerom, vernem s vizoy.",
        "Pasport vysylaete kurerom v nash ofis.",
        "Арыгінал пашпарта дасылаеце нам поштай.",
        "Пашпарт перасылаеце праз Еўрапошту ў наш офіс.",
        "Send us your original passport by post.",
        "Your passport goes to our office by courier, we return it with the visa.",
    ],
}

# Honest sentences next to those kinds: the rules alone leave the flag off.
QUIET: dict[str, list[str]] = {
    "too_good": [
        "Прыбіральшчыцы, 1 100 еўра ў месяц на рукі.",
        "Truck drivers in Canada, CAD 28/hour, Class 1 licence and 2 years of experience"
        " required.",
        "Склад в Швеции, 26 000 SEK в месяц брутто по коллективному договору.",
        "Завод у Японіі, 230 000 ¥ у месяц, жыллё 30 000 ¥.",
        "Warehouse in Hungary, 450 000 Ft a month gross, no experience.",
        "Склад в Чехии, 180 Kč в час, без опыта.",
        "Fish factory in Norway, 230 NOK per hour, no experience.",
        "Фабрика в Корее, ₩2,300,000 в месяц, без опыта.",
        "Tomato greenhouse in Turkey, 30 000 ₺ a month, no experience.",
        "Soft 5000 units a day on the line, no experience needed.",
        "Truck drivers, CAD 5,800 a month, AZ licence and 3 years of experience required.",
    ],
    "fees": [
        "Из зарплаты удерживаются только налоги и страховка по закону.",
        "Жильё 250 € в месяц вычитается из зарплаты, по желанию.",
        "Rent of 300 € is deducted from your wages for the room.",
    ],
    "passport_handover": [
        "Копию паспорта пришлите на e-mail.",
        "Скан паспорта пришлите электронной почтой.",
        "Скан пашпарта дашліце на электронную пошту.",
        "Send a scan of your passport by email.",
        "The embassy returns your passport by courier with the visa.",
    ],
}

# Whole honest sentences the full check (rules and model) must rate low.
HONEST = [
    "We arrange the permit before you travel.",
    "The employer applies for your work permit; after the permit is granted you sign the"
    " contract and we book your flight.",
    "Мы оформляем разрешение до вашего выезда, после его выдачи подписываете контракт.",
    "Дазвол на працу мы робім да выезду; пасля таго як дазвол выдадзены, вы падпісваеце"
    " кантракт.",
    "Au pair programme in Germany, age 18-26, basic German.",
    "Программа au pair во Франции, возраст 18–30 лет.",
    "Au pair у Нямеччыну: узрост па правілах праграмы 18–26 гадоў, нямецкая A1.",
    "Ищем семейную пару для работы в загородном доме: муж — садовник и водитель, жена — уборка"
    " и кухня, 2 400 € на двоих.",
    "Couple wanted: he as a driver, she as housekeeper.",
    "Staff accommodation is available in a shared house at £95 a week, paid by the worker from"
    " wages.",
    "Жильё в общежитии фирмы — 220 € в месяц, оплачивает сам работник, можно снимать"
    " самостоятельно.",
    "Жыллё ад фірмы — 200 еўра ў месяц, плаціць сам работнік, можна здымаць самастойна.",
    "The embassy returns your passport by courier with the visa.",
]


@pytest.fixture
def rules_only(content_holder: ContentHolder) -> AdChecker:
    rules = content_holder.content.ad_check
    assert rules is not None
    return AdChecker(rules)


def _ids(report: AdReport) -> set[str]:
    return {found.rule.id for found in report.flags}


@pytest.mark.parametrize(
    ("flag", "text"), [(flag, text) for flag, texts in RAISES.items() for text in texts]
)
def test_adcheck7_wording_raises_its_kind_by_the_rules(
    rules_only: AdChecker, flag: str, text: str
) -> None:
    report = rules_only.check(text)
    assert flag in _ids(report)
    [found] = [f for f in report.flags if f.rule.id == flag]
    assert not found.by_model and all(text[s.start : s.end].strip() for s in found.spans)


@pytest.mark.parametrize(
    ("flag", "text"), [(flag, text) for flag, texts in QUIET.items() for text in texts]
)
def test_adcheck7_honest_sentence_next_to_a_kind_stays_quiet(
    rules_only: AdChecker, flag: str, text: str
) -> None:
    assert flag not in _ids(rules_only.check(text))


@pytest.mark.parametrize("text", HONEST)
def test_adcheck7_honest_permit_au_pair_couple_and_housing_are_low(
    content_holder: ContentHolder, text: str
) -> None:
    checker = shared_ad_checkers().for_content(content_holder.content)
    assert checker is not None
    report = checker.check(text)
    assert report.level.level == "low", [f.rule.id for f in report.flags]


def test_adcheck7_the_pay_figure_in_a_foreign_currency_is_quoted(rules_only: AdChecker) -> None:
    text = "Склад в Японии, 600 000 ¥ в месяц, без опыта."
    [found] = [f for f in rules_only.check(text).flags if f.rule.id == "too_good"]
    assert any("600 000 ¥" in text[s.start : s.end] for s in found.spans)


def test_adcheck7_currency_symbols_come_from_babel_and_a_shared_one_counts_for_none() -> None:
    assert {"¥", "jpy"} <= currency_symbols("JPY")
    assert "kč" in currency_symbols("CZK") and "ft" in currency_symbols("HUF")
    aliases = symbol_aliases({"SEK": [], "NOK": [], "USD": ["$"], "CAD": []})
    assert "kr" not in aliases  # Swedish and Norwegian crowns alike
    assert "$" not in aliases  # the editors gave "$" to USD
    assert aliases["sek"] == "SEK" and aliases["ca$"] == "CAD"
