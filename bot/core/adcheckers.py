"""The ad checker for the content of the moment, shared by whoever checks ads."""

from __future__ import annotations

from collections.abc import Callable

from bot.content.models import AdCheck, Content
from bot.core.adcheck import AdChecker, build_ad_checker


class AdCheckers:
    """Builds the checker (rules compiled, sentence model trained: about a second) once per
    content: at start-up (`for_content` from the factory) and again after a reload."""

    def __init__(self, build: Callable[[AdCheck], AdChecker] = build_ad_checker) -> None:
        self._build = build
        self._built: tuple[AdCheck, AdChecker] | None = None

    def for_content(self, content: Content) -> AdChecker | None:
        """The checker for `content`; None when it has no ad check."""
        rules = content.ad_check
        if rules is None:
            return None
        if self._built is None or self._built[0] is not rules:
            self._built = (rules, self._build(rules))
        return self._built[1]
