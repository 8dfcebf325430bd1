"""BOT_LOG_FORMAT=json: one JSON object per line, and an exception's text never in it."""

from __future__ import annotations

import json
import logging
import sys

from bot.logformat import JsonFormatter


def test_json_lines_carry_level_logger_message_and_only_the_exception_class() -> None:
    logger = logging.getLogger("smb.test")
    record = logger.makeRecord("smb.test", logging.ERROR, __file__, 1, "update failed: %s",
                               ("KeyError",), None)
    line = json.loads(JsonFormatter().format(record))
    assert line["level"] == "ERROR" and line["logger"] == "smb.test"
    assert line["message"] == "update failed: KeyError" and line["time"].endswith("+00:00")
    try:
        raise ValueError("у меня забрали паспорт")  # what a person wrote, inside an exception
    except ValueError:
        failed = logger.makeRecord("smb.test", logging.ERROR, __file__, 1, "failed", (),
                                   sys.exc_info())
    text = JsonFormatter().format(failed)
    assert json.loads(text)["exception"] == "ValueError" and "паспорт" not in text
    assert "\n" not in text
