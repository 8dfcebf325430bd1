"""Kubernetes manifests: every one valid for the Kubernetes API (kubernetes-validate, offline),
the overlays apply to the base, and the Deployment has what production needs."""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "kubernetes"
OVERLAYS = sorted(p.parent.name for p in (K8S / "overlays").glob("*/kustomization.yaml"))
# What DEPLOY.md has people apply: their own overlay, made from this example.
SITE = K8S / "site.example"
# Everything that can be applied: each shipped overlay and the site example on top of one.
TARGETS = [f"overlays/{name}" for name in OVERLAYS] + ["site.example"]


def load_all(path: Path) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all(path.read_text()) if doc]


def merge(base: Any, patch: Any) -> Any:
    """A strategic merge as kustomize does it for these manifests: dicts deep, named lists by
    `name` (containers, env, volumes), other lists replaced."""
    if isinstance(base, dict) and isinstance(patch, dict):
        out = dict(base)
        for key, value in patch.items():
            out[key] = merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(patch, list) and all(
        isinstance(x, dict) and "name" in x for x in base + patch
    ):
        out_list = [copy.deepcopy(x) for x in base]
        for item in patch:
            same = next((n for n, x in enumerate(out_list) if x["name"] == item["name"]), None)
            if same is None:
                out_list.append(item)
            else:
                out_list[same] = merge(out_list[same], item)
        return out_list
    return patch


def build(directory: Path) -> list[dict[str, Any]]:
    """What `kubectl kustomize` would give, for the features these kustomizations use."""
    kustomization = yaml.safe_load((directory / "kustomization.yaml").read_text())
    docs: list[dict[str, Any]] = []
    # Components add their resources like a directory of resources does (generators are
    # left to the real kustomize, below).
    for resource in kustomization.get("resources", []) + kustomization.get("components", []):
        target = (directory / resource).resolve()
        docs += build(target) if target.is_dir() else load_all(target)
    for patch in kustomization.get("patches", []):
        (body,) = load_all(directory / patch["path"])
        index = next(n for n, d in enumerate(docs)
                     if d["kind"] == body["kind"] and d["metadata"]["name"] ==
                     body["metadata"]["name"])
        docs[index] = merge(docs[index], body)
    for image in kustomization.get("images", []):
        for doc in docs:
            for container in pod_spec(doc).get("containers", []):
                name, _, tag = container["image"].partition(":")
                if name == image["name"]:
                    container["image"] = (image.get("newName", name) + ":" +
                                          image.get("newTag", tag)).rstrip(":")
    for replicas in kustomization.get("replicas", []):
        (deployment,) = [d for d in docs if d["kind"] == "Deployment" and
                         d["metadata"]["name"] == replicas["name"]]
        deployment["spec"]["replicas"] = replicas["count"]
    if "namespace" in kustomization:
        for doc in docs:
            doc["metadata"]["namespace"] = kustomization["namespace"]
    return docs


def pod_spec(doc: dict[str, Any]) -> dict[str, Any]:
    """The pod spec of a Deployment or a CronJob ({} for other kinds)."""
    spec = doc.get("spec", {})
    spec = spec.get("jobTemplate", {}).get("spec", spec)
    found: dict[str, Any] = spec.get("template", {}).get("spec", {})
    return found


def validate(doc: dict[str, Any]) -> None:
    try:
        kubernetes_validate.validate(doc, kubernetes_validate.latest_version(), strict=True)
    except kubernetes_validate.ValidationError as exc:
        where = "/".join(str(p) for p in exc.path)
        pytest.fail(f"{doc['kind']} {doc['metadata']['name']}: {where}: {exc.message}")


def deployment(docs: list[dict[str, Any]]) -> dict[str, Any]:
    (found,) = [d for d in docs if d["kind"] == "Deployment"]
    return found


def autoscaler(docs: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The HorizontalPodAutoscaler that scales the Deployment, if there is one."""
    name = deployment(docs)["metadata"]["name"]
    found = [d for d in docs if d["kind"] == "HorizontalPodAutoscaler"
             and d["spec"]["scaleTargetRef"]["name"] == name]
    return found[0] if found else None


def replicas_at_least(docs: list[dict[str, Any]]) -> int:
    hpa = autoscaler(docs)
    return int(hpa["spec"]["minReplicas"] if hpa else deployment(docs)["spec"]["replicas"])


@pytest.mark.parametrize("overlay", TARGETS)
def test_every_manifest_of_an_overlay_is_valid_kubernetes(overlay: str) -> None:
    docs = build(K8S / overlay)
    assert {d["kind"] for d in docs} >= {"Deployment", "Service", "PodDisruptionBudget",
                                         "Ingress", "NetworkPolicy"}
    for doc in docs:
        validate(doc)


def test_validation_catches_a_broken_manifest() -> None:
    broken = copy.deepcopy(deployment(build(K8S / "base")))
    broken["spec"]["template"]["spec"]["containers"][0]["livenessProbes"] = {}  # a typo
    with pytest.raises(pytest.fail.Exception, match="livenessProbes"):
        validate(broken)


@pytest.mark.parametrize("overlay", TARGETS)
def test_the_deployment_is_ready_for_production(overlay: str) -> None:
    docs = build(K8S / overlay)
    spec = deployment(docs)["spec"]
    assert replicas_at_least(docs) >= 2
    pod = spec["template"]["spec"]
    (bot,) = pod["containers"]
    assert bot["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert bot["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert bot["resources"]["requests"]["cpu"] and bot["resources"]["limits"]["memory"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert bot["securityContext"]["readOnlyRootFilesystem"] is True
    # Secrets come from a Secret, never from a literal in the manifests.
    names = {e["name"] for e in bot.get("env", [])}
    assert not names & {"TELEGRAM_BOT_TOKEN", "BOT_PSEUDONYM_KEY", "WEBHOOK_SECRET", "REDIS_URL"}
    assert {"secretRef": {"name": "smb-secrets"}} in bot["envFrom"]
    # The disruption budget and the service select these pods.
    labels = spec["template"]["metadata"]["labels"]
    for kind in ("PodDisruptionBudget", "Service"):
        (doc,) = [d for d in docs if d["kind"] == kind]
        selector = doc["spec"].get("selector", {})
        wanted = selector.get("matchLabels", selector)
        assert wanted.items() <= labels.items(), kind


def test_the_sentinel_overlay_points_the_bot_at_sentinel() -> None:
    (bot,) = deployment(build(K8S / "overlays" / "sentinel"))["spec"]["template"]["spec"][
        "containers"]
    env = {e["name"]: e.get("value") for e in bot["env"]}
    assert env["REDIS_SENTINELS"] and env["REDIS_SENTINEL_MASTER"]
    assert env["BOT_MODE"] == "webhook"  # the base's settings are kept
    # Sentinels with a password (Bitnami's default) answer nothing without it: from the Secret.
    (password,) = [e for e in bot["env"] if e["name"] == "REDIS_SENTINEL_PASSWORD"]
    assert password["valueFrom"]["secretKeyRef"]["name"] == "smb-secrets"


def _generators() -> dict[str, dict[str, str]]:
    """Each configMapGenerator's name -> {key: source path relative to the base}."""
    kustomization = yaml.safe_load((K8S / "base" / "kustomization.yaml").read_text())
    return {g["name"]: dict(entry.split("=", 1) for entry in g["files"])
            for g in kustomization["configMapGenerator"]}


def _mounted(volume: dict[str, Any]) -> dict[tuple[str, str], str]:
    """(ConfigMap name, key) -> path in the volume, for a configMap or projected volume."""
    sources = ([s["configMap"] for s in volume["projected"]["sources"]]
               if "projected" in volume else [volume["configMap"]])
    return {(src["name"], item["key"]): item["path"] for src in sources for item in src["items"]}


def _volume(name: str) -> dict[str, Any]:
    volumes = deployment(build(K8S / "base"))["spec"]["template"]["spec"]["volumes"]
    return next(v for v in volumes if v["name"] == name)


def test_the_content_configmap_holds_every_content_file() -> None:
    """A content file added to content/ but not to a ConfigMap would vanish in Kubernetes."""
    files = {str(p.relative_to(ROOT / "content")) for p in (ROOT / "content").rglob("*")
             if p.is_file() and p.suffix in (".yaml", ".yml")}
    sources = {(name, key): path.removeprefix("content/")
               for name, entries in _generators().items()
               for key, path in entries.items() if path.startswith("content/")}
    assert set(sources.values()) == files
    mounted = _mounted(_volume("content"))
    assert {mounted[ref]: sources[ref] for ref in sources} == {f: f for f in files}


def test_the_facts_are_mounted_where_bot_facts_dir_points() -> None:
    """Without the facts every start warns that phone numbers cannot be checked."""
    facts = {p.name for p in (ROOT / "data" / "facts").glob("*.yaml")}
    assert {"hotlines.yaml", "indicators.yaml"} <= facts
    assert {Path(p).name for p in _generators()["smb-facts"].values()} == facts
    bot = deployment(build(K8S / "base"))["spec"]["template"]["spec"]["containers"][0]
    env = {e["name"]: e.get("value") for e in bot["env"]}
    (mount,) = [m for m in bot["volumeMounts"] if m["name"] == "facts"]
    assert env["BOT_FACTS_DIR"] == mount["mountPath"]
    assert _volume("facts")["configMap"]["name"] == "smb-facts"


# A ConfigMap holds at most 1 MiB (etcd's object limit); keep a margin for growth.
CONFIGMAP_BUDGET = 768 * 1024


@pytest.mark.parametrize("name", sorted(_generators()))
def test_each_configmap_stays_well_under_one_mebibyte(name: str) -> None:
    """The data of each generated ConfigMap, read from the files it is generated from."""
    size = sum(len(key.encode()) + (ROOT / path.replace("facts/", "data/facts/", 1)
                                    if path.startswith("facts/") else ROOT / path).stat().st_size
               for key, path in _generators()[name].items())
    assert size < CONFIGMAP_BUDGET, f"{name}: {size} bytes; split it into another ConfigMap"


def test_deploy_md_applies_kustomizations_server_side() -> None:
    """Client-side apply stores the object in an annotation limited to 256 KiB (kubectl#712)."""
    text = "\n".join(path.read_text() for path in (ROOT / "docs" / "DEPLOY.md",
                                                   K8S / "base" / "kustomization.yaml"))
    applies = [line for line in text.splitlines() if "kubectl apply" in line]
    assert applies
    assert all("--server-side" in line for line in applies), applies


@pytest.mark.parametrize("overlay", TARGETS)
def test_a_deployment_scaled_by_an_autoscaler_leaves_replicas_to_it(overlay: str) -> None:
    """A Deployment that sets .spec.replicas while an HPA scales it makes every
    `kubectl apply --server-side` conflict with the HPA's field manager (or, forced, reset the
    scale to the file's count): where an HPA owns the count, the manifests must not set it."""
    docs = build(K8S / overlay)
    spec = deployment(docs)["spec"]
    hpa = autoscaler(docs)
    if hpa is None:
        assert spec["replicas"] >= 2
    else:
        assert "replicas" not in spec, f"{overlay}: .spec.replicas set beside {hpa['kind']}"
        assert hpa["spec"]["minReplicas"] >= 2


def test_the_overlays_set_the_release_tag_and_the_base_none() -> None:
    """The image tag changes with each release and each site's registry: never in the base."""
    base = yaml.safe_load((K8S / "base" / "kustomization.yaml").read_text())
    assert "images" not in base
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    for name in OVERLAYS:
        (image,) = deployment(build(K8S / "overlays" / name))["spec"]["template"]["spec"][
            "containers"]
        assert image["image"] == f"safe-migration-bot:{version}", name


def test_the_site_example_names_registry_domain_and_tls_secret_consistently() -> None:
    docs = build(SITE)
    (bot,) = deployment(docs)["spec"]["template"]["spec"]["containers"]
    registry, _, tag = bot["image"].rpartition(":")
    assert "/" in registry and tag  # a registry the cluster pulls from, with the release tag
    url = urlsplit({e["name"]: e.get("value") for e in bot["env"]}["WEBHOOK_URL"])
    (ingress,) = [d for d in docs if d["kind"] == "Ingress"]
    (rule,) = ingress["spec"]["rules"]
    (tls,) = ingress["spec"]["tls"]
    assert url.scheme == "https" and rule["host"] == url.hostname and tls["hosts"] == [url.hostname]
    assert [p["path"] for p in rule["http"]["paths"]] == [url.path]
    # DEPLOY.md says how that Secret comes to exist, under that name.
    deploy = (ROOT / "docs" / "DEPLOY.md").read_text()
    assert f"create secret tls {tls['secretName']} " in deploy


def test_deploy_md_builds_pushes_and_applies_the_site_overlay() -> None:
    """The image is built and pushed under the name the site overlay pulls, and what is applied
    is the site overlay (a copy of site.example, ignored by git), so no tracked file is edited."""
    deploy = (ROOT / "docs" / "DEPLOY.md").read_text()
    (image,) = [image for image in yaml.safe_load((SITE / "kustomization.yaml").read_text())[
        "images"] if image["name"] == "safe-migration-bot"]
    assert re.search(rf"docker build -t {re.escape(image['newName'])}:\S+ \.", deploy)
    assert re.search(rf"docker push {re.escape(image['newName'])}:", deploy)
    assert "cp -r deploy/kubernetes/site.example deploy/kubernetes/site" in deploy
    assert "deploy/kubernetes/site/" in (ROOT / ".gitignore").read_text().split()
    applied = re.findall(r"kubectl apply --server-side[^\n]* -k ([^\s`]+)", deploy)
    assert applied and set(applied) == {"deploy/kubernetes/site"}, applied
    assert not re.search(r"\b[Ee]dit [^.]*\b(base|overlays)/", deploy)


def kustomize_command() -> list[str]:
    for tool, command in (("kustomize", ["build"]), ("kubectl", ["kustomize"])):
        if path := shutil.which(tool):
            return [path, *command]
    pytest.skip("neither kustomize nor kubectl here: the builder above stands in for it")


def unhashed(value: Any) -> Any:
    """`value` with generated names as written in the manifests (kustomize appends a hash of
    a generated ConfigMap's or Secret's content to its name, and to every reference)."""
    return json.loads(re.sub(r'"(smb-[a-z-]+)-[a-z0-9]{10}"', r'"\1"', json.dumps(value)))


def copy_tree(tmp_path: Path) -> Path:
    """deploy/kubernetes as `make k8s-content` leaves it, with the site example's secrets.env
    made from its example (as DEPLOY.md says), in tmp_path."""
    tree = tmp_path / "kubernetes"
    shutil.copytree(K8S, tree, ignore=shutil.ignore_patterns("content", "facts", "scripts",
                                                             "secrets.env"))
    shutil.copytree(ROOT / "content", tree / "base" / "content")
    shutil.copytree(ROOT / "data" / "facts", tree / "base" / "facts")
    scripts = tree / "components" / "backup" / "scripts"
    scripts.mkdir()
    # The scripts the component's generator names, as `make k8s-content` copies them.
    component = yaml.safe_load((K8S / "components" / "backup" / "kustomization.yaml")
                               .read_text())
    for entry in component["configMapGenerator"][0]["files"]:
        name = Path(entry.split("=", 1)[1]).name
        shutil.copy(ROOT / "scripts" / name, scripts / name)
    site = tree / "site.example"
    shutil.copy(site / "secrets.env.example", site / "secrets.env")
    return tree


def kustomize(directory: Path) -> list[dict[str, Any]]:
    result = subprocess.run([*kustomize_command(), str(directory)], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return [d for d in yaml.safe_load_all(result.stdout) if d]


@pytest.mark.parametrize("overlay", TARGETS)
def test_real_kustomize_builds_what_the_tests_check(overlay: str, tmp_path: Path) -> None:
    """The real kustomize (with `make k8s-content`'s copies) gives valid manifests and the same
    replicas, image, probes and settings as the builder these tests use."""
    tree = copy_tree(tmp_path)
    docs = kustomize(tree / overlay)
    for doc in docs:
        validate(doc)
    ours = build(K8S / overlay)
    # Generated objects (names with a hash) are kustomize's alone.
    assert sorted((d["kind"], d["metadata"]["name"]) for d in docs
                  if d["kind"] not in ("ConfigMap", "Secret")) == sorted(
        (d["kind"], d["metadata"]["name"]) for d in ours)
    real, mine = deployment(docs)["spec"], deployment(ours)["spec"]
    assert real.get("replicas") == mine.get("replicas")
    (real_bot,), (my_bot,) = real["template"]["spec"]["containers"], mine["template"]["spec"][
        "containers"]
    assert real_bot["image"] == my_bot["image"]
    assert unhashed({e["name"]: e for e in real_bot["env"]}) == {e["name"]: e for e in
                                                                  my_bot["env"]}
    assert real_bot["readinessProbe"] == my_bot["readinessProbe"]
    assert {d["metadata"]["namespace"] for d in docs} == {"safe-migration-bot"}


def _mebibytes(quantity: str) -> float:
    number, unit = re.fullmatch(r"(\d+)(Mi|Gi)", quantity).groups()  # type: ignore[union-attr]
    return int(number) * (1024 if unit == "Gi" else 1)


def test_memory_request_covers_the_measured_peak_and_the_docs_say_the_same() -> None:
    """The request and limit follow the figures of the Capacity and Memory tables (the latest
    bench runs, DEPLOY-EVIDENCE.md): a request below the peak RSS gets pods evicted first
    under memory pressure."""
    deploy = (ROOT / "docs" / "DEPLOY.md").read_text()
    evidence = (ROOT / "docs" / "DEPLOY-EVIDENCE.md").read_text()
    capacity = evidence[evidence.index("## Capacity"):]
    peaks = [int(m) for m in re.findall(r"\| (\d+) MiB \(\d+ MiB idle\)", capacity)]
    assert peaks, "no peak RSS in DEPLOY-EVIDENCE.md's Capacity and Memory tables"
    (bot,) = deployment(build(K8S / "base"))["spec"]["template"]["spec"]["containers"]
    request = _mebibytes(bot["resources"]["requests"]["memory"])
    limit = _mebibytes(bot["resources"]["limits"]["memory"])
    assert request >= 1.15 * max(peaks) and limit >= 1.5 * request
    resources = re.search(r"\*\*Resources\*\*: requests 250m CPU / (\d+) MiB, limit (\d+) MiB",
                          deploy)
    assert resources and (int(resources[1]), int(resources[2])) == (request, limit)


MINIMUM_KUBERNETES = "1.27.0"  # CronJob `timeZone` is stable from 1.27


@pytest.mark.parametrize("target", TARGETS)
def test_every_manifest_is_valid_for_the_documented_minimum_kubernetes(target: str) -> None:
    """DEPLOY.md named no minimum; the backup CronJob's `timeZone` needs 1.27."""
    deploy = (ROOT / "docs" / "DEPLOY.md").read_text()
    major_minor = MINIMUM_KUBERNETES.rsplit(".", 1)[0]
    assert f"**Kubernetes {major_minor} or newer**" in deploy
    for doc in build(K8S / target):
        try:
            kubernetes_validate.validate(doc, MINIMUM_KUBERNETES, strict=True)
        except kubernetes_validate.ValidationError as exc:
            pytest.fail(f"{doc['kind']} {doc['metadata']['name']}: {exc.message}")
