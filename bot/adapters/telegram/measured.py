"""Count what the engine and the Bot API do, without touching either: thin wrappers.

The runner wraps the engine and the messenger once; every count is a closed label set
(an event kind, a Bot API method, an exception class), never text or a Telegram id.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from bot.adapters.telegram.glue import Engine
from bot.adapters.telegram.ratelimit import Lane, PersonRateLimiter
from bot.core.events import (
    AT_RISK_TALLIES,
    CaseStatus,
    IncomingEvent,
    OperatorAlert,
    Reply,
    Response,
    Tally,
)
from bot.core.messenger import Messenger
from bot.core.session_keeper import Commit
from bot.metrics import Metrics


class MeasuredEngine:
    """The engine, counting events by kind, handler time and the alerts it asks for."""

    def __init__(self, engine: Engine, metrics: Metrics) -> None:
        self._engine = engine
        self._metrics = metrics

    @property
    def content_holder(self) -> Any:
        return getattr(self._engine, "content_holder", None)

    async def handle(self, event: IncomingEvent, case: CaseStatus | None = None, *,
                     commit: Commit | None = None) -> Response:
        started = time.perf_counter()
        try:
            response = await (self._engine.handle(event, case) if commit is None
                              else self._engine.handle(event, case, commit=commit))
        finally:
            self._metrics.handler_seconds.observe(time.perf_counter() - started)
            self._metrics.handled.labels(str(event.kind.value)).inc()
        for effect in response.effects:
            if isinstance(effect, OperatorAlert):
                self._metrics.alerts_requested.labels(effect.reason).inc()
        for tally in response.tallies:
            self._count(tally)
        return response

    async def keep_case(self, user_key: str, case: CaseStatus) -> None:
        await self._engine.keep_case(user_key, case)

    async def is_code_word(self, event: IncomingEvent) -> bool:
        return await self._engine.is_code_word(event)

    async def answers_before_case(self, event: IncomingEvent) -> bool:
        return await self._engine.answers_before_case(event)

    def emergency_reply(self, language: str | None) -> Reply:
        return self._engine.emergency_reply(language)

    async def numbers_reply(self, user_key: str, language: str | None, *,
                            within: float) -> Reply:
        return await self._engine.numbers_reply(user_key, language, within=within)

    def _count(self, tally: Tally) -> None:
        if tally in AT_RISK_TALLIES:
            self._metrics.at_risk.labels(tally.value).inc()
        elif tally is Tally.STARTED:
            self._metrics.started.inc()
        elif tally is Tally.OTHER_COUNTRY_PAGE:
            self._metrics.other_country_pages.inc()

    async def aclose(self) -> None:
        closer = getattr(self._engine, "aclose", None)
        if closer is not None:
            await closer()


class MeasuredRateLimiter:
    """The per-person rate limit, counting the messages it slows or drops."""

    def __init__(self, limiter: PersonRateLimiter, metrics: Metrics) -> None:
        self._limiter = limiter
        self._metrics = metrics

    async def reserve(self, user_key: str, lane: Lane) -> float | None:
        wait = await self._limiter.reserve(user_key, lane)
        if wait is None:
            self._metrics.rate_limited.labels("dropped").inc()
        elif wait > 0:
            self._metrics.rate_limited.labels("slowed").inc()
        return wait


class MeasuredMessenger:
    """A `Messenger` that counts messages sent and failed Bot API calls by error class."""

    def __init__(self, messenger: Messenger, metrics: Metrics) -> None:
        self._messenger = messenger
        self._metrics = metrics

    def _failed(self, method: str, exc: BaseException) -> None:
        self._metrics.telegram_errors.labels(method, type(exc).__name__).inc()

    async def send(
        self, chat_id: int, reply: Reply, *, thread_id: int | None = None,
        reply_to: int | None = None,
    ) -> list[int]:
        try:
            ids = await self._messenger.send(
                chat_id, reply, thread_id=thread_id, reply_to=reply_to
            )
        except Exception as exc:
            self._failed("sendMessage", exc)
            raise
        self._metrics.replies_sent.inc(len(ids))
        return ids

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None:
        try:
            await self._messenger.edit(chat_id, message_id, reply)
        except Exception as exc:
            self._failed("editMessageText", exc)
            raise

    async def delete(self, chat_id: int, message_ids: Sequence[int]) -> None:
        try:
            await self._messenger.delete(chat_id, message_ids)
        except Exception as exc:
            self._failed("deleteMessages", exc)
            raise

    async def delete_message(self, chat_id: int, message_id: int) -> None:
        try:
            await self._messenger.delete_message(chat_id, message_id)
        except Exception as exc:
            self._failed("deleteMessage", exc)
            raise

    async def answer_callback(self, callback_id: str, text: str | None = None) -> None:
        try:
            await self._messenger.answer_callback(callback_id, text)
        except Exception as exc:
            self._failed("answerCallbackQuery", exc)
            raise

    async def create_topic(self, chat_id: int, name: str) -> int:
        try:
            return await self._messenger.create_topic(chat_id, name)
        except Exception as exc:
            self._failed("createForumTopic", exc)
            raise

    async def close_topic(self, chat_id: int, thread_id: int) -> None:
        try:
            await self._messenger.close_topic(chat_id, thread_id)
        except Exception as exc:
            self._failed("closeForumTopic", exc)
            raise

    def __getattr__(self, name: str) -> Any:
        # Methods a newer Messenger grows (e.g. reopen a topic) pass through uncounted.
        return getattr(self._messenger, name)
