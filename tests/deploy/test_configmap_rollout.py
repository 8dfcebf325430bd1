"""A changed content ConfigMap rolls new pods; it is not a reload. The ConfigMaps are
generated with a hash in their names, so the pod template names a new one after each change:
DEPLOY.md called it "a reload" and sized the pods from what a reload in place costs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.deploy.test_manifests import copy_tree, deployment, kustomize, kustomize_command

ROOT = Path(__file__).resolve().parents[2]
RELOAD_CLAIM = re.compile(r"changed (content )?ConfigMap( is)?( a)? reload"
                          r"|reloads?\W[^.;]{0,60}a changed (content )?ConfigMap\)", re.I)


@pytest.mark.parametrize("edited", ["content/messages.yaml", "facts/hotlines.yaml"])
def test_a_changed_content_configmap_rolls_the_pods(edited: str, tmp_path: Path) -> None:
    """The real kustomize: an edit of content/ (or the facts) gives the ConfigMap a new
    hash-suffixed name, and the pod template names it, so the Deployment rolls new pods."""
    kustomize_command()
    tree = copy_tree(tmp_path)
    before = kustomize(tree / "site.example")
    path = tree / "base" / edited
    path.write_text(path.read_text() + "\n# edited\n")
    after = kustomize(tree / "site.example")
    assert deployment(before)["spec"]["template"] != deployment(after)["spec"]["template"]
    volumes = yaml.safe_dump(deployment(after)["spec"]["template"]["spec"]["volumes"])
    names = {d["metadata"]["name"] for d in after if d["kind"] == "ConfigMap"}
    prefix = "smb-facts" if edited.startswith("facts") else "smb-content"
    (hashed,) = [n for n in names if re.fullmatch(rf"{prefix}-[a-z0-9]{{10}}", n)]
    assert hashed in volumes and hashed not in {
        d["metadata"]["name"] for d in before if d["kind"] == "ConfigMap"}


def test_the_docs_do_not_call_a_changed_configmap_a_reload() -> None:
    deploy = " ".join((ROOT / "docs" / "DEPLOY.md").read_text().split())
    assert not RELOAD_CLAIM.search(deploy), RELOAD_CLAIM.search(deploy)
    assert "A changed content ConfigMap is **not** a reload" in deploy
    for old in ("reloads (a changed content ConfigMap is a reload; the reload builds",
                "**Content reloads** (`systemctl reload`, a changed ConfigMap) raise"):
        assert RELOAD_CLAIM.search(old), old
