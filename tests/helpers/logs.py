"""Search captured log records for what must never be logged: texts, raw ids, phone numbers."""

from __future__ import annotations

import logging
import re

_FORMATTER = logging.Formatter()
_SEPARATORS = re.compile(r"[\s()\-]")
_PHONE = re.compile(r"\+?[\d\s()\-]{7,}")


def record_text(record: logging.LogRecord) -> str:
    """Everything a handler could write for the record: message, arguments, traceback."""
    text = record.getMessage()
    if record.exc_info:
        text += "\n" + _FORMATTER.formatException(record.exc_info)
    if record.stack_info:
        text += "\n" + record.stack_info
    return text


def leaks(records: list[logging.LogRecord], *secrets: str) -> list[str]:
    """`logger: secret` for each record containing a secret (a phone number also when
    written without its spaces, dashes or brackets)."""
    found = []
    for record in records:
        text = record_text(record)
        squeezed = _SEPARATORS.sub("", text)
        for secret in secrets:
            phone = _PHONE.fullmatch(secret) and _SEPARATORS.sub("", secret) in squeezed
            if secret in text or phone:
                found.append(f"{record.name}: {secret[:40]!r}")
    return found
