"""How the bot reaches Telegram: the Bot API token and framework (TELEGRAM_*), and the webhook
that receives updates in webhook mode (WEBHOOK_*)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings

from bot.config._base import HostPort, Listening, env_config


class TelegramSettings(BaseSettings):
    model_config = env_config("TELEGRAM_")

    bot_token: SecretStr | None = None
    api_base: str = "https://api.telegram.org"
    framework: Literal["aiogram", "ptb"] = "aiogram"


class WebhookSettings(Listening, BaseSettings):
    model_config = env_config("WEBHOOK_")

    url: str | None = None
    secret: SecretStr | None = None
    listen: HostPort = "127.0.0.1:8080"
    max_concurrency: int = Field(default=32, ge=1)
