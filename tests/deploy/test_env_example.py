"""`.env.example` as shipped: every setting is there, and copied as it is, it starts (an empty
value means unset); and the Sentinel password reaches the sentinels."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from bot.config import REPO_ROOT, Settings, load_settings
from bot.storage.redis import connect

EXAMPLE = REPO_ROOT / ".env.example"
# Read by scripts, not by bot/config/, and documented in .env.example too.
SCRIPT_SETTINGS = {"BACKUP_RETENTION_DAYS", "REDIS_PASSWORD", "REDIS_MAXMEMORY"}


@pytest.fixture(autouse=True)
def elsewhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.chdir(tmp_path)  # no developer's .env is read
    return tmp_path


def setting_fields() -> dict[str, Any]:
    """Environment name -> pydantic field, for every field of every settings class in
    bot/config/."""
    fields = {}
    for info in Settings.model_fields.values():
        cls = info.annotation
        assert isinstance(cls, type)
        prefix = str(cls.model_config.get("env_prefix", ""))  # type: ignore[attr-defined]
        for field, spec in cls.model_fields.items():  # type: ignore[attr-defined]
            fields[f"{prefix}{field}".upper()] = spec
    return fields


def every_setting() -> set[str]:
    """The environment name of every field of every settings class in bot/config/."""
    return set(setting_fields())


def documented() -> set[str]:
    """NAME=... lines of .env.example, set or commented out (`# NAME=...`)."""
    return set(re.findall(r"^#?\s?([A-Z][A-Z0-9_]+)=", EXAMPLE.read_text(), re.M))


def test_every_setting_is_in_env_example() -> None:
    missing = every_setting() - documented()
    assert not missing, f"add to .env.example: {sorted(missing)}"
    unknown = documented() - every_setting() - SCRIPT_SETTINGS
    assert not unknown, f".env.example names settings nobody reads: {sorted(unknown)}"


def test_env_example_copied_as_is_loads(elsewhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`cp .env.example .env`: the empty values (OPERATOR_CHAT_ID=, ...) mean unset."""
    for name in every_setting():
        monkeypatch.delenv(name, raising=False)
    shutil.copy(EXAMPLE, elsewhere / ".env")
    settings = load_settings()
    assert settings.operators.chat_id is None  # "Unset: no human is offered"
    assert settings.bot.facts_dir is None
    assert settings.redis.sentinel_password is None


@pytest.mark.parametrize("name", ["OPERATOR_CHAT_ID", "BOT_FACTS_DIR", "REDIS_SENTINEL_PASSWORD",
                                  "OPERATOR_CLOSURES_FILE", "RASA_TOKEN"])
def test_an_empty_value_in_the_environment_means_unset(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(name, "")
    settings = load_settings()
    section = {"OPERATOR": settings.operators, "BOT": settings.bot, "REDIS": settings.redis,
               "RASA": settings.rasa}[name.split("_")[0]]
    field = name.split("_", 1)[1].lower()
    assert getattr(section, field) == type(section).model_fields[field].default


@pytest.mark.parametrize("password", ["sentinel-secret", None])
async def test_the_sentinel_password_reaches_the_sentinels(
    password: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bitnami's chart protects the sentinels with a password: without it no primary is found
    (MasterNotFoundError ... AuthenticationError)."""
    monkeypatch.setenv("REDIS_URL", "redis://:data-secret@ignored:6379/2")
    monkeypatch.setenv("REDIS_SENTINELS", "10.0.0.1:26379,10.0.0.2:26379")
    monkeypatch.setenv("REDIS_SENTINEL_PASSWORD", password or "")
    redis = load_settings().redis
    # Built as bot/factory.py builds it.
    client = connect(redis.url or "", sentinels=redis.sentinel_addresses,
                     master=redis.sentinel_master, sentinel_password=redis.sentinel_password_value)
    try:
        pool = client.connection_pool
        asked = [s.connection_pool.connection_kwargs.get("password")
                 for s in pool.sentinel_manager.sentinels]  # type: ignore[attr-defined]
        assert asked == [password, password]
        # The primary still gets Redis' own password and database.
        assert pool.connection_kwargs["password"] == "data-secret"
        assert pool.connection_kwargs["db"] == 2
    finally:
        await client.aclose()


def test_the_bot_reads_its_facts_from_bot_facts_dir(
    elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The image and Kubernetes keep the facts apart from the content (BOT_FACTS_DIR): the bot
    must check its phone numbers against them, not warn at every start that it cannot."""
    from bot.factory import build_content

    shutil.copytree(REPO_ROOT / "content", elsewhere / "content")
    shutil.copytree(REPO_ROOT / "data" / "facts", elsewhere / "facts")
    monkeypatch.setenv("BOT_CONTENT_DIR", str(elsewhere / "content"))
    monkeypatch.setenv("BOT_FACTS_DIR", str(elsewhere / "facts"))
    monkeypatch.delenv("FACTS_DIR", raising=False)
    holder = build_content(load_settings())
    assert holder.facts_dir == elsewhere / "facts"
    problems = [str(p) for p in holder.reload()]
    assert not [p for p in problems if "CANNOT be checked" in p]


def directory_settings() -> set[str]:
    """Settings naming a directory or file: a Path field of bot/config/, or *_DIR/*_FILE."""
    return {name for name, spec in setting_fields().items()
            if "Path" in str(spec.annotation) or name.endswith(("_DIR", "_FILE"))}


def test_no_directory_setting_is_set_empty_in_env_example() -> None:
    """.env.example said to leave the data directories out of a production .env and had an
    active `BOT_FACTS_DIR=`: copied as .env, compose's env_file and the unit's EnvironmentFile
    put it over the image's and the unit's BOT_FACTS_DIR. A directory setting is shown
    commented out, never as an active line."""
    assert {"BOT_FACTS_DIR", "BOT_CONTENT_DIR", "NLU_DATA_DIR"} <= directory_settings()
    active = re.findall(r"^([A-Z][A-Z0-9_]+)=", EXAMPLE.read_text(), re.M)
    assert not set(active) & directory_settings(), set(active) & directory_settings()
