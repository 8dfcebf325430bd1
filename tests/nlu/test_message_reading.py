"""One reading of a message shared by the danger phrases and every let-off frame
(bot/nlu/reading.py): what each of them reads is what they read on their own before."""

from __future__ import annotations

import pytest

from bot.core.danger_phrases import DangerPhraseMatcher
from bot.core.triage import Triage
from bot.nlu.embedded import EmbeddedRecognizer
from bot.nlu.language import layout_variants, restore_layout
from bot.nlu.normalize import MAX_TEXT_CHARS, clean
from bot.nlu.reading import MessageReading

# Each kind the reading handles, in ru, be, en and translit, a risk and a calm message side by
# side: typed right, on the wrong keyboard layout, transliterated, Łacinka, mixed scripts.
MESSAGES = [
    "у меня забрали паспорт и не отдают",  # ru, a risk
    "как продлить паспорт в консульстве?",  # ru, calm
    "pfgthkb yf crkflt",  # ru on the Latin layout: "заперли на складе"
    "ghbdtn, rfr ltkf",  # ru on the Latin layout, calm: "привет, как дела"
    "pf,hfkb gfigfhn",  # be on the Latin layout: "забралі пашпарт"
    "у мяне забралі пашпарт",  # be, a risk
    "дзе можна атрымаць візу?",  # be, calm
    "mianie nie vypuskajuć z fiermy",  # Łacinka, a risk
    "they took my passport and lock us in at night",  # en, a risk
    "my passport expired, how do I renew it?",  # en, calm
    "ру ршеы гы",  # en on the Russian layout: "he hits us"
    "u menya zabrali pasport",  # translit, a risk
    "gde mozhno prodlit vizu?",  # translit, calm
    "we are locked на складе, ключи only у мастера",  # mixed
    "",
]


@pytest.mark.parametrize("text", MESSAGES)
def test_the_reading_is_the_message_as_the_frames_read_it(text: str) -> None:
    reading = MessageReading.of(text)
    assert reading.raw == restore_layout(text)
    assert reading.tokens == clean(restore_layout(text)).split()
    assert reading.readings[0] == reading.tokens
    restored = [variant for variant, _ in reading.variants if variant != text]
    assert restored == layout_variants(text)


def test_a_wrong_layout_is_read_in_the_layout_meant() -> None:
    reading = MessageReading.of("pfgthkb yf crkflt")
    assert reading.tokens == ["заперли", "на", "складе"]
    assert reading.text == "pfgthkb yf crkflt"  # what was written is kept for the phrases


def test_transliteration_has_its_cyrillic_reading() -> None:
    assert MessageReading.of("u menya zabrali pasport").readings[1][:2] == ["у", "меня"]
    assert len(MessageReading.of("у меня забрали паспорт").readings) == 1


def test_an_overlong_message_is_read_up_to_the_limit() -> None:
    reading = MessageReading.of("паспорт " * MAX_TEXT_CHARS)
    assert len(reading.text) == MAX_TEXT_CHARS


@pytest.mark.parametrize("text", MESSAGES)
def test_phrases_found_in_the_reading_are_those_found_in_the_text(
    matcher: DangerPhraseMatcher, text: str
) -> None:
    assert matcher.find(MessageReading.of(text)) == matcher.find(text)


@pytest.mark.parametrize(
    ("text", "at_risk"),
    [
        ("pfgthkb yf crkflt", True),  # "заперли на складе" typed on the Latin layout
        ("ghbdtn, rfr ltkf", False),  # "привет, как дела"
        ("u menya zabrali pasport", True),
        ("gde mozhno prodlit vizu?", False),
        ("у мяне забралі пашпарт", True),
        ("дзе можна атрымаць візу?", False),
        ("they took my passport and lock us in at night", True),
        ("my passport expired, how do I renew it?", False),
    ],
)
def test_triage_reads_each_kind_once_and_decides_as_before(
    triage: Triage, model: EmbeddedRecognizer, text: str, at_risk: bool
) -> None:
    assert triage.assess(text, model.parse_sync(text)).at_risk is at_risk
