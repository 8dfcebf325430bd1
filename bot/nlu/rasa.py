"""A Rasa NLU server (`rasa run --enable-api`) as an `IntentRecognizer`, behind a circuit breaker.

Every failure surfaces as one `RasaError` with a short machine-readable `reason`, so the
failover recogniser can answer from the embedded model and count why.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import httpx

from bot.nlu.base import IntentResult

if TYPE_CHECKING:
    from bot.config import Settings

__all__ = ["CircuitBreaker", "RasaError", "RasaRecognizer", "from_settings", "parse_response"]

log = logging.getLogger(__name__)


class RasaError(Exception):
    """Rasa gave no usable answer. `reason` is one of the REASONS below (no message text)."""

    REASONS = frozenset(
        {"breaker_open", "down", "timeout", "http_status", "invalid_json", "bad_schema"}
    )

    def __init__(self, reason: str, detail: str = "") -> None:
        assert reason in self.REASONS, reason
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class BreakerState(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


class CircuitBreaker:
    """Closed -> open after `failures` consecutive failures -> one probe after `reset_s`.

    While open, calls are refused at once, so a dead server costs the person nothing. After
    `reset_s` one call goes through (half-open): success closes the breaker, failure opens it
    again for another `reset_s`.
    """

    def __init__(
        self, failures: int = 3, reset_s: float = 10.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.failures = failures
        self.reset_s = reset_s
        self._clock = clock
        self._state = BreakerState.CLOSED
        self._consecutive = 0
        self._opened_at = 0.0
        self._probing = False

    @property
    def state(self) -> BreakerState:
        if self._state is BreakerState.OPEN and self._clock() - self._opened_at >= self.reset_s:
            return BreakerState.HALF_OPEN
        return self._state

    def allow(self) -> bool:
        """Whether a call may go to the server now (claims the single half-open probe)."""
        state = self.state
        if state is BreakerState.CLOSED:
            return True
        if state is BreakerState.HALF_OPEN and not self._probing:
            self._state = BreakerState.HALF_OPEN
            self._probing = True
            return True
        return False

    def release_probe(self) -> None:
        """The probing call ended without a verdict (cancelled): let the next call probe."""
        self._probing = False

    def record_success(self) -> None:
        if self._state is not BreakerState.CLOSED:
            log.warning("rasa circuit breaker closed: the server answers again")
        self._state = BreakerState.CLOSED
        self._consecutive = 0
        self._probing = False

    def record_failure(self) -> None:
        self._consecutive += 1
        if self._state is BreakerState.HALF_OPEN or self._consecutive >= self.failures:
            if self._state is BreakerState.CLOSED:
                log.warning(
                    "rasa circuit breaker open after %d failures; next probe in %.0f s",
                    self._consecutive,
                    self.reset_s,
                )
            self._state = BreakerState.OPEN
            self._opened_at = self._clock()
            self._probing = False


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) and 0.0 <= number <= 1.0 else None


def parse_response(payload: Any) -> IntentResult:
    """Turn `/model/parse` JSON into an IntentResult; raise RasaError("bad_schema") otherwise."""
    if not isinstance(payload, dict):
        raise RasaError("bad_schema", f"top level is {type(payload).__name__}")
    intent = payload.get("intent")
    if not isinstance(intent, dict):
        raise RasaError("bad_schema", "no 'intent' object")
    name, confidence = intent.get("name"), _number(intent.get("confidence"))
    if not isinstance(name, str) or not name or confidence is None:
        raise RasaError("bad_schema", "'intent' lacks a name or a confidence in [0, 1]")
    ranking: list[tuple[str, float]] = []
    raw_ranking = payload.get("intent_ranking", [])
    if not isinstance(raw_ranking, list):
        raise RasaError("bad_schema", "'intent_ranking' is not a list")
    for entry in raw_ranking:
        entry_name = entry.get("name") if isinstance(entry, dict) else None
        entry_conf = _number(entry.get("confidence")) if isinstance(entry, dict) else None
        if not isinstance(entry_name, str) or entry_conf is None:
            raise RasaError("bad_schema", "an 'intent_ranking' entry lacks name or confidence")
        ranking.append((entry_name, entry_conf))
    if not ranking or ranking[0][0] != name:
        ranking.insert(0, (name, confidence))
    return IntentResult(intent=name, confidence=confidence, ranking=tuple(ranking), backend="rasa")


class RasaRecognizer:
    """Calls `POST /model/parse` on a Rasa server through one shared, pooled AsyncClient.

    `timeout_ms` bounds the whole call, the retry included, so a slow server costs at most
    that much before the failover answers. One retry follows a network error (refused,
    reset, a stale pooled connection); a timeout is not retried.
    """

    def __init__(
        self,
        url: str,
        token: str | None = None,
        timeout_ms: int = 300,
        client: httpx.AsyncClient | None = None,
        breaker: CircuitBreaker | None = None,
        retries: int = 1,
    ) -> None:
        self.url = url.rstrip("/")
        self._token = token
        self.timeout_s = timeout_ms / 1000
        self.retries = retries
        self.breaker = breaker or CircuitBreaker()
        self._own_client = client is None
        self._client = client or httpx.AsyncClient(
            timeout=httpx.Timeout(self.timeout_s),
            limits=httpx.Limits(max_connections=32, max_keepalive_connections=16),
            # An internal service: a proxy from the environment would only add latency.
            trust_env=False,
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> RasaRecognizer:
        """The bot's client: RASA_URL, RASA_TOKEN, RASA_TIMEOUT_MS and the breaker settings."""
        rasa = settings.rasa
        return cls(
            rasa.url,
            rasa.token.get_secret_value() if rasa.token else None,
            timeout_ms=rasa.timeout_ms,
            breaker=CircuitBreaker(rasa.breaker_failures, rasa.breaker_reset_s),
        )

    async def parse(self, text: str, language: str | None = None) -> IntentResult:
        """Classify `text` with Rasa; raise RasaError when it cannot."""
        if not self.breaker.allow():
            raise RasaError("breaker_open")
        try:
            async with asyncio.timeout(self.timeout_s):
                payload = await self._post(text)
            result = parse_response(payload)
        except TimeoutError:
            self.breaker.record_failure()
            raise RasaError("timeout", f"no answer within {self.timeout_s * 1000:.0f} ms") from None
        except RasaError:
            self.breaker.record_failure()
            raise
        except BaseException:
            # Cancelled by the caller: give the half-open probe back without judging the server.
            self.breaker.release_probe()
            raise
        self.breaker.record_success()
        return result

    async def _post(self, text: str) -> Any:
        params = {"token": self._token} if self._token else None
        attempt = 0
        while True:
            try:
                response = await self._client.post(
                    f"{self.url}/model/parse",
                    params=params,
                    json={"text": text},
                    timeout=self.timeout_s,
                )
                break
            except httpx.TimeoutException:
                raise TimeoutError from None
            except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                if attempt >= self.retries:
                    raise RasaError("down", type(exc).__name__) from None
                attempt += 1
            except httpx.TransportError as exc:
                raise RasaError("down", type(exc).__name__) from None
        if response.status_code != 200:
            raise RasaError("http_status", str(response.status_code))
        try:
            return response.json()
        except ValueError:
            raise RasaError("invalid_json", response.headers.get("content-type", "")) from None

    async def aclose(self) -> None:
        if self._own_client:
            await self._client.aclose()


MEASURE_TIMEOUT_MS = 10_000


def from_settings(settings: Settings) -> RasaRecognizer:
    """Rasa alone for `nlu parse|eval --backend rasa`: no failover and a patient timeout.

    Measuring Rasa must not quietly measure the embedded model instead, and one slow first
    answer must not abort an evaluation; the bot itself uses `RasaRecognizer.from_settings`.
    """
    recognizer = RasaRecognizer.from_settings(settings)
    recognizer.timeout_s = max(recognizer.timeout_s, MEASURE_TIMEOUT_MS / 1000)
    recognizer.breaker = CircuitBreaker(failures=1_000_000)
    return recognizer
