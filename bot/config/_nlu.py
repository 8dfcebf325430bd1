"""Intent recognition (NLU_*: the backend, its training data and thresholds) and the Rasa
server it may ask (RASA_*: address, token, time limit, circuit breaker)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings

from bot.config._base import REPO_ROOT, env_config


class NLUSettings(BaseSettings):
    model_config = env_config("NLU_")

    backend: Literal["embedded", "rasa"] = "embedded"
    data_dir: Path = REPO_ROOT / "nlu" / "data"
    risk_threshold: float = Field(default=0.35, ge=0, le=1)
    low_confidence: float = Field(default=0.45, ge=0, le=1)


class RasaSettings(BaseSettings):
    model_config = env_config("RASA_")

    url: str = "http://127.0.0.1:5005"
    token: SecretStr | None = None
    timeout_ms: int = Field(default=300, ge=10)
    breaker_failures: int = Field(default=3, ge=1)
    breaker_reset_s: float = Field(default=10.0, gt=0)
