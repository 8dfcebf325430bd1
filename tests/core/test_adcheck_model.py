"""The ad check's sentence model helps the rules (issue 15 item 1): it finds red flags worded
in ways no pattern covers, stays quiet on honest ads that mention fees, tickets or passports to
reassure, and every flag it raises quotes a sentence of the ad.

The sentences here were written for these tests; none is in content or tests/data.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.config import REPO_ROOT
from bot.content.loader import ContentHolder
from bot.core.adcheck import AdChecker, AdReport, FoundFlag, merge_spans, pick_quotes
from bot.core.adcheck_eval import read_ads
from bot.core.adcheckers import AdCheckers
from bot.core.adtext import Span, sentence_spans
from tests.helpers.engine import shared_ad_checkers, trained_once

DEV_ADS = Path(__file__).resolve().parents[1] / "data" / "ads_dev.yaml"
HONEST_START = "Склад в Познани, упаковка заказов, смены по 8 часов. "
HONEST_END = (" Звоните +48 000 000 000 или пишите на hr@example.test, офис в Минске, "
              "ул. Примерная, 1.")

# papers_later in words no rule has: legal status "later", "once you have worked a while".
UNRULED = [
    ("Разрешение на работу сделаем, когда вы уже поработаете у нас пару недель.", "papers_later"),
    ("Бумаги по легализации оформляются уже после того, как вы начнёте работать.",
     "papers_later"),
    ("Дазвол на працу зробім, калі ўжо крыху папрацуеце.", "papers_later"),
    ("Your residence papers are something we deal with a couple of months into the job.",
     "papers_later"),
    ("Once you are on the team for a while, the boss takes care of your legal status.",
     "papers_later"),
]

# Honest ads that name a fee, a ticket, a deduction or a passport only to say there is none.
REASSURING = [
    "Мы никогда не просим у кандидатов денег ни за документы, ни за визу.",
    "Агентство не берёт с работников плату за оформление и поиск работы.",
    "Билеты оплачивает работодатель, из зарплаты за них ничего не вычитают, это запрещено законом.",
    "Работодатель сам покупает билеты и ничего за них не удерживает.",
    "Наймальнік аплачвае квіткі, з заробку нічога не вылічваюць.",
    "Keep your passport with you at all times; nobody at the farm will ask to hold it.",
    "We do not take any payment from workers for paperwork or placement.",
]


@pytest.fixture(scope="module")
def checker(content_holder: ContentHolder) -> AdChecker:
    found = shared_ad_checkers().for_content(content_holder.content)
    assert found is not None and found.model is not None
    return found


@pytest.fixture(scope="module")
def rules_only(content_holder: ContentHolder) -> AdChecker:
    assert content_holder.content.ad_check is not None
    return AdChecker(content_holder.content.ad_check)


@pytest.mark.parametrize(("sentence", "flag"), UNRULED)
def test_the_model_finds_a_flag_no_rule_covers(
    checker: AdChecker, rules_only: AdChecker, sentence: str, flag: str
) -> None:
    ad = HONEST_START + sentence + HONEST_END
    assert flag not in {f.rule.id for f in rules_only.check(ad).flags}  # no pattern has it
    found = {f.rule.id: f for f in checker.check(ad).flags}
    assert flag in found and found[flag].by_model
    start = ad.index(sentence)
    assert found[flag].spans == (Span(start, start + len(sentence)),)  # the sentence, quoted


@pytest.mark.parametrize("sentence", REASSURING)
def test_a_reassuring_mention_in_an_honest_ad_stays_low(checker: AdChecker, sentence: str) -> None:
    report = checker.check(HONEST_START + sentence + HONEST_END)
    assert report.flags == () and report.level.level == "low"


def test_every_model_flag_quotes_a_sentence_of_the_ad(checker: AdChecker) -> None:
    # The development set alone has no flag left that only the model raises (the rules grew to
    # cover them, adcheck16/adfix16); set 10 has six. (Sets 4, 8 and 9, where a model flag's
    # span ran over two sentences: tests/core/test_adcheck_kinds18.py.)
    seen = 0
    for ad in [*read_ads(DEV_ADS), *read_ads(DEV_ADS.with_name("ads_heldout10.yaml"))]:
        report = checker.check(ad.text)
        sentences = set(sentence_spans(ad.text))
        flat = " ".join(ad.text.split())
        for found, quotes in zip(report.flags, pick_quotes(ad.text, report, 2), strict=True):
            assert quotes, found.rule.id  # every flag shown points at words of the ad
            assert all(q.strip("…") in flat for q in quotes)
            if found.by_model:
                seen += 1
                assert all(span in sentences for span in found.spans)
    assert seen > 0


def test_two_rules_on_the_same_words_are_quoted_once(checker: AdChecker) -> None:
    ad = "Виза за 200 евро, оплата до выезда. Паспорт сдаёте менеджеру."
    assert merge_spans([Span(0, 10), Span(5, 17), Span(40, 50)]) == (Span(0, 17), Span(40, 50))
    fees, passport = checker.rules.flags[0], next(
        f for f in checker.rules.flags if f.id == "passport_handover")
    words = Span(ad.index("Паспорт"), len(ad) - 1)
    report = AdReport((FoundFlag(fees, (Span(0, 16), Span(5, 16))),
                       FoundFlag(passport, (words, Span(0, 16)))), 7, checker.level(7))
    first, second = pick_quotes(ad, report, 2)
    assert len(first) == 1  # the same words twice under one flag: once
    # ad18: the passport's own sentence, not the fee's sentence again (a quote is one sentence)
    assert second == ["…Паспорт сдаёте менеджеру."]
    # each flag keeps a quote, and no quote is shown twice in the reply
    assert not set(first) & set(second)


def test_an_editors_new_sentence_changes_the_result_after_reload(tmp_path: Path) -> None:
    content_dir = tmp_path / "content"
    shutil.copytree(REPO_ROOT / "content", content_dir)
    # The session's ad checkers (TrainedOnce): the real rules' model is not trained again;
    # the rules with the new sentence are new rules and get their own training at reload.
    holder = ContentHolder(content_dir, ad_checkers=AdCheckers(trained_once()))
    checkers = AdCheckers(trained_once())
    sentence = "Перед собеседованием купите у нас фирменный бейдж и форму."
    ad = HONEST_START + sentence + HONEST_END
    before = checkers.for_content(holder.content)
    assert before is not None and "fees" not in {f.rule.id for f in before.check(ad).flags}
    path = content_dir / "ad_check_sentences.yaml"
    with path.open("a", encoding="utf-8") as file:
        file.write(f'  - {{lang: ru, flags: [fees], text: "{sentence}"}}\n')
    assert not [p for p in holder.reload() if p.severity == "error"]
    after = checkers.for_content(holder.content)
    assert after is not None and after is not before  # trained again for the new content
    found = {f.rule.id: f for f in after.check(ad).flags}
    assert "fees" in found and found["fees"].by_model
