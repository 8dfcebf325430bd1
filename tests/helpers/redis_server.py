"""A real redis-server on a free loopback port, started and stopped by the tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def redis_server_binary() -> str:
    binary = os.environ.get("REDIS_SERVER") or shutil.which("redis-server")
    if not binary:
        raise RuntimeError(
            "redis-server not found: run `make setup` (installs it) or set REDIS_SERVER"
        )
    return binary


class RedisServer:
    """One redis-server process; `stop()` then `start()` simulates Redis going away and back.

    `config` adds redis.conf directives, e.g. `{"maxmemory": "4mb",
    "maxmemory-policy": "allkeys-lru"}`; they apply again on each `start()`.
    """

    def __init__(self, config: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.config = dict(config or {})
        self._dir = tempfile.TemporaryDirectory(prefix="smb-redis-")
        self._proc: subprocess.Popen[bytes] | None = None
        self._started_once = False

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        """Start on `self.port`; a port another process took meanwhile (free_port only found
        it free a moment ago; test workers run side by side) gives a new port at first start."""
        for _ in range(3):
            if self._start_once():
                return
            if self._started_once:  # a restart keeps its port: clients know it
                break
            self.port = free_port()
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def _start_once(self) -> bool:
        self._proc = subprocess.Popen(
            [
                redis_server_binary(), "--port", str(self.port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", self._dir.name,
                *(arg for name, value in self.config.items() for arg in (f"--{name}", value)),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:  # exited: the port is taken (by whom, unknown)
                return False
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        # Ours, not another process's on the same port: ours is still running.
                        time.sleep(0.05)
                        if self._proc.poll() is None:
                            self._started_once = True
                            return True
                        return False
            except OSError:
                time.sleep(0.05)
        self.stop()
        return False

    def stop(self) -> None:
        if self._proc is not None:
            self._proc.terminate()
            self._proc.wait(timeout=10)
            self._proc = None

    def close(self) -> None:
        self.stop()
        self._dir.cleanup()


@contextmanager
def running_redis(config: dict[str, str] | None = None) -> Iterator[RedisServer]:
    server = RedisServer(config)
    server.start()
    try:
        yield server
    finally:
        server.close()
