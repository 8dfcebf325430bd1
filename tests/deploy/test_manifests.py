"""Kubernetes manifests: every one valid for the Kubernetes API (kubernetes-validate, offline),
the overlays apply to the base, and the Deployment has what production needs."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "kubernetes"
OVERLAYS = sorted(p.parent.name for p in (K8S / "overlays").glob("*/kustomization.yaml"))


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
    for resource in kustomization.get("resources", []):
        target = (directory / resource).resolve()
        docs += build(target) if target.is_dir() else load_all(target)
    for patch in kustomization.get("patches", []):
        (body,) = load_all(directory / patch["path"])
        index = next(n for n, d in enumerate(docs)
                     if d["kind"] == body["kind"] and d["metadata"]["name"] ==
                     body["metadata"]["name"])
        docs[index] = merge(docs[index], body)
    for replicas in kustomization.get("replicas", []):
        (deployment,) = [d for d in docs if d["kind"] == "Deployment" and
                         d["metadata"]["name"] == replicas["name"]]
        deployment["spec"]["replicas"] = replicas["count"]
    if "namespace" in kustomization:
        for doc in docs:
            doc["metadata"]["namespace"] = kustomization["namespace"]
    return docs


def validate(doc: dict[str, Any]) -> None:
    try:
        kubernetes_validate.validate(doc, kubernetes_validate.latest_version(), strict=True)
    except kubernetes_validate.ValidationError as exc:
        where = "/".join(str(p) for p in exc.path)
        pytest.fail(f"{doc['kind']} {doc['metadata']['name']}: {where}: {exc.message}")


def deployment(docs: list[dict[str, Any]]) -> dict[str, Any]:
    (found,) = [d for d in docs if d["kind"] == "Deployment"]
    return found


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_every_manifest_of_an_overlay_is_valid_kubernetes(overlay: str) -> None:
    docs = build(K8S / "overlays" / overlay)
    assert {d["kind"] for d in docs} >= {"Deployment", "Service", "PodDisruptionBudget",
                                         "Ingress", "NetworkPolicy"}
    for doc in docs:
        validate(doc)


def test_validation_catches_a_broken_manifest() -> None:
    broken = copy.deepcopy(deployment(build(K8S / "base")))
    broken["spec"]["template"]["spec"]["containers"][0]["livenessProbes"] = {}  # a typo
    with pytest.raises(pytest.fail.Exception, match="livenessProbes"):
        validate(broken)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_the_deployment_is_ready_for_production(overlay: str) -> None:
    docs = build(K8S / "overlays" / overlay)
    spec = deployment(docs)["spec"]
    assert spec["replicas"] >= 2
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


def test_the_content_configmap_holds_every_content_file() -> None:
    """A content file added to content/ but not to the ConfigMap would vanish in Kubernetes."""
    files = {str(p.relative_to(ROOT / "content")) for p in (ROOT / "content").rglob("*")
             if p.is_file() and p.suffix in (".yaml", ".yml")}
    kustomization = yaml.safe_load((K8S / "base" / "kustomization.yaml").read_text())
    (generator,) = kustomization["configMapGenerator"]
    sources = {entry.split("=", 1)[1].removeprefix("content/"): entry.split("=", 1)[0]
               for entry in generator["files"]}
    assert set(sources) == files
    volume = next(v for v in deployment(build(K8S / "base"))["spec"]["template"]["spec"]["volumes"]
                  if v["name"] == "content")
    mounted = {item["key"]: item["path"] for item in volume["configMap"]["items"]}
    assert {mounted[key] for key in sources.values()} == files
