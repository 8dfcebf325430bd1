"""Text typed on the wrong keyboard layout is restored before triage (bot/nlu/layout.py)."""

from __future__ import annotations

import pytest

from bot.nlu.language import detect_language, layout_variants, restore_layout
from bot.nlu.layout import cyrillic_to_latin, latin_to_cyrillic


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("pfgthkb", "заперли"),
        ("ltymub yt gkfnzn", "деньги не платят"),
        ("vtyz ,m.n", "меня бьют"),  # "," and "." are б and ю inside a word
        ("yfc yt dsgecrf.n", "нас не выпускают"),
        ("gjvjubnt", "помогите"),
        ("ghbdtn, rfr ltkf", "привет, как дела"),  # a comma after a word stays a comma
    ],
)
def test_russian_typed_on_the_latin_layout_is_restored(typed: str, meant: str) -> None:
    assert restore_layout(typed) == meant
    assert detect_language(typed) == "ru"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("pf,hfkb gfigfhn", "забралі пашпарт"),  # b is і and o is ў on the Belarusian layout
        ("yt gkfwzwm", "не плацяць"),
        ("vzyt p,bkb", "мяне збілі"),
    ],
)
def test_belarusian_typed_on_the_latin_layout_is_restored(typed: str, meant: str) -> None:
    assert restore_layout(typed) == meant
    assert detect_language(typed) == "be"
    assert meant in layout_variants(typed)


@pytest.mark.parametrize(
    ("typed", "meant"), [("ьн зфыызщке", "my passport"), ("рудз ьу", "help me")]
)
def test_english_typed_on_the_cyrillic_layout_is_restored(typed: str, meant: str) -> None:
    assert restore_layout(typed) == meant
    assert detect_language(typed) == "en"


@pytest.mark.parametrize(
    "text",
    [
        "hello",
        "they took my passport",
        "rabotodatel zabral moj pasport",
        "zdravstvujte",
        "u menya zabrali pasport",
        "sms",
        "ok",
        "привет",
        "у меня забрали паспорт",
        "thx",
        "wtf",
    ],
)
def test_text_typed_on_the_right_layout_is_left_alone(text: str) -> None:
    assert restore_layout(text) == text
    assert layout_variants(text) == []


def test_the_two_directions_are_inverse_on_letters() -> None:
    assert cyrillic_to_latin(latin_to_cyrillic("qwertyuiop[]asdfghjkl;'zxcvbnm,.")) == (
        "qwertyuiop[]asdfghjkl;'zxcvbnm,."
    )
