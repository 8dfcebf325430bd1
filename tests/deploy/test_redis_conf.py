"""deploy/redis.conf on a real redis-server: it starts where the host has no IPv6.

A host without IPv6 is made with a network namespace of its own (`unshare -n`, root only)
whose loopback has IPv6 switched off; the test is skipped with its reason where that cannot
be done. `bind 127.0.0.1 ::1` aborted Redis there ("Could not create server TCP listening
socket ::1"); `-::1` makes the address optional.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers.redis_server import free_port, redis_server_binary

ROOT = Path(__file__).resolve().parents[2]
CONF = ROOT / "deploy" / "redis.conf"

# In the namespace: loopback up, IPv6 off, Redis with the shipped settings (a free port and a
# temporary directory), then PING over IPv4 loopback; Redis is stopped either way.
IN_NAMESPACE = """
set -u
ip link set lo up
sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.lo.disable_ipv6=1
"$REDIS_SERVER" "$CONF" --port "$PORT" --dir "$DIR" --daemonize no >"$DIR/log" 2>&1 &
pid=$!
for _ in $(seq 50); do
    if redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null | grep -q PONG; then
        echo PONG; kill "$pid"; wait "$pid"; exit 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
kill "$pid" 2>/dev/null
cat "$DIR/log"
exit 1
"""


def run_without_ipv6(conf: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    if os.geteuid() != 0 or not all(shutil.which(t) for t in ("unshare", "ip", "redis-cli")):
        pytest.skip("a host without IPv6 needs root, unshare, ip and redis-cli here")
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"cannot make a network namespace: {probe.stderr.decode().strip()}")
    env = {**os.environ, "REDIS_SERVER": redis_server_binary(), "CONF": str(conf),
           "PORT": str(free_port()), "DIR": str(tmp_path)}
    return subprocess.run(["unshare", "-n", "bash", "-c", IN_NAMESPACE], env=env,
                          capture_output=True, text=True, timeout=30)


def test_the_shipped_redis_conf_starts_on_a_host_without_ipv6(tmp_path: Path) -> None:
    result = run_without_ipv6(CONF, tmp_path)
    assert result.returncode == 0 and "PONG" in result.stdout, result.stdout + result.stderr


def test_a_required_ipv6_bind_would_abort_there(tmp_path: Path) -> None:
    """The namespace really has no IPv6: the old line fails in it (so the test above can)."""
    old = tmp_path / "old.conf"
    old.write_text(CONF.read_text().replace("bind 127.0.0.1 -::1", "bind 127.0.0.1 ::1"))
    assert "bind 127.0.0.1 ::1" in old.read_text()
    result = run_without_ipv6(old, tmp_path)
    assert result.returncode != 0
    assert "Could not create server TCP listening socket ::1" in result.stdout


def test_the_shipped_redis_conf_binds_only_loopback() -> None:
    (bind,) = [line.split()[1:] for line in CONF.read_text().splitlines()
               if line.startswith("bind ")]
    assert [address.lstrip("-") for address in bind] == ["127.0.0.1", "::1"]
