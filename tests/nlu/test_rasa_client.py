"""The Rasa client and its failover, against a Rasa faked at the HTTP layer (httpx.MockTransport).

Each test plays one way a Rasa server fails and checks what the person would notice: an
answer from the embedded model instead, and no message text in the logs.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable

import httpx
import pytest

from bot.nlu.base import ALL_INTENTS, IntentResult
from bot.nlu.embedded import EmbeddedRecognizer
from bot.nlu.failover import FailoverRecognizer
from bot.nlu.rasa import BreakerState, CircuitBreaker, RasaError, RasaRecognizer

Handler = Callable[[httpx.Request], Awaitable[httpx.Response]]
URL = "http://rasa.test:5005"
TEXT = "у меня забрали паспорт и не отдают"


def rasa_answer(intent: str = "risk_documents_withheld", confidence: float = 0.93) -> dict:
    """What `POST /model/parse` of Rasa 3.6 returns (entities and tokens trimmed)."""
    rest = (1 - confidence) / 2
    return {
        "text": TEXT,
        "intent": {"name": intent, "confidence": confidence},
        "entities": [],
        "intent_ranking": [
            {"name": intent, "confidence": confidence},
            {"name": "risk_wages_withheld", "confidence": rest},
            {"name": "legal_work_abroad", "confidence": rest},
        ],
    }


class FakeRasa:
    """A scripted Rasa server: `behaviours` are consumed one per request, the last repeats."""

    def __init__(self, *behaviours: Handler) -> None:
        self.behaviours = list(behaviours)
        self.requests: list[httpx.Request] = []

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        behaviour = self.behaviours.pop(0) if len(self.behaviours) > 1 else self.behaviours[0]
        return await behaviour(request)


async def ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json=rasa_answer())


async def refused(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("Connection refused", request=request)


async def slow(request: httpx.Request) -> httpx.Response:
    await asyncio.sleep(5)
    return httpx.Response(200, json=rasa_answer())


async def error_500(request: httpx.Request) -> httpx.Response:
    return httpx.Response(500, json={"status": "failure", "reason": "ParsingError"})


async def not_json(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, text="<html>502 Bad Gateway</html>")


async def wrong_schema(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"intent": "risk_documents_withheld", "confidence": "high"})


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def embedded() -> EmbeddedRecognizer:
    from bot.config import NLUSettings

    return EmbeddedRecognizer.from_data_dir(NLUSettings().data_dir)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def make_rasa(clock: Clock) -> AsyncIterator[Callable[..., RasaRecognizer]]:
    clients: list[httpx.AsyncClient] = []

    def make(server: FakeRasa, timeout_ms: int = 300, failures: int = 3) -> RasaRecognizer:
        client = httpx.AsyncClient(transport=httpx.MockTransport(server))
        clients.append(client)
        breaker = CircuitBreaker(failures=failures, reset_s=10.0, clock=clock)
        return RasaRecognizer(URL, "s3cret", timeout_ms=timeout_ms, client=client, breaker=breaker)

    yield make
    for client in clients:
        await client.aclose()


async def failover_answer(
    rasa: RasaRecognizer, embedded: EmbeddedRecognizer, text: str = TEXT
) -> tuple[IntentResult, FailoverRecognizer]:
    recognizer = FailoverRecognizer(rasa, embedded)
    return await recognizer.parse(text, "ru"), recognizer


async def test_rasa_answer_is_used_and_token_sent_as_query(
    make_rasa: Callable[..., RasaRecognizer], embedded: EmbeddedRecognizer
) -> None:
    server = FakeRasa(ok)
    result, failover = await failover_answer(make_rasa(server), embedded)
    assert result.backend == "rasa"
    assert result.intent == "risk_documents_withheld"
    assert result.confidence == pytest.approx(0.93)
    assert result.ranking[0] == ("risk_documents_withheld", pytest.approx(0.93))
    assert not failover.failovers
    request = server.requests[0]
    assert request.method == "POST"
    assert request.url.path == "/model/parse"
    assert request.url.params["token"] == "s3cret"
    assert json.loads(request.content) == {"text": TEXT}


@pytest.mark.parametrize(
    ("behaviour", "reason"),
    [
        (refused, "down"),
        (slow, "timeout"),
        (error_500, "http_status"),
        (not_json, "invalid_json"),
        (wrong_schema, "bad_schema"),
    ],
)
async def test_any_rasa_failure_is_answered_by_the_embedded_model(
    make_rasa: Callable[..., RasaRecognizer],
    embedded: EmbeddedRecognizer,
    caplog: pytest.LogCaptureFixture,
    behaviour: Handler,
    reason: str,
) -> None:
    caplog.set_level(logging.DEBUG)
    rasa = make_rasa(FakeRasa(behaviour), timeout_ms=100)
    result, failover = await failover_answer(rasa, embedded)
    # The person gets the same kind of answer: the risk is still recognised.
    assert result.backend == "embedded"
    assert result.intent == "risk_documents_withheld"
    assert failover.failovers == {reason: 1}
    assert reason in caplog.text
    assert "паспорт" not in caplog.text  # no message text in any log line


async def test_slow_rasa_costs_at_most_the_timeout(
    make_rasa: Callable[..., RasaRecognizer], embedded: EmbeddedRecognizer
) -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()
    result, _ = await failover_answer(make_rasa(FakeRasa(slow), timeout_ms=100), embedded)
    assert result.backend == "embedded"
    assert loop.time() - started < 1.0  # the 5 s answer was not waited for


async def test_one_retry_after_a_connection_error(
    make_rasa: Callable[..., RasaRecognizer], embedded: EmbeddedRecognizer
) -> None:
    server = FakeRasa(refused, ok)  # e.g. a pooled connection the server had closed
    result, failover = await failover_answer(make_rasa(server), embedded)
    assert result.backend == "rasa"
    assert len(server.requests) == 2
    assert not failover.failovers


async def test_no_second_retry(make_rasa: Callable[..., RasaRecognizer]) -> None:
    server = FakeRasa(refused, refused, ok)
    with pytest.raises(RasaError) as raised:
        await make_rasa(server).parse(TEXT)
    assert raised.value.reason == "down"
    assert len(server.requests) == 2


async def test_timeouts_are_not_retried(make_rasa: Callable[..., RasaRecognizer]) -> None:
    server = FakeRasa(slow)
    with pytest.raises(RasaError):
        await make_rasa(server, timeout_ms=50).parse(TEXT)
    assert len(server.requests) == 1


async def test_breaker_opens_then_probes_and_closes(
    make_rasa: Callable[..., RasaRecognizer], embedded: EmbeddedRecognizer, clock: Clock
) -> None:
    server = FakeRasa(error_500)
    rasa = make_rasa(server, failures=3)
    failover = FailoverRecognizer(rasa, embedded)
    for _ in range(3):
        await failover.parse(TEXT)
    assert rasa.breaker.state is BreakerState.OPEN
    assert len(server.requests) == 3

    # Open: the dead server is not called at all, the person still gets answers.
    for _ in range(5):
        assert (await failover.parse(TEXT)).backend == "embedded"
    assert len(server.requests) == 3
    assert failover.failovers == {"http_status": 3, "breaker_open": 5}

    # After the reset time one probe goes through; it fails, so the breaker opens again.
    clock.now += 10
    assert rasa.breaker.state is BreakerState.HALF_OPEN
    await failover.parse(TEXT)
    assert len(server.requests) == 4
    assert rasa.breaker.state is BreakerState.OPEN
    await failover.parse(TEXT)
    assert len(server.requests) == 4

    # The server is back: the next probe succeeds and closes the breaker.
    server.behaviours = [ok]
    clock.now += 10
    result = await failover.parse(TEXT)
    assert result.backend == "rasa"
    assert rasa.breaker.state is BreakerState.CLOSED
    assert (await failover.parse(TEXT)).backend == "rasa"
    assert len(server.requests) == 6


async def test_only_one_probe_while_half_open(
    make_rasa: Callable[..., RasaRecognizer], embedded: EmbeddedRecognizer, clock: Clock
) -> None:
    server = FakeRasa(refused)
    rasa = make_rasa(server, failures=1)
    failover = FailoverRecognizer(rasa, embedded)
    await failover.parse(TEXT)
    assert rasa.breaker.state is BreakerState.OPEN
    server.behaviours = [slow]
    clock.now += 10
    calls_before = len(server.requests)
    results = await asyncio.gather(*(failover.parse(TEXT) for _ in range(5)))
    assert all(r.backend == "embedded" for r in results)
    assert len(server.requests) == calls_before + 1  # one probe, not five slow calls


async def test_success_resets_the_failure_count(make_rasa: Callable[..., RasaRecognizer]) -> None:
    server = FakeRasa(error_500, error_500, ok, error_500, error_500, ok)
    rasa = make_rasa(server, failures=3)
    for _ in range(6):
        try:
            await rasa.parse(TEXT)
        except RasaError:
            pass
    assert rasa.breaker.state is BreakerState.CLOSED


async def test_intent_unknown_to_the_content_is_low_confidence(
    make_rasa: Callable[..., RasaRecognizer], embedded: EmbeddedRecognizer
) -> None:
    async def newer_model(request: httpx.Request) -> httpx.Response:
        answer = rasa_answer("ask_weather", 0.9)
        answer["intent_ranking"].insert(1, {"name": "risk_wages_withheld", "confidence": 0.06})
        return httpx.Response(200, json=answer)

    known = ALL_INTENTS
    rasa = make_rasa(FakeRasa(newer_model))
    failover = FailoverRecognizer(rasa, embedded, known_intents=known)
    result = await failover.parse("what's the weather")
    assert result.intent in known
    assert result.confidence == 0.0  # the engine shows "did you mean" instead of an answer
    assert all(name in known for name, _ in result.ranking)
    assert failover.unknown_intents == {"ask_weather": 1}
    assert not failover.failovers


async def test_rasa_without_a_token_sends_none(embedded: EmbeddedRecognizer) -> None:
    server = FakeRasa(ok)
    async with httpx.AsyncClient(transport=httpx.MockTransport(server)) as client:
        await RasaRecognizer(URL, None, client=client).parse(TEXT)
    assert "token" not in server.requests[0].url.params


async def test_aclose_leaves_a_shared_client_open(embedded: EmbeddedRecognizer) -> None:
    async with httpx.AsyncClient(transport=httpx.MockTransport(FakeRasa(ok))) as client:
        rasa = RasaRecognizer(URL, "t", client=client)
        await rasa.aclose()
        assert not client.is_closed
        assert (await rasa.parse(TEXT)).intent == "risk_documents_withheld"
