"""Configuration from the environment (and a `.env` file), one class per concern.

Nothing here runs at import time: `load_settings()` is called once in `main()` and the result
is passed down.
"""

from __future__ import annotations

from datetime import time
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.opening_hours import parse_hours, parse_week

REPO_ROOT = Path(__file__).resolve().parent.parent


class ConfigError(Exception):
    """A missing or malformed setting, described in one line that names it."""


def _env(prefix: str) -> SettingsConfigDict:
    # env_ignore_empty: `NAME=` (as .env.example ships optional settings) means unset, i.e. the
    # default, never "an empty value" that fails to parse as an integer or path.
    return SettingsConfigDict(
        env_prefix=prefix, env_file=".env", env_file_encoding="utf-8", extra="ignore",
        env_ignore_empty=True,
    )


class TelegramSettings(BaseSettings):
    model_config = _env("TELEGRAM_")

    bot_token: SecretStr | None = None
    api_base: str = "https://api.telegram.org"
    framework: Literal["aiogram", "ptb"] = "aiogram"


class WebhookSettings(BaseSettings):
    model_config = _env("WEBHOOK_")

    url: str | None = None
    secret: SecretStr | None = None
    listen: str = "127.0.0.1:8080"
    max_concurrency: int = Field(default=32, ge=1)

    @field_validator("listen")
    @classmethod
    def _host_port(cls, value: str) -> str:
        host, sep, port = value.rpartition(":")
        if not sep or not host or not port.isdigit():
            raise ValueError("must be host:port, e.g. 0.0.0.0:8080")
        return value

    @property
    def host(self) -> str:
        return self.listen.rpartition(":")[0]

    @property
    def port(self) -> int:
        return int(self.listen.rpartition(":")[2])


def _host_port(value: str) -> str:
    host, sep, port = value.rpartition(":")
    if not sep or not host or not port.isdigit():
        raise ValueError("must be host:port, e.g. 0.0.0.0:8080")
    return value


class RedisSettings(BaseSettings):
    model_config = _env("REDIS_")

    # Password and database number come from here even with Sentinel (its host is then unused).
    url: str | None = None
    # DANGEROUS: start even when Redis may evict keys (maxmemory-policy allkeys-*/volatile-*).
    # An evicted key is a case, an alert or a link lost without a trace; see docs/REDIS.md.
    accept_eviction: bool = False
    # Seconds between reads of Redis' memory (INFO) for /readyz, metrics and the OOM state.
    memory_check_s: float = Field(default=15.0, gt=0)
    # Comma-separated host:port of Redis Sentinels; set: the primary is found through them.
    sentinels: str = ""
    sentinel_master: str = "mymaster"
    # The sentinels' own password (their `requirepass`; the Bitnami chart sets one by default,
    # usually the same as Redis'); empty: the sentinels are asked without a password.
    sentinel_password: SecretStr | None = None
    # After writing an accepted update to the webhook inbox, wait until this many replicas
    # have it (Redis WAIT) before answering 200; 0: do not wait (docs/DEPLOY.md).
    wait_replicas: int = Field(default=0, ge=0)
    wait_timeout_ms: int = Field(default=100, ge=1)

    @field_validator("sentinels")
    @classmethod
    def _sentinels(cls, value: str) -> str:
        for part in filter(None, (p.strip() for p in value.split(","))):
            _host_port(part)
        return value

    @property
    def sentinel_password_value(self) -> str | None:
        """REDIS_SENTINEL_PASSWORD in clear, for redis-py's Sentinel; None when unset."""
        return self.sentinel_password.get_secret_value() if self.sentinel_password else None

    @property
    def sentinel_addresses(self) -> list[tuple[str, int]]:
        """REDIS_SENTINELS as [(host, port), ...]; empty: connect to REDIS_URL directly."""
        pairs = (p.strip().rpartition(":") for p in self.sentinels.split(",") if p.strip())
        return [(host, int(port)) for host, _, port in pairs]


class NLUSettings(BaseSettings):
    model_config = _env("NLU_")

    backend: Literal["embedded", "rasa"] = "embedded"
    data_dir: Path = REPO_ROOT / "nlu" / "data"
    risk_threshold: float = Field(default=0.35, ge=0, le=1)
    low_confidence: float = Field(default=0.45, ge=0, le=1)


class RasaSettings(BaseSettings):
    model_config = _env("RASA_")

    url: str = "http://127.0.0.1:5005"
    token: SecretStr | None = None
    timeout_ms: int = Field(default=300, ge=10)
    breaker_failures: int = Field(default=3, ge=1)
    breaker_reset_s: float = Field(default=10.0, gt=0)


class OperatorSettings(BaseSettings):
    model_config = _env("OPERATOR_")

    chat_id: int | None = None
    ids: str = ""  # comma-separated Telegram user ids
    # e.g. "09:00-18:00" or "mon-fri 09:00-13:00,14:00-18:00; sat 10:00-14:00"; empty: always.
    hours: str = ""
    # Public holidays (the `holidays` package) of this country are closed days, e.g. "PL".
    holidays_country: str = ""
    # A YAML file listing closures: `closures: [2026-12-24, {from: 2026-12-31, to: 2027-01-02}]`.
    closures_file: Path | None = None
    timezone: str = "Europe/Minsk"
    capacity: int = Field(default=5, ge=1)  # open cases per operator before the queue grows
    escalate_after_min: int = Field(default=10, ge=1)
    # The language of the bot's notes to operators (ru, be or en).
    language: Literal["ru", "be", "en"] = "en"
    # Relay what an admin posts anonymously (as the group) in a case; off: refuse with a note.
    anonymous_admins: bool = True
    # How long `/block` in a case blocks an abusive person (days; `/block 3` overrides).
    block_days: int = Field(default=7, ge=1, le=90)
    # How long after closing a case it can be reopened (days): an operator's /reopen, or the
    # person asking for a human again, continues the same case and topic; later, a new case.
    # For that long the person's link to the case and their chat address are kept (0: never).
    reopen_days: int = Field(default=3, ge=0, le=30)

    @field_validator("ids")
    @classmethod
    def _ids(cls, value: str) -> str:
        for part in filter(None, (p.strip() for p in value.split(","))):
            if not part.lstrip("-").isdigit():
                raise ValueError(f"{part!r} is not a numeric Telegram id")
        return value

    @field_validator("hours")
    @classmethod
    def _hours(cls, value: str) -> str:
        parse_week(value)
        return value

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not a known time zone: use an IANA name such as "
                             "Europe/Minsk or Europe/Vilnius") from None
        return value

    @property
    def id_set(self) -> frozenset[int]:
        return frozenset(int(p) for p in self.ids.split(",") if p.strip())

    @property
    def span(self) -> tuple[time, time] | None:
        """The week's first range as (start, end); None (empty) means around the clock.

        What the engine's "usually answers from ... to ..." says.
        """
        week = parse_week(self.hours)
        if week is not None:
            return next((ranges[0] for ranges in week if ranges), None)
        return parse_hours(self.hours)


class BotSettings(BaseSettings):
    model_config = _env("BOT_")

    mode: Literal["polling", "webhook"] = "polling"
    content_dir: Path = REPO_ROOT / "content"
    locales_dir: Path = REPO_ROOT / "locales"
    # The facts (hotlines.yaml, indicators.yaml); empty: $FACTS_DIR, else data/facts beside
    # BOT_CONTENT_DIR, else this repository's data/facts (bot/content/facts.py).
    facts_dir: Path | None = None
    session_ttl_days: int = Field(default=30, ge=1)
    pseudonym_key: SecretStr | None = None  # keyed hash for user keys; required with Telegram
    rate_limit_per_minute: int = Field(default=20, ge=1)  # text; presses get 3x (README)
    rate_burst: int = Field(default=10, ge=1)  # text messages at once before slowing down
    rate_max_delay_s: float = Field(default=30.0, gt=0)  # slowed up to this, then a flood
    send_budget_s: float = Field(default=15.0, gt=0)  # all Bot API calls of one update
    lock_lease_s: float = Field(default=15.0, gt=0)  # a person's cross-replica lock lease
    # The longest one update's handling may hold the person's lock (engine, Redis, Bot API
    # calls); past it the handling is cut, the lock released and the rest tried again outside
    # it. The lock's wait is this plus the lease. Unset: 2 x send_budget_s.
    handling_limit_s: float | None = Field(default=None, gt=0)
    log_level: str = "INFO"
    log_format: Literal["plain", "json"] = "plain"  # json: one JSON object per line
    # host:port of /healthz, /readyz and /metrics in polling mode (webhook mode serves them on
    # WEBHOOK_LISTEN); empty: no health server.
    health_listen: str = ""

    @field_validator("health_listen")
    @classmethod
    def _health_listen(cls, value: str) -> str:
        return _host_port(value) if value else value

    @property
    def session_ttl_seconds(self) -> int:
        return self.session_ttl_days * 24 * 3600

    @property
    def handling_limit(self) -> float:
        """`handling_limit_s`, or two send budgets when unset (seconds)."""
        return self.handling_limit_s or 2 * self.send_budget_s


class DashboardSettings(BaseSettings):
    """`python -m bot dashboard`: the NGO's private web dashboard (docs in README "Dashboard")."""

    model_config = _env("DASHBOARD_")

    # A long random secret (32+ characters); empty: token login is off.
    token: SecretStr | None = None
    listen: str = "127.0.0.1:8090"
    session_minutes: int = Field(default=60, ge=1)
    language: Literal["ru", "be", "en"] = "en"
    # The bot's @username for the Telegram Login Widget; empty: the widget is not shown.
    bot_username: str = ""
    # How old a widget login may be (Telegram's auth_date), in seconds.
    login_max_age_s: int = Field(default=300, ge=10)

    @field_validator("listen")
    @classmethod
    def _listen(cls, value: str) -> str:
        return _host_port(value)

    @property
    def host(self) -> str:
        return self.listen.rpartition(":")[0]

    @property
    def port(self) -> int:
        return int(self.listen.rpartition(":")[2])

    @field_validator("token")
    @classmethod
    def _long_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and value.get_secret_value() and len(value.get_secret_value()) < 32:
            raise ValueError("must be at least 32 characters (e.g. `openssl rand -hex 32`)")
        return value


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
