"""Log lines as JSON (BOT_LOG_FORMAT=json) for log collectors; the same content as plain logs.

The bot never logs message text, phone numbers or raw Telegram ids (pseudonyms only), in
either format. Exception messages can quote what a person wrote, so only the exception's
class name goes into a JSON line, never its message.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime

from pydantic import ValidationError
from pydantic_settings import BaseSettings

from bot.config import BotSettings


class LogFormatSettings(BaseSettings):
    """BOT_LOG_FORMAT alone, read before every other setting: an error in those is logged in
    the format asked for (`bot/__main__.py`). Anything but `json` means plain text."""

    # BotSettings' own source and prefix: the same .env and the same rule for `NAME=`.
    model_config = BotSettings.model_config

    log_format: str = "plain"


def requested_log_format() -> str:
    """`json` or `plain`, from the environment or .env, whatever else is wrong there."""
    try:
        return "json" if LogFormatSettings().log_format == "json" else "plain"
    except ValidationError:
        return "plain"


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info and record.exc_info[0] is not None:
            line["exception"] = record.exc_info[0].__name__
        return json.dumps(line, ensure_ascii=False)


# Secrets and ids that a fatal error's words can carry: a bot token, a chat or user id.
_TOKEN = re.compile(r"\b\d{5,}:[\w-]{30,}")
_ID = re.compile(r"-?\b\d{6,}\b")


def fatal_lines(lines: list[str], exception: BaseException | None = None) -> list[str]:
    """Fatal start-up errors (settings, content, Telegram unreachable) as JSON log lines, for
    `BOT_LOG_FORMAT=json`, shaped like `JsonFormatter`'s: level CRITICAL, logger `bot`.

    Raw ids are masked: a chat or user id (6+ digits, e.g. OPERATOR_CHAT_ID's -100...) becomes
    `<id>` and a bot token `<token>`; an `exception` adds only its class name, never its text
    (its words can quote what a person wrote)."""
    now = datetime.now(UTC).isoformat(timespec="milliseconds")
    out = []
    for line in lines:
        masked = _ID.sub("<id>", _TOKEN.sub("<token>", line))
        entry = {"time": now, "level": "CRITICAL", "logger": "bot", "message": masked}
        if exception is not None:
            entry["exception"] = type(exception).__name__
        out.append(json.dumps(entry, ensure_ascii=False))
    return out
