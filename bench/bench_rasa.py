"""Rasa NLU server: training time, parse latency and throughput, server RSS, Rasa vs embedded,
and the time a person waits for a reply when Rasa is down.

Run from the repository root after `make rasa-setup`: `python bench/bench_rasa.py`.
Trains a model with nlu/config.yml into a temporary directory (timed; --model PATH skips it),
serves it with scripts/rasa-serve.sh on a free port, and writes bench-results/rasa.json.
Target: a reply within 400 ms when Rasa is down or hangs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # so that `tests.helpers` and `bot` import from a checkout

from bot.config import load_settings  # noqa: E402
from bot.core.events import EventKind, IncomingEvent  # noqa: E402
from bot.factory import build_engine  # noqa: E402
from bot.nlu.base import IntentRecognizer  # noqa: E402
from bot.nlu.data import load_examples  # noqa: E402
from bot.nlu.embedded import EmbeddedRecognizer  # noqa: E402
from bot.nlu.failover import FailoverRecognizer  # noqa: E402
from bot.nlu.rasa import CircuitBreaker, RasaRecognizer  # noqa: E402
from tests.helpers.rasa import RasaStartError, serving  # noqa: E402
from tests.helpers.redis_server import free_port  # noqa: E402

TARGET_DOWN_MS = 400.0
CONCURRENCY = (1, 4, 16)
START_TIMEOUT_S = 300


def _percentiles(samples_s: list[float]) -> dict[str, float]:
    ordered = sorted(samples_s)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000  # noqa: E731
    return {"p50_ms": round(pick(0.50), 2), "p99_ms": round(pick(0.99), 2),
            "max_ms": round(ordered[-1] * 1000, 2)}  # fmt: skip


def _rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (Linux /proc), in MiB."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total_kb, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
        except OSError:
            pass
        todo += children.get(current, [])
    return round(total_kb / 1024, 1)


def train(out: Path) -> float:
    """Seconds `scripts/rasa-train.sh` takes for the full model (into `out`)."""
    env = {**os.environ, "FORCE": "1", "RASA_MODELS": str(out)}
    started = time.perf_counter()
    subprocess.run(
        ["bash", str(ROOT / "scripts" / "rasa-train.sh")],
        check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    return time.perf_counter() - started


@contextmanager
def rasa_server(model: Path, token: str) -> Iterator[tuple[str, subprocess.Popen[bytes], float]]:
    """scripts/rasa-serve.sh on a free port: (url, process, seconds until /status answered)."""
    port = free_port()
    env = {**os.environ, "RASA_TOKEN": token, "RASA_PORT": str(port), "RASA_MODEL": str(model)}
    try:
        with serving(
            ["bash", str(ROOT / "scripts" / "rasa-serve.sh")], port=port, token=token, env=env,
            timeout_s=START_TIMEOUT_S, poll_s=0.25,
        ) as rasa:  # fmt: skip
            yield rasa.url, rasa.process, rasa.startup_s
    except RasaStartError as exc:
        if exc.returncode is not None:
            raise SystemExit(f"rasa-serve.sh exited with {exc.returncode}") from None
        raise SystemExit(
            f"the Rasa server did not answer /status within {START_TIMEOUT_S} s"
        ) from None


async def _load(rasa: RasaRecognizer, texts: list[str], concurrency: int) -> dict[str, float]:
    """Every text once, `concurrency` requests in flight: latency percentiles and throughput."""
    queue = list(texts)
    samples: list[float] = []

    async def worker() -> None:
        while queue:
            text = queue.pop()
            start = time.perf_counter()
            await rasa.parse(text)
            samples.append(time.perf_counter() - start)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    return {"concurrency": concurrency, "requests": len(samples),
            "per_second": round(len(samples) / elapsed, 1), **_percentiles(samples)}  # fmt: skip


async def _each(parse: Callable[[str], Awaitable[Any]], texts: list[str]) -> list[Any]:
    return [await parse(text) for text in texts]


async def side_by_side(url: str, token: str, embedded: EmbeddedRecognizer, test: Path) -> dict:
    """Accuracy, agreement and sequential latency of both models on the same utterances."""
    examples = load_examples(test)
    texts = [e.text for e in examples]
    rasa = RasaRecognizer(url, token, timeout_ms=10_000)
    try:
        await _each(rasa.parse, texts[:20])  # warm-up
        timings: dict[str, list[float]] = {"rasa": [], "embedded": []}
        answers: dict[str, list[str]] = {"rasa": [], "embedded": []}
        recognizers: dict[str, IntentRecognizer] = {"rasa": rasa, "embedded": embedded}
        for text in texts:
            for name, recognizer in recognizers.items():
                start = time.perf_counter()
                result = await recognizer.parse(text)
                timings[name].append(time.perf_counter() - start)
                answers[name].append(result.intent)
    finally:
        await rasa.aclose()
    gold = [e.intent for e in examples]
    row: dict[str, Any] = {"utterances": len(texts), "file": str(test.relative_to(ROOT))}
    for name in ("embedded", "rasa"):
        right = sum(a == g for a, g in zip(answers[name], gold, strict=True))
        row[name] = {"accuracy": round(right / len(gold), 4), **_percentiles(timings[name])}
    same = sum(a == b for a, b in zip(answers["rasa"], answers["embedded"], strict=True))
    row["agreement"] = round(same / len(texts), 4)
    return row


@contextmanager
def black_hole() -> Iterator[str]:
    """A port that accepts connections and never answers: a hung Rasa."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        sock.close()


def _text_event(user: str, text: str) -> IncomingEvent:
    return IncomingEvent(
        user_key=user, chat_key=user, kind=EventKind.TEXT, text=text, language_code="ru"
    )


async def reply_when_down(url: str, embedded: EmbeddedRecognizer, messages: int = 30) -> dict:
    """Time from an incoming message to the engine's reply, with Rasa unreachable at `url`."""
    settings = load_settings()
    rasa = RasaRecognizer(url, "token", timeout_ms=settings.rasa.timeout_ms,
                          breaker=CircuitBreaker(settings.rasa.breaker_failures,
                                                 settings.rasa.breaker_reset_s))  # fmt: skip
    failover = FailoverRecognizer(rasa, embedded)
    engine = await build_engine(settings, recognizer=failover)
    texts = ["у меня забрали паспорт и не отдают", "how do I check a job offer in Poland",
             "як працаваць легальна ў Літве", "mne ne platyat zarplatu uzhe 3 mesyaca"]  # fmt: skip
    # Warm-up (content, catalogs, first-use imports are not Rasa's cost), then a fresh breaker.
    for n, text in enumerate(texts * 2):
        await engine.handle(_text_event(f"bench-warm-{n}", text))
    rasa.breaker = CircuitBreaker(settings.rasa.breaker_failures, settings.rasa.breaker_reset_s)
    failover.failovers.clear()
    samples: list[float] = []
    for n in range(messages):
        event = _text_event(f"bench-down-{n % 5}", texts[n % len(texts)])
        start = time.perf_counter()
        await engine.handle(event)
        samples.append(time.perf_counter() - start)
    await failover.aclose()
    # Before the breaker opens every message pays the timeout; after, none does.
    first = samples[: settings.rasa.breaker_failures]
    return {
        "first_messages": _percentiles(first),
        "breaker_open": _percentiles(samples[len(first) :]),
        "worst_ms": round(max(samples) * 1000, 1),
        "failovers": dict(failover.failovers),
        "target_ms": TARGET_DOWN_MS,
        "ok": max(samples) * 1000 < TARGET_DOWN_MS,
    }


async def _measure(url: str, token: str, embedded: EmbeddedRecognizer, test: Path, pid: int,
                   repeat: int) -> dict[str, Any]:  # fmt: skip
    texts = [e.text for e in load_examples(test)]
    result: dict[str, Any] = {"rss_mb_idle": _rss_mb(pid)}
    rasa = RasaRecognizer(url, token, timeout_ms=10_000)
    try:
        await _load(rasa, texts[:50], 4)  # warm-up
        result["load"] = [await _load(rasa, texts * repeat, c) for c in CONCURRENCY]
    finally:
        await rasa.aclose()
    result["rss_mb_after_load"] = _rss_mb(pid)
    result["side_by_side"] = await side_by_side(url, token, embedded, test)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="a trained model (.tar.gz); default: train one, timed")
    parser.add_argument("--test", default=str(ROOT / "nlu" / "tests" / "test_nlu.yml"))
    parser.add_argument("--repeat", type=int, default=2, help="passes over the test utterances")
    parser.add_argument("--out", default=str(ROOT / "bench-results" / "rasa.json"))
    args = parser.parse_args()
    settings = load_settings()
    embedded = EmbeddedRecognizer.from_data_dir(settings.nlu.data_dir)
    report: dict[str, Any] = {"machine": {"python": platform.python_version(),
                                          "cpus": os.cpu_count()}}  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        model = Path(args.model) if args.model else None
        if model is None:
            seconds = train(Path(tmp))
            report["training_s"] = round(seconds, 1)
            print(f"training (scripts/rasa-train.sh, full data): {seconds:.0f} s", flush=True)
            model = Path(tmp) / "nlu.tar.gz"
        token = secrets.token_hex(16)
        with rasa_server(model, token) as (url, process, startup_s):
            report["startup_s"] = round(startup_s, 1)
            report.update(asyncio.run(_measure(url, token, embedded, Path(args.test),
                                               process.pid, args.repeat)))  # fmt: skip
    with black_hole() as hung:
        report["reply_when_down"] = {
            "refused": asyncio.run(reply_when_down(f"http://127.0.0.1:{free_port()}", embedded)),
            "hung": asyncio.run(reply_when_down(hung, embedded)),
        }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    _print(report)
    print(f"wrote {out}")
    down_ok = all(v["ok"] for v in report["reply_when_down"].values())
    return 0 if down_ok else 1


def _print(report: dict[str, Any]) -> None:
    if "training_s" in report:
        print(f"training: {report['training_s']} s; server start-up: {report['startup_s']} s")
    print(f"server RSS: {report['rss_mb_idle']} MiB idle, {report['rss_mb_after_load']} MiB "
          "after load")  # fmt: skip
    print("| concurrency | requests/s | p50 ms | p99 ms |\n|---|---|---|---|")
    for row in report["load"]:
        print(f"| {row['concurrency']} | {row['per_second']} | {row['p50_ms']} | {row['p99_ms']} |")
    sbs = report["side_by_side"]
    print(f"\nsame {sbs['utterances']} utterances ({sbs['file']}), one at a time; "
          f"agreement {sbs['agreement']:.3f}")  # fmt: skip
    print("| model | accuracy | p50 ms | p99 ms |\n|---|---|---|---|")
    for name in ("embedded", "rasa"):
        row = sbs[name]
        print(f"| {name} | {row['accuracy']:.3f} | {row['p50_ms']} | {row['p99_ms']} |")
    print("\nreply time with Rasa down (engine.handle, failover to the embedded model)")
    for kind, row in report["reply_when_down"].items():
        print(
            f"  {kind}: first messages p99 {row['first_messages']['p99_ms']} ms, then "
            f"p99 {row['breaker_open']['p99_ms']} ms; worst {row['worst_ms']} ms "
            f"(target < {TARGET_DOWN_MS:.0f} ms: {'ok' if row['ok'] else 'MISSED'})"
        )


if __name__ == "__main__":
    sys.exit(main())
