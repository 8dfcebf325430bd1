"""The kinds heldout5 showed the ad check missing (issue 15 item 1, adcheck6), in fresh wordings
that are in neither tests/data nor content/ad_check_sentences.yaml.

fees disguised as a course, a medical "at our clinic", a portfolio, a service fee or a cut of the
first wages; pay far above normal written per week, per year, net, or in another currency; papers
promised after arrival, a status changed later, a contract signed on the spot; visa runs and
entry on an ETA. Each with the honest sentence next to it that must stay quiet.
"""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.core.adcheck import AdChecker, AdReport
from tests.helpers.engine import shared_ad_checkers

# Raised by the rules alone (the words are quoted), so they hold whatever the model learns.
RAISES: dict[str, list[str]] = {
    "fees": [
        "Курс оператора погрузчика в нашем учебном центре обязателен, цена 210 евро.",
        "Медосмотр делаете в нашей клинике, 85 евро.",
        "После собеседования — оплата сервисного сбора 300 долларов.",
        "Наша комиссия удерживается из первой зарплаты.",
        "Для анкеты нужна символическая сумма 30 евро.",
        "Фотасесія для партфоліо ў нашага фатографа — 90 еўра.",
        "Наша камісія ўтрымліваецца з першага заробку.",
        "Compulsory safety training at our centre — 140 EUR.",
        "The recruitment fee comes out of your first paycheck.",
        "Portfolio photo shoot with our photographer, 100 USD.",
        "Medosmotr v nashey klinike, 85 evro.",
        "Oplata za vnesenie v bazu 40 rubley.",
    ],
    "too_good": [
        "Комплектовщики на склад, 700 евро в неделю, опыт не нужен.",
        "Warehouse pickers, £650 a week, no experience.",
        "Greenhouse workers, CAD 38/hour, no experience needed.",
        "Мыйшчыкі посуду, 3 200 $ у месяц пасля падаткаў.",
        "Помощник на кухню, 3 500 € нетто в месяц.",
        "Cleaners wanted, €45,000 per year, no experience.",
    ],
    "papers_later": [
        "Пока хозяин оформляет вам карту, вы уже работаете.",
        "Контракт подписываем по приезде.",
        "Договор подпишете на месте, в первый рабочий день.",
        "Не нужно ждать разрешение, выходите на смену сразу.",
        "Разрешение на работу делаем уже здесь, это два месяца.",
        "Кантракт падпісваем на месцы, у першы дзень.",
        "The company will switch your visa to an employment visa after probation.",
        "The contract is signed on arrival.",
        "No need to wait for the work permit, you start right away.",
        "Your work permit is applied for after you start, during the first weeks.",
        "Kontrakt podpisyvaem po priezde.",
    ],
    "wrong_visa": [
        "Раз в два месяца делаете визаран в Грузию.",
        "Въезжаете по K-ETA, рабочая виза не нужна.",
        "Рабочие визы сейчас не дают, поэтому едете по гостевой.",
        "Візу адкрываем літоўскую, а працаваць будзеце ў Германіі.",
        "We do a border run every 90 days.",
        "Letite kak obychnye turisty.",
    ],
}

# Honest sentences next to those kinds: the rules alone leave the flag off.
QUIET: dict[str, list[str]] = {
    "fees": [
        "Бясплатныя курсы польскай мовы ад працадаўцы.",
        "Минимальная оплата по закону Германии, жильё на ферме.",
        "Семья платит карманные деньги 300 € и страховку, курсы языка тоже.",
        "Forklift course at our centre, paid by the employer, 140 EUR value.",
        "Зарплата по тарифу TVöD, от 2900 € брутто.",
    ],
    "too_good": [
        "Сбор ягод, 2 800 € за весь сезон.",
        "Dairy farm assistant, €33,000 a year, experience with cattle required.",
        "Cleaners, CAD 18/hour, no experience needed.",
    ],
    "papers_later": [
        "Выезд только после того, как разрешение выдано.",
        "You fly out only once the work permit has been issued.",
        "Сначала работодатель получает разрешение, затем виза.",
    ],
    "wrong_visa": [
        "Немецкий на уровне B1/B2, курсы за счёт клиники.",
        "Не приезжайте по безвизу: без разрешения на работу нанять вас мы не можем.",
        "If you study here on a student visa, we give you no more than 20 hours a week while"
        " classes run.",
    ],
}

# Whole honest ads the full check (rules and model) must rate low.
HONEST_ADS = [
    "Склад в Роттердаме, комплектовщики. 14,10 €/ч брутто по договору ABU. Тренинг по технике"
    " безопасности — в оплачиваемые часы, бесплатно. Разрешение на работу не нужно гражданам ЕС;"
    " остальным выезд только после выдачи разрешения. hr@example.test",
    "Care assistants, Example Care Home, Leeds. £12.60 an hour. We sponsor you, pay the visa"
    " application fee and the health surcharge, and reimburse your flight; nothing is repaid if"
    " you leave. careers@example.test",
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
def test_adcheck6_wording_raises_its_kind_by_the_rules(
    rules_only: AdChecker, flag: str, text: str
) -> None:
    report = rules_only.check(text)
    assert flag in _ids(report)
    [found] = [f for f in report.flags if f.rule.id == flag]
    assert not found.by_model and all(text[s.start : s.end].strip() for s in found.spans)


@pytest.mark.parametrize(
    ("flag", "text"), [(flag, text) for flag, texts in QUIET.items() for text in texts]
)
def test_adcheck6_honest_sentence_next_to_a_kind_stays_quiet(
    rules_only: AdChecker, flag: str, text: str
) -> None:
    assert flag not in _ids(rules_only.check(text))


@pytest.mark.parametrize("text", HONEST_ADS)
def test_adcheck6_honest_ad_about_training_and_visa_fees_is_low(
    content_holder: ContentHolder, text: str
) -> None:
    checker = shared_ad_checkers().for_content(content_holder.content)
    assert checker is not None
    report = checker.check(text)
    assert report.level.level == "low", [f.rule.id for f in report.flags]


def test_adcheck6_a_fee_between_arrows_is_quoted_on_its_own(content_holder: ContentHolder) -> None:
    """Steps joined by arrows are sentences of their own: the passport "returned with the visa"
    in the next step does not excuse the fee in this one."""
    checker = shared_ad_checkers().for_content(content_holder.content)
    assert checker is not None
    text = ("Порядок: анкета → оплата сервисного сбора 400 $ → паспорт сдаёте нам, вернём уже"
            " с визой.")
    found = {f.rule.id: f for f in checker.check(text).flags}
    assert "fees" in found
    assert all("паспорт" not in text[s.start : s.end] for s in found["fees"].spans)
