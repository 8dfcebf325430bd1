"""`safe-migration-bot content check` in a production install: the package in site-packages with
no content/, locales/ or data/facts beside it, run from another directory. It must check what the
bot will load (BOT_CONTENT_DIR, BOT_LOCALES_DIR, BOT_FACTS_DIR from the environment or .env), the
upgrade gate of docs/DEPLOY.md."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.model_cache import run_model_cache

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def install(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """site/bot (the package alone, as pip installs it) and app/{content,locales,facts}."""
    base = tmp_path_factory.mktemp("prod")
    shutil.copytree(ROOT / "bot", base / "site" / "bot",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "content", base / "app" / "content")
    shutil.copytree(ROOT / "locales", base / "app" / "locales")
    # Not beside the content (app/data/facts), so only the setting can find it.
    shutil.copytree(ROOT / "data" / "facts", base / "app" / "facts")
    (base / "elsewhere").mkdir()
    return base


def check(install: Path, args: list[str], env: dict[str, str], dotenv: str = "") -> str:
    (install / "elsewhere" / ".env").write_text(dotenv)
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("BOT_", "FACTS_DIR", "PYTHONPATH"))}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "content", "check", *args],
        cwd=install / "elsewhere", capture_output=True, text=True, timeout=120,
        env={**clean, "PYTHONPATH": str(install / "site"), **run_model_cache(), **env},
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done.stdout


@pytest.mark.parametrize("how", ["environment", "dotenv", "flags"])
def test_content_check_uses_the_bots_settings_in_a_production_install(
    install: Path, how: str
) -> None:
    app = install / "app"
    settings = {"BOT_CONTENT_DIR": str(app / "content"), "BOT_LOCALES_DIR": str(app / "locales"),
                "BOT_FACTS_DIR": str(app / "facts")}
    if how == "environment":
        out = check(install, [], settings)
    elif how == "dotenv":
        out = check(install, [], {}, "".join(f"{k}={v}\n" for k, v in settings.items()))
    else:
        out = check(install, ["--dir", settings["BOT_CONTENT_DIR"], "--locales",
                              settings["BOT_LOCALES_DIR"], "--facts", settings["BOT_FACTS_DIR"]],
                    {})
    assert "0 error(s)" in out
    assert "cannot be checked" not in out.lower()  # the facts were found


def production_settings(install: Path, locales: Path) -> dict[str, str]:
    app = install / "app"
    return {"BOT_CONTENT_DIR": str(app / "content"), "BOT_LOCALES_DIR": str(locales),
            "BOT_FACTS_DIR": str(app / "facts")}


def test_plural_forms_are_checked_in_the_catalogs_the_bot_reads(
    install: Path, tmp_path: Path
) -> None:
    """The check read the package's own locales/ (absent in site-packages) and passed silently;
    it reads BOT_LOCALES_DIR, the catalogs the bot will translate with."""
    locales = tmp_path / "locales"
    shutil.copytree(install / "app" / "locales", locales)
    po = locales / "be" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    assert 'msgstr[2] "Знойдзена {n} трывожных прыкмет"\n' in text
    po.write_text(text.replace('msgstr[2] "Знойдзена {n} трывожных прыкмет"\n', ""),
                  encoding="utf-8")
    (install / "elsewhere" / ".env").write_text("")
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("BOT_", "FACTS_DIR", "PYTHONPATH"))}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "content", "check"], cwd=install / "elsewhere",
        capture_output=True, text=True, timeout=120,
        env={**clean, "PYTHONPATH": str(install / "site"), **run_model_cache(),
             **production_settings(install, locales)},
    )
    assert done.returncode == 1, done.stdout[-2000:]
    assert "'{n} warning sign found' has 2 plural form(s); be needs 3" in done.stdout


def test_checks_without_their_data_say_they_were_skipped_and_why(
    install: Path, tmp_path: Path
) -> None:
    """A production install has no held-out lines (nlu/tests) and may have only compiled
    catalogs: the phrase-breadth and plural-form checks say they did not run, and why."""
    locales = tmp_path / "locales"
    shutil.copytree(install / "app" / "locales", locales)
    for po in locales.glob("*/LC_MESSAGES/messages.po"):
        po.unlink()  # .mo only, as a build that ships compiled catalogs alone
    out = check(install, [], production_settings(install, locales))
    assert "0 error(s)" in out
    breadth = [line for line in out.splitlines() if "not checked for breadth" in line]
    assert len(breadth) == 1 and "warning" in breadth[0] and "clone" in breadth[0]
    for language in ("ru", "be", "en"):
        assert f"plural forms of {language} not checked" in out


def test_phrase_breadth_is_checked_from_the_clone_a_systemd_install_runs(
    install: Path, tmp_path: Path
) -> None:
    """The systemd install runs from a clone: nlu/tests is beside content/ there."""
    clone = tmp_path / "clone"
    shutil.copytree(install / "app" / "content", clone / "content")
    shutil.copytree(ROOT / "nlu" / "tests", clone / "nlu" / "tests")
    settings = {**production_settings(install, install / "app" / "locales"),
                "BOT_CONTENT_DIR": str(clone / "content")}
    out = check(install, [], settings)
    assert "0 error(s)" in out and "not checked for breadth" not in out
