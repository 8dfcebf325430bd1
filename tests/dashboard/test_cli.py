"""`python -m bot dashboard`: refused in one line without a usable login; served as a process."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bot.__main__ import main
from bot.config import REPO_ROOT
from tests.dashboard.conftest import TOKEN
from tests.helpers.redis_server import RedisServer, free_port


def _env(monkeypatch: pytest.MonkeyPatch, redis_url: str, **values: str) -> None:
    monkeypatch.chdir(Path(__file__).parent)  # no .env here
    for name in ("DASHBOARD_TOKEN", "DASHBOARD_BOT_USERNAME", "TELEGRAM_BOT_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.setenv("BOT_PSEUDONYM_KEY", "cli-test-key")
    for name, value in values.items():
        monkeypatch.setenv(name, value)


@pytest.mark.parametrize(("values", "named"), [
    ({"DASHBOARD_TOKEN": "short"}, "DASHBOARD_TOKEN"),  # a guessable token is refused
    ({}, "DASHBOARD_TOKEN"),  # nobody could sign in
    ({"DASHBOARD_TOKEN": TOKEN, "BOT_PSEUDONYM_KEY": ""}, "BOT_PSEUDONYM_KEY"),
    ({"DASHBOARD_TOKEN": TOKEN, "DASHBOARD_LISTEN": "8090"}, "DASHBOARD_LISTEN"),
])
def test_refused_in_one_line(
    values: dict[str, str], named: str, redis_server: RedisServer,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    _env(monkeypatch, redis_server.url, **values)
    assert main(["dashboard"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("configuration error: ") and named in err and err.count("\n") == 1


def test_served_by_its_own_process(redis_server: RedisServer) -> None:
    port = free_port()
    env = dict(os.environ, REDIS_URL=redis_server.url, BOT_PSEUDONYM_KEY="cli-test-key",
               DASHBOARD_TOKEN=TOKEN, DASHBOARD_LISTEN=f"127.0.0.1:{port}")
    process = subprocess.Popen([sys.executable, "-m", "bot", "dashboard"], cwd=REPO_ROOT,
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=2) as r:
                    assert r.status == 200 and b'name="token"' in r.read()
                    break
            except OSError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                assert time.monotonic() < deadline, "the dashboard did not start"
                time.sleep(0.2)

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args: object, **kwargs: object) -> None:
                return None

        opener = urllib.request.build_opener(NoRedirect)
        with pytest.raises(urllib.error.HTTPError) as refused:
            opener.open(f"http://127.0.0.1:{port}/cases", timeout=5)
        assert refused.value.code == 303 and refused.value.headers["Location"] == "/login"
        refused.value.close()
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stderr:
            process.stderr.close()
