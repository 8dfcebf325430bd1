"""Plain text to Telegram HTML: escaping and splitting at the 4096-character limit."""

from __future__ import annotations

import html

MAX_MESSAGE = 4096  # Telegram's limit, counted after entity parsing; we count escaped text


def escape(text: str) -> str:
    """Escape plain text for parse_mode=HTML (quotes too: harmless and safe in attributes)."""
    return html.escape(text, quote=False)


def split_text(text: str, limit: int = MAX_MESSAGE) -> list[str]:
    """Escaped chunks of at most `limit` characters, cut on paragraphs, then lines, then words."""
    escaped = escape(text)
    if len(escaped) <= limit:
        return [escaped]
    chunks: list[str] = []
    for separator in ("\n\n", "\n", " "):
        if separator in text:
            parts = text.split(separator)
            current = ""
            for part in parts:
                candidate = f"{current}{separator}{part}" if current else part
                if len(escape(candidate)) <= limit:
                    current = candidate
                    continue
                if current:
                    chunks.extend(split_text(current, limit))
                current = part
            if current:
                chunks.extend(split_text(current, limit))
            return [chunk for chunk in chunks if chunk.strip()]
    # One unbroken run longer than the limit: cut it, never inside an HTML entity.
    while escaped:
        cut = limit
        amp = escaped.rfind("&", max(0, cut - 6), cut)
        if amp != -1 and ";" not in escaped[amp:cut]:
            cut = amp
        chunks.append(escaped[:cut])
        escaped = escaped[cut:]
    return chunks
