"""A real Rasa 3.6 server: train a small model with nlu/config.yml, serve it, query it, kill it.

Needs .venv-rasa (Python 3.10, `make rasa-setup`). Without it the tests are skipped, unless
REQUIRE_RASA=1 (as in CI), which turns the skip into a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from bot.config import REPO_ROOT, BotSettings, NLUSettings
from bot.modelcache import model_cache_at
from bot.nlu.base import ALL_INTENTS
from bot.nlu.data import Example, load_examples
from bot.nlu.embedded import EmbeddedRecognizer
from bot.nlu.embedded_cache import trained_recognizer
from bot.nlu.failover import FailoverRecognizer
from bot.nlu.layout import cyrillic_to_latin
from bot.nlu.rasa import RasaError, RasaRecognizer
from tests.helpers.rasa import RasaStartError, kill, rasa_env, serving, train_nlu
from tests.helpers.redis_server import free_port

pytestmark = pytest.mark.rasa

RASA_VENV = Path(os.environ.get("RASA_VENV", REPO_ROOT / ".venv-rasa"))
RASA = RASA_VENV / "bin" / "rasa"
PER_GROUP = 12  # examples per intent and language group: trains in well under a minute
TOKEN = "integration-test-token"
TRAIN_TIMEOUT_S = 600
START_TIMEOUT_S = 180


def _python310() -> str | None:
    """A Python 3.10 the way scripts/rasa-setup.sh looks for one."""
    candidates = [os.environ.get("RASA_PYTHON"), shutil.which("python3.10")]
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates += [str(p / "bin" / "python3.10") for p in sorted(pyenv_root.glob("versions/3.10*"))]
    for candidate in filter(None, candidates):
        try:
            done = subprocess.run(
                [candidate, "-c", "import sys; print(sys.version_info[:2] == (3, 10))"],
                capture_output=True, text=True, timeout=30,
            )  # fmt: skip
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.stdout.strip() == "True":
            return candidate
    return None


def _require_rasa() -> None:
    if RASA.exists():
        return
    if _python310():
        reason = f"no {RASA}: run `make rasa-setup` to build it (Python 3.10 was found)"
    else:
        reason = (
            "no Python 3.10 for Rasa 3.6: install one (e.g. `pyenv install 3.10.13`), then run "
            "`make rasa-setup`; or see deploy/rasa.md"
        )
    if os.environ.get("REQUIRE_RASA") == "1":
        pytest.fail(f"REQUIRE_RASA=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def _small_training_set(examples: list[Example]) -> list[Example]:
    groups: dict[tuple[str, str], list[Example]] = defaultdict(list)
    for example in examples:
        if len(groups[example.intent, example.group]) < PER_GROUP:
            groups[example.intent, example.group].append(example)
    return [e for chosen in groups.values() for e in chosen]


def _write_nlu_yaml(examples: list[Example], path: Path) -> None:
    by_intent: dict[str, list[str]] = defaultdict(list)
    for example in examples:
        by_intent[example.intent].append(example.text)
    lines = ['version: "3.1"', "nlu:"]
    for intent, texts in by_intent.items():
        lines += [f"- intent: {intent}", "  examples: |"]
        lines += [f"    - {text}" for text in texts]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@dataclass
class RasaServer:
    url: str
    process: subprocess.Popen[bytes]
    log: Path
    training: list[Example]

    def kill(self) -> None:
        kill(self.process)


def _model_loaded(status: httpx.Response) -> bool:
    return bool(status.json().get("model_file"))


@pytest.fixture(scope="module")
def rasa_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RasaServer]:
    """Train a small model with the project's pipeline and serve it on a free port."""
    _require_rasa()
    work = tmp_path_factory.mktemp("rasa")
    training = _small_training_set(load_examples(NLUSettings().data_dir))
    _write_nlu_yaml(training, work / "nlu.yml")
    cache = work / "cache"
    train_nlu(
        RASA, config=REPO_ROOT / "nlu" / "config.yml", nlu=work / "nlu.yml", out=work,
        name="small", cache_dir=cache, cwd=work, timeout=TRAIN_TIMEOUT_S,
    )  # fmt: skip
    port = free_port()
    log = work / "server.log"
    command = [str(RASA), "run", "--enable-api", "--model", str(work / "small.tar.gz"),
               "--interface", "127.0.0.1", "--port", str(port), "--auth-token", TOKEN]  # fmt: skip
    try:
        with serving(
            command, port=port, token=TOKEN, env=rasa_env(cache), cwd=work, log=log,
            timeout_s=START_TIMEOUT_S, poll_s=0.5, ready=_model_loaded,
        ) as rasa:  # fmt: skip
            yield RasaServer(rasa.url, rasa.process, log, training)
    except RasaStartError as exc:
        tail = log.read_text()[-3000:]
        if exc.returncode is not None:
            pytest.fail(f"rasa run exited with {exc.returncode}:\n{tail}")
        pytest.fail(f"rasa run did not answer /status in {START_TIMEOUT_S} s:\n{tail}")


@pytest.fixture(scope="module")
def embedded() -> EmbeddedRecognizer:
    """The bot's embedded model, read from the run's BOT_MODEL_CACHE_DIR when it holds it (the
    trained model weight for weight: tests/nlu/test_embedded_cache.py), trained otherwise."""
    return trained_recognizer(NLUSettings().data_dir, model_cache_at(BotSettings().model_cache_dir))


def _rasa(server: RasaServer, token: str | None = TOKEN) -> RasaRecognizer:
    # The first parse after start-up warms the model up; a generous timeout keeps the test
    # about behaviour, not speed (bench/bench_rasa.py measures speed).
    return RasaRecognizer(server.url, token, timeout_ms=10_000)


async def test_rasa_classifies_what_it_was_trained_on(rasa_server: RasaServer) -> None:
    rasa = _rasa(rasa_server)
    try:
        samples = {(e.intent, e.group): e for e in rasa_server.training}
        right = 0
        for example in samples.values():
            result = await rasa.parse(example.text, example.language)
            assert result.backend == "rasa"
            assert result.intent in ALL_INTENTS
            assert 0.0 <= result.confidence <= 1.0
            assert result.ranking[0][0] == result.intent
            right += result.intent == example.intent
        assert right / len(samples) >= 0.8
    finally:
        await rasa.aclose()


async def test_a_risk_message_in_each_language_is_recognised(rasa_server: RasaServer) -> None:
    rasa = _rasa(rasa_server)
    failover = FailoverRecognizer(rasa, EmbeddedRecognizer.train(rasa_server.training))
    try:
        for group in ("ru", "be", "en", "ru-translit"):
            example = next(
                e for e in rasa_server.training
                if e.group == group and e.intent == "risk_documents_withheld"
            )  # fmt: skip
            result = await failover.parse(example.text, example.language)
            assert result.backend == "rasa", group
            assert result.intent == "risk_documents_withheld", group
        assert not failover.failovers
    finally:
        await failover.aclose()


async def test_rasa_reads_a_wrong_layout_and_transliteration_as_plain_cyrillic(
    rasa_server: RasaServer,
) -> None:
    """The bot's text preparation runs inside Rasa (nlu/components/bot_text.py): the same words
    typed on the Latin keyboard layout, in transliteration or shouted with ё are classified
    exactly as in plain Cyrillic, as the embedded model classifies them."""
    plain = "меня заперли и не выпускают"
    rasa = _rasa(rasa_server)
    try:
        expected = await rasa.parse(plain)
        # Every intent's probability, so triage's sum of the risk intents misses none.
        assert {i for i, _ in expected.ranking} == {e.intent for e in rasa_server.training}
        for text in (cyrillic_to_latin(plain), "menya zaperli i ne vypuskayut",
                     "МЕНЯ ЗАПЁРЛИ!!! и не выпускают"):  # fmt: skip
            got = await rasa.parse(text)
            assert got.intent == expected.intent, text
            assert dict(got.ranking) == pytest.approx(dict(expected.ranking)), text
    finally:
        await rasa.aclose()


async def test_rasa_is_within_two_points_of_the_embedded_model_on_the_hard_set(
    rasa_server: RasaServer,
) -> None:
    """Issue 10: trained on the same lines, Rasa's intent accuracy on the hard held-out set is
    within 2 points of the embedded model's. On this small training set Rasa with raw count
    features was 3.6 points behind (0.842 against 0.878); with the embedded model's features
    (nlu/components/tfidf.py) it is level. The full data's figures are in README "Rasa"."""
    hard = load_examples(REPO_ROOT / "nlu" / "tests" / "hard" / "test_nlu_hard.yml")
    embedded = EmbeddedRecognizer.train(rasa_server.training)
    rasa = _rasa(rasa_server)
    try:
        theirs = [(await rasa.parse(e.text)).intent == e.intent for e in hard]
    finally:
        await rasa.aclose()
    ours = [embedded.parse_sync(e.text).intent == e.intent for e in hard]
    assert sum(theirs) / len(hard) >= sum(ours) / len(hard) - 0.02


async def test_the_token_is_required(rasa_server: RasaServer) -> None:
    rasa = _rasa(rasa_server, token="wrong")
    try:
        with pytest.raises(RasaError) as raised:
            await rasa.parse("hello")
        assert raised.value.reason == "http_status"
        assert raised.value.detail == "401"
    finally:
        await rasa.aclose()


async def test_killed_server_fails_over_unnoticed(
    rasa_server: RasaServer, embedded: EmbeddedRecognizer
) -> None:
    """Runs last in this module: it kills the shared server."""
    rasa = RasaRecognizer(rasa_server.url, TOKEN, timeout_ms=10_000)
    failover = FailoverRecognizer(rasa, embedded)
    text = "у меня забрали паспорт и не отдают"
    before = await failover.parse(text, "ru")
    assert before.backend == "rasa"

    rasa_server.kill()  # mid-conversation; the pooled keep-alive connection dies with it
    rasa.timeout_s = 0.3  # the bot's default from here on
    after = await failover.parse(text, "ru")
    assert after.backend == "embedded"
    assert after.intent == "risk_documents_withheld"
    assert failover.failovers["down"] == 1
    for _ in range(5):
        assert (await failover.parse(text, "ru")).intent == "risk_documents_withheld"
    assert failover.failovers["breaker_open"] >= 1  # the dead server is no longer called
    await failover.aclose()
