"""Every concern's settings composed into one `Settings`, and `load_settings()`, which reads
them all once (in `main()`) and names the first bad one."""

from __future__ import annotations

from pydantic import BaseModel, Field, ValidationError
from pydantic_settings import BaseSettings

from bot.config._base import ConfigError
from bot.config._bot import BotSettings
from bot.config._dashboard import DashboardSettings
from bot.config._nlu import NLUSettings, RasaSettings
from bot.config._operators import OperatorSettings
from bot.config._redis import RedisSettings
from bot.config._telegram import TelegramSettings, WebhookSettings


class Settings(BaseModel):
    """Every concern's settings, composed once in `main()`."""

    bot: BotSettings
    telegram: TelegramSettings
    webhook: WebhookSettings
    redis: RedisSettings
    nlu: NLUSettings
    rasa: RasaSettings
    operators: OperatorSettings
    # A default, so that code building Settings part by part (tests) need not know it.
    dashboard: DashboardSettings = Field(default_factory=DashboardSettings)


def load_settings() -> Settings:
    """Read every setting; raise ConfigError naming the first bad one."""
    parts: dict[str, BaseSettings] = {}
    for name, info in Settings.model_fields.items():  # in the order declared above
        cls = info.annotation
        if not (isinstance(cls, type) and issubclass(cls, BaseSettings)):
            raise TypeError(f"Settings.{name} must be a BaseSettings class")
        try:
            parts[name] = cls()
        except ValidationError as exc:
            error = exc.errors()[0]
            field = str(error["loc"][0]) if error["loc"] else "?"
            env_name = f"{cls.model_config.get('env_prefix', '')}{field}".upper()
            raise ConfigError(f"{env_name}: {error['msg']}") from None
    return Settings.model_validate(parts)
