"""The sentence model on its own, for the kinds of round ad32b (issue 15 item 1): on a fresh set
it raised travel_on_credit and papers_later on honest sentences (a ticket the worker buys, housing
deducted as the contract says, a work permit filed by the employer before the work visa, work
that starts some weeks after the visa). Those now stay quiet for the model too, while the real
cases beside them (a ticket advanced and taken from the wages, papers "sorted out on the spot",
work now and the visa after) are still the model's, not only the rules'.

The rules' side of the same kinds is in tests/data/adcheck_kinds/ad32b.yaml. Sentences written
for this test in ru, be and en; none is in content or tests/data.
"""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.core.adcheck import AdChecker
from tests.helpers.engine import shared_ad_checkers

HONEST = [
    "Билет на автобус до Щецина, примерно 85 €, покупаете сами; на вокзале вас встречает мастер.",
    "Квіток на аўтобус да Шчэціна, каля 85 €, купляеце самі; на вакзале вас сустракае майстар.",
    "The coach ticket to Szczecin, around 85 €, you buy yourself; the foreman meets you there.",
    "Место в общежитии 16 злотых в сутки, удерживается из зарплаты — см. пункт 5.1 договора.",
    "Месца ў інтэрнаце 16 злотых у суткі, утрымліваецца з заробку — гл. пункт 5.1 дамовы.",
    "A bed in the hostel, 16 zł a night, deducted from pay — as clause 5.1 of the contract says.",
    "Разрешение на работу (zezwolenie typu B) подаёт завод, после него — рабочая виза D.",
    "Дазвол на працу (zezwolenie typu B) падае завод, пасля яго — працоўная віза D.",
    "The work permit (zezwolenie typu B) is filed by the plant, after it — a work visa D.",
    "The plant files the zezwolenie typu B; after it you get a work visa D.",
    "Завод подаёт zezwolenie typu B; после него вы получаете рабочую визу D.",
    "Выход на работу через три недели после визы.",
    "Выхад на працу — праз тры тыдні пасля візы.",
    "Work starts three weeks after the visa.",
]

RED = [
    ("Билет на автобус мы купим сами, потом вычтем его из первой зарплаты.", "travel_on_credit"),
    ("We pay for your coach ticket now and take it out of your first wages.", "travel_on_credit"),
    ("Квіток купім мы, потым вылічым яго з першага заробку.", "travel_on_credit"),
    ("Documents will be sorted out on the spot.", "papers_later"),
    ("Документы оформим на месте, когда приедете.", "papers_later"),
    ("Работаете сразу, визу получите после разрешения.", "papers_later"),
    ("Працуеце адразу, візу атрымаеце пасля дазволу.", "papers_later"),
    ("You start working now and get the visa after the permit.", "papers_later"),
]


@pytest.fixture(scope="module")
def checker(content_holder: ContentHolder) -> AdChecker:
    found = shared_ad_checkers().for_content(content_holder.content)
    assert found is not None and found.model is not None
    return found


def _model_flags(checker: AdChecker, text: str) -> set[str]:
    """The flags the model alone would show for `text` (its thresholds, cue words and let-offs)."""
    report = checker.report(checker.evidence(text), checker.thresholds(), rules=False)
    return {found.rule.id for found in report.flags}


@pytest.mark.parametrize("sentence", HONEST)
def test_the_model_leaves_the_honest_kind_quiet(checker: AdChecker, sentence: str) -> None:
    assert _model_flags(checker, sentence) == set()
    assert checker.check(sentence).level.level == "low"


@pytest.mark.parametrize(("sentence", "flag"), RED)
def test_the_model_still_finds_the_real_case(checker: AdChecker, sentence: str, flag: str) -> None:
    assert flag in _model_flags(checker, sentence)
