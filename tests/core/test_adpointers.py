"""An ad that names the Belarus MVD licence list (ad31): the report points to it after the red
flags, quoting the ad's words, and says only what data/facts says (the list on mvd.gov.by, the
phone for licence checks, the choice not to contact state bodies); it adds nothing to the risk."""

from __future__ import annotations

import re

import pytest
import yaml

from bot.config import REPO_ROOT
from bot.content.loader import ContentHolder
from tests.core.test_adcheck_flow8 import _joined
from tests.helpers.chat import Chat

LICENSED = [
    ("ru", "Требуются упаковщики на склад в Польше, ООО «Пример Труд», лицензия МВД РБ № 00000. "
     "Зарплата 4 800 злотых брутто, разрешение на работу оформляет работодатель до выезда. "
     "Звоните +375 17 000 00 00.", "лицензия МВД РБ"),
    ("be", "Патрэбны ўпакоўшчыкі на склад у Польшчы, ТАА «Прыклад Праца», ліцэнзія МУС № 00000. "
     "Заробак 4 800 злотых брута, дазвол на працу афармляе працадаўца да ад’езду. "
     "Тэлефануйце +375 17 000 00 00.", "ліцэнзія МУС"),
    ("en", "Packers wanted for a warehouse in Poland, Example Work LLC, licence of the MVD of "
     "Belarus No. 00000. Pay 4,800 PLN gross, the work permit is filed by the employer before "
     "departure. Call +375 17 000 00 00.", "licence of the MVD"),
]
FACTS = REPO_ROOT / "data" / "facts" / "hotlines.yaml"


@pytest.mark.parametrize(("lang", "ad", "words"), LICENSED, ids=["ru", "be", "en"])
async def test_ad31_an_ad_naming_the_mvd_licence_points_to_the_list_from_the_facts(
    chat: Chat, lang: str, ad: str, words: str,
) -> None:
    chat.language_code = lang
    await chat.command("/checkad")
    report = _joined(await chat.say(ad))
    assert words in report  # the ad's own words
    assert "mvd.gov.by" in report and "(8017) 218-52-64" in report
    assert any(w in report for w in ("низкий", "нізкі", "Risk level: low"))  # no higher risk


async def test_ad31_an_ad_without_the_mvd_has_no_pointer(chat: Chat) -> None:
    chat.language_code = "en"
    await chat.command("/checkad")
    report = _joined(await chat.say(
        "Packers wanted for a warehouse in Poland, Example Work LLC. Pay 4,800 PLN gross, the "
        "work permit is filed by the employer before departure. Call +48 600 000 000."))
    assert "218-52-64" not in report


def test_ad31_pointer_texts_say_only_what_their_facts_entry_says(
    content_holder: ContentHolder,
) -> None:
    """No invented URL or phone: each domain and phone in a pointer's texts is its entry's."""
    rules = content_holder.content.ad_check
    assert rules is not None and rules.pointers
    entries = {e["id"]: e for e in yaml.safe_load(FACTS.read_text(encoding="utf-8"))["entries"]}
    for pointer in rules.pointers:
        entry = yaml.safe_dump(entries[pointer.facts], allow_unicode=True)
        for text in (pointer.check.ru, pointer.check.be, pointer.check.en):
            assert "http" not in text
            for domain in re.findall(r"\b[\w-]+(?:\.[\w-]+)*\.(?:by|com|org|int|gov)\b", text):
                assert domain in entry, (pointer.id, domain)
            for phone in re.findall(r"\(\d+\)\s?[\d-]{6,}", text):
                assert phone in entry, (pointer.id, phone)
