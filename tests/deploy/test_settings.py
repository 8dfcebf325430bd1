"""The ship-it settings: Sentinel addresses, the health listener, the log format."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, load_settings


@pytest.fixture(autouse=True)
def no_env_file(monkeypatch: pytest.MonkeyPatch, tmp_path: object) -> None:
    monkeypatch.chdir(tmp_path)  # type: ignore[arg-type]  # no developer's .env is read


def test_sentinels_are_parsed_into_addresses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDIS_SENTINELS", "10.0.0.1:26379, sentinel-2.example.org:26380")
    monkeypatch.setenv("REDIS_SENTINEL_MASTER", "smb")
    redis = load_settings().redis
    assert redis.sentinel_addresses == [("10.0.0.1", 26379), ("sentinel-2.example.org", 26380)]
    assert redis.sentinel_master == "smb"


def test_without_sentinels_redis_url_is_used_directly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDIS_SENTINELS", raising=False)
    assert load_settings().redis.sentinel_addresses == []


@pytest.mark.parametrize(("name", "value"), [
    ("REDIS_SENTINELS", "10.0.0.1"),  # no port
    ("REDIS_SENTINELS", "10.0.0.1:26379,:1"),
    ("BOT_HEALTH_LISTEN", "8081"),
    ("BOT_LOG_FORMAT", "xml"),
])
def test_a_malformed_setting_is_one_line_naming_it(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=f"^{name}: "):
        load_settings()
