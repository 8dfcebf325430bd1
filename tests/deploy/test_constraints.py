"""constraints.txt pins the whole runtime set for the documented OS, not only the direct
dependencies: redis-py needs async-timeout on Python < 3.11.3, Debian 12 ships 3.11.2, and the
file (frozen on 3.11.7) had no pin for it, so a Debian 12 install took whatever PyPI had."""

from __future__ import annotations

import importlib.metadata
import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
# The documented OS (docs/DEPLOY.md): Debian 12's python3 is 3.11.2; the image's is newer.
DEBIAN_12 = {"python_version": "3.11", "python_full_version": "3.11.2", "os_name": "posix",
             "sys_platform": "linux", "platform_system": "Linux",
             "implementation_name": "cpython", "platform_python_implementation": "CPython"}
MACHINES = ("x86_64", "aarch64")


def pins() -> dict[str, list[tuple[Version, Marker | None]]]:
    """name -> [(version, environment marker or None)] of constraints.txt."""
    found: dict[str, list[tuple[Version, Marker | None]]] = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            requirement = Requirement(line)
            (spec,) = requirement.specifier
            assert spec.operator == "==", f"not pinned with ==: {line}"
            found.setdefault(canonicalize_name(requirement.name), []).append(
                (Version(spec.version), requirement.marker))
    return found


def pinned_for(name: str, environment: dict[str, str]) -> Version | None:
    versions = [version for version, marker in pins().get(canonicalize_name(name), [])
                if marker is None or marker.evaluate(environment)]
    assert len(versions) <= 1, f"{name} pinned twice for {environment}"
    return versions[0] if versions else None


def runtime_closure(environment: dict[str, str]) -> list[Requirement]:
    """Every requirement the production install resolves in `environment`: pyproject.toml's
    dependencies and, through the installed distributions' metadata, theirs (with the extras
    asked for). A distribution not installed here (needed only on another Python) is checked
    for its pin but its own requirements cannot be read."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    queue = [(Requirement(text), "") for text in project["dependencies"]]
    seen: set[tuple[str, str]] = set()
    closure = []
    while queue:
        requirement, extra = queue.pop()
        if requirement.marker and not requirement.marker.evaluate({**environment, "extra": extra}):
            continue
        closure.append(requirement)
        name = canonicalize_name(requirement.name)
        for wanted in ("", *sorted(requirement.extras)):
            if (name, wanted) in seen:
                continue
            seen.add((name, wanted))
            try:
                texts = importlib.metadata.requires(name) or []
            except importlib.metadata.PackageNotFoundError:
                continue
            queue.extend((Requirement(text), wanted) for text in texts)
    return closure


@pytest.mark.parametrize("machine", MACHINES)
def test_constraints_pin_every_transitive_dependency_on_debian_12(machine: str) -> None:
    environment = {**DEBIAN_12, "platform_machine": machine}
    closure = runtime_closure(environment)
    assert "async-timeout" in {canonicalize_name(r.name) for r in closure}
    for requirement in closure:
        pinned = pinned_for(requirement.name, environment)
        assert pinned is not None, f"{requirement} is not pinned in constraints.txt"
        assert requirement.specifier.contains(pinned, prereleases=True), f"{requirement}: {pinned}"


def test_a_marker_pin_applies_only_where_its_marker_holds() -> None:
    """The image's newer Python must not be asked for async-timeout (pip ignores a constraint
    whose marker is false, and installs nothing for it)."""
    newer = {**DEBIAN_12, "python_full_version": "3.11.7", "platform_machine": "x86_64"}
    assert pinned_for("async-timeout", newer) is None
    assert pinned_for("async-timeout", {**DEBIAN_12, "platform_machine": "x86_64"}) == Version(
        "5.0.1")


def test_pip_and_the_build_backend_are_pinned_exactly() -> None:
    """`pip install --upgrade pip` took whatever pip was newest that day, and the build backend
    ([build-system] requires, a range) whatever setuptools was: two installs of one commit
    differed. Both are pinned with == in constraints.txt, within pyproject.toml's ranges."""
    build = tomllib.loads((ROOT / "pyproject.toml").read_text())["build-system"]["requires"]
    environment = {**DEBIAN_12, "platform_machine": "x86_64"}
    for text in ["pip", *build]:
        requirement = Requirement(text)
        (version, marker), *more = pins()[canonicalize_name(requirement.name)]  # == checked
        assert not more and marker is None, f"{requirement.name}: one pin for every Python"
        assert requirement.specifier.contains(version), f"{requirement}: {version}"
        assert pinned_for(requirement.name, environment) == version


def test_every_pip_install_of_the_production_install_takes_the_pins() -> None:
    """Each `pip install` of scripts/install-production.sh (which the Dockerfile runs) is
    constrained by constraints.txt, and the one that builds the bot gives the same file to
    pip's isolated build environment (`--build-constraint`: since pip 25.3 neither
    `--constraint` nor PIP_CONSTRAINT reach it). pip is upgraded to its pin first, because the
    venv's own pip (23.0.1 on Debian 12) knows no --build-constraint; with it the venv's own
    setuptools (66.1.1 on Debian 12, Python 3.11's venv installs one) is replaced by the pin."""
    script = (ROOT / "scripts" / "install-production.sh").read_text()
    assert 'constraints="${CONSTRAINTS:-constraints.txt}"' in script
    installs = [line for line in script.splitlines()
                if "pip install" in line and not line.lstrip().startswith("#")]
    assert len(installs) == 2, installs
    upgrade, bot = installs
    for line in installs:
        assert '--constraint "$constraints"' in line, line
    assert upgrade.rstrip().endswith("--upgrade pip setuptools")
    assert '--build-constraint "$constraints"' in bot and bot.rstrip().endswith(" .")
    assert "PIP_CONSTRAINT" not in script.replace("PIP_CONSTRAINT no longer", "")
