"""scripts/rasa-serve.sh (`make rasa-serve`, deploy/rasa.service) keeps RASA_TOKEN off every
command line: `rasa run --auth-token TOKEN` showed it in `ps` to every user of the server. The
script runs here on the real Rasa of .venv-rasa with a model file that does not load: Rasa
refuses a request without the token, takes one with it, and no process's argv holds it."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from bot.config import REPO_ROOT
from tests.helpers.rasa import kill
from tests.helpers.redis_server import free_port

pytestmark = pytest.mark.rasa

RASA_VENV = Path(os.environ.get("RASA_VENV", REPO_ROOT / ".venv-rasa"))
TOKEN = "rasa-serve-token-7c2e"
START_TIMEOUT_S = 180


def _first_answer(url: str, process: subprocess.Popen[bytes]) -> httpx.Response:
    """The first HTTP answer of a starting server (any status)."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while process.poll() is None and time.monotonic() < deadline:
        try:
            return httpx.get(url, timeout=2)
        except httpx.TransportError:
            time.sleep(1)
    pytest.fail(f"rasa-serve.sh gave no answer (exit code {process.poll()})")


def _argv_holding(secret: bytes) -> list[Path]:
    holding = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if secret in cmdline.read_bytes():
                holding.append(cmdline)
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return holding


def test_rasa_serve_gives_rasa_its_token_inside_python(tmp_path: Path) -> None:
    if not (RASA_VENV / "bin" / "python").exists():
        if os.environ.get("REQUIRE_RASA") == "1":
            pytest.fail(f"REQUIRE_RASA=1 but no Rasa venv at {RASA_VENV}")
        pytest.skip(f"no Rasa venv at {RASA_VENV} (make rasa-setup)")
    port = free_port()
    model = tmp_path / "broken.tar.gz"
    model.write_bytes(b"not a model")
    env = {**os.environ, "RASA_TOKEN": TOKEN, "RASA_PORT": str(port), "RASA_MODEL": str(model),
           "RASA_VENV": str(RASA_VENV), "RASA_MODELS": str(tmp_path)}  # fmt: skip
    rasa = subprocess.Popen(["bash", str(REPO_ROOT / "scripts" / "rasa-serve.sh")], env=env,
                            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)  # fmt: skip
    url = f"http://127.0.0.1:{port}/status"
    try:
        assert _first_answer(url, rasa).status_code == 401  # the token is required
        answer = httpx.get(url, params={"token": TOKEN}, timeout=5)
        assert answer.status_code == 409  # the token is taken; the model did not load
        assert _argv_holding(TOKEN.encode()) == []
    finally:
        kill(rasa)
