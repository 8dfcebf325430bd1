"""A real Rasa: `rasa train nlu` and a server that is started, awaited and always stopped.

Shared by tests/nlu/test_rasa_integration.py, bench/bench_rasa.py and bench/rasa_layout.py.
The environment matches scripts/rasa-env.sh, which the shell scripts run with. Pick the
server's port with tests.helpers.redis_server.free_port.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import httpx

from bot.config import REPO_ROOT


def rasa_env(cache_dir: Path | None = None) -> dict[str, str]:
    """The environment every Rasa command runs with (telemetry off, the repo importable)."""
    env = {
        **os.environ,
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        # nlu/config.yml names custom components as nlu.components.*; they import bot.nlu code.
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
    }
    if cache_dir is not None:
        env["RASA_CACHE_DIRECTORY"] = str(cache_dir)
    return env


def train_nlu(
    rasa: Path,
    *,
    config: Path,
    nlu: Path,
    out: Path,
    name: str,
    cache_dir: Path,
    domain: Path = REPO_ROOT / "nlu" / "domain.yml",
    cwd: Path | None = None,
    timeout: float | None = None,
) -> float:
    """`rasa train nlu` into `out`/`name`.tar.gz, output discarded; the seconds it took."""
    started = time.perf_counter()
    subprocess.run(
        [str(rasa), "train", "nlu", "--config", str(config), "--nlu", str(nlu),
         "--domain", str(domain), "--out", str(out), "--fixed-model-name", name],
        check=True, env=rasa_env(cache_dir), cwd=cwd,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout,
    )  # fmt: skip
    return time.perf_counter() - started


class RasaStartError(RuntimeError):
    """The server exited (`returncode` set) or did not get ready within `timeout_s` (None)."""

    def __init__(self, returncode: int | None, timeout_s: float) -> None:
        self.returncode = returncode
        self.timeout_s = timeout_s
        if returncode is not None:
            super().__init__(f"the Rasa server exited with {returncode}")
        else:
            super().__init__(f"the Rasa server did not answer /status within {timeout_s:g} s")


@dataclass
class RasaProcess:
    url: str
    process: subprocess.Popen[bytes]
    startup_s: float  # from the start of the process until it was ready


def kill(process: subprocess.Popen[bytes], wait_s: float = 30) -> None:
    """SIGKILL to the process group (the server and whatever it started)."""
    if process.poll() is None:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=wait_s)


def stop(process: subprocess.Popen[bytes], grace_s: float = 30) -> None:
    """SIGTERM to the process group; SIGKILL if it is still running after `grace_s`."""
    if process.poll() is None:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=grace_s)
        except subprocess.TimeoutExpired:
            kill(process)


@contextmanager
def serving(
    command: Sequence[str],
    *,
    port: int,
    token: str,
    env: Mapping[str, str],
    timeout_s: float,
    poll_s: float = 0.5,
    ready: Callable[[httpx.Response], bool] | None = None,
    log: Path | None = None,
    cwd: Path | None = None,
) -> Iterator[RasaProcess]:
    """Run `command` (a Rasa server on 127.0.0.1:`port`) in its own process group.

    Waits until /status answers with success (and `ready(response)` is true, when given),
    raising RasaStartError if the process exits or `timeout_s` passes first. Output goes to
    `log` or nowhere. The process group is stopped on the way out, whatever happened.
    """
    started = time.perf_counter()
    if log is None:
        process = subprocess.Popen(
            list(command), env=dict(env), cwd=cwd, start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
    else:
        with log.open("wb") as out:
            process = subprocess.Popen(
                list(command), env=dict(env), cwd=cwd, start_new_session=True,
                stdout=out, stderr=subprocess.STDOUT,
            )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            if process.poll() is not None:
                raise RasaStartError(process.returncode, timeout_s)
            try:
                status = httpx.get(f"{url}/status", params={"token": token}, timeout=2)
                if status.is_success and (ready is None or ready(status)):
                    break
            except httpx.TransportError:
                pass
            if time.perf_counter() - started > timeout_s:
                raise RasaStartError(None, timeout_s)
            time.sleep(poll_s)
        yield RasaProcess(url, process, time.perf_counter() - started)
    finally:
        stop(process)
