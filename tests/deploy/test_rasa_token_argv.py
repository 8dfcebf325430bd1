"""Compose's Rasa service keeps its token off the command line: `rasa run --auth-token TOKEN`
showed it in `ps` to every user of the host. The service's own serving command runs here on
the real Rasa of .venv-rasa (`make rasa-setup`; skipped without it, failing with
REQUIRE_RASA=1), without a model: Rasa refuses a request without the token, takes one with it,
and no process's argv holds it."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import bashlex
import pytest
import yaml

from tests.deploy.test_container import interpolate
from tests.helpers.redis_server import free_port

ROOT = Path(__file__).resolve().parents[2]
RASA_VENV = Path(os.environ.get("RASA_VENV", ROOT / ".venv-rasa"))
TOKEN = "rasa-test-token-4b1d"

pytestmark = pytest.mark.rasa


def serving_code() -> str:
    """The Python the rasa service's command runs with `exec python -c CODE`."""
    text = interpolate((ROOT / "docker-compose.yml").read_text(), {"REDIS_PASSWORD": "x"})
    (command,) = yaml.safe_load(text)["services"]["rasa"]["command"]
    found = []

    def visit(node: object) -> None:
        if getattr(node, "kind", "") == "command":
            words = [p.word for p in node.parts if p.kind == "word"]  # type: ignore[attr-defined]
            if words[:3] == ["exec", "python", "-c"]:
                found.append(words[3])
        for child in getattr(node, "parts", []) + getattr(node, "list", []):
            visit(child)

    for tree in bashlex.parse(command):
        visit(tree)
    (code,) = found
    return code


def status(port: int, query: str = "") -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/status{query}", timeout=5) as r:
            return int(r.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_compose_rasa_gets_its_token_inside_python_not_in_argv(tmp_path: Path) -> None:
    python = RASA_VENV / "bin" / "python"
    if not python.exists():
        if os.environ.get("REQUIRE_RASA") == "1":
            pytest.fail(f"REQUIRE_RASA=1 but no Rasa venv at {RASA_VENV}")
        pytest.skip(f"no Rasa venv at {RASA_VENV} (make rasa-setup)")
    port = free_port()
    code = serving_code().replace("/models/nlu.tar.gz", str(tmp_path / "none.tar.gz"))
    assert '"5005"' in code and "RASA_TOKEN" in code
    code = code.replace('"5005"', f'"{port}"')
    rasa = subprocess.Popen([str(python), "-c", code], cwd=tmp_path, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env={
                                "PATH": os.environ["PATH"], "HOME": str(tmp_path),
                                "RASA_TELEMETRY_ENABLED": "false", "RASA_TOKEN": TOKEN})
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                refused = status(port)
                break
            except (urllib.error.URLError, ConnectionError):
                assert rasa.poll() is None and time.monotonic() < deadline, "Rasa did not start"
                time.sleep(1)
        assert refused == 401  # the token is required
        assert status(port, f"?token={TOKEN}") == 409  # taken; no model is loaded here
        for proc in Path("/proc").glob("[0-9]*/cmdline"):
            try:
                assert TOKEN.encode() not in proc.read_bytes(), proc
            except (FileNotFoundError, ProcessLookupError, PermissionError):
                continue
    finally:
        rasa.terminate()
        rasa.wait(timeout=30)


@pytest.mark.parametrize("token", ["", None])
def test_compose_rasa_refuses_to_serve_without_a_token(tmp_path: Path, token: str | None) -> None:
    """An empty RASA_TOKEN (compose's `${RASA_TOKEN:-}` when .env lacks it) would open the API,
    model replacement included, to every container: the service stops before Rasa starts."""
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path)}
    if token is not None:
        env["RASA_TOKEN"] = token
    done = subprocess.run(["python3", "-c", serving_code()], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "RASA_TOKEN is empty" in done.stderr
