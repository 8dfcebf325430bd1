"""Configuration from the environment (and a `.env` file), one class per concern.

Nothing here runs at import time: `load_settings()` is called once in `main()` and the result
is passed down. One module per group of settings: _telegram.py (TELEGRAM_*, WEBHOOK_*),
_redis.py (REDIS_*), _nlu.py (NLU_*, RASA_*), _operators.py (OPERATOR_*), _bot.py (BOT_*),
_dashboard.py (DASHBOARD_*); _settings.py composes them; _base.py holds what they share.
"""

from bot.config._base import REPO_ROOT, ConfigError
from bot.config._bot import BotSettings
from bot.config._dashboard import DashboardSettings
from bot.config._nlu import NLUSettings, RasaSettings
from bot.config._operators import OperatorSettings
from bot.config._redis import RedisSettings
from bot.config._settings import Settings, load_settings
from bot.config._telegram import TelegramSettings, WebhookSettings

__all__ = [
    "REPO_ROOT",
    "BotSettings",
    "ConfigError",
    "DashboardSettings",
    "NLUSettings",
    "OperatorSettings",
    "RasaSettings",
    "RedisSettings",
    "Settings",
    "TelegramSettings",
    "WebhookSettings",
    "load_settings",
]
