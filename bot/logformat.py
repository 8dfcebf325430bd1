"""Log lines as JSON (BOT_LOG_FORMAT=json) for log collectors; the same content as plain logs.

The bot never logs message text, phone numbers or raw Telegram ids (pseudonyms only), in
either format. Exception messages can quote what a person wrote, so only the exception's
class name goes into a JSON line, never its message.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime


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
