"""HTML pasted with an ad ("<p><b>ВАКАНСИЯ</b> … <br>Оплата за регистрацию 50€</p>", copied from a
web page's source or a job board's editor) read as the text a browser shows: a block tag or
`<br>` ends a line, any other known tag is a space, an entity ("&amp;", "&euro;", "&#8364;")
is its character. Every offset is kept (each tag or entity is replaced by as many characters),
so a span found in the result is the same span in the ad; only tags of HTML's own names are read,
so "<50€>" or "<3" in a message stay as written. Nothing here keeps or logs the ad."""

from __future__ import annotations

import html
import re

# Tags that end a line where a browser shows them (HTML's block elements and <br>).
_BLOCK = ("address|article|aside|blockquote|br|dd|div|dl|dt|footer|h[1-6]|header|hr|li|main|"
          "nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul")
# Tags read as a space: the inline elements a pasted ad carries.
_INLINE = "a|abbr|b|big|code|em|font|i|img|mark|s|small|span|strike|strong|sub|sup|u"
_TAG = re.compile(rf"</?(?:(?P<block>{_BLOCK})|{_INLINE})\b[^<>]{{0,300}}>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.IGNORECASE)


def untagged(text: str) -> str:
    """`text` with HTML tags and entities read as a browser shows them, same length (see the
    module's docstring); a text without a known tag or entity comes back as it is."""
    if "<" not in text and "&" not in text:
        return text
    chars = list(text)
    for tag in _TAG.finditer(text):
        fill = "\n" if tag.group("block") else " "
        chars[tag.start() : tag.end()] = fill + " " * (tag.end() - tag.start() - 1)
    for entity in _ENTITY.finditer(text):
        if text[entity.start()] != chars[entity.start()]:
            continue  # inside a tag already read
        shown = html.unescape(entity.group())
        if shown == entity.group() or len(shown) != 1:
            continue  # not an entity HTML knows
        chars[entity.start() : entity.end()] = shown + " " * (entity.end() - entity.start() - 1)
    return "".join(chars)
