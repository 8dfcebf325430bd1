"""Masking personal data in words quoted from an ad before they are shown in a group.

A warning quotes the ad's own words so members can find them, but a group must never get a
phone number, an e-mail address, a Telegram handle or a messenger link repeated by the bot:
those are the poster's (or a victim's) contacts. Each is replaced by `MASK`.
"""

from __future__ import annotations

import re

MASK = "•••"
MASK_CHAR = "\u2022"  # what `hide_personal` writes over each character of an item
_HIDDEN = MASK_CHAR
_RUN = re.compile("\u2022+")

_PATTERNS = (
    # Messenger and profile links: t.me/..., wa.me/..., viber, instagram, vk, facebook.
    re.compile(r"(?:https?://)?(?:www\.)?(?:t(?:elegram)?\.me|wa\.me|api\.whatsapp\.com|"
               r"viber\.click|instagram\.com|vk\.com|facebook\.com|fb\.com)/\S*", re.I),
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # e-mail
    re.compile(r"(?<![\w@])@[A-Za-z][A-Za-z0-9_]{3,31}"),  # @username
    # Phone numbers: "+375 29 123-45-67", "8 (029) 1234567", "123-45-67"; a pay range such
    # as "3 000-4 000" (fewer than nine digits, no "+") is left alone.
    re.compile(r"\+\s?\d[\d\s().\-]{5,}\d"),
    re.compile(r"(?<!\d)\d[\d\s().\-]{7,}\d(?!\d)"),
    re.compile(r"(?<!\d)\d{3}-\d{2}-\d{2}(?!\d)"),
)


def _digits(text: str) -> int:
    return sum(c.isdigit() for c in text)


def _blank(match: re.Match[str]) -> str:
    return _HIDDEN * len(match.group())


def hide_personal(text: str) -> str:
    """`text` with every personal item overwritten by `_HIDDEN`, character for character.

    Offsets stay valid, so a quote cut from the result around a flag's span can never show
    half a phone number that the cut made too short to recognise.
    """
    for n, pattern in enumerate(_PATTERNS):
        if n == 4:  # digits with separators: a phone only with nine digits or more
            text = pattern.sub(lambda m: _blank(m) if _digits(m.group()) >= 9 else m.group(),
                               text)
        else:
            text = pattern.sub(_blank, text)
    return text


def tidy(text: str) -> str:
    """Runs of hidden characters (from `hide_personal`) as one `MASK`."""
    return _RUN.sub(MASK, text)


def mask_personal(text: str) -> str:
    """`text` with phone numbers, e-mails, @handles and messenger links replaced by `MASK`."""
    return tidy(hide_personal(text))
