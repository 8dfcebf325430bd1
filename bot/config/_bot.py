"""The bot process itself (BOT_*): polling or webhook, where content, locales and facts are,
session TTL and the pseudonym key, rate limits, time budgets and the person's lock, logs, and
the health server."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings

from bot.config._base import REPO_ROOT, env_config, host_port


class BotSettings(BaseSettings):
    model_config = env_config("BOT_")

    mode: Literal["polling", "webhook"] = "polling"
    content_dir: Path = REPO_ROOT / "content"
    locales_dir: Path = REPO_ROOT / "locales"
    # The facts (hotlines.yaml, indicators.yaml); empty: $FACTS_DIR, else data/facts beside
    # BOT_CONTENT_DIR, else this repository's data/facts (bot/content/facts.py).
    facts_dir: Path | None = None
    # Where the trained models (embedded NLU, the ad check's sentence model) are kept between
    # starts, as data keyed by their inputs and the code (bot/modelcache); empty: every start
    # trains them (about 10 s of CPU). A directory only the bot's user can write (DEPLOY.md).
    model_cache_dir: Path | None = None
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
        return host_port(value) if value else value

    @property
    def session_ttl_seconds(self) -> int:
        return self.session_ttl_days * 24 * 3600

    @property
    def handling_limit(self) -> float:
        """`handling_limit_s`, or two send budgets when unset (seconds)."""
        return self.handling_limit_s or 2 * self.send_budget_s
