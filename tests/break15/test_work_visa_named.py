"""break15, walk of issue 15 part 1 with honest ads of the kinds the issue names (a
hospital): an ad that says plainly "Рабочая виза по программе признания" / "Рабочая виза по
приглашению работодателя" (be: "Працоўная віза па …") is flagged "Не рабочая виза" (wrong
visa), quoting the words "Рабочая виза", and rated medium. "Оформляем рабочую визу" and the
English "Work visa through the recognition programme" are let off, as they should be."""

from __future__ import annotations

import pytest

from tests.break15.ads import report
from tests.helpers.chat import Chat

WRONG_VISA = {"ru": "Не рабочая виза", "be": "Не працоўная віза", "en": "not a work visa"}
NAMED = [
    ("ru", "Клиника в Берлине приглашает медсестёр. Зарплата от 3200 евро брутто. Рабочая виза "
           "по программе признания. Заявки через сайт клиники."),
    ("ru", "Склад в Польше, 4500 злотых брутто. Рабочая виза по приглашению работодателя. Резюме "
           "на почту hr@firma.pl"),
    ("be", "Клініка ў Берліне запрашае медсясцёр. Заробак ад 3200 еўра брута. Працоўная віза па "
           "праграме прызнання. Заяўкі праз сайт клінікі."),
]
TOURIST = ("Склад в Польше, 4500 злотых брутто. Едете по туристической визе, на месте оформим. "
           "Резюме на почту hr@firma.pl")


async def test_a_tourist_visa_for_work_is_still_flagged(chat: Chat) -> None:
    """The real risk stays caught."""
    assert WRONG_VISA["ru"] in await report(chat, "ru", TOURIST)


@pytest.mark.xfail(strict=True, reason="break15: 'Рабочая виза по …' / 'Працоўная віза па …' is "
                   "flagged as not a work visa")
@pytest.mark.parametrize(("lang", "ad"), NAMED, ids=["ru-hospital", "ru-warehouse", "be-hospital"])
async def test_a_work_visa_named_as_such_is_not_a_wrong_visa(chat: Chat, lang: str,
                                                             ad: str) -> None:
    assert WRONG_VISA[lang] not in await report(chat, lang, ad)
