"""Where Redis is and how the bot uses it (REDIS_*): URL or Sentinels, the eviction guard,
the memory check, and waiting for replicas after the webhook inbox's writes."""

from __future__ import annotations

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings

from bot.config._base import env_config, host_port


class RedisSettings(BaseSettings):
    model_config = env_config("REDIS_")

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
            host_port(part)
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
