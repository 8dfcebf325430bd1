"""Real replicas on loopback: redis-server primary + replica + redis-sentinels, haproxy, bots.

Every process binds 127.0.0.1 on a free port, writes into its own temporary directory and is
stopped by `close()`. The binaries come from Debian's packages (scripts/ensure-ha.sh).
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from tests.helpers.redis_server import free_port, redis_server_binary

ROOT = Path(__file__).resolve().parents[2]
MASTER = "smb"
# Seconds a bot replica may take to answer /readyz: ~13 s on a quiet 2-core machine, ~70 s
# under a load average of 9 (it builds its models at start); 90 s failed 2 runs of 5 there.
READY_WITHIN = 300.0


def binary(name: str, env: str) -> str | None:
    """The binary from `env` or PATH (/usr/sbin too: Debian installs haproxy there)."""
    return os.environ.get(env) or shutil.which(name) or shutil.which(name, path="/usr/sbin")


def wait_until(what: str, ready: Callable[[], bool], within: float = 30.0) -> None:
    """Poll `ready` until it is true; RuntimeError naming `what` after `within` seconds."""
    deadline = time.monotonic() + within
    while not ready():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what}: not reached within {within:.0f} s")
        time.sleep(0.1)


def redis_command(port: int, *args: str, timeout: float = 1.0) -> str | None:
    """One RESP command over a plain socket (no client library state); None when unreachable."""
    payload = f"*{len(args)}\r\n" + "".join(f"${len(a.encode())}\r\n{a}\r\n" for a in args)
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
            sock.sendall(payload.encode())
            return sock.recv(65536).decode(errors="replace")
    except OSError:
        return None


class Processes:
    """Child processes with their logs in one temporary directory."""

    def __init__(self, prefix: str) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix=prefix)
        self.dir = Path(self._dir.name)
        self.procs: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, name: str, argv: list[str], env: dict[str, str] | None = None,
              cwd: Path | None = None) -> subprocess.Popen[bytes]:
        log = (self.dir / f"{name}.log").open("ab")
        proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=env,
                                cwd=cwd or self.dir)
        log.close()
        self.procs[name] = proc
        return proc

    def stop(self, name: str, sig: int = signal.SIGTERM, grace: float = 20.0) -> None:
        proc = self.procs.pop(name, None)
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(sig)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    def log(self, name: str) -> str:
        path = self.dir / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def logs(self) -> list[Path]:
        """The processes' log files (gone after `close`: copy them before, or use these
        paths while running)."""
        return sorted(self.dir.glob("*.log"))

    def close(self) -> None:
        for proc in self.procs.values():  # all at once, then wait: shutdowns overlap
            if proc.poll() is None:
                proc.terminate()
        for name in list(self.procs):
            self.stop(name, grace=10.0)
        keep = os.environ.get("SMB_KEEP_LOGS")  # a directory: the logs survive, to read later
        if keep:
            target = Path(keep) / self.dir.name
            target.mkdir(parents=True, exist_ok=True)
            for log in self.dir.glob("*.log"):
                shutil.copy(log, target / log.name)
        self._dir.cleanup()


class SentinelRedis(Processes):
    """A primary, one replica and three sentinels watching them under the name `smb`."""

    def __init__(self) -> None:
        super().__init__("smb-ha-redis-")
        self.ports = {"a": free_port(), "b": free_port()}
        self.sentinel_ports = [free_port() for _ in range(3)]

    @property
    def sentinels(self) -> str:
        """REDIS_SENTINELS for the bot."""
        return ",".join(f"127.0.0.1:{p}" for p in self.sentinel_ports)

    def _redis(self, name: str, *extra: str) -> None:
        data = self.dir / name
        data.mkdir(exist_ok=True)
        self.start(f"redis-{name}", [
            redis_server_binary(), "--port", str(self.ports[name]), "--bind", "127.0.0.1",
            "--dir", str(data), "--save", "", "--appendonly", "yes",
            "--maxmemory-policy", "noeviction",
            # A replica's first sync starts at once, not after Redis's default 5 s wait for
            # more replicas (there is one).
            "--repl-diskless-sync-delay", "0", *extra,
        ])
        wait_until(f"redis {name}", lambda: redis_command(self.ports[name], "PING") == "+PONG\r\n")

    def up(self) -> None:
        self._redis("a")
        self._redis("b", "--replicaof", "127.0.0.1", str(self.ports["a"]))
        wait_until("replica synced", self.replica_settled)
        sentinel = binary("redis-sentinel", "REDIS_SENTINEL")
        if sentinel is None:
            raise RuntimeError("redis-sentinel not found: run `make setup` (scripts/ensure-ha.sh)")
        # Production values live in deploy/sentinel.conf; a test cannot wait 5 s per step.
        for n, port in enumerate(self.sentinel_ports):
            conf = self.dir / f"sentinel-{n}.conf"
            conf.write_text(
                f"port {port}\nbind 127.0.0.1\ndir {self.dir}\n"
                f"sentinel monitor {MASTER} 127.0.0.1 {self.ports['a']} 2\n"
                f"sentinel down-after-milliseconds {MASTER} 1000\n"
                f"sentinel failover-timeout {MASTER} 10000\n"
                f"sentinel parallel-syncs {MASTER} 1\n"
            )
            self.start(f"sentinel-{n}", [sentinel, str(conf)])
        for port in self.sentinel_ports:
            wait_until("sentinel", lambda p=port: redis_command(p, "PING") == "+PONG\r\n")

    def replica_settled(self) -> bool:
        """Replica b has its first copy of the primary and has written it to its own AOF: while
        it writes that file it refuses SIGTERM ("Writing initial AOF, can't exit") and a stop
        would wait out its whole grace (20 s)."""
        link = redis_command(self.ports["b"], "INFO", "replication") or ""
        aof = redis_command(self.ports["b"], "INFO", "persistence") or ""
        return ("master_link_status:up" in link and "aof_rewrite_in_progress:0" in aof
                and "aof_rewrite_scheduled:0" in aof)

    def primary_port(self) -> int | None:
        """The primary's port as the first sentinel reports it."""
        answer = redis_command(self.sentinel_ports[0], "SENTINEL", "GET-MASTER-ADDR-BY-NAME",
                               MASTER) or ""
        ports = re.findall(r"\$\d+\r\n(\d+)\r\n$", answer)
        return int(ports[0]) if ports else None

    def in_sync(self) -> None:
        """Wait until the replica has every write the primary acknowledged (Redis WAIT)."""
        primary = self.primary_port()
        assert primary is not None
        wait_until("replica in sync", lambda: redis_command(
            primary, "WAIT", "1", "1000", timeout=2.0) == ":1\r\n")

    def kill_primary(self) -> int:
        """SIGKILL the primary (a crash, not a shutdown); return the port it had."""
        for sentinel in self.sentinel_ports:
            # A sentinel promotes only a replica it has discovered (from the primary's INFO,
            # read every 10 s): killing earlier would leave nothing to promote.
            wait_until("sentinel knows the replica", lambda p=sentinel: (
                redis_command(p, "SENTINEL", "REPLICAS", MASTER) or "*0").startswith("*1"))
        port = self.primary_port()
        name = next(n for n, p in self.ports.items() if p == port)
        self.stop(f"redis-{name}", signal.SIGKILL)
        return int(port or 0)

    def replica_url(self) -> str:
        """A REDIS_URL: its host is unused with Sentinel, only the database number counts."""
        return "redis://127.0.0.1:1/0"


class HAProxy(Processes):
    """haproxy with deploy/haproxy.cfg's backend in front of the bots' webhook ports."""

    def __init__(self, backends: list[int]) -> None:
        super().__init__("smb-haproxy-")
        self.port = free_port()
        self.stats_port = free_port()
        shipped = (ROOT / "deploy" / "haproxy.cfg").read_text()
        config = adapt_haproxy_config(shipped, self.port, backends)
        (self.dir / "haproxy.cfg").write_text(config)

    def up(self) -> None:
        haproxy = binary("haproxy", "HAPROXY")
        if haproxy is None:
            raise RuntimeError("haproxy not found: run `make setup` (scripts/ensure-ha.sh)")
        check = subprocess.run([haproxy, "-c", "-f", str(self.dir / "haproxy.cfg")],
                               capture_output=True, text=True)
        if check.returncode != 0:
            raise RuntimeError(f"haproxy config refused: {check.stdout}{check.stderr}")
        self.start("haproxy", [haproxy, "-db", "-f", str(self.dir / "haproxy.cfg")])

        def listening() -> bool:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return True
            except OSError:
                return False

        wait_until("haproxy", listening)


def adapt_haproxy_config(shipped: str, port: int, backends: list[int]) -> str:
    """deploy/haproxy.cfg for loopback: plain HTTP on `port`, servers on `backends`."""
    lines = []
    for line in shipped.splitlines():
        stripped = line.strip()
        if stripped.startswith("bind "):
            line = f"    bind 127.0.0.1:{port}"  # TLS terminates here in production
        elif stripped.startswith(("server ", "server-template ")):
            continue
        elif stripped.startswith(("log ", "user ", "group ", "chroot ", "stats socket")):
            continue
        lines.append(line)
        if stripped.startswith("backend "):
            lines.extend(f"    server bot{n} 127.0.0.1:{p} check inter 1s fall 3 rise 1"
                         for n, p in enumerate(backends, 1))
    return "\n".join(lines) + "\n"


class BotReplicas(Processes):
    """`python -m tests.helpers.bot_process` per replica: the real runner, webhook mode."""

    def __init__(self, env: dict[str, str], count: int = 2) -> None:
        super().__init__("smb-bots-")
        self.env = env
        self.ports = [free_port() for _ in range(count)]

    def start_bot(self, n: int) -> None:
        env = {**os.environ, **self.env, "WEBHOOK_LISTEN": f"127.0.0.1:{self.ports[n]}",
               "PYTHONPATH": str(ROOT)}
        # cwd is the temporary directory: no developer's .env file is read.
        self.start(f"bot-{n}", [sys.executable, "-m", "tests.helpers.bot_process"], env=env)

    def ready(self, n: int) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.ports[n]), timeout=0.5) as sock:
                sock.sendall(b"GET /readyz HTTP/1.0\r\n\r\n")
                return sock.recv(64).split(b" ")[1:2] == [b"200"]
        except OSError:
            return False


def bot_ready(bots: BotReplicas, n: int) -> None:
    """Wait until replica `n` answers /readyz; its log in the error otherwise."""
    try:
        wait_until(f"bot {n} ready", lambda: bots.ready(n), within=READY_WITHIN)
    except RuntimeError:
        raise RuntimeError(bots.log(f"bot-{n}")[-3000:]) from None


@asynccontextmanager
async def behind_haproxy(env: dict[str, str],
                         count: int = 2) -> AsyncIterator[tuple[BotReplicas, str]]:
    """`count` bot replicas with `env`, all ready, behind haproxy: yields them and the webhook
    URL Telegram posts to; haproxy and the bots are stopped at the end."""
    bots = BotReplicas(env, count)
    proxy: HAProxy | None = None
    try:
        for n in range(count):
            bots.start_bot(n)
        for n in range(count):
            await asyncio.to_thread(bot_ready, bots, n)
        proxy = HAProxy(bots.ports)
        await asyncio.to_thread(proxy.up)
        yield bots, f"http://127.0.0.1:{proxy.port}/telegram"
    finally:
        for part in (proxy, bots):
            if part is not None:
                await asyncio.to_thread(part.close)
