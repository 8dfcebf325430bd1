"""Telegram HTML: escaping, joining replies into fewer messages, splitting long ones."""

from __future__ import annotations

import html

from bot.adapters.telegram.formatting import MAX_MESSAGE, coalesce, escape, split_text
from bot.core.events import Button, Reply

MENU = [[Button("Menu", payload="m:menu")]]


def test_escape_leaves_no_markup() -> None:
    assert escape("<b>x</b> & y") == "&lt;b&gt;x&lt;/b&gt; &amp; y"


def test_split_keeps_paragraphs_whole_and_every_chunk_within_the_limit() -> None:
    paragraphs = [f"paragraph {i} " + "word " * 150 for i in range(20)]
    chunks = split_text("\n\n".join(paragraphs))
    assert len(chunks) > 1 and all(len(chunk) <= MAX_MESSAGE for chunk in chunks)
    assert "\n\n".join(chunks) == "\n\n".join(paragraphs)  # cut only between paragraphs


def test_split_never_cuts_inside_an_html_entity() -> None:
    chunks = split_text("&" * 5000)
    assert all(len(chunk) <= MAX_MESSAGE for chunk in chunks)
    assert html.unescape("".join(chunks)) == "&" * 5000
    assert all(not chunk.endswith(("&", "&a", "&am", "&amp")) for chunk in chunks)


def test_replies_without_buttons_join_the_next_one() -> None:
    joined = coalesce([Reply("Call 112."), Reply("About your data."), Reply("Menu?", MENU)])
    assert joined == [Reply("Call 112.\n\nAbout your data.\n\nMenu?", MENU)]


def test_buttons_end_a_message_and_order_is_kept() -> None:
    countries = [[Button("Poland", payload="c:PL")]]
    replies = [Reply("Call 112."), Reply("Which country?", countries), Reply("Or", MENU)]
    joined = coalesce(replies)
    assert joined == [Reply("Call 112.\n\nWhich country?", countries), Reply("Or", MENU)]
    assert joined[0].text.startswith("Call 112.")  # the emergency number still comes first


def test_replies_that_would_not_fit_one_message_stay_apart() -> None:
    long = "x" * (MAX_MESSAGE - 10)
    assert coalesce([Reply(long), Reply("more text")]) == [Reply(long), Reply("more text")]
    # Escaping counts: "<" becomes four characters in the message.
    near = "<" * (MAX_MESSAGE // 4)
    assert len(coalesce([Reply(near), Reply("y")])) == 2


def test_nothing_to_join() -> None:
    assert coalesce([]) == []
    assert coalesce([Reply("one", MENU)]) == [Reply("one", MENU)]
