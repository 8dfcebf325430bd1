"""Round ad31b (issue 15 part 1): work "without a visa or work permit" said to be for citizens of
Belarus in an EAEU state, beside a contract, is no red flag but a note: the facts name no such
rule (data/facts has nothing on the EAEU), so the check neither calls the ad risky nor vouches
for it; the note asks the person to check that it applies to them, quoting the ad's words.
The same words for an EU country or with visa-free entry stay the red flag wrong_visa.

The tables of tests/data/adcheck_kinds/ad31b.yaml hold the other kinds of this round.
"""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.core.adcheck import AdChecker, FoundFlag
from tests.core.test_adcheck_flow8 import FLAG_WORDS, _joined
from tests.helpers.chat import Chat
from tests.helpers.engine import shared_ad_checkers

SITE = "www.example-build.kz"
# (lang, ad, the words the note quotes, the note's title)
PERMIT_FREE = [
    ("ru", "Строительная компания в Казахстане, каменщики. Гражданам Беларуси в Казахстане "
     "разрешение на работу не требуется, трудовой договор подписываем до выезда. 900 долларов в "
     f"месяц. Сайт {SITE}", "Гражданам Беларуси", "«Без визы и разрешения на работу»"),
    ("be", "Будаўнічая кампанія ў Казахстане, муляры. Грамадзянам Беларусі ў Казахстане дазвол "
     "на працу не патрэбны, працоўную дамову падпісваем да выезду. 900 долараў у месяц. Сайт "
     f"{SITE}", "Грамадзянам Беларусі", "«Без візы і дазволу на працу»"),
    ("en", "Building firm in Kazakhstan hiring bricklayers. Belarusian citizens need no work "
     "permit in Kazakhstan; the employment contract is signed before departure. 900 USD a month. "
     f"Apply at {SITE}", "Belarusian citizens", "\"No visa or work permit needed\""),
    ("ru", "Stroitelnaya kompaniya v Kazahstane. Grazhdanam Belarusi v Kazahstane razreshenie na "
     f"rabotu ne trebuetsya, trudovoj dogovor do vyezda. 900 dollarov v mesyac. Sajt {SITE}",
     "Grazhdanam Belarusi", "«Без визы и разрешения на работу»"),
]
# The same promise for an EU country, or with visa-free entry: the red flag, not a note.
RED = [
    "Ферма в Польше. Гражданам Беларуси разрешение на работу не нужно, едете по безвизу.",
    "Ферма ў Польшчы. Грамадзянам Беларусі дазвол на працу не патрэбны, едзеце па бязвізе.",
    "Farm work in Poland without a work permit, citizens of Belarus come visa-free.",
]


@pytest.fixture(scope="module")
def checker(content_holder: ContentHolder) -> AdChecker:
    found = shared_ad_checkers().for_content(content_holder.content)
    assert found is not None
    return found


def _ids(found: tuple[FoundFlag, ...]) -> set[str]:
    return {f.rule.id for f in found}


@pytest.mark.parametrize(("lang", "ad", "words", "title"), PERMIT_FREE,
                         ids=["ru", "be", "en", "translit"])
def test_permit_free_work_for_eaeu_citizens_is_a_note_and_the_ad_stays_low(
    checker: AdChecker, lang: str, ad: str, words: str, title: str
) -> None:
    report = checker.check(ad)
    assert "wrong_visa" not in _ids(report.flags)
    [note] = [n for n in report.notes if n.rule.id == "wrong_visa"]
    assert report.level.level == "low"
    quoted = [ad[s.start : s.end] for s in note.spans]
    assert any(q.startswith(words) for q in quoted), quoted  # the ad's own words


@pytest.mark.parametrize(("lang", "ad", "words", "title"), PERMIT_FREE[:3], ids=["ru", "be", "en"])
async def test_the_note_asks_to_check_it_applies_with_the_ads_words(
    chat: Chat, lang: str, ad: str, words: str, title: str
) -> None:
    chat.language_code = lang
    await chat.command("/start")
    await chat.command("/checkad")
    shown = _joined(await chat.say(ad))
    assert title in shown
    assert words in shown
    assert not any(w in shown for w in FLAG_WORDS)  # no "red flags found" heading


@pytest.mark.parametrize("ad", RED, ids=["ru", "be", "en"])
def test_the_same_promise_for_an_eu_country_or_visa_free_entry_stays_red(
    checker: AdChecker, ad: str
) -> None:
    report = checker.check(ad)
    assert "wrong_visa" in _ids(report.flags)
    assert "wrong_visa" not in _ids(report.notes)
    assert report.level.level != "low"
