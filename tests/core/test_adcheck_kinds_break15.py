"""A fresh tester's walk of the ad check (break15), three kinds that rated an ad wrongly, each
with its other side, through the real engine, content and checker:

- the classic lure of sexual exploitation ("girls 18-25, attractive appearance, hostess in
  Dubai, from $3000 a week, no experience") was rated medium: a vague job asking for age and
  looks together with pay far above normal is high (`levels[].together` in
  content/ad_check.yaml), in ru, be and en;
- "Рабочая виза по программе признания" / "по приглашению работодателя" ("Працоўная віза па
  …") was flagged "not a work visa": a work visa named with its route is no wrong visa, while
  a tourist visa for work stays one;
- the euro typed loosely ("эвро", "еура" without ў, "евра", "ойро", "evro", "jevro") was no
  currency, so "3000 эвро, опыт не нужен" was rated low; it is pay far above normal, as with
  "евро", and a modest figure in the same spelling stays low.
"""

from __future__ import annotations

import pytest

from tests.helpers.ad_paste import report
from tests.helpers.chat import Chat

HIGH = {"ru": "Уровень риска: высокий", "be": "Узровень рызыкі: высокі",
        "en": "Risk level: high"}
LOW = {"ru": "Уровень риска: низкий", "be": "Узровень рызыкі: нізкі", "en": "Risk level: low"}
LURES = [
    ("ru", "Срочно требуются девушки 18-25 лет, привлекательной внешности, на работу в Дубай "
           "хостесс. Зарплата от 3000$ в неделю. Опыт не нужен!"),
    ("be", "Тэрмінова патрэбны дзяўчаты 18-25 гадоў, прывабнай знешнасці, на працу ў Дубаі "
           "хостэс. Заробак ад 3000$ у тыдзень. Вопыт не патрэбны!"),
    ("en", "Girls 18-25 wanted, attractive appearance, hostess work in Dubai. From $3000 a "
           "week. No experience needed! Apply now"),
    # with a third flag (a messenger only) it was high already
    ("ru", "Работа для девушек в Турции, танцовщицы в ночной клуб, возраст до 25, фото в "
           "купальнике обязательно. Доход от 5000$ в месяц. Пишите в директ"),
]
# A hotel's honest vacancy for a receptionist, pay as such work pays: not a lure.
RECEPTION = ("ru", "Отель в Варшаве ищет администратора ресепшн. Опыт работы в гостинице от "
                   "года, польский и английский язык. 5200 злотых брутто в месяц, договор.")


@pytest.mark.parametrize(("lang", "ad"), LURES, ids=["ru-hostess", "be-hostess", "en-hostess",
                                                     "ru-dancer"])
async def test_break15_a_lure_of_sexual_exploitation_is_rated_high(chat: Chat, lang: str,
                                                                   ad: str) -> None:
    assert HIGH[lang] in await report(chat, lang, ad)


async def test_break15_a_receptionists_vacancy_stays_low(chat: Chat) -> None:
    lang, ad = RECEPTION
    assert LOW[lang] in await report(chat, lang, ad)


WRONG_VISA = {"ru": "Не рабочая виза", "be": "Не працоўная віза", "en": "not a work visa"}
NAMED_VISAS = [
    ("ru", "Клиника в Берлине приглашает медсестёр. Зарплата от 3200 евро брутто. Рабочая виза "
           "по программе признания. Заявки через сайт клиники."),
    ("ru", "Склад в Польше, 4500 злотых брутто. Рабочая виза по приглашению работодателя. Резюме "
           "на почту hr@firma.pl"),
    ("be", "Клініка ў Берліне запрашае медсясцёр. Заробак ад 3200 еўра брута. Працоўная віза па "
           "праграме прызнання. Заяўкі праз сайт клінікі."),
    ("be", "Завод у Чэхіі, 38 000 крон брута. Працоўная віза па запрашэнні працадаўцы. Рэзюмэ "
           "на пошту hr@zavod.cz"),
]
WRONG_VISAS = [
    ("ru", "Склад в Польше, 4500 злотых брутто. Едете по туристической визе, на месте оформим. "
           "Резюме на почту hr@firma.pl"),
    ("ru", "Склад в Польше, 4500 злотых брутто. Рабочая виза по приглашению работодателя, а "
           "пока едете по туристической. Резюме на почту hr@firma.pl"),
]


@pytest.mark.parametrize(("lang", "ad"), NAMED_VISAS,
                         ids=["ru-hospital", "ru-warehouse", "be-hospital", "be-factory"])
async def test_break15_a_work_visa_named_with_its_route_is_no_wrong_visa(
    chat: Chat, lang: str, ad: str
) -> None:
    assert WRONG_VISA[lang] not in await report(chat, lang, ad)


@pytest.mark.parametrize(("lang", "ad"), WRONG_VISAS, ids=["tourist", "tourist-meanwhile"])
async def test_break15_a_tourist_visa_for_work_is_still_a_wrong_visa(chat: Chat, lang: str,
                                                                     ad: str) -> None:
    assert WRONG_VISA[lang] in await report(chat, lang, ad)


TOO_GOOD = {"ru": "Заработок намного выше обычного", "be": "Заробак нашмат вышэйшы за звычайны"}
EUROS = [
    ("ru", "Работа в Польше на складе, 3000 евро, опыт не нужен."),
    ("be", "Праца ў Польшчы на складзе, 3000 еўра, вопыт не патрэбны."),
    ("ru", "Работа в Польше на складе, 3000 эвро, опыт не нужен."),
    ("be", "Праца ў Польшчы на складзе, 3000 еура, вопыт не патрэбны."),
    ("ru", "Работа в Германии на складе, 3000 евра в месяц, опыт не нужен."),
    ("ru", "Работа в Германии на складе, 3000 ойро в месяц, опыт не нужен."),
    ("ru", "Rabota v Polshe na sklade, 3000 evro, opyt ne nuzhen."),
    ("ru", "Rabota v Polshe na sklade, 3000 jevro, opyt ne nuzhen."),
]


@pytest.mark.parametrize(("lang", "ad"), EUROS, ids=["евро", "еўра", "эвро", "еура", "евра",
                                                     "ойро", "evro", "jevro"])
async def test_break15_the_euro_however_typed_is_pay_far_above_normal(chat: Chat, lang: str,
                                                                      ad: str) -> None:
    assert TOO_GOOD[lang] in await report(chat, lang, ad)


@pytest.mark.parametrize(("lang", "ad"), [
    ("ru", "Работа в Польше на складе, 1300 эвро в месяц брутто, договор, опыт не нужен."),
    ("be", "Праца ў Польшчы на складзе, 1300 еура ў месяц брута, дамова, вопыт не патрэбны."),
], ids=["эвро", "еура"])
async def test_break15_a_modest_pay_in_loose_euros_stays_low(chat: Chat, lang: str,
                                                             ad: str) -> None:
    assert LOW[lang] in await report(chat, lang, ad)
