"""Rasa first, the embedded model whenever Rasa cannot answer: the person never notices."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable

from bot.nlu.base import ALL_INTENTS, IntentRecognizer, IntentResult
from bot.nlu.rasa import RasaError

__all__ = ["FailoverRecognizer"]

log = logging.getLogger(__name__)


class FailoverRecognizer:
    """Asks `primary` (Rasa); on any failure answers from `fallback` (the embedded model).

    `failovers` counts the fallbacks by reason ("down", "timeout", "http_status",
    "invalid_json", "bad_schema", "breaker_open", "error"); `unknown_intents` counts answers
    naming an intent outside `known_intents` (a Rasa model newer or older than the content).
    `on_failover(reason)` is called on each fallback too (the process's Prometheus counter).
    Log lines carry the reason only, never the message text.
    """

    def __init__(
        self,
        primary: IntentRecognizer,
        fallback: IntentRecognizer,
        known_intents: Iterable[str] = ALL_INTENTS,
        on_failover: Callable[[str], None] | None = None,
    ) -> None:
        self.primary = primary
        self._on_failover = on_failover  # e.g. the process's metrics, given the reason
        self.fallback = fallback
        self.known_intents = frozenset(known_intents)
        self.failovers: Counter[str] = Counter()
        self.unknown_intents: Counter[str] = Counter()

    async def parse(self, text: str, language: str | None = None) -> IntentResult:
        """Rasa's answer when it gives one in time, otherwise the embedded model's."""
        try:
            result = await self.primary.parse(text, language)
        except RasaError as exc:
            return await self._fail_over(exc.reason, exc.detail, text, language)
        except Exception as exc:  # a bug must not cost the person their answer either
            # Type only: the exception's message (or traceback) may quote the person's text.
            log.error("nlu primary recogniser raised unexpectedly (%s)", type(exc).__name__)
            return await self._fail_over("error", type(exc).__name__, text, language)
        return self._known(result)

    async def _fail_over(
        self, reason: str, detail: str, text: str, language: str | None
    ) -> IntentResult:
        self.failovers[reason] += 1
        if self._on_failover is not None:
            self._on_failover(reason)
        # An open breaker is the expected state while the server is down: the transition was
        # logged once by the breaker, so each skipped call is only worth a debug line.
        level = logging.DEBUG if reason == "breaker_open" else logging.WARNING
        log.log(level, "nlu failover to the embedded model: %s %s", reason, detail)
        return await self.fallback.parse(text, language)

    def _known(self, result: IntentResult) -> IntentResult:
        """An intent the content cannot answer becomes a low-confidence guess among known ones."""
        if result.intent in self.known_intents:
            return result
        self.unknown_intents[result.intent] += 1
        log.warning("nlu: rasa answered an intent the content does not know: %s", result.intent)
        ranking = tuple((name, conf) for name, conf in result.ranking if name in self.known_intents)
        best = ranking[0][0] if ranking else "out_of_scope"
        # Confidence 0 sends the engine down its low-confidence path ("did you mean ..."),
        # which offers the known intents of the ranking.
        return IntentResult(intent=best, confidence=0.0, ranking=ranking, backend=result.backend)

    async def aclose(self) -> None:
        try:
            await self.primary.aclose()
        finally:
            await self.fallback.aclose()
