"""break15, walk of issue 15 part 1: the classic lure of sexual exploitation ("girls 18-25,
attractive appearance, hostess in Dubai, from $3000 a week, no experience") is found with
both its flags (vague job with age and looks; pay far above normal) and ends with the offer
of a person, but the person is told "Risk level: medium. Do not agree or pay anything until
you have checked…", in ru, be and en, as if checking could make it fine. README counts "a
vague job that asks for age and looks" among the trafficking signs."""

from __future__ import annotations

import pytest

from tests.break15.ads import report
from tests.helpers.chat import Chat

HIGH = {"ru": "Уровень риска: высокий", "be": "Узровень рызыкі: высокі",
        "en": "Risk level: high"}
MEDIUM_XFAIL = pytest.mark.xfail(strict=True, reason="break15: a hostess lure (age and looks, "
                                 "pay far above normal) is rated medium")
LURES = [
    # The side that works: with a third flag (a messenger only) the level is high.
    pytest.param("ru", "Работа для девушек в Турции, танцовщицы в ночной клуб, возраст до 25, фото "
                 "в купальнике обязательно. Доход от 5000$ в месяц. Пишите в директ",
                 id="ru-dancer"),
    pytest.param("ru", "Срочно требуются девушки 18-25 лет, привлекательной внешности, на работу в "
                 "Дубай хостесс. Зарплата от 3000$ в неделю. Опыт не нужен!",
                 id="ru-hostess", marks=MEDIUM_XFAIL),
    pytest.param("be", "Тэрмінова патрэбны дзяўчаты 18-25 гадоў, прывабнай знешнасці, на працу ў "
                 "Дубаі хостэс. Заробак ад 3000$ у тыдзень. Вопыт не патрэбны!",
                 id="be-hostess", marks=MEDIUM_XFAIL),
    pytest.param("en", "Girls 18-25 wanted, attractive appearance, hostess work in Dubai. From "
                 "$3000 a week. No experience needed! Apply now",
                 id="en-hostess", marks=MEDIUM_XFAIL),
]


@pytest.mark.parametrize(("lang", "ad"), LURES)
async def test_a_lure_of_sexual_exploitation_is_rated_high(chat: Chat, lang: str,
                                                          ad: str) -> None:
    assert HIGH[lang] in await report(chat, lang, ad)
