"""What a tester found driving the ad check as a person on a phone (issue 15 item 1, adcheck8):
false flags on honest wording, missed kinds, papers_later's weight, Łacinka pay, and quotes.

Their ads are below as they wrote them; fresh wordings of the same kinds are in
tests/data/adcheck_kinds/adcheck8.yaml (tested by test_adcheck_kinds_tables.py). The flow
(an ad with danger words pasted after /checkad, a cry for help, stale buttons) is tested in
test_adcheck_flow8.py.
"""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.core.adcheck import AdChecker, AdReport, pick_quotes
from tests.helpers.engine import shared_ad_checkers

# The tester's ads (lang, text), each with the flags that must and must not be raised.
HONEST_S3 = (
    "Набор на завод в Словакии. Оплата 6 евро/час. Договор подписываем в офисе в Минске до "
    "выезда. Вы сохраняете свой паспорт. Никаких платежей с кандидатов. Компания ООО "
    '"ЕвроТруд", лиц. МВД 22/1.'
)
HONEST_R7 = (
    "Требуются водители категории CE в Литву, 90 евро в сутки. Виза и разрешение на работу за "
    "счёт фирмы. UAB Transline, Vilnius, Savanoriu pr. 100, +370 5 2123456, также можно "
    "написать в Telegram."
)
FOUND = [
    ("r5", "Здравствуйте, есть работа в Чехии на стройке, 2500 евро, жильё бесплатно. Документы "
     "потом. Напишите в вайбер", "papers_later"),
    ("s5", "Прывітанне! Праца ў Літве на заводзе, 1500 еўра, віза студэнцкая, афармленне за наш "
     "кошт. Пішы ў вайбер, месцаў мала, трэба вырашыць да пятніцы.", "wrong_visa"),
    ("t6", "Cleaners wanted in Dubai, 2500 USD/month, girls only 20-28, send full-length photo. "
     "Visa on arrival, papers done there.", "wrong_visa"),
    ("s7", "Nanny needed for a family in London, live-in, £400/week. Must send photos. Visa: come "
     "as a visitor, we'll change it later. Deposit of £250 for the placement.", "papers_later"),
    ("lacinka", "Praca ŭ Polščy na budoŭli, zarobak 3000 eŭra, dosvied nie patrebny. Treba "
     "zaplacić 150 eŭra za afarmliennie. Pišycie tolki ŭ Telegram.", "too_good"),
]


@pytest.fixture(scope="module")
def checker(content_holder: ContentHolder) -> AdChecker:
    """The full check (rules and sentence model), as the bot runs it."""
    built = shared_ad_checkers().for_content(content_holder.content)
    assert built is not None
    return built


def _ids(report: AdReport) -> set[str]:
    return {f.rule.id for f in report.flags}


@pytest.mark.parametrize(("name", "text", "flag"), FOUND, ids=[f[0] for f in FOUND])
def test_adcheck8_the_testers_missed_kind_is_found(
    checker: AdChecker, name: str, text: str, flag: str
) -> None:
    assert flag in _ids(checker.check(text)), name


def test_adcheck8_keeping_your_own_passport_and_a_recruitment_drive_are_no_flags(
    checker: AdChecker,
) -> None:
    report = checker.check(HONEST_S3)
    assert report.flags == () and report.level.level == "low"


def test_adcheck8_a_firm_with_a_street_abroad_and_a_messenger_too_is_checkable(
    checker: AdChecker,
) -> None:
    assert "messenger_only" not in _ids(checker.check(HONEST_R7))


def test_adcheck8_papers_later_alone_is_medium_as_the_facts_file_red_flag(
    checker: AdChecker,
) -> None:
    """papers_later is part of rf-wrong-visa ("sort out papers later",
    ../shared/facts/indicators.yaml): alone it makes an ad medium, like wrong_visa."""
    report = checker.check("Работа на складе в Чехии, 1400 евро. Документы потом, сначала приезд.")
    assert _ids(report) == {"papers_later"}
    assert report.level.level == "medium"
    flags = {f.id: f for f in checker.rules.flags}
    assert flags["papers_later"].indicator == flags["wrong_visa"].indicator == "rf-wrong-visa"


def test_adcheck8_lacinka_pay_is_read_and_quoted(rules_only_ad_checker: AdChecker) -> None:
    text = "Zbiralniki jahad, 5000 eŭra ŭ miesiac, dosvied nie patrebny, pišycie ŭ Viber."
    [found] = [f for f in rules_only_ad_checker.check(text).flags if f.rule.id == "too_good"]
    assert any("5000 eŭra" in text[s.start : s.end] for s in found.spans)


def test_adcheck8_a_lithuanian_address_does_not_make_translit_read_as_lacinka(
    rules_only_ad_checker: AdChecker,
) -> None:
    text = ("Svarshchiki v Litvu, UAB «Šiaulių Plienas», Pramonės g. 5, Šiauliai. Razreshenie na "
            "rabotu i viza D — do vyezda, dokumenty potom ne nuzhny.")
    assert "papers_later" not in _ids(rules_only_ad_checker.check(text))


def test_adcheck8_a_pay_quote_starts_in_the_pays_own_sentence(checker: AdChecker) -> None:
    text = ("Девушки 18-25 лет, приятной внешности, для работы хостес в Дубае. Доход от 5000$ в "
            "месяц. Опыт не нужен. Перелёт за счёт работодателя.")
    report = checker.check(text)
    [pay] = [q for f, q in zip(report.flags, pick_quotes(text, report, 2), strict=True)
             if f.rule.id == "too_good"]
    # ad18: each quote is words of one sentence; the pay and what makes it too high are two.
    assert pay == ["…Доход от 5000$ в месяц.", "…Опыт не нужен."]


def test_adcheck8_one_flags_quotes_never_overlap(checker: AdChecker) -> None:
    texts = [
        "Young attractive girls 18-24 wanted for hostess work in Istanbul, high pay $4000, we "
        "keep your passport for safety, tickets on credit deducted from salary.",
        "URGENT!!! Work in Canada, no experience needed, $6000/month. Registration fee $300 paid "
        "by the candidate. Travel on tourist visa, we sort the papers later.",
        "Работа в Германии на заводе, 3500 евро в месяц, без опыта и без знания языка! Едем по "
        "туристической визе, документы сделаем на месте.",
    ]
    for text in texts:
        report = checker.check(text)
        for found, quotes in zip(report.flags, pick_quotes(text, report, 2), strict=True):
            bare = [q.strip("…") for q in quotes]
            for n, one in enumerate(bare):
                for other in bare[n + 1 :]:
                    start = text.index(one)
                    other_start = text.index(other)
                    assert start + len(one) <= other_start or other_start + len(other) <= start, (
                        found.rule.id, quotes)
        too_good = [q for f, q in zip(report.flags, pick_quotes(text, report, 2), strict=True)
                    if f.rule.id == "too_good"]
        assert too_good and any(c.isdigit() for c in too_good[0][0]), too_good  # the pay shows


@pytest.mark.parametrize("text", [
    "меня заперли", "у меня забрали паспорт, работа в Польше, помогите",
    "they took my passport, help", "Мяне зачынілі на працы ў Польшчы, дапамажыце",
    "u menya zabrali pasport na rabote, pomogite", "Help me, the agency locked us in the hostel",
])
def test_adcheck8_a_cry_for_help_is_never_a_pasted_ad(checker: AdChecker, text: str) -> None:
    assert checker.cries(text) and not checker.is_pasted_ad(text)


@pytest.mark.parametrize("text", [
    "Предлагаем работу танцовщицей в клубе в Турции. Возраст до 25, рост от 170, фото в "
    "купальнике прислать. Билеты в долг, отработаешь. Паспорт будет у администратора.",
    "Дзяўчаты 18-23 гадоў, прывабнай знешнасці, на працу ў Дубаі. Пашпарт аддаеце "
    "каардынатару. Квіткі ў доўг, адпрацуеце. Выезд тэрмінова, заўтра.",
    "Hostess work in Istanbul for girls 18-24, we keep your passport, tickets on credit.",
    "Rabota tancovshchicej v klube v Turcii, pasport budet u administratora, bilety v dolg.",
    # An ad's contacts are no person's words: "t.me/..." holds an English "me", an e-mail
    # "me@...", a handle "@my_jobs" (the lead's fresh run: such an ad got the numbers).
    "Склад в Познани, 150 евро за оформление. Паспорт оставите у координатора. Пишите: "
    "t.me/jobs_pl_now, @my_jobs, me@example.com",
    "Warehouse in Poznan, fee 150 EUR, we keep your passport. Apply: https://example.com/me",
])
def test_adcheck8_an_ad_with_danger_words_is_a_pasted_ad(checker: AdChecker, text: str) -> None:
    assert not checker.cries(text) and checker.is_pasted_ad(text)
