"""Round ad33b's mechanisms (issue 15 part 1): costs the employer is said to pay and then takes
back (`TakenBack`), and a sentence rule's words that belong to a payment (`not_after`).

The content's side of both kinds, in ru, be, en and transliteration, is in
tests/data/adcheck_kinds/ad33b.yaml; here the mechanisms on small patterns of their own, and the
whole check where the model's veto used to undo the rules. Sentences written for this test; none
is in content or tests/data.
"""

from __future__ import annotations

import re

import pytest

from bot.content.loader import ContentHolder
from bot.content.models import AdSentenceRule
from bot.core.adcheck import AdChecker
from bot.core.adpatterns import PatternCompiler
from bot.core.adsentencerule import SentenceRule, sentence_spans
from bot.core.adtakenback import TakenBack
from bot.core.adtext import normalize
from tests.helpers.engine import shared_ad_checkers


def _taken_back() -> TakenBack:
    def one(pattern: str) -> list[re.Pattern[str]]:
        return [re.compile(pattern)]

    return TakenBack(costs=one(r"\bflights?\b"), back=one(r"\b(it|they)\s+(is|are)\s+deducted"),
                     whole=one(r"\ball\s+of\s+it\s+is\s+deducted"), others=one(r"\bhousing\b"),
                     forbidden=one(r"\bprohibited\s+by\s+law\b"))


def _quoted(text: str) -> list[str]:
    low = normalize(text)
    return [low[s.start : s.end] for s in _taken_back().spans(low)]


@pytest.mark.parametrize(("text", "quoted"), [
    ("We pay the flight; it is deducted later.", ["flight", "it is deducted"]),
    ("We pay the flight. It is deducted later.", ["flight", "it is deducted"]),
    ("We pay the flight and housing, all of it is deducted.", ["flight", "all of it is deducted"]),
])
def test_costs_taken_back_in_the_sentence_or_the_next_clause(text: str, quoted: list[str]) -> None:
    assert _quoted(text) == quoted


@pytest.mark.parametrize("text", [
    "We pay the flight; it is not deducted.",  # the take-back denied
    "We pay the flight. Welcome. It is deducted.",  # two clauses on: not these costs
    "We pay the flight. Housing 90 EUR, it is deducted.",  # a cost of its own
    "We pay the flight and housing, it is deducted.",  # "it": the nearest cost, housing
    "Housing 90 EUR, it is deducted.",  # no costs named
])
def test_no_take_back_of_these_costs(text: str) -> None:
    assert _quoted(text) == []


def test_a_group_word_right_after_a_payment_word_does_not_count() -> None:
    compiler = PatternCompiler()
    rule = SentenceRule.build(AdSentenceRule(
        groups=[{"en": [r"\bpaperwork\b"]}, {"en": [r"\bon arrival\b"]}],
        not_after={"en": [r"\bthe\s+rest\b"]}), lambda p: p, compiler)
    low = normalize("Paperwork 100 EUR now, the rest on arrival.")
    assert sentence_spans([rule], low) == []
    later = normalize("Paperwork 100 EUR now, the rest on arrival; permit on arrival.")
    assert sentence_spans([rule], later) == []  # ";" ends the sentence
    both = normalize("Paperwork: the rest on arrival, the permit on arrival.")
    [[_paper, arrival]] = sentence_spans([rule], both)
    assert both[arrival.start : arrival.end] == "on arrival" and arrival.start > 40


@pytest.fixture(scope="module")
def checker(content_holder: ContentHolder) -> AdChecker:
    found = shared_ad_checkers().for_content(content_holder.content)
    assert found is not None and found.model is not None
    return found


@pytest.mark.parametrize("ad", [
    "Сварщики в Норвегию. Компания оплачивает перелёт, визу и первый месяц в хостеле — всё это "
    "вычитается из зарплаты за первые полгода.",
    "Зваршчыкі ў Нарвегію. Пералёт і віза — за кошт фірмы; першыя паўгода вы іх адпрацоўваеце.",
    "Welders for Norway. The company pays your flight and visa; you repay it from your wages.",
])
def test_the_models_veto_does_not_undo_costs_taken_back(checker: AdChecker, ad: str) -> None:
    report = checker.check(ad)
    [found] = [f for f in report.flags if f.rule.id == "travel_on_credit"]
    assert not found.by_model and len(found.spans) >= 2  # the costs, and their take-back
    assert "papers_later" not in {f.rule.id for f in report.flags}


@pytest.mark.parametrize("ad", [
    "Группа на сезон в Италию: за оформление 120 евро сразу, остальное по приезду.",
    "Група на сезон у Італію: за афармленне 120 еўра адразу, рэшту — па прыездзе.",
    "Season group to Italy: 120 EUR for the paperwork now, the remaining amount on arrival.",
])
def test_the_rest_of_a_fee_on_arrival_is_a_fee_not_papers_later(checker: AdChecker,
                                                                 ad: str) -> None:
    flags = {f.rule.id for f in checker.check(ad).flags}
    assert "fees" in flags and "papers_later" not in flags
