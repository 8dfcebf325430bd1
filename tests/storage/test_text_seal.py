"""Sealed words in Redis: opened with the key, gone under another, kept when written before."""

from __future__ import annotations

from bot.privacy import TextSeal


def test_a_field_opens_with_its_key_and_not_with_another() -> None:
    seal = TextSeal("secret-a", b"case")
    sealed = seal.seal_field({"user_text": "Ферма Example, +48 000"}, "user_text")
    assert "Ферма" not in sealed["user_text"]
    assert seal.open_field(sealed, "user_text")["user_text"] == "Ферма Example, +48 000"
    other = TextSeal("secret-b", b"case")
    assert other.open_field(sealed, "user_text")["user_text"] == ""


def test_a_field_written_before_sealing_began_is_kept() -> None:
    # A case whose alert was still waiting when the bot was upgraded: its words were stored
    # plain; the person's shared words must not be lost on the upgrade.
    seal = TextSeal("secret-a", b"case")
    fields = {"user_text": "у меня забрали паспорт"}
    assert seal.open_field(fields, "user_text") == fields
