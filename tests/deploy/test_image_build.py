"""The Dockerfile and the production install, checked as far as this machine allows: it has no
Docker engine, so the image is not built here (docs/DEPLOY.md says so). What a build needs is
checked instead: the build context holds every file the Dockerfile copies, and the build
stage's install is the documented production install."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INSTALL = "scripts/install-production.sh"


def stages() -> list[list[str]]:
    """The Dockerfile's instructions (continuations joined), split into build stages."""
    text = re.sub(r"\\\n\s*", " ", (ROOT / "Dockerfile").read_text())
    lines = [line.strip() for line in text.splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    result: list[list[str]] = []
    for line in lines:
        if line.upper().startswith("FROM "):
            result.append([])
        if result:
            result[-1].append(line)
    return result


def test_the_image_is_multi_stage_and_the_final_stage_is_small_and_unprivileged() -> None:
    build, final = stages()
    assert build[0].upper().startswith("FROM ") and " AS " in build[0].upper()
    final_text = "\n".join(final)
    assert "slim" in (ROOT / "Dockerfile").read_text()
    # Nothing is compiled or installed with pip in the final stage: the venv is copied over.
    assert not re.search(r"apt-get|gcc|build-essential|pip install", final_text)
    assert "COPY --from=build /opt/venv /opt/venv" in final_text
    (user,) = [line for line in final if line.upper().startswith("USER ")]
    assert user.split()[1].split(":")[0] not in ("root", "0")
    assert any(line.upper().startswith("HEALTHCHECK ") and "health" in line for line in final)
    # Content, compiled catalogs and NLU data are in the image, and the bot is told where.
    # The facts too: without them every start warns that phone numbers cannot be checked.
    for needed in ("/app/content", "/app/locales", "/app/nlu/data",
                   "COPY data/facts /app/data/facts"):
        assert needed in final_text
    for setting in ("BOT_CONTENT_DIR=/app/content", "BOT_LOCALES_DIR=/app/locales",
                    "NLU_DATA_DIR=/app/nlu/data", "BOT_FACTS_DIR=/app/data/facts"):
        assert setting in final_text


def test_the_image_installs_with_the_documented_production_command() -> None:
    build, _ = stages()
    (install,) = [line for line in build if line.startswith("RUN ") and INSTALL in line]
    assert install == f"RUN {INSTALL} /opt/venv"
    deploy = (ROOT / "docs" / "DEPLOY.md").read_text()
    assert f"{INSTALL} /opt/safe-migration-bot/venv" in deploy  # the systemd install
    script = (ROOT / INSTALL).read_text()
    # Runtime dependencies only: `pip install .`, never the test extra or an editable install.
    assert re.search(r"pip install [^\n]*\s\.$", script, re.M)
    assert "[test]" not in script and " -e " not in script


def test_runtime_dependencies_hold_no_test_tools() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = " ".join(project["dependencies"]).lower()
    for tool in ("pytest", "mypy", "ruff", "matplotlib", "kubernetes-validate"):
        assert tool not in runtime
        assert any(tool in d.lower() for d in project["optional-dependencies"]["test"])


def test_the_build_context_leaves_out_secrets_and_local_state() -> None:
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {".env", ".git", ".venv", "tests", "nlu/models"} <= ignored


def test_the_build_context_leaves_out_the_production_venv_backups_and_site_overlay() -> None:
    """DEPLOY.md puts ./venv, ./backups (people's data) and deploy/kubernetes/site (secrets.env)
    in the clone; `docker build .` sent them to the builder."""
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {"venv", "backups", "deploy/kubernetes/site"} <= ignored


def test_the_license_pyproject_names_is_shipped() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"].startswith("AGPL-3.0")
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("GNU AFFERO GENERAL PUBLIC LICENSE\nVersion 3, 19 November 2007\n")
    assert "13. Remote Network Interaction; Use with the GNU General Public License." in text


def test_every_runtime_dependency_is_pinned_in_the_production_constraints() -> None:
    """No lock file: each install took whatever PyPI had that day. The install script (and so
    the image and a systemd install) installs with constraints.txt, which pins every runtime
    dependency of pyproject.toml to one version."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name
    from packaging.version import Version

    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition(";")[0].strip().partition("==")
            assert version, f"not pinned with ==: {line}"
            pins[canonicalize_name(name)] = Version(version)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for dependency in project["dependencies"]:
        requirement = Requirement(dependency)
        pinned = pins.get(canonicalize_name(requirement.name))
        assert pinned is not None, f"{requirement.name} is not in constraints.txt"
        assert requirement.specifier.contains(pinned), f"{requirement.name}=={pinned}"
    script = (ROOT / INSTALL).read_text()
    assert 'constraints="${CONSTRAINTS:-constraints.txt}"' in script  # test_constraints.py
    assert re.search(r"^COPY [^\n]*\bconstraints\.txt\b", (ROOT / "Dockerfile").read_text(),
                     re.M)
    assert "constraints.txt" not in (ROOT / ".dockerignore").read_text().split()
    assert (ROOT / "scripts" / "refresh-constraints.sh").exists()


def dockerignore() -> list[str]:
    return [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
            if line.strip() and not line.startswith("#")]


def _regex(pattern: str) -> str:
    """A .dockerignore pattern (Go's filepath.Match, plus `**` for any directories)."""
    out = ""
    for token in re.split(r"(\*\*/|\*\*|\*|\?)", pattern.strip("/")):
        out += {"**/": "(.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}.get(token,
                                                                           re.escape(token))
    return out


def sent_to_the_builder(path: str) -> bool:
    """Docker's rule: a path is left out when it or a directory above it matches a pattern;
    `!pattern` takes it back; the last pattern that matches decides."""
    parts = path.split("/")
    sent = True
    for pattern in dockerignore():
        regex = _regex(pattern.removeprefix("!"))
        if any(re.fullmatch(regex, "/".join(parts[:n])) for n in range(1, len(parts) + 1)):
            sent = pattern.startswith("!")
    return sent


def copied_sources(stage: list[str]) -> list[str]:
    """The build-context paths a stage's COPY instructions name (not COPY --from)."""
    sources = []
    for line in stage:
        words = line.split()
        if words[0].upper() == "COPY" and not any(w.startswith("--from") for w in words):
            sources += [w for w in words[1:-1] if not w.startswith("--")]
    return sources


def context_files(source: str) -> list[str]:
    """The files of one COPY source that reach the builder."""
    path = ROOT / source
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    return [str(f.relative_to(ROOT)) for f in files
            if sent_to_the_builder(str(f.relative_to(ROOT)))]


def test_the_build_context_holds_every_file_the_dockerfile_copies() -> None:
    """`docker build` fails on a COPY whose source is missing or left out by .dockerignore;
    the install needs the readme pyproject.toml names and the package itself."""
    assert not sent_to_the_builder("tests/deploy/x.py") and not sent_to_the_builder(
        "bot/__pycache__/x.pyc") and sent_to_the_builder("bot/x.py")
    build, final = stages()
    for source in copied_sources(build) + copied_sources(final):
        assert (ROOT / source).exists(), f"COPY {source}: not in the repository"
        assert sent_to_the_builder(source) and context_files(source), f"COPY {source}: ignored"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert {"pyproject.toml", project["readme"], "constraints.txt", "bot", INSTALL} <= set(
        copied_sources(build))
    # What the final stage points the bot at, it copies in.
    for directory in ("content", "nlu/data", "data/facts"):
        assert directory in copied_sources(final)


def _copy_stage(stage: list[str], into: Path, built: dict[str, Path]) -> None:
    """A stage's COPY instructions as docker runs them, into `into` for `/`: from the build
    context (with .dockerignore) or, with --from=build, from `built` (the build stage's paths)."""
    workdir = "/"
    for line in stage:
        words = line.split()
        if words[0].upper() == "WORKDIR":
            workdir = words[1]
        if words[0].upper() != "COPY":
            continue
        sources, target = [w for w in words[1:-1] if not w.startswith("--")], words[-1]
        if not target.startswith("/"):
            target = os.path.normpath(f"{workdir}/{target}") + ("/" if target.endswith("/")
                                                                else "")
        for source in sources:
            if line.startswith("COPY --from=build "):
                shutil.copytree(built[source], into / target.lstrip("/"), symlinks=True)
                continue
            for name in context_files(source):
                relative = Path(name).relative_to(source) if (ROOT / source).is_dir() else Path(
                    Path(name).name if target.endswith("/") else "")
                destination = into / target.lstrip("/") / relative
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / name, destination)


@pytest.mark.skipif(os.environ.get("SMB_TEST_IMAGE_INSTALL") != "1",
                    reason="slow (a full production install, about 2 minutes, downloads): "
                    "SMB_TEST_IMAGE_INSTALL=1 runs it; docs/DEPLOY.md says when it last ran")
def test_the_image_stages_run_without_docker(tmp_path: Path) -> None:
    """The image built the long way round, without Docker or its base image: the build stage's
    COPYs into an empty /src (only what .dockerignore lets through), its RUN there; the final
    stage's COPYs, then `content check` with the ENV the image sets."""
    build, final = stages()
    src = tmp_path / "build" / "src"
    _copy_stage(build, tmp_path / "build", {})
    (run,) = [line.removeprefix("RUN ") for line in build if line.startswith("RUN ")]
    venv = tmp_path / "build" / "opt" / "venv"
    subprocess.run(["bash", "-c", run.replace("/opt/venv", str(venv))], cwd=src, check=True,
                   timeout=1200)
    image = tmp_path / "image"
    _copy_stage(final, image, {"/opt/venv": venv, "/src/locales": src / "locales"})
    env_line = next(line for line in final if line.startswith("ENV PATH="))
    settings = dict(word.split("=", 1) for word in env_line.removeprefix("ENV ").split())
    env = {key: value.replace("/app/", f"{image}/app/") for key, value in settings.items()
           if key.endswith("_DIR")}
    result = subprocess.run([str(venv / "bin" / "safe-migration-bot"), "content", "check"],
                            env={"PATH": os.environ["PATH"], **env}, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    # pip and the build backend that built the bot are constraints.txt's, not the newest.
    pins = dict(line.split("==") for line in (ROOT / "constraints.txt").read_text().splitlines()
                if line.startswith(("pip==", "setuptools==")))
    pip = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "--version"],
                         capture_output=True, text=True, check=True).stdout
    assert pip.startswith(f"pip {pins['pip']} ")
    (wheel,) = venv.glob("lib/python3*/site-packages/safe_migration_bot-*.dist-info/WHEEL")
    assert f"Generator: setuptools ({pins['setuptools']})" in wheel.read_text()


def test_deploy_md_says_plainly_what_was_not_run_here() -> None:
    """Without a Docker engine or a cluster here, DEPLOY.md must not read as if the image, the
    compose commands or the Kubernetes jobs had been run; it names the checks that stand in
    (in its evidence, DEPLOY-EVIDENCE.md, linked before the first step)."""
    deploy = (ROOT / "docs" / "DEPLOY.md").read_text()
    before_the_steps = deploy[:deploy.index("## A small server with Docker Compose")]
    assert "(DEPLOY-EVIDENCE.md#what-was-and-was-not-tried-here)" in before_the_steps
    evidence = (ROOT / "docs" / "DEPLOY-EVIDENCE.md").read_text()
    said = evidence[evidence.index("**What was and was not tried here.**"):
                    evidence.index("\n## ", evidence.index("**What was and was not tried"))]
    for words in ("no image was built", "no\n  `docker compose` or `docker run` command",
                  "no `kubectl` command", "SMB_TEST_IMAGE_INSTALL=1",
                  "tests/deploy/test_image_build.py", "`kubernetes-validate`"):
        assert words in said, words
