"""The webhook's edge: a request body becomes a valid update or a deliberate answer, once,
in one place for both frameworks.

What a body gets (Telegram redelivers anything but 200, so a real but odd update must get 200):

- 413 when it is larger than `max_body` bytes;
- 400 when it is not a Telegram update at all: not JSON, nested deeper than `max_depth`,
  not an object, or no integer `update_id`;
- 200 for everything else. An update of a kind the bot handles (`message`, `edited_message`,
  `callback_query`) whose fields the bot reads have the wrong shape is counted and dropped
  (`UpdateShape`: the field types of the Bot API, https://core.telegram.org/bots/api#update);
  a valid one is handed on with every string made valid Unicode (a lone surrogate, which JSON
  can carry as `\\ud800`, would otherwise fail in the first encoder it reaches: Redis, the Bot
  API, a log line).

Malformed input is counted in `Metrics.malformed_updates` by kind and logged at WARNING at most
once per kind per `log_every` seconds, never with the body.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.metrics import Metrics

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024  # aiohttp's default; a real update is a few kB at most
MAX_DEPTH = 64  # a real update nests about 10 deep (a reply's quoted message's entities)
_SURROGATE = re.compile("[\ud800-\udfff]")  # after JSON decoding, only lone halves remain
# The webhook's allowed_updates; my_chat_member: the bot added to or removed from a group.
HANDLED = ("message", "edited_message", "callback_query", "my_chat_member")

# Telegram ids fit in a signed 64-bit integer (Bot API: "at most 52 significant bits").
TgId = Annotated[int, Field(ge=-(2**63), lt=2**63)]


class MalformedUpdate(Exception):
    """An adapter could not build its framework's update from a body the edge let through."""


class _Shape(BaseModel):
    # Strict: Telegram sends exact JSON types, and PTB keeps whatever it is given ("text": 5
    # becomes an int that fails deep in a handler). Unknown fields: newer Bot API versions.
    model_config = ConfigDict(strict=True, extra="ignore", populate_by_name=True)


class UserShape(_Shape):
    id: TgId
    is_bot: bool
    first_name: str
    language_code: str | None = None


class ChatShape(_Shape):
    id: TgId
    type: str


class RepliedShape(_Shape):
    message_id: TgId


class MessageShape(_Shape):
    message_id: TgId
    date: int
    chat: ChatShape
    from_user: UserShape | None = Field(default=None, alias="from")
    text: str | None = None
    caption: str | None = None
    message_thread_id: TgId | None = None
    reply_to_message: RepliedShape | None = None


class CallbackMessageShape(_Shape):
    """A button's message: a full `Message`, or an `InaccessibleMessage` (date 0)."""

    message_id: TgId
    date: int
    chat: ChatShape


class CallbackQueryShape(_Shape):
    id: str
    from_user: UserShape = Field(alias="from")
    data: str | None = None
    message: CallbackMessageShape | None = None


class ChatMemberShape(_Shape):
    status: str


class ChatMemberUpdatedShape(_Shape):
    chat: ChatShape
    date: int
    new_chat_member: ChatMemberShape


class UpdateShape(_Shape):
    """The parts of an update the bot reads, with the Bot API's types."""

    update_id: TgId
    message: MessageShape | None = None
    edited_message: MessageShape | None = None
    callback_query: CallbackQueryShape | None = None
    my_chat_member: ChatMemberUpdatedShape | None = None


@dataclass(frozen=True, slots=True)
class Verdict:
    """What to answer (`status`), and the update to handle when there is one."""

    status: int
    update: dict[str, Any] | None = None
    malformed: str | None = None  # a closed set: see `UpdateGate.check`


def valid_text(text: str) -> str:
    """`text` with each lone surrogate replaced by U+FFFD, so every encoder accepts it."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def _depth_and_valid(value: Any, max_depth: int) -> tuple[Any, bool]:
    """A copy of a parsed JSON value with valid strings, and whether it nests <= max_depth.

    Iterative, so a deep value cannot exhaust the stack here either.
    """
    if not isinstance(value, dict | list):
        return (valid_text(value) if isinstance(value, str) else value), True
    root: dict[str, Any] | list[Any] = {} if isinstance(value, dict) else []
    stack: list[tuple[Any, Any, int]] = [(value, root, 1)]
    while stack:
        source, target, depth = stack.pop()
        if depth > max_depth:
            return None, False
        items = source.items() if isinstance(source, dict) else enumerate(source)
        for key, item in items:
            if isinstance(item, dict | list):
                copy: dict[str, Any] | list[Any] = {} if isinstance(item, dict) else []
                stack.append((item, copy, depth + 1))
                item = copy
            elif isinstance(item, str):
                item = valid_text(item)
            if isinstance(target, dict):
                target[valid_text(str(key))] = item
            else:
                target.append(item)
    return root, True


class UpdateGate:
    """Checks webhook bodies, counts what it refuses, and logs each kind at most once a minute.

    Kinds: `too_large`, `not_json`, `too_deep`, `not_update` (answered 400 or 413);
    `invalid_message`, `invalid_edited_message`, `invalid_callback_query` (200, dropped);
    `unparsable` (200: the framework refused an update that passed here).
    """

    def __init__(
        self, metrics: Metrics | None = None, *, max_body: int = MAX_BODY_BYTES,
        max_depth: int = MAX_DEPTH, log_every: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_body = max_body
        self._metrics = metrics
        self._max_depth = max_depth
        self._log_every = log_every
        self._clock = clock
        self._last_logged: dict[str, float] = {}  # one entry per kind: a closed set
        self._unlogged: dict[str, int] = {}

    def check(self, body: bytes) -> Verdict:
        """The answer for one request body (already known to be at most `max_body` bytes)."""
        if len(body) > self.max_body:
            return self.too_large()
        try:
            raw = json.loads(body)
        except RecursionError:  # the C decoder stops at the interpreter's recursion limit
            return self._refuse(400, "too_deep")
        except ValueError:  # includes a body that is not UTF-8
            return self._refuse(400, "not_json")
        raw, shallow = _depth_and_valid(raw, self._max_depth)
        if not shallow:
            return self._refuse(400, "too_deep")
        if not isinstance(raw, dict) or type(raw.get("update_id")) is not int:
            return self._refuse(400, "not_update")
        if not any(raw.get(kind) is not None for kind in HANDLED):
            return Verdict(200)  # a kind the bot does not ask for: nothing to do
        try:
            UpdateShape.model_validate(raw)
        except ValidationError as exc:
            where = next((str(e["loc"][0]) for e in exc.errors() if e["loc"]), "update_id")
            kind = f"invalid_{where}" if where in HANDLED else "not_update"
            if kind == "not_update":
                return self._refuse(400, kind)
            self.report(kind)
            return Verdict(200, malformed=kind)
        return Verdict(200, update=raw)

    def too_large(self) -> Verdict:
        """The answer for a body past `max_body` bytes (known from its length alone)."""
        return self._refuse(413, "too_large")

    def _refuse(self, status: int, kind: str) -> Verdict:
        self.report(kind)
        return Verdict(status, malformed=kind)

    def report(self, kind: str) -> None:
        """Count one malformed input of `kind`; log the kind (not the body) once a window."""
        if self._metrics is not None:
            self._metrics.malformed_updates.labels(kind=kind).inc()
        now = self._clock()
        last = self._last_logged.get(kind)
        if last is not None and now - last < self._log_every:
            self._unlogged[kind] = self._unlogged.get(kind, 0) + 1
            return
        self._last_logged[kind] = now
        more = self._unlogged.pop(kind, 0)
        log.warning("malformed webhook input (%s) refused at the edge%s", kind,
                    f"; {more} more since the last notice" if more else "")
