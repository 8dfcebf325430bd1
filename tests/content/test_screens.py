"""No text contradicts the screen it is on; the preview shows what the phone shows.

Tests that break a file other than the job-ad check check a copy of the content without
it (`content_dir_without_ad_check`, tests/content/conftest.py): the ad check reads none of
those files, so it could add no problem and take none away.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path

import pytest

from bot.content.loader import check_content, load_content
from bot.content.preview import FIRST_SCREEN, screens
from bot.content.preview import main as preview_main
from bot.core.adcheckers import AdCheckers
from bot.core.labels import MAIN_MENU
from bot.core.replies import Replies
from bot.i18n import LANGUAGES, I18n
from tests.content.conftest import REAL_CONTENT, replace_once

LOCALES = REAL_CONTENT.parent / "locales"


def _errors(directory: Path, ad_checkers: AdCheckers) -> list[str]:
    _, problems = check_content(directory, ad_checkers=ad_checkers)
    return [str(p) for p in problems if p.severity == "error"]


def test_a_quoted_button_missing_from_the_screen_is_an_error(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    # privacy_delete's buttons are delete and the main menu: no Hotlines button.
    path = content_dir_without_ad_check / "answers" / "service.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  privacy_delete:")
    at = text.index("ru: ", start)
    line = text.count("\n", 0, at) + 1
    path.write_text(text[: at + 4] + "Нажмите «Горячие линии». " + text[at + 4 :], "utf-8")
    errors = _errors(content_dir_without_ad_check, ad_checkers)
    assert any(f"service.yml:{line}: error:" in e and "«Горячие линии»" in e for e in errors), (
        errors
    )


def test_a_pressed_quote_that_is_no_label_is_an_error(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    replace_once(
        content_dir_without_ad_check / "answers" / "service.yml",
        "    en: ",
        '    en: Press "Need help now". ',
    )
    assert any("«Need help now»" in e for e in _errors(content_dir_without_ad_check, ad_checkers))


def test_a_level_text_that_states_a_count_is_an_error(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    replace_once(
        content_dir_without_ad_check / "flows" / "situation_check.yml",
        "Ваши ответы говорят о серьёзном риске",
        "В Ваших ответах несколько признаков",
    )
    errors = _errors(content_dir_without_ad_check, ad_checkers)
    assert any("'несколько' states a count" in e for e in errors)


def test_a_wrong_number_of_plural_forms_is_an_error(tmp_path: Path) -> None:
    from bot.content.screenchecks import check_plural_forms

    target = tmp_path / "locales" / "be" / "LC_MESSAGES"
    target.mkdir(parents=True)
    po = (LOCALES / "be" / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")
    po = po.replace('msgstr[2] "Знойдзена {n} трывожных прыкмет"\n', "")
    (target / "messages.po").write_text(po, encoding="utf-8")
    problems = [str(p) for p in check_plural_forms(tmp_path / "locales")]
    assert any("'{n} warning sign found' has 2 plural form(s); be needs 3" in p for p in problems)
    assert list(check_plural_forms(LOCALES)) == []


def test_one_word_spelled_two_ways_is_flagged(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    replace_once(content_dir_without_ad_check / "answers" / "risk.yml", "экстраннай", "экстранай")
    _, problems = check_content(content_dir_without_ad_check, ad_checkers=ad_checkers)
    assert any("'экстраннай' is also written 'экстранай'" in p.message for p in problems)


def test_translation_drift_is_a_warning(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    replace_once(
        content_dir_without_ad_check / "answers" / "service.yml",
        "    en: ",
        "    en: See https://x.org. ",
    )
    content, problems = check_content(content_dir_without_ad_check, ad_checkers=ad_checkers)
    assert content is not None
    assert any("the languages differ in structure" in p.message for p in problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_checked_date_never_ends_in_two_periods(language: str) -> None:
    tr = I18n(LOCALES).translator(language)
    line = tr.gettext("Checked on {date}.").format(date=tr.date(date(2026, 11, 1)))
    assert ".." not in line


def test_the_main_menu_offers_the_situation_self_check() -> None:
    assert any("self_check" in row for row in MAIN_MENU)


def test_preview_prints_screens_with_lengths_and_buttons(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = argparse.Namespace(target="PL", lang="be", dir=None)
    assert preview_main(args) == 0
    out = capsys.readouterr().out
    assert "=== screen 1: country page (" in out
    assert "[Галоўнае меню]" in out
    assert preview_main(argparse.Namespace(target="nowhere", lang="en", dir=None)) == 2


def test_every_flow_and_answer_previews(ad_checkers: AdCheckers) -> None:
    i18n = I18n(LOCALES)
    content = load_content(REAL_CONTENT, i18n=i18n, ad_checkers=ad_checkers)
    r = Replies(content, i18n.translator("be"))
    for target in [*content.flows, *content.answers, *content.countries]:
        shown = screens(content, r, target)
        assert shown and all(reply.text for _, reply in shown)
    assert FIRST_SCREEN == 700


def test_a_text_shown_after_answers_only_may_not_promise_messages(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    replace_once(
        content_dir_without_ad_check / "messages.yaml",
        "      • Человек из нашей команды увидит то, чем Вы согласились поделиться.",
        "      • Человек из нашей команды увидит Ваши сообщения.",
    )
    errors = _errors(content_dir_without_ad_check, ad_checkers)
    assert any("human_requested.ru: 'сообщени'" in e for e in errors), errors


def test_a_doubled_stop_is_an_error(
    content_dir_without_ad_check: Path, ad_checkers: AdCheckers
) -> None:
    replace_once(
        content_dir_without_ad_check / "messages.yaml",
        "согласились поделиться.",
        "поделиться,.",
    )
    errors = _errors(content_dir_without_ad_check, ad_checkers)
    assert any(re.search(r"messages\.yaml:\d+: error: ',\.': a doubled stop", e) for e in errors)
