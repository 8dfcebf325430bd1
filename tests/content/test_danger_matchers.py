"""The danger-phrase matchers belong to a content holder: built once per content, rebuilt for a
reload, and never shared between two holders (no process-wide cache)."""

from __future__ import annotations

from pathlib import Path

from bot.content.loader import ContentHolder
from bot.core.adcheckers import AdCheckers
from tests.content.conftest import replace_once
from tests.helpers.engine import trained_once

TEXT = "синий жираф смотрит в окно"  # matches no danger phrase of the real content


def test_each_holder_matches_with_its_own_content(content_dir: Path) -> None:
    # Each holder its own AdCheckers; the ad model for equal rules is trained once a session.
    first, other = (ContentHolder(content_dir, ad_checkers=AdCheckers(trained_once()))
                    for _ in range(2))
    matcher = first.matchers.for_content(first.content)
    assert first.matchers.for_content(first.content) is matcher  # built once per content
    assert other.matchers.for_content(other.content) is not matcher
    assert matcher.find(TEXT) == []

    replace_once(content_dir / "danger_phrases.yaml", "  ru:\n",
                 '  ru:\n    - {phrase: "синий жираф", indicator: risk_violence_threats}\n')
    problems = first.reload()
    assert not [p for p in problems if p.severity == "error"], problems
    found = first.matchers.for_content(first.content).find(TEXT)
    assert [m.indicator for m in found] == ["risk_violence_threats"]
    # The holder that did not reload still answers with the content it holds.
    assert other.matchers.for_content(other.content).find(TEXT) == []
