"""What a site overlay sets and what the cluster runs besides the bot: the ingress controller
the NetworkPolicy lets in, settings and secrets that roll the pods when they change, and the
backup, restore and erasure jobs (validated offline; no cluster here)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.deploy.test_manifests import (
    K8S,
    ROOT,
    SITE,
    build,
    copy_tree,
    deployment,
    kustomize,
    kustomize_command,
    pod_spec,
)

DEPLOY = (ROOT / "docs" / "DEPLOY.md").read_text()


def one(docs: list[dict[str, Any]], kind: str, name: str | None = None) -> dict[str, Any]:
    (found,) = [d for d in docs if d["kind"] == kind and name in (None, d["metadata"]["name"])]
    return found


def admitted_namespaces(docs: list[dict[str, Any]]) -> set[str]:
    policy = one(docs, "NetworkPolicy")
    return {peer["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"]
            for rule in policy["spec"]["ingress"] for peer in rule["from"]}


def test_the_site_overlay_names_the_ingress_controller_the_network_policy_admits(
    tmp_path: Path,
) -> None:
    """ingress-nginx in `ingress-nginx` was assumed by the base, unsaid: with another controller
    the NetworkPolicy shut it out and every update failed. The site overlay sets both."""
    shipped = build(SITE)
    assert one(shipped, "Ingress")["spec"]["ingressClassName"] == "nginx"
    assert admitted_namespaces(shipped) == {"ingress-nginx", "monitoring"}
    site = tmp_path / "kubernetes" / "site"
    shutil.copytree(K8S, tmp_path / "kubernetes", ignore=shutil.ignore_patterns(
        "content", "facts", "scripts", "secrets.env"))
    shutil.copytree(tmp_path / "kubernetes" / "site.example", site)
    for name, old, new in (("networkpolicy.yaml", "name: ingress-nginx", "name: kube-system"),
                           ("ingress.yaml", "ingressClassName: nginx",
                            "ingressClassName: traefik")):
        text = (site / name).read_text()
        assert old in text
        (site / name).write_text(text.replace(old, new))
    mine = build(site)
    assert one(mine, "Ingress")["spec"]["ingressClassName"] == "traefik"
    assert admitted_namespaces(mine) == {"kube-system", "monitoring"}
    # DEPLOY.md tells the ops person which two lines to change, and where.
    overlay = DEPLOY[DEPLOY.index("### Your overlay"):DEPLOY.index("### Install")]
    assert "networkpolicy.yaml" in overlay and "ingressClassName" in overlay
    assert "ingress-nginx" in overlay


def pod_template(docs: list[dict[str, Any]]) -> Any:
    return deployment(docs)["spec"]["template"]


@pytest.mark.parametrize(("name", "line", "changed"), [
    ("settings.env", "OPERATOR_IDS=", "OPERATOR_IDS=4242"),
    ("secrets.env", "TELEGRAM_BOT_TOKEN=", "TELEGRAM_BOT_TOKEN=123:new"),
])
def test_a_changed_setting_or_secret_rolls_the_pods(
    name: str, line: str, changed: str, tmp_path: Path
) -> None:
    """A ConfigMap or Secret edited in place restarts no pod: the old value stayed in use until
    something else restarted them. Generated with a hash in the name, a change is a new pod
    template, and the Deployment rolls; the content's ConfigMaps already worked so."""
    kustomize_command()
    tree = copy_tree(tmp_path)
    before = kustomize(tree / "site.example")
    path = tree / "site.example" / name
    text = path.read_text()
    assert re.search(rf"^{re.escape(line)}$", text, re.M)
    path.write_text(re.sub(rf"^{re.escape(line)}$", changed, text, flags=re.M))
    after = kustomize(tree / "site.example")
    assert pod_template(before) != pod_template(after)
    (bot,) = pod_spec(deployment(after))["containers"]
    refs = {next(iter(ref.values()))["name"] for ref in bot["envFrom"]}
    generated = {d["metadata"]["name"] for d in after if d["kind"] in ("ConfigMap", "Secret")}
    assert refs <= generated, refs - generated
    # The jobs that read the secret follow the new name too.
    for job in (d for d in after if d["kind"] == "CronJob"):
        text = yaml.safe_dump(job)
        assert "name: smb-secrets\n" not in text, job["metadata"]["name"]


def test_no_secret_value_is_tracked_and_secrets_env_is_ignored() -> None:
    example = (SITE / "secrets.env.example").read_text()
    values = dict(line.split("=", 1) for line in example.splitlines()
                  if line and not line.startswith("#"))
    assert {"TELEGRAM_BOT_TOKEN", "BOT_PSEUDONYM_KEY", "WEBHOOK_SECRET", "REDIS_URL"} <= set(values)
    assert all(v in ("", "redis://:PASSWORD@redis-host:6379/0") for v in values.values())
    assert "secrets.env" in (ROOT / ".gitignore").read_text().split()
    assert "cp secrets.env.example secrets.env" in DEPLOY


@pytest.mark.parametrize("overlay", ["overlays/small", "overlays/sentinel"])
def test_every_overlay_backs_redis_up_nightly_with_the_shipped_script(overlay: str) -> None:
    docs = build(K8S / overlay)
    backup = one(docs, "CronJob", "smb-redis-backup")
    assert not backup["spec"].get("suspend") and backup["spec"]["schedule"]
    (container,) = pod_spec(backup)["containers"]
    script = Path(container["command"][1]).name
    generator = yaml.safe_load((K8S / "components" / "backup" / "kustomization.yaml").read_text())
    (scripts,) = generator["configMapGenerator"]
    sources = dict(entry.split("=", 1) for entry in scripts["files"])
    assert sources[script] == f"scripts/{script}"  # `make k8s-content` copies scripts/ there
    makefile = (ROOT / "Makefile").read_text()
    assert f"scripts/{script}" in makefile
    env = {e["name"]: e for e in container["env"]}
    assert env["REDIS_URL"]["valueFrom"]["secretKeyRef"]["name"] == "smb-secrets"
    assert "envFrom" not in container  # the backup gets the Redis URL, not the bot's token
    # The restore and erasure are templates run by hand, never on a schedule.
    for name in ("smb-redis-restore", "smb-erase"):
        assert one(docs, "CronJob", name)["spec"]["suspend"] is True


def test_the_jobs_that_write_find_the_primary_as_the_bot_does() -> None:
    docs = build(K8S / "overlays" / "sentinel")
    (bot,) = pod_spec(deployment(docs))["containers"]
    wanted = {e["name"]: e.get("value") for e in bot["env"] if e["name"] in (
        "REDIS_SENTINELS", "REDIS_SENTINEL_MASTER")}
    assert len(wanted) == 2
    for name in ("smb-redis-restore", "smb-erase"):
        (container,) = pod_spec(one(docs, "CronJob", name))["containers"]
        env = {e["name"]: e.get("value") for e in container["env"]}
        assert {k: env.get(k) for k in wanted} == wanted, name


def test_deploy_md_makes_the_configmaps_the_restore_and_erase_jobs_read() -> None:
    docs = build(K8S / "overlays" / "small")
    for name in ("smb-redis-restore", "smb-erase"):
        text = yaml.safe_dump(one(docs, "CronJob", name))
        for configmap in re.findall(r"name: (smb-restore|smb-erase-names)\n", text):
            assert f"create configmap {configmap} " in DEPLOY, configmap
        assert re.search(rf"create job \S+ --from=cronjob/{name}$", DEPLOY, re.M), name


def test_the_backup_cronjob_command_writes_into_a_volume_root_does_not_let_it_chmod(
    tmp_path: Path,
) -> None:
    """A PersistentVolumeClaim's root is root's (group-writable through fsGroup): the script
    could not make it private and failed every night. The CronJob's own command, as its uid
    and fsGroup, against a real redis-server, with the volume's root made that way."""
    import os
    import subprocess
    import tempfile

    from tests.deploy.test_backup import DurableRedis

    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("running the command as the job's uid needs root and setpriv")
    docs = build(K8S / "overlays" / "small")
    job = pod_spec(one(docs, "CronJob", "smb-redis-backup"))
    (container,) = job["containers"]
    uid, group = job["securityContext"]["runAsUser"], job["securityContext"]["fsGroup"]
    place = Path(tempfile.mkdtemp(prefix="smb-pvc-"))
    redis = DurableRedis()
    try:
        place.chmod(0o755)
        volume = place / "backups"
        volume.mkdir()
        os.chown(volume, 0, group)
        volume.chmod(0o2775)  # what fsGroup makes of a volume's root
        redis.up()
        command = [part.replace("/scripts/", f"{ROOT}/scripts/").replace("/backups", str(volume))
                   for part in container["command"]]
        result = subprocess.run(
            ["setpriv", f"--reuid={uid}", f"--regid={group}", "--clear-groups", *command],
            capture_output=True, text=True, timeout=120,
            env={"PATH": os.environ["PATH"], "REDIS_URL": redis.url,
                 "BACKUP_RETENTION_DAYS": "7"})
        assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
        (made,) = volume.glob("*/smb-redis-*.rdb")
        assert made.stat().st_uid == uid and oct(made.parent.stat().st_mode & 0o777) == "0o700"
        # The restore job reads the same directory.
        (restore,) = pod_spec(one(docs, "CronJob", "smb-redis-restore"))["containers"]
        assert f"/backups/{made.parent.name}/$RESTORE_FILE" in restore["command"][2]
    finally:
        redis.close()
        shutil.rmtree(place)


def redis_tool_images(docs: list[dict[str, Any]]) -> dict[str, str]:
    return {job["metadata"]["name"]: container["image"]
            for job in docs if job["kind"] == "CronJob"
            for container in pod_spec(job)["containers"]
            if job["metadata"]["name"] in ("smb-redis-backup", "smb-redis-restore",
                                           "smb-backup-reader")}


def test_the_redis_tools_image_is_a_site_setting_the_docs_tie_to_the_servers_version() -> None:
    """A Redis 7.0 image's redis-check-rdb refuses the RDB version 11/12 snapshots of the Redis
    7.2/7.4 that the Bitnami chart runs: every backup failed its check. The tools' image is
    a placeholder the site overlay sets (kustomize `images:`), and DEPLOY.md says to set it
    to the server's version."""
    for overlay in ("overlays/small", "overlays/sentinel"):
        assert set(redis_tool_images(build(K8S / overlay)).values()) == {"smb-redis-tools"}
    site = yaml.safe_load((SITE / "kustomization.yaml").read_text())
    (tools,) = [image for image in site["images"] if image["name"] == "smb-redis-tools"]
    images = set(redis_tool_images(build(SITE)).values())
    assert images == {f"{tools['newName']}:{tools['newTag']}"}
    assert not tools["newTag"].startswith(("7.0", "6."))
    assert "smb-redis-tools" in DEPLOY and "same Redis version as the server" in DEPLOY


def env_keys(path: Path) -> set[str]:
    return {line.split("=", 1)[0] for line in path.read_text().splitlines()
            if line and not line.startswith("#")}


def test_a_key_in_settings_env_is_neither_ignored_nor_shadowing_a_secret() -> None:
    """`env:` wins over envFrom, and of envFrom the last source wins: settings.env said it could
    hold "any other line of .env.example", but BOT_MODE there was silently ignored, and the
    ConfigMap, listed after the Secret, would have shadowed a secret of the same name."""
    docs = build(SITE)
    bot = one(docs, "Deployment")["spec"]["template"]["spec"]["containers"][0]
    erase_job = pod_spec(one(docs, "CronJob", "smb-erase"))["containers"][0]
    for container in (bot, erase_job):
        assert list(container["envFrom"][-1]) == ["secretRef"], container["name"]
    fixed = {entry["name"] for entry in bot["env"]}
    settings = SITE / "settings.env"
    header = " ".join(line for line in settings.read_text().splitlines()
                      if line.startswith("#"))
    assert fixed <= set(re.findall(r"\b[A-Z][A-Z_]+[A-Z]\b", header)), fixed
    secrets = env_keys(SITE / "secrets.env.example")
    assert {"DASHBOARD_TOKEN", "RASA_TOKEN"} <= secrets
    assert not env_keys(settings) & (fixed | secrets)
    assert "any other line of `.env.example`" not in DEPLOY


def test_the_kubernetes_backup_alert_fires_when_no_success_was_ever_recorded() -> None:
    """`time() - last_success > 26h` is empty, not firing, while the series is absent (every
    run failed since the CronJob was applied, or kube-state-metrics is not scraped)."""
    rules = yaml.safe_load((ROOT / "deploy" / "prometheus" / "backup-rules.yml").read_text())
    (group,) = [g for g in rules["groups"] if g["name"].endswith("kubernetes")]
    exprs = [rule["expr"] for rule in group["rules"]]
    assert any(e.startswith("absent(kube_cronjob_status_last_successful_time{cronjob="
                            '"smb-redis-backup"})') for e in exprs), exprs
