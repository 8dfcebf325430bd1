"""The content holder's ad checkers: the checker the content check tried the flags' examples
on is the one the bot answers with; a reload trains once; a rejected reload keeps the
checker of the content still in use."""

from __future__ import annotations

from pathlib import Path

from bot.content.loader import ContentHolder
from bot.content.models import AdCheck
from bot.core.adcheck import AdChecker
from bot.core.adcheckers import AdCheckers
from tests.content.conftest import replace_once


def counting() -> tuple[AdCheckers, list[AdCheck]]:
    built: list[AdCheck] = []

    def build(rules: AdCheck) -> AdChecker:
        built.append(rules)
        return AdChecker(rules)  # rules only: these tests count builds, they do not train

    return AdCheckers(build), built


def test_the_checked_checker_is_the_one_the_bot_answers_with(content_dir: Path) -> None:
    checkers, built = counting()
    holder = ContentHolder(content_dir, ad_checkers=checkers)
    assert len(built) == 1 and built[0] is holder.content.ad_check
    in_use = checkers.for_content(holder.content)
    assert in_use is not None and in_use.rules is holder.content.ad_check and len(built) == 1

    assert not [p for p in holder.reload() if p.severity == "error"]
    again = checkers.for_content(holder.content)
    assert again is not in_use and again is not None and len(built) == 2  # trained once more


def test_a_rejected_reload_keeps_the_checker_of_the_content_in_use(content_dir: Path) -> None:
    checkers, built = counting()
    holder = ContentHolder(content_dir, ad_checkers=checkers)
    in_use = checkers.for_content(holder.content)
    content = holder.content
    replace_once(content_dir / "messages.yaml", "messages:", "messages: [")  # broken YAML
    assert [p for p in holder.reload() if p.severity == "error"]
    assert holder.content is content
    assert checkers.for_content(holder.content) is in_use  # not trained again
    assert len(built) <= 2  # at most the rejected content's own, for its check
