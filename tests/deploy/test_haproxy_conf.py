"""deploy/haproxy.cfg as a volunteer installs it: the shipped placeholders are refused by
haproxy's own check, and DEPLOY.md's commands (replace them, make the certificate file) give a
configuration haproxy accepts."""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.helpers.ha import HAProxy

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = (ROOT / "docs" / "DEPLOY.md").read_text()
SHIPPED = (ROOT / "deploy" / "haproxy.cfg").read_text()


def haproxy_check(config: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """`haproxy -c` on `config`, with its certificate path pointed at a self-signed one and
    without `user`/`group` (this test is not root's haproxy)."""
    haproxy, openssl = shutil.which("haproxy"), shutil.which("openssl")
    if not haproxy or not openssl:
        pytest.skip("haproxy and openssl are needed (make setup installs haproxy)")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=bot.example.org", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=60)
    pem = tmp_path / "bot.pem"
    pem.write_bytes(cert.read_bytes() + key.read_bytes())  # chain, then key: DEPLOY.md's `cat`
    (crt,) = re.findall(r"\bcrt (\S+)", config)
    config = re.sub(r"^\s+(user|group) haproxy\n", "", config.replace(crt, str(pem)), flags=re.M)
    path = tmp_path / "haproxy.cfg"
    path.write_text(config)
    return subprocess.run([haproxy, "-c", "-f", str(path)], capture_output=True, text=True,
                          timeout=60)


def test_the_shipped_placeholders_are_refused(tmp_path: Path) -> None:
    """10.0.0.11 and 10.0.0.12 looked like addresses: a copy not filled in started and sent
    every update to hosts that were not there."""
    result = haproxy_check(SHIPPED, tmp_path)
    assert result.returncode != 0
    assert "could not resolve address 'BOT1_ADDRESS'" in result.stdout + result.stderr


def test_the_documented_commands_give_a_configuration_haproxy_accepts(tmp_path: Path) -> None:
    (sed,) = [line for line in DEPLOY.splitlines() if line.startswith("sed -i -e 's/BOT1_ADDRESS")]
    replaced = SHIPPED
    for old, new in re.findall(r"-e 's/([^/]+)/([^/]+)/g?'", sed):
        assert old in SHIPPED, old
        if "ADDRESS" in old:  # the port is the documented one, the host this machine
            assert re.fullmatch(r"[\d.]+:\d+", new), new
            new = "127.0.0.1:" + new.rsplit(":", 1)[1]
        replaced = replaced.replace(old, new)
    assert "ADDRESS" not in replaced.split("# Placeholders")[0] + "".join(
        line for line in replaced.splitlines() if line.strip().startswith("server "))
    result = haproxy_check(replaced, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    # The certificate file haproxy reads is the one the certbot hook writes.
    (crt,) = re.findall(r"\bcrt (\S+)", replaced)
    assert f"> {crt.replace('bot.example.org', 'bot.your-ngo.org')} " in DEPLOY


def test_same_host_replicas_get_a_port_each(tmp_path: Path) -> None:
    """The file fixed every server's port at 8080: two bots on the haproxy host could not be
    named. The port is part of the placeholder."""
    assert not re.search(r"ADDRESS:\d", SHIPPED)
    replaced = SHIPPED.replace("BOT1_ADDRESS", "127.0.0.1:8080").replace(
        "BOT2_ADDRESS", "127.0.0.1:8082").replace("bot.example.org", "bot.your-ngo.org")
    servers = re.findall(r"^\s*server \S+ (\S+)", replaced, re.M)
    assert servers == ["127.0.0.1:8080", "127.0.0.1:8082"]
    assert "`127.0.0.1:8080` and\n`127.0.0.1:8082`" in DEPLOY


def test_only_the_exact_webhook_path_reaches_a_bot(tmp_path: Path) -> None:
    """`path_beg /telegram` also passed /telegramX and /telegram/anything to the bots; the
    Ingress passes /telegram only (pathType: Exact). A real haproxy with the shipped frontend
    in front of a recording backend: only the exact path arrives, the rest get 403."""
    assert haproxy_check(SHIPPED.replace("BOT1_ADDRESS", "127.0.0.1:1").replace(
        "BOT2_ADDRESS", "127.0.0.1:2"), tmp_path).returncode == 0
    ingress = (ROOT / "deploy" / "kubernetes" / "base" / "ingress.yaml").read_text()
    assert re.search(r"path: /telegram\n\s+pathType: Exact", ingress)
    assert "WEBHOOK_URL=https://bot.example.org/telegram" in DEPLOY
    seen: list[str] = []

    class Bot(BaseHTTPRequestHandler):
        def answer(self) -> None:
            if self.path != "/readyz":  # haproxy's own health checks
                seen.append(self.path)
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_POST = answer

        def log_message(self, *args: object) -> None:
            pass

    backend = ThreadingHTTPServer(("127.0.0.1", 0), Bot)
    threading.Thread(target=backend.serve_forever, daemon=True).start()
    proxy = HAProxy([backend.server_address[1]])
    try:
        proxy.up()
        statuses = {}
        for path in ("/telegram", "/telegram?x=1", "/telegramX", "/telegram/x", "/telegram2",
                     "/TELEGRAM", "/metrics", "/readyz", "/"):
            statuses[path] = post(proxy.port, path)
        assert statuses == {"/telegram": 200, "/telegram?x=1": 200, "/telegramX": 403,
                            "/telegram/x": 403, "/telegram2": 403, "/TELEGRAM": 403,
                            "/metrics": 403, "/readyz": 403, "/": 403}
        assert seen == ["/telegram", "/telegram?x=1"]
    finally:
        proxy.close()
        backend.shutdown()
        backend.server_close()


def post(port: int, path: str) -> int:
    """The status of a POST through haproxy, once its server is up (503 until then)."""
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(urllib.request.Request(
                    f"http://127.0.0.1:{port}{path}", data=b"{}", method="POST"), timeout=5) as r:
                return int(r.status)
        except urllib.error.HTTPError as exc:
            if exc.code != 503 or time.monotonic() > deadline:
                return int(exc.code)
        time.sleep(0.2)
