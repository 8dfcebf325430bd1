"""Where the cluster's images come from: one place, kustomize `images:` (the overlays' release
tag, the site's registry and Redis version), never a tag written into a manifest by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tests.deploy.test_manifests import K8S, ROOT, SITE, build, load_all, pod_spec, validate

DEPLOY = (ROOT / "docs" / "DEPLOY.md").read_text()
# The names the manifests use; kustomize `images:` maps each to a real image.
PLACEHOLDERS = {"safe-migration-bot", "smb-redis-tools"}
# Copies `make k8s-content` makes (untracked), and the site overlay people make from the example.
NOT_MANIFESTS = {"content", "facts", "scripts", "site"}


def manifests() -> list[Path]:
    return [path for path in sorted(K8S.rglob("*.yaml"))
            if not NOT_MANIFESTS & set(path.relative_to(K8S).parts[:-1])
            and path.name != "kustomization.yaml"]


def containers(doc: dict[str, Any]) -> list[dict[str, Any]]:
    spec = doc.get("spec", {}) if doc.get("kind") == "Pod" else pod_spec(doc)
    found: list[dict[str, Any]] = spec.get("initContainers", []) + spec.get("containers", [])
    return found


def test_no_manifest_names_an_image_of_its_own_and_every_one_is_built_by_kustomize() -> None:
    """The backup reader was a pod file applied by hand, `redis:7.4-bookworm` written in it:
    a site that maps its Redis tools' image to its server's version still pulled that one."""
    referenced = set()
    for kustomization in K8S.rglob("kustomization.yaml"):
        data = yaml.safe_load(kustomization.read_text())
        for entry in data.get("resources", []) + [p["path"] for p in data.get("patches", [])]:
            referenced.add((kustomization.parent / entry).resolve())
    assert manifests()
    for path in manifests():
        assert path.resolve() in referenced, f"{path}: applied by hand, outside kustomize"
        for doc in load_all(path):
            for container in containers(doc):
                if "image" in container:  # a patch may leave it to the base
                    assert container["image"] in PLACEHOLDERS, f"{path}: {container['image']}"
    site = yaml.safe_load((SITE / "kustomization.yaml").read_text())
    assert {image["name"] for image in site["images"]} == PLACEHOLDERS


def test_the_backup_reader_is_a_template_with_the_sites_redis_tools_image() -> None:
    docs = build(SITE)
    (reader,) = [d for d in docs if d["metadata"]["name"] == "smb-backup-reader"]
    validate(reader)
    assert reader["kind"] == "CronJob" and reader["spec"]["suspend"] is True
    assert reader["spec"]["jobTemplate"]["spec"]["activeDeadlineSeconds"] <= 3600
    (container,) = containers(reader)
    site = yaml.safe_load((SITE / "kustomization.yaml").read_text())
    (tools,) = [image for image in site["images"] if image["name"] == "smb-redis-tools"]
    assert container["image"] == f"{tools['newName']}:{tools['newTag']}"
    (backup,) = [d for d in docs if d["metadata"]["name"] == "smb-redis-backup"]
    assert container["image"] == containers(backup)[0]["image"]
    (mount,) = container["volumeMounts"]
    assert mount["readOnly"] is True
    claims = {v["persistentVolumeClaim"]["claimName"] for v in pod_spec(reader)["volumes"]}
    assert claims == {d["metadata"]["name"] for d in docs if d["kind"] == "PersistentVolumeClaim"}
    assert "create job smb-backup-reader-1 --from=cronjob/smb-backup-reader" in DEPLOY
    assert "backup-reader.yaml" not in DEPLOY  # no longer applied by hand
