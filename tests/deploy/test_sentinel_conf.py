"""deploy/sentinel.conf as shipped: a sentinel anyone can reach could point the bot at another
Redis, so it asks for a password and refuses to start until its address is filled in.

Run with the real redis-sentinel (Debian's package; `make setup` installs it).
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from redis import Redis
from redis.exceptions import AuthenticationError, ResponseError

from tests.helpers.ha import binary
from tests.helpers.redis_server import free_port

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = (ROOT / "deploy" / "sentinel.conf").read_text()
PASSWORD = "CHANGE-ME-the-sentinels-password"


def _sentinel() -> str:
    found = binary("redis-sentinel", "REDIS_SENTINEL")
    if found is None:
        pytest.fail("redis-sentinel not found: run `make setup` (scripts/ensure-ha.sh)")
    return found


def test_the_shipped_sentinel_refuses_to_start_until_its_address_is_filled_in(
    tmp_path: Path,
) -> None:
    conf = tmp_path / "sentinel.conf"
    conf.write_text(SHIPPED.replace("port 26379", f"port {free_port()}"))
    result = subprocess.run([_sentinel(), str(conf)], capture_output=True, text=True, timeout=30)
    assert result.returncode != 0 and "SENTINEL_ADDRESS" in result.stdout + result.stderr


def test_the_shipped_sentinel_answers_only_with_its_password(tmp_path: Path) -> None:
    port = free_port()
    conf = tmp_path / "sentinel.conf"
    conf.write_text(SHIPPED.replace("port 26379", f"port {port}")
                    .replace("SENTINEL_ADDRESS", "127.0.0.1").replace(" 127.0.0.1\n", "\n", 1)
                    .replace("10.0.0.21", "127.0.0.1"))
    process = subprocess.Popen([_sentinel(), str(conf)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        with Redis(port=port, password=PASSWORD, socket_timeout=2) as allowed:
            for _ in range(100):
                try:
                    if allowed.ping():
                        break
                except Exception:  # not listening yet
                    time.sleep(0.1)
            assert allowed.ping()
        with Redis(port=port, socket_timeout=2) as stranger, pytest.raises(
            (AuthenticationError, ResponseError)
        ):
            stranger.execute_command("SENTINEL", "MASTERS")
    finally:
        process.terminate()
        process.wait(timeout=10)
