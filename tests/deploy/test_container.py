"""The compose file, checked as far as this machine allows: it has no Docker engine, so no
container is started here (docs/DEPLOY.md says so). The image: tests/deploy/test_image_build.py."""

from __future__ import annotations

import inspect
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.deploy.test_image_build import stages

ROOT = Path(__file__).resolve().parents[2]


def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return data


def test_compose_runs_bot_redis_and_rasa_each_with_a_healthcheck() -> None:
    services = compose()["services"]
    # Besides the three, only one-shot helpers (they run to the end, then others start).
    running = {name for name, service in services.items() if service.get("restart") != "no"}
    assert running == {"bot", "redis", "rasa"}
    for name in running:
        assert services[name]["healthcheck"]["test"], name
    assert services["rasa"]["profiles"] == ["rasa"]
    depends = services["bot"]["depends_on"]
    assert depends["redis"]["condition"] == "service_healthy"
    assert depends["rasa"] == {"condition": "service_healthy", "required": False}
    assert services["bot"]["env_file"] == ".env"


def test_compose_redis_keeps_its_data_with_a_password_and_no_eviction() -> None:
    redis = compose()["services"]["redis"]
    # The password on stdin, never in argv (tests/deploy/test_password_argv.py runs it).
    command = " ".join(redis["entrypoint"] + redis["command"])
    assert redis["environment"]["REDISCLI_AUTH"].startswith("${REDIS_PASSWORD:?")
    assert "\nrequirepass $$REDISCLI_AUTH\n" in command and "--requirepass" not in command
    assert any(v.startswith("redis-data:/data") for v in redis["volumes"])
    conf = next(v.split(":")[0] for v in redis["volumes"] if "redis.conf" in v)
    settings = dict(line.split(None, 1) for line in (ROOT / conf).read_text().splitlines()
                    if line.strip() and not line.startswith("#"))
    assert settings["appendonly"] == "yes" and settings["maxmemory-policy"] == "noeviction"
    assert settings["save"].strip()  # RDB snapshots for backups


def test_compose_holds_no_secret_values() -> None:
    text = (ROOT / "docker-compose.yml").read_text()
    for secret in ("TELEGRAM_BOT_TOKEN", "BOT_PSEUDONYM_KEY", "WEBHOOK_SECRET"):
        assert not re.search(rf"{secret}\s*[:=]\s*\S", text), secret
    assert re.findall(r"REDIS_PASSWORD[^}]*}", text)  # only as ${REDIS_PASSWORD...}


def test_docker_compose_accepts_the_file(tmp_path: Path) -> None:
    docker = shutil.which("docker")
    if docker is None or subprocess.run([docker, "compose", "version"],
                                        capture_output=True).returncode != 0:
        pytest.skip("no `docker compose` on this machine: the structural tests above stand in")
    env = tmp_path / ".env"
    env.write_text("REDIS_PASSWORD=test\n")
    result = subprocess.run(
        [docker, "compose", "--env-file", str(env), "-f", str(ROOT / "docker-compose.yml"),
         "--profile", "rasa", "config", "--quiet"], capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr


def test_no_compose_volume_is_mounted_inside_a_read_only_mount() -> None:
    """Rasa's models volume used to sit inside the read-only ./nlu: its mount point then has
    to be made in the host's ./nlu, which fails or litters the clone."""
    for name, service in compose()["services"].items():
        mounts = [v.split(":") for v in service.get("volumes", [])]
        read_only = [m[1].rstrip("/") + "/" for m in mounts if len(m) > 2 and "ro" in m[2]]
        for mount in mounts:
            for outer in read_only:
                assert not mount[1].startswith(outer), f"{name}: {mount[1]} inside {outer}"


def test_compose_backups_and_restores_use_the_same_directory_without_a_host_port() -> None:
    """DEPLOY.md's compose cron writes where its restore reads, through `docker compose exec`
    (Redis publishes no port on the host)."""
    redis = compose()["services"]["redis"]
    assert "ports" not in redis
    assert {"./backups:/backups", "./scripts:/scripts:ro"} <= set(redis["volumes"])
    deploy = (ROOT / "docs" / "DEPLOY.md").read_text()
    assert re.search(r"docker compose exec -T [^\n]*redis-backup\.sh /backups", deploy)
    assert re.search(r"redis-restore\.sh - /data < backups/smb-redis-<time>\.rdb", deploy)


# The user each image runs as (its Dockerfile's USER), for services that do not say `user:`.
# rasa/rasa: `USER 1001` (group 0). The official redis image starts as root and its entrypoint
# chowns /data to `redis` before dropping to it (when the command is redis-server).
IMAGE_USERS = {"rasa/rasa": "1001"}
CHOWNS_ITS_DATA = {"redis": "/data"}


def runs_as(name: str, service: dict[str, Any]) -> str:
    """The uid a service's processes run as."""
    if "user" in service:
        return str(service["user"]).split(":")[0]
    if "build" in service:
        (user,) = [line.split()[1] for line in stages()[-1] if line.upper().startswith("USER ")]
        return user.split(":")[0]
    image = service["image"].split(":")[0]
    return IMAGE_USERS.get(image, "0")


def starts_redis_server(service: dict[str, Any]) -> bool:
    """redis-server through the image's entrypoint, which chowns /data and drops root only
    when its first argument is redis-server."""
    command = service.get("entrypoint", []) + service["command"]
    return command[0] == "redis-server" or (
        command[:2] == ["sh", "-c"]
        and command[2].startswith("exec docker-entrypoint.sh redis-server "))


def test_every_named_volume_is_writable_by_the_service_that_writes_it() -> None:
    """A new named volume is root's: a service running as another user cannot write it unless
    something hands it over first (Rasa, uid 1001, never started: no model could be saved).
    Each such volume is chowned to that uid by a one-shot service that must finish first."""
    services = compose()["services"]
    volumes = set(compose().get("volumes", {}))
    for name, service in services.items():
        uid = runs_as(name, service)
        for mount in service.get("volumes", []):
            source, target, *mode = mount.split(":")
            if source not in volumes or "ro" in mode or uid in ("0", "root"):
                continue
            image = service.get("image", "").split(":")[0]
            if CHOWNS_ITS_DATA.get(image) == target and starts_redis_server(service):
                continue
            owners = [dep for dep, how in service.get("depends_on", {}).items()
                      if how.get("condition") == "service_completed_successfully"]
            handed = False
            for dep in owners:
                owner = services[dep]
                assert owner.get("profiles") == service.get("profiles"), dep
                assert str(owner.get("user", "0")).split(":")[0] in ("0", "root"), dep
                (its_mount,) = [m.split(":")[1] for m in owner["volumes"]
                                if m.split(":")[0] == source]
                command = owner.get("entrypoint", []) + owner.get("command", [])
                handed |= (command[:2] == ["chown", "-R"] and command[2].split(":")[0] == uid
                           and command[3:] == [its_mount])
            assert handed, f"{name} runs as {uid} and writes volume {source}: nobody hands it over"


def test_compose_waits_for_the_bot_to_drain_before_killing_it() -> None:
    """On SIGTERM the bot finishes the updates in hand for up to its grace; the stop timeout
    of each way to run it must be longer, and at least the 30 s DEPLOY.md documents."""
    from bot.adapters.telegram.webhook import WebhookServer

    drain = inspect.signature(WebhookServer.stop).parameters["grace"].default
    deploy = (ROOT / "docs" / "DEPLOY.md").read_text()
    documented = int(re.search(r"to (\d+) s or more", deploy)[1])  # type: ignore[index]
    assert documented > drain
    compose_grace = compose()["services"]["bot"]["stop_grace_period"]
    assert compose_grace.endswith("s") and int(compose_grace[:-1]) >= documented
    unit = (ROOT / "deploy" / "safe-migration-bot.service").read_text()
    assert int(re.search(r"^TimeoutStopSec=(\d+)$", unit, re.M)[1]) >= documented  # type: ignore[index]
    k8s = yaml.safe_load((ROOT / "deploy" / "kubernetes" / "base" / "deployment.yaml").read_text())
    assert k8s["spec"]["template"]["spec"]["terminationGracePeriodSeconds"] >= documented


def interpolate(text: str, env: dict[str, str]) -> str:
    """Compose's variable interpolation, for the forms docker-compose.yml uses: ${NAME},
    ${NAME:-default}, ${NAME:?error} (fails as compose does when unset), and $$ for $."""

    def value(match: re.Match[str]) -> str:
        name, op, arg = match[1], match[2] or "", match[3] or ""
        if op.endswith("?"):
            assert env.get(name), f"{name}: {arg}"
        return env.get(name) or (arg if op.endswith("-") else "")

    text = text.replace("$$", "\0")
    text = re.sub(r"\$\{([A-Za-z_]\w*)(?:(:?[-?])([^}]*))?\}", value, text)
    return text.replace("\0", "$")


def test_the_compose_file_follows_the_compose_specification() -> None:
    """Without `docker compose` here (above), the Compose specification's own parser
    (compose-spec, the compose_spec crate) reads the file after interpolation: unknown keys,
    wrong types and unknown conditions are refused, as the check below shows."""
    from compose_spec import PyCompose

    text = interpolate((ROOT / "docker-compose.yml").read_text(), {"REDIS_PASSWORD": "test"})
    parsed = PyCompose.from_yaml(text)
    assert set(parsed.service_names()) == set(compose()["services"])
    for wrong in (text.replace("condition: service_completed_successfully",
                               "condition: service_finished"),
                  text.replace("stop_grace_period: 30s", "stop_grace_period: thirty"),
                  text.replace("    healthcheck:", "    helthcheck:", 1)):
        assert wrong != text
        with pytest.raises(ValueError):
            PyCompose.from_yaml(wrong)


def test_compose_bot_drops_what_the_kubernetes_container_drops() -> None:
    """The Kubernetes container drops all capabilities, forbids privilege escalation and
    has a read-only root; compose's bot kept Docker's default capabilities."""
    from tests.deploy.test_manifests import K8S, build, deployment

    (container,) = deployment(build(K8S / "base"))["spec"]["template"]["spec"]["containers"]
    k8s = container["securityContext"]
    bot = compose()["services"]["bot"]
    assert k8s["capabilities"]["drop"] == ["ALL"] and bot.get("cap_drop") == ["ALL"]
    assert not bot.get("cap_add")
    assert k8s["allowPrivilegeEscalation"] is False
    assert "no-new-privileges:true" in bot["security_opt"]
    assert k8s["readOnlyRootFilesystem"] is True and bot["read_only"] is True
    deploy = " ".join((ROOT / "docs" / "DEPLOY.md").read_text().split())
    assert "`cap_drop: [ALL]`" in deploy
    assert "**Docker does not restart a container because it is unhealthy**" in deploy


def test_compose_bot_has_the_writable_tmp_the_kubernetes_pod_has() -> None:
    """Both roots are read-only; the pod (and the erase job) mount an emptyDir at /tmp, and
    compose's bot had no writable /tmp at all: anything using tempfile failed only there."""
    from tests.deploy.test_manifests import K8S, build, deployment

    spec = deployment(build(K8S / "base"))["spec"]["template"]["spec"]
    (container,) = spec["containers"]
    mounted = {m["name"] for m in container["volumeMounts"] if m["mountPath"] == "/tmp"}
    (empty_dir,) = [v["emptyDir"] for v in spec["volumes"] if v["name"] in mounted]
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    bot = compose()["services"]["bot"]
    assert bot["read_only"] is True
    (tmpfs,) = [t for t in bot["tmpfs"] if t.split(":")[0] == "/tmp"]
    options = dict(o.partition("=")[::2] for o in tmpfs.split(":", 1)[1].split(","))
    assert "rw" in options and options["mode"] == "1777"  # the bot runs as uid 10001
    assert "noexec" in options  # nothing runs from it, as from the read-only root
    # Docker's m is MiB, as Kubernetes' Mi: the same limit in both.
    units = {"m": 2**20, "Mi": 2**20}
    size = re.fullmatch(r"(\d+)(m|Mi)", options["size"])
    limit = re.fullmatch(r"(\d+)(m|Mi)", empty_dir["sizeLimit"])
    assert size and limit, (options, empty_dir)
    assert int(size[1]) * units[size[2]] == int(limit[1]) * units[limit[2]]
