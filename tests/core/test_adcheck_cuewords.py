"""A flag the sentence model alone raises is shown only from a sentence holding one of the flag's
`cue_words` outside a negation (adneg18: "поддержание порядка на рабочем месте" was shown as
papers later, "Everybody does it this way." as pressure, "(не по туристической визе!)" as a
tourist visa); a line wrapped inside a sentence is read as one sentence, so a negation on the
line before still covers it. The whole ads are in tests/data/adcheck_kinds/adneg18.yaml."""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.core.adcheck import AdChecker
from bot.core.adcuewords import CueWords
from bot.core.adnegation import negation_scopes
from bot.core.adtext import sentence_spans, unwrapped
from tests.helpers.engine import shared_ad_checkers


def _checker(content_holder: ContentHolder) -> AdChecker:
    checker = shared_ad_checkers().for_content(content_holder.content)
    assert checker is not None
    return checker


def test_a_negation_covers_the_rest_of_its_clause_only() -> None:
    low = "едем только с разрешением (не по туристической визе!) и работаем"
    [(start, end)] = negation_scopes(low)
    assert low[start:end].strip() == "по туристической визе"


@pytest.mark.parametrize(
    ("flag", "sentence", "cued"),
    [
        ("wrong_visa", "Едем ТОЛЬКО с разрешением на сезонную работу (не по туристической визе!)",
         False),
        ("wrong_visa", "Виза не нужна, заезжаете как турист и работаете.", True),
        ("wrong_visa", "Work in Germany as a kitchen helper.", False),
        ("papers_later", "Обязанности: поддержание порядка на рабочем месте.", False),
        ("papers_later", "Документы доделаем на месте, пока работаете.", True),
        ("rush", "Заробак 7,5 € у гадзіну брута, надбаўкі за вечар і нядзелю.", False),
        ("rush", "Everybody does it this way.", False),
        ("rush", "Offer valid 48 hours only.", True),
        ("rush", "Набор закрывается в это воскресенье!", True),
    ],
)
def test_cue_words_of_a_flag(content_holder: ContentHolder, flag: str, sentence: str,
                             cued: bool) -> None:
    rules = content_holder.content.ad_check
    assert rules is not None
    column = [f.id for f in rules.flags].index(flag)
    assert bool(CueWords(rules).cued([sentence], cyrillic=False)[0, column]) is cued


@pytest.mark.parametrize(
    "text",
    [
        "Everybody does it this way, 32 zł gross an hour with night and Sunday bonuses.",
        "Обязанности: сбор ягод, поддержание порядка на рабочем месте, 24 zł/ч брутто.",
        "Kompaniya nabiraet sborshchikov. Vyezd cherez 2 nedeli posle podpisaniya dogovora.",
    ],
)
def test_the_model_alone_shows_no_flag_without_its_words(content_holder: ContentHolder,
                                                          text: str) -> None:
    report = _checker(content_holder).check(text)
    assert [f.rule.id for f in report.flags if f.by_model] == []


def test_the_model_alone_still_shows_a_flag_in_its_words(content_holder: ContentHolder) -> None:
    text = ("Работа в Германии на складе, 1800 евро.\n"
            "Заезжаете по гостевому приглашению, а дальше вопрос решим.\n"
            "Пишите в телеграм @example_de_job")
    assert "wrong_visa" in {f.rule.id for f in _checker(content_holder).check(text).flags}


def test_a_wrapped_line_is_one_sentence_and_a_list_item_is_not() -> None:
    wrapped = ("Мы НІКОЛІ не бярэм грошай за працаўладкаванне, не забіраем пашпарты і не "
               "адпраўляем людзей\nпа турыстычных візах.")
    assert len(sentence_spans(unwrapped(wrapped))) == 1
    assert len(unwrapped(wrapped)) == len(wrapped)
    listed = "Требования:\nбез опыта\nоплата за оформление 100 евро"
    assert unwrapped(listed) == listed


def test_a_list_ending_in_t_d_ends_its_sentence_before_a_capital() -> None:
    text = "Оформим всё — прописка, разрешение и т.д. Выходить на смены можно сразу."
    assert [text[s.start : s.end] for s in sentence_spans(text)] == [
        "Оформим всё — прописка, разрешение и т.д.", "Выходить на смены можно сразу."]
