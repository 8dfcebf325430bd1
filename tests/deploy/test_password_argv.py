"""Redis's password never on a command line: `ps` shows every process's argv to every user of
the server (and of a Kubernetes node). The scripts run for real against password-protected
redis-servers with every program they start recorded (tests/deploy/argv_check.py); the
commands docs/DEPLOY.md gives, the Kubernetes jobs and the compose services are read as the
shell reads them. The old ways (redis-cli -a, `sudo env REDISCLI_AUTH=...`, `sed -i` with the
URL, a `sed` masking the password, redis-server --requirepass) each fail here."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from redis import Redis

from tests.deploy.argv_check import (
    PASSWORD,
    SECRET_VARIABLES,
    ArgvLog,
    argv_problems,
    documented_commands,
)
from tests.deploy.test_backup import DurableRedis
from tests.deploy.test_container import interpolate
from tests.deploy.test_manifests import K8S, SITE, build, pod_spec
from tests.helpers.ha import redis_command, wait_until
from tests.helpers.redis_server import free_port, redis_server_binary

ROOT = Path(__file__).resolve().parents[2]
SECRET = "backup-test-password"  # DurableRedis's requirepass
DOCS = [str(path.relative_to(ROOT)) for path in sorted((ROOT / "docs").glob("*.md"))] + [
    "README.md", "deploy/rasa.md"]


@pytest.fixture
def argv(tmp_path: Path) -> ArgvLog:
    return ArgvLog(tmp_path, os.environ["PATH"])


def script(argv: ArgvLog, name: str, *args: str, stdin: str | None = None,
           **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(ROOT / "scripts" / name), *args], input=stdin,
                          capture_output=True, text=True, timeout=180, env=argv.env(**env))


def test_the_backup_and_restore_scripts_put_the_password_in_no_command_line(
    argv: ArgvLog, servers: tuple[DurableRedis, DurableRedis], tmp_path: Path
) -> None:
    source, target = servers
    with Redis.from_url(source.url) as redis:
        redis.set("smb:session:k1", "{}", ex=3600)
        redis.zadd("smb:erased", {"a" * 32: 1.0})
    backups = tmp_path / "backups"
    for url in (source.url, source.url.replace("://:", "://default:")):
        done = script(argv, "redis-backup.sh", str(backups), REDIS_URL=url)
        assert done.returncode == 0, done.stderr
    made = sorted(backups.glob("smb-redis-*.rdb"))[-1]
    record = tmp_path / "erased.txt"
    done = script(argv, "erasure-record.sh", "save", str(record), "--", "-p", str(source.port),
                  REDISCLI_AUTH=SECRET)
    assert done.returncode == 0 and record.read_text().split() == ["1", "a" * 32], done.stderr
    # The systemd install's local settings file, as DEPLOY.md raises maxmemory with it.
    local = tmp_path / "local.conf"
    local.write_text(f"requirepass {SECRET}\nmaxmemory 64mb\n")
    done = script(argv, "with-redis-auth.sh", str(local), "redis-cli", "-p", str(target.port),
                  "CONFIG", "SET", "maxmemory", "128mb")
    assert (done.returncode, done.stdout.strip()) == (0, "OK"), done.stderr
    done = script(argv, "redis-restore-online.sh", str(made), REDIS_URL=target.url,
                  RESTORE_FLUSH="yes")
    assert done.returncode == 0, done.stderr
    with Redis.from_url(target.url) as redis:
        assert redis.get("smb:session:k1") == b"{}"
        # A MIGRATE the target refuses: its error is shown with the password masked by the
        # shell, not by a `sed` that had it in its argv.
        redis.config_set("maxmemory", 1)
    failed = script(argv, "redis-restore-online.sh", str(made), REDIS_URL=target.url,
                    RESTORE_FLUSH="yes")
    assert failed.returncode == 1 and "MIGRATE failed" in failed.stderr
    assert SECRET not in failed.stdout + failed.stderr
    # .env's REDIS_URL, written as the systemd install writes it.
    env = tmp_path / ".env"
    env.write_text("REDIS_URL=redis://localhost:6379/0\n")
    done = script(argv, "set-env.sh", str(env), "REDIS_URL", stdin=f"redis://:{SECRET}@h/0\n")
    assert done.returncode == 0 and env.read_text() == f"REDIS_URL=redis://:{SECRET}@h/0\n"

    started = [line.split()[0] for line in argv.lines() if line.split()]
    assert {"bash", "redis-cli", "redis-server", "redis-check-rdb", "grep"} <= set(started)
    assert argv.holding(SECRET) == []


def test_the_argv_log_sees_a_password_on_a_command_line(argv: ArgvLog) -> None:
    """The check above can fail: the old ways, run the same way, are seen."""
    port = str(free_port())
    for command in ('redis-cli -a "$P" -p "$PORT" ping', 'env REDISCLI_AUTH="$P" true',
                    'echo "error $P" | sed "s/$P/***/g"'):
        subprocess.run(["bash", "-c", command], capture_output=True, timeout=30,
                       env=argv.env(P=SECRET, PORT=port))
    assert [line.split()[0] for line in argv.holding(SECRET)] == ["redis-cli", "env", "sed"]


def test_no_documented_command_puts_the_password_in_argv_or_the_shell_history() -> None:
    problems = []
    for doc in DOCS:
        commands = documented_commands((ROOT / doc).read_text())
        assert commands or doc != "docs/DEPLOY.md"
        for kind, command in commands:
            problems += [f"{doc}: {command}: {p}" for p in argv_problems(command)]
            # Typed at a prompt it stays in ~/.bash_history: a file, read -rs or --askpass.
            if kind != "crontab" and PASSWORD in command:
                problems.append(f"{doc}: {command}: the password typed on a command line")
    assert problems == []


@pytest.mark.parametrize("old", [
    "sudo -u redis env REDISCLI_AUTH=<the password> redis-cli CONFIG SET maxmemory 128mb",
    'sudo -u smbot sed -i "s|^REDIS_URL=.*|REDIS_URL=redis://:$REDIS_PASSWORD@h:6379/0|" .env',
    "redis-cli -h <host> -a <password> INFO server",
    "kubectl exec smb -- sh -c 'redis-cli -u \"$REDIS_URL\" ping'",
    "sudo -u redis sh -c 'REDISCLI_AUTH=x; redis-cli --pass \"$REDISCLI_AUTH\" ping'",
    'rasa run --enable-api --auth-token "$RASA_TOKEN"',
    'curl -s "http://127.0.0.1:5005/status?token=$RASA_TOKEN"',
])
def test_the_documented_command_check_finds_the_old_commands(old: str) -> None:
    (( _, command),) = documented_commands(f"```sh\n{old}\n```\n")
    assert argv_problems(command)


def secret_env(container: dict[str, Any]) -> frozenset[str]:
    """A container's variables that come from a Secret, and those that hold the password."""
    names = {e["name"] for e in container.get("env", [])
             if "secretKeyRef" in e.get("valueFrom", {})}
    return frozenset(names | SECRET_VARIABLES)


def container_problems(container: dict[str, Any]) -> list[str]:
    """Kubernetes expands $(NAME) in command and args itself, from the container's env."""
    secrets = secret_env(container)
    argv = container.get("command", []) + container.get("args", [])
    problems = [f"{word!r} expands a secret" for word in argv
                if set(re.findall(r"\$\((\w+)\)", word)) & secrets]
    for index, word in enumerate(argv[:-2]):
        if word.rsplit("/", 1)[-1] in ("sh", "bash") and argv[index + 1] == "-c":
            problems += argv_problems(argv[index + 2], secrets)
    return problems


def test_no_kubernetes_job_or_pod_puts_a_secret_in_argv() -> None:
    problems = []
    for place in (K8S / "overlays" / "small", K8S / "overlays" / "sentinel", SITE):
        for doc in build(place):
            if doc["kind"] in ("CronJob", "Deployment", "Job", "Pod"):
                spec = pod_spec(doc) if doc["kind"] != "Pod" else doc["spec"]
                for c in spec.get("initContainers", []) + spec["containers"]:
                    problems += [f"{doc['metadata']['name']}: {p}" for p in container_problems(c)]
    assert problems == []
    assert container_problems({"command": ["redis-cli", "-a", "$(REDIS_PASSWORD)", "ping"]})


def compose_argv(service: dict[str, Any]) -> list[str]:
    argv = service.get("entrypoint", []) + service.get("command", [])
    test = service.get("healthcheck", {}).get("test", [])
    return argv + (["sh", "-c", test[1]] if test[:1] == ["CMD-SHELL"] else test[1:])


def test_no_compose_service_puts_a_secret_in_argv() -> None:
    """Compose fills ${REDIS_PASSWORD} in before the container starts: in a command it is argv
    (redis-server --requirepass had it); `$$NAME` is left to the container's shell, where
    `rasa run --auth-token "$RASA_TOKEN"` had Rasa's token."""
    text = re.sub(r"\$\{(REDIS_PASSWORD|RASA_TOKEN)[^}]*\}", PASSWORD,
                  (ROOT / "docker-compose.yml").read_text()).replace("$$", "$")
    problems = []
    for name, service in yaml.safe_load(text)["services"].items():
        argv = compose_argv(service)
        problems += [f"{name}: {word!r}" for word in argv if PASSWORD in word]
        for index, word in enumerate(argv[:-2]):
            if word in ("sh", "bash") and argv[index + 1] == "-c":
                problems += [f"{name}: {p}" for p in argv_problems(argv[index + 2])]
    assert problems == []


def test_compose_redis_takes_its_password_on_stdin(argv: ArgvLog, tmp_path: Path) -> None:
    """The compose redis service's own command, run here: the image's entrypoint stands in
    as a script that runs its arguments (it drops root first), with this test's port and
    directory put before the last argument (`-`, the configuration on stdin)."""
    text = interpolate((ROOT / "docker-compose.yml").read_text(),
                       {"REDIS_PASSWORD": SECRET, "REDIS_MAXMEMORY": "96mb"})
    redis = yaml.safe_load(text)["services"]["redis"]
    port, data = free_port(), tmp_path / "data"
    data.mkdir()
    entrypoint = argv.shims / "docker-entrypoint.sh"
    entrypoint.write_text(
        "#!/bin/bash\n" f'exec "${{@:1:$#-1}}" --port {port} --bind 127.0.0.1 --dir {data} '
        '--daemonize no "${@: -1}"\n')
    entrypoint.chmod(0o755)
    argv.real_path = f"{Path(redis_server_binary()).parent}:{argv.real_path}"
    command = [part.replace("/usr/local/etc/redis/redis.conf", str(ROOT / "deploy/redis.conf"))
               for part in redis["entrypoint"] + redis["command"]]
    server = subprocess.Popen(command, env=argv.env(**redis["environment"]), cwd=data,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until("compose redis", lambda: (redis_command(port, "PING") or "").startswith(
            "-NOAUTH"))
        with Redis(port=port, password=SECRET) as client:
            assert client.ping()
            assert client.config_get("maxmemory")["maxmemory"] == str(96 * 1024 * 1024)
            assert client.config_get("appendonly")["appendonly"] == "yes"
        assert SECRET not in Path(f"/proc/{server.pid}/cmdline").read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert any(line.startswith("redis-server ") for line in argv.lines())
    assert argv.holding(SECRET) == []
