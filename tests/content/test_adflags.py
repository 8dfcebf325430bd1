"""content/ad_check.yaml is checked like the danger phrases: every mistake at its file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.content.loader import check_content
from bot.core.adcheck import AdChecker
from bot.core.adcheckers import AdCheckers
from tests.content.conftest import replace_once
from tests.helpers.engine import check_with_shared_model

AD_FILE = "ad_check.yaml"
SENTENCE_GROUP = "sentences:\n        - groups:\n            - ru: ['("


def _errors_at(
    content_dir: Path, *, model: bool = True
) -> list[tuple[str, int | None, str]]:
    """The content check's errors. `model=False`: the examples are tried on the rules alone
    (no sentence model), for a test whose mistake is found in the rules' own text (a title, an
    indicator, a currency) whatever the model says: an edited ad_check.yaml is new rules, whose
    model (about 5 s of CPU to train) would change nothing such a test asserts. The real
    content's examples all raise their flags by the rules alone
    (test_the_real_examples_raise_their_flags_by_the_rules_alone), so that check adds no error."""
    if model:
        content, problems = check_with_shared_model(content_dir)
    else:
        content, problems = check_content(content_dir, ad_checkers=AdCheckers(AdChecker))
    errors = [(p.file, p.line, p.message) for p in problems if p.severity == "error"]
    assert content is None or not errors
    return errors


def test_real_ad_rules_load(content_dir: Path) -> None:
    content, problems = check_with_shared_model(content_dir)
    assert content is not None and content.ad_check is not None
    assert not [p for p in problems if p.file.endswith(AD_FILE)]
    # The kinds of issue 15 item 1; "no experience, high pay" and "pay far above the market"
    # are one kind, rf-too-good of the facts file, found by words or by a figure.
    assert {f.id for f in content.ad_check.flags} == {
        "fees", "too_good", "wrong_visa", "papers_later", "passport_handover",
        "messenger_only", "vague_looks", "rush", "travel_on_credit",
    }  # fmt: skip


def test_the_real_examples_raise_their_flags_by_the_rules_alone(content_dir: Path) -> None:
    """What `_errors_at(..., model=False)` relies on: no error on the real content."""
    assert _errors_at(content_dir, model=False) == []


def test_broken_pattern_is_reported_at_its_line(content_dir: Path) -> None:
    path = content_dir / AD_FILE
    line = replace_once(path, "'предоплат\\w*|невозвратн\\w*'", "'предоплат(\\w*'")
    [(file, at, message)] = _errors_at(content_dir)
    assert file.endswith(AD_FILE) and at == line and "broken pattern" in message


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (SENTENCE_GROUP, SENTENCE_GROUP + "("),
        ("'\\d\\+?\\s*(лет|года?)\\s+опыт'", "'\\d\\+?\\s*(лет|года?\\s+опыт'"),
    ],
    ids=["sentence group", "unless"],
)
def test_broken_pattern_anywhere_is_reported_at_its_line(
    content_dir: Path, old: str, new: str
) -> None:
    path = content_dir / AD_FILE
    line = replace_once(path, old, new)
    [(file, at, message)] = _errors_at(content_dir)
    assert file.endswith(AD_FILE) and "broken pattern" in message
    assert at is not None and line <= at <= line + 3


def test_example_that_no_longer_raises_its_flag_is_an_error(content_dir: Path) -> None:
    path = content_dir / AD_FILE
    line = replace_once(path, '"Едем по туристической визе"', '"Едем по рабочей визе"')
    [(file, at, message)] = _errors_at(content_dir)
    assert file.endswith(AD_FILE) and at == line and "does not raise 'wrong_visa'" in message


def test_missing_belarusian_title_is_an_error_at_the_title(content_dir: Path) -> None:
    path = content_dir / AD_FILE
    old = '        be: "Плата за працу"\n'
    line = replace_once(path, old, "")
    errors = _errors_at(content_dir, model=False)
    assert any(at == line - 2 and "be text is missing" in msg for _, at, msg in errors), errors


def test_indicator_must_be_a_red_flag_of_the_facts(content_dir: Path) -> None:
    path = content_dir / AD_FILE
    line = replace_once(path, "indicator: rf-rush", "indicator: rf-hurry")
    [(_, at, message)] = _errors_at(content_dir, model=False)
    assert at == line and "rf-hurry" in message


def test_missing_file_turns_the_check_off_with_a_warning(content_dir: Path) -> None:
    (content_dir / AD_FILE).unlink()
    content, problems = check_with_shared_model(content_dir)
    assert content is not None and content.ad_check is None
    assert any(p.file.endswith(AD_FILE) and p.severity == "warning" for p in problems)


SENTENCES_FILE = "ad_check_sentences.yaml"


def _append_sentence(content_dir: Path, item: str) -> int:
    path = content_dir / SENTENCES_FILE
    text = path.read_text(encoding="utf-8")
    path.write_text(text + item + "\n", encoding="utf-8")
    return text.count("\n") + 1


def test_a_sentence_with_an_unknown_flag_is_an_error_at_its_line(content_dir: Path) -> None:
    line = _append_sentence(content_dir, '  - {lang: ru, flags: [fee], text: "Взнос 100 евро."}')
    [(file, at, message)] = _errors_at(content_dir)
    assert file.endswith(SENTENCES_FILE) and at == line
    assert "'fee' is no flag of ad_check.yaml" in message and "fees" in message


def test_a_sentence_in_an_unknown_language_is_an_error_at_its_line(content_dir: Path) -> None:
    line = _append_sentence(content_dir, '  - {lang: de, flags: [fees], text: "Gebühr 100 Euro."}')
    [(file, at, message)] = _errors_at(content_dir)
    assert file.endswith(SENTENCES_FILE) and at == line and "lang" in message


def test_a_sentences_file_without_its_key_is_an_error(content_dir: Path) -> None:
    (content_dir / SENTENCES_FILE).write_text("- {lang: ru, flags: [], text: x}\n", "utf-8")
    [(file, at, message)] = _errors_at(content_dir)
    assert file.endswith(SENTENCES_FILE) and at == 1 and "`sentences:`" in message


def test_a_sentences_file_that_is_no_yaml_is_an_error(content_dir: Path) -> None:
    (content_dir / SENTENCES_FILE).write_text("sentences:\n  - {lang: ru, text: [\n", "utf-8")
    errors = _errors_at(content_dir)
    assert errors and all(file.endswith(SENTENCES_FILE) for file, _, _ in errors)


def test_a_counter_example_the_model_raises_is_an_error(content_dir: Path) -> None:
    """The model must agree with the rules' counter-examples: an editor who labels an honest
    sentence as a red flag hears of it at once. (Not one whose fee word is negated, "Мы не берём
    оплату": the model alone never shows a flag from negated words, adneg18.)"""
    honest = "Оплата за проживание 80 евро в неделю"
    for _ in range(3):
        _append_sentence(content_dir, f'  - {{lang: ru, flags: [fees], text: "{honest}"}}')
    errors = _errors_at(content_dir)
    assert any(f"counter-example '{honest}' raises 'fees'" in message for _, _, message in errors)


def test_a_currency_babel_does_not_know_is_reported(content_dir: Path) -> None:
    """The symbols of a currency come from Babel by its ISO 4217 code, so a made-up code would
    quietly match nothing but its own words."""
    replace_once(content_dir / AD_FILE, '      KZT: [', '      XKZ: ["тэнгэ"]\n      KZT: [')
    [(file, _, message)] = _errors_at(content_dir, model=False)
    assert file.endswith(AD_FILE) and "'XKZ' is not an ISO 4217 currency code" in message


def test_a_weekly_limit_for_an_unlisted_currency_is_reported(content_dir: Path) -> None:
    replace_once(content_dir / AD_FILE, "per_week: {EUR: 650,", "per_week: {EUR: 650, SGD: 900,")
    [(file, _, message)] = _errors_at(content_dir, model=False)
    assert file.endswith(AD_FILE) and "'SGD' is not under salary.currencies" in message
