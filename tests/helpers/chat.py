"""Drive the real dialogue engine like a person would: type, press buttons, send commands."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic_settings import BaseSettings

from bot.config import (
    BotSettings,
    DashboardSettings,
    NLUSettings,
    OperatorSettings,
    RasaSettings,
    RedisSettings,
    Settings,
    TelegramSettings,
    WebhookSettings,
)
from bot.core.engine import DialogueEngine
from bot.core.events import EventKind, IncomingEvent, OperatorAlert, Reply, Response

_PARTS: tuple[tuple[str, type[BaseSettings]], ...] = (
    ("bot", BotSettings),
    ("telegram", TelegramSettings),
    ("webhook", WebhookSettings),
    ("redis", RedisSettings),
    ("nlu", NLUSettings),
    ("rasa", RasaSettings),
    ("operators", OperatorSettings),
    ("dashboard", DashboardSettings),
)


def plain_settings(**overrides: dict[str, Any]) -> Settings:
    """Settings that ignore the developer's .env file (environment variables still apply).

    Each keyword names a part (bot, telegram, webhook, redis, nlu, rasa, operators, dashboard)
    and gives that part's fields, e.g. `plain_settings(operators={"hours": "09:00-18:00"})`.
    """
    unknown = set(overrides) - {name for name, _ in _PARTS}
    assert not unknown, f"unknown settings parts: {unknown}"
    parts: dict[str, Any] = {
        name: cls(_env_file=None, **overrides.get(name, {}))  # type: ignore[call-arg]
        for name, cls in _PARTS
    }
    return Settings.model_validate(parts)


def texts(response: Response) -> list[str]:
    return [reply.text for reply in response.replies]


def payloads(reply: Reply) -> list[str]:
    return [b.payload for row in reply.buttons for b in row if b.payload]


def all_payloads(response: Response) -> list[str]:
    return [p for reply in response.replies for p in payloads(reply)]


def alerts(response: Response) -> list[OperatorAlert]:
    return [e for e in response.effects if isinstance(e, OperatorAlert)]


@dataclass
class Chat:
    """One person talking to an engine."""

    engine: DialogueEngine
    user_key: str = "3f6c0a9e1b2d4c5e8f7a6b5c4d3e2f10"
    chat_key: str = "chat-key-1"
    language_code: str | None = None
    log: list[Response] = field(default_factory=list)

    async def send(
        self,
        kind: EventKind,
        text: str | None = None,
        payload: str | None = None,
        *,
        forwarded: bool = False,
    ) -> Response:
        event = IncomingEvent(
            self.user_key,
            self.chat_key,
            kind,
            text=text,
            payload=payload,
            language_code=self.language_code,
            forwarded=forwarded,
        )
        response = await self.engine.handle(event)
        self.log.append(response)
        return response

    async def say(self, text: str, *, forwarded: bool = False) -> Response:
        return await self.send(EventKind.TEXT, text=text, forwarded=forwarded)

    async def command(self, text: str) -> Response:
        return await self.send(EventKind.COMMAND, text=text)

    async def press(self, payload: str) -> Response:
        return await self.send(EventKind.BUTTON, payload=payload)
