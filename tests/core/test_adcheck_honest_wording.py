"""Honest wording next to each red-flag kind (issue 15 item 1, adcheck8b): an honest ad says
the scary words honestly, and each such kind stays quiet while the same words said the scam's
way still raise the flag.

The kinds came from the honest ads of the development set tests/data/ads_heldout8.yaml (29 of
40 rated low at first sight); every wording here is fresh, in ru, be, en and Russian typed in
Latin letters, and is checked by the full check as the bot runs it (rules and model). Each
kind has both sides: `HONEST` (the flag must not be raised) and `SCAM` (it must be).
"""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.core.adcheck import AdChecker
from tests.helpers.engine import shared_ad_checkers

# kind -> (flag, honest wordings, the scam's wordings in the same words)
KINDS: dict[str, tuple[str, list[str], list[str]]] = {
    "passport-promise": (
        "passport_handover",
        [
            "Мы ни при каких условиях не забираем паспорта сотрудников.",
            "Паспорт всегда у сотрудника.",
            "Пашпарт заўсёды ў супрацоўніка.",
            "Мы ніколі не забіраем пашпарты работнікаў.",
            "Nobody here will ever keep your passport.",
            "Passports stay with the drivers at all times.",
            "Pasport vsegda ostaetsya u vas, my ego ne zabiraem.",
        ],
        [
            "Паспорт хранится у нас до получения визы.",
            "Мы не забираем паспорт навсегда, только на время оформления визы.",
            "Пашпарт захоўваецца ў нас, пакуль робім візу.",
            "Passport kept by us for the visa.",
            "Pasport khranitsya u nas do polucheniya vizy.",
        ],
    ),
    "visa-lawful-route": (
        "wrong_visa",
        [
            "Въезжаете по рабочей визе категории D, которую оформляет работодатель.",
            "Вы ўязджаеце па працоўнай візе D.",
            "Граждане Беларуси работают в России без разрешения на работу по правилам ЕАЭС.",
            "Вы прыязджаеце па нацыянальнай візе D з правам на працу.",
            "You arrive on a national D visa issued for work.",
            "We never employ anyone on a tourist visa.",
            "Priezzhaete po rabochey vize, kotoruyu oformlyaet rabotodatel.",
        ],
        [
            "Въезжаете по туристической визе, рабочую не оформляем.",
            "Въезд по безвизу, рабочая виза не нужна.",
            "Приезжаете по рабочей визе Польши, а работать будете в Германии.",
            "Едзеце па турыстычнай візе, а працаваць будзеце ў Польшчы.",
            "You enter on a tourist visa, no work permit needed.",
            "Edete po turisticheskoy vize, rabotaete bez razresheniya.",
        ],
    ),
    "permit-in-hand": (
        "papers_later",
        [
            "Вы приезжаете уже с готовым разрешением на работу.",
            "Вы прыязджаеце ўжо з гатовым дазволам на працу.",
            "Вы ўязджаеце па працоўнай візе D.",
            "К работе приступаете только после того, как получите визу.",
            "Да працы прыступаеце толькі пасля таго, як атрымаеце дазвол.",
            "You begin work only once the permit is in hand.",
            "You travel with an already approved work permit.",
            "Priezzhaete uzhe s odobrennym razresheniem.",
        ],
        [
            "Приезжаете по безвизу, а разрешение на работу оформим на месте.",
            "Дакументы аформім на месцы, калі прыедзеце.",
            "Start working right away, the work permit will be sorted after you arrive.",
            "Dokumenty oformim na meste, kogda priedete.",
        ],
    ),
    "no-hurry": (
        "rush",
        [
            "Торопиться не нужно: следующий набор весной.",
            "Если эти даты не подходят — следующий набор в октябре.",
            "Калі гэтыя даты не пасуюць — наступны набор у лістападзе.",
            "No need to hurry: the next intake is in March.",
            "Заявки принимаем до 15 мая.",
            "Спяшацца не трэба, наступны набор у верасні.",
            "Apply by 15 May. There is no rush: the next intake is in autumn.",
            "Sleduyushchiy nabor vesnoy, toropitsya ne nuzhno.",
        ],
        [
            "Кто не успеет — следующий набор только осенью.",
            "Торопитесь, места заканчиваются!",
            "Спяшайцеся, засталося два месцы!",
            "Hurry, only two places left!",
            "Toropites, ostalos 2 mesta!",
        ],
    ),
    "own-ticket": (
        "travel_on_credit",
        [
            "Билет на автобус покупаете сами, около 100 евро.",
            "Дарогу аплачваеце самі (цягнік ~90 €).",
            "Перелёт оплачивает работодатель, из зарплаты его не вычитают.",
            "Квіток на аўтобус купляеце самі.",
            "You buy your own bus ticket (about 90 EUR).",
            "Flights are paid by the employer and are not deducted from your wages.",
            "Dorogu oplachivaete sami (poezd ~90 evro).",
        ],
        [
            "Летите сейчас, билет потом вычтем из зарплаты.",
            "Билет покупаем мы, а вы отработаете его в первый месяц.",
            "Квіток купім мы, потым вылічым з заробку.",
            "Fly now, the ticket is deducted from your first salary.",
            "We book your flight and take the cost out of your first wages.",
            "Bilet kupim my, potom vychtem iz zarplaty.",
        ],
    ),
    "employer-pays": (
        "fees",
        [
            "Курсы языка за счёт работодателя.",
            "Проезд оплачиваете сами, это около 100 евро.",
            "The clinic applies and pays the licence fee.",
            "Консульский сбор 80 евро вы оплачиваете сами в консульстве.",
            "Никаких сборов и платежей за трудоустройство.",
            "Пераклад дакументаў за кошт клінікі.",
            "The employer pays all visa and permit costs.",
            "The visa fee (80 EUR) is paid by you directly at the consulate.",
            "No fees of any kind.",
            "Kursy yazyka za schet rabotodatelya.",
        ],
        [
            "Регистрационный взнос 200 евро оплачивается до выезда.",
            "Консульский сбор 80 евро переводите нашему менеджеру на карту.",
            "Рэгістрацыйны ўзнос 200 еўра плаціце да выезду.",
            "Pay 200 EUR registration before we start.",
            "Registracionnyy vznos 200 evro do vyezda.",
        ],
    ),
    "checkable-contacts": (
        "messenger_only",
        [
            "ООО «Пример», Минск, пр-т Победителей, 12. Пишите в Telegram @primer_hr.",
            "ТАА «Прыклад», Брэст, вул Савецкая 5. Пішыце ў Telegram @prykl_hr.",
            "Example Ltd, careers.example-firm.com, or message our recruiter on Telegram"
            " @example_hr.",
        ],
        [
            "Пишите в Telegram @rabota_evropa_go, всё расскажем.",
            "Пішыце ў Вайбер +375 29 000 00 00.",
            "DM on Telegram @jobs_eu_fast for details.",
            "Все детали в личку в инсту @rabota.dubai.work",
        ],
    ),
    # Two misses of the same set, with their honest side.
    "support-fee": (
        "fees",
        [
            "Плата за сопровождение не взимается.",
            "Суправаджэнне на месцы бясплатнае.",
            "No fee for support, ever.",
        ],
        [
            "Есть ещё ежемесячная плата за «сопровождение» — 50 € с каждой зарплаты.",
            "Штомесячная плата за суправаджэнне — 50 € з кожнага заробку.",
            "A monthly fee for support of 50 EUR comes out of every payslip.",
            "Ezhemesyachnaya plata za soprovozhdenie 50 evro.",
        ],
    ),
    "visa-free-then-papers": (
        "papers_later",
        [
            "Вы приезжаете уже с готовой визой D, а дальше работодатель продлевает вид на"
            " жительство.",
        ],
        [
            "Приезжаете по безвизу, а дальше работодатель оформит вид на жительство.",
            "Въезжаете без визы, дальше продлеваем пребывание.",
            "Прыязджаеце па бязвізе, а потым гаспадар аформіць дакументы.",
        ],
    ),
    "disowned-offer": (
        "wrong_visa",
        [
            "Если вам кто-то предлагает приехать по туристической, а там оформим, — это не мы.",
            "Калі нехта кліча вас па турыстычнай візе ад нашага імя — гэта ашуканцы.",
            "If someone offers you a job here on a tourist visa, that is not us.",
        ],
        [
            "Если кто-то против поездки по туристической визе — не слушайте, у нас все так ездят.",
            "If anyone says a tourist visa is a problem, don't believe them, we all work on one.",
        ],
    ),
}


def _cases(side: int) -> list[object]:
    return [
        pytest.param(flag, text, id=f"{kind}-{index}")
        for kind, (flag, *sides) in KINDS.items()
        for index, text in enumerate(sides[side])
    ]


@pytest.fixture(scope="module")
def checker(content_holder: ContentHolder) -> AdChecker:
    found = shared_ad_checkers().for_content(content_holder.content)
    assert found is not None
    return found


@pytest.mark.parametrize(("flag", "text"), _cases(0))
def test_honest_wording_does_not_raise_its_kind(checker: AdChecker, flag: str, text: str) -> None:
    report = checker.check(text)
    assert flag not in {f.rule.id for f in report.flags}
    assert report.level.level == "low"


@pytest.mark.parametrize(("flag", "text"), _cases(1))
def test_the_scams_wording_in_the_same_words_still_raises_it(
    checker: AdChecker, flag: str, text: str
) -> None:
    assert flag in {f.rule.id for f in checker.check(text).flags}
