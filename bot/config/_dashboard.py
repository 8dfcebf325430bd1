"""`python -m bot dashboard`, the NGO's private web dashboard (DASHBOARD_*): its login (token,
Telegram Login Widget), address, sessions and language (README "Dashboard")."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings

from bot.config._base import HostPort, Listening, env_config


class DashboardSettings(Listening, BaseSettings):
    """`python -m bot dashboard`: the NGO's private web dashboard (docs in README "Dashboard")."""

    model_config = env_config("DASHBOARD_")

    # A long random secret (32+ characters); empty: token login is off.
    token: SecretStr | None = None
    listen: HostPort = "127.0.0.1:8090"
    session_minutes: int = Field(default=60, ge=1)
    language: Literal["ru", "be", "en"] = "en"
    # The bot's @username for the Telegram Login Widget; empty: the widget is not shown.
    bot_username: str = ""
    # How old a widget login may be (Telegram's auth_date), in seconds.
    login_max_age_s: int = Field(default=300, ge=10)

    @field_validator("token")
    @classmethod
    def _long_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and value.get_secret_value() and len(value.get_secret_value()) < 32:
            raise ValueError("must be at least 32 characters (e.g. `openssl rand -hex 32`)")
        return value
