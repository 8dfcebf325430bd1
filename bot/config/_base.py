"""What every settings group shares: the repository root, `ConfigError`, how a group reads
the environment (and `.env`), and the host:port check."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from pydantic import AfterValidator
from pydantic_settings import SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[2]


class ConfigError(Exception):
    """A missing or malformed setting, described in one line that names it."""


def env_config(prefix: str) -> SettingsConfigDict:
    """A settings group read from the environment variables named `prefix` + field."""
    # env_ignore_empty: `NAME=` (as .env.example ships optional settings) means unset, i.e. the
    # default, never "an empty value" that fails to parse as an integer or path.
    return SettingsConfigDict(
        env_prefix=prefix, env_file=".env", env_file_encoding="utf-8", extra="ignore",
        env_ignore_empty=True,
    )


def host_port(value: str) -> str:
    """`value` when it is host:port; ValueError otherwise."""
    host, sep, port = value.rpartition(":")
    if not sep or not host or not port.isdigit():
        raise ValueError("must be host:port, e.g. 0.0.0.0:8080")
    return value


# A `listen` setting: "host:port", checked when read.
HostPort = Annotated[str, AfterValidator(host_port)]


class Listening:
    """`host` and `port` of a settings group's `listen` (a `HostPort`)."""

    if TYPE_CHECKING:  # each group declares its own field and default; pydantic sees only those
        listen: str

    @property
    def host(self) -> str:
        return self.listen.rpartition(":")[0]

    @property
    def port(self) -> int:
        return int(self.listen.rpartition(":")[2])
