"""Plain text to Telegram HTML: escaping, joining short replies, splitting at 4096 characters."""

from __future__ import annotations

import html
from collections.abc import Iterable

from bot.core.events import Reply

MAX_MESSAGE = 4096  # Telegram's limit, counted after entity parsing; we count escaped text


def escape(text: str) -> str:
    """Escape plain text for parse_mode=HTML (quotes too: harmless and safe in attributes)."""
    return html.escape(text, quote=False)


def coalesce(replies: Iterable[Reply], limit: int = MAX_MESSAGE) -> list[Reply]:
    """Join consecutive replies into fewer Telegram messages, keeping their order.

    Telegram lets a bot send about one message a second to a chat (short bursts aside) and
    about thirty a second in all, so every extra message delays this person's answer and
    everyone else's. A reply without buttons is joined to the next one, paragraph-separated,
    when the two fit one message; buttons stay under the text they belong to, because a reply
    with buttons always ends its message. The first reply stays first: at risk, the message
    still opens with the emergency numbers.
    """
    joined: list[Reply] = []
    for reply in replies:
        if joined and not joined[-1].buttons:
            text = f"{joined[-1].text}\n\n{reply.text}"
            if len(escape(text)) <= limit:
                joined[-1] = Reply(text, reply.buttons)
                continue
        joined.append(reply)
    return joined


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
