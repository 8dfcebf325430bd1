"""Recognising the country a person names: every country, inflected, and never a common word."""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.core.countries import CountryIndex


@pytest.fixture(scope="module")
def index(content_holder: ContentHolder) -> CountryIndex:
    return CountryIndex(content_holder.content.countries)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Я в Польше, у меня забрали паспорт", "PL"),
        ("I'm in Dubai, my employer took my passport", "AE"),  # a content alias (a city)
        ("я в Италии", "IT"),
        ("I am in Spain", "ES"),
        ("Казахстан", "KZ"),
        ("у Казахстане", "KZ"),
        ("я ў Іспаніі", "ES"),
        ("мы в Саудовской Аравии", "SA"),  # an adjective in another case
        ("в Нидерландах забрали паспорт", "NL"),
        ("Экваториальная Гвинея", "GQ"),  # the longest name, not also Guinea
        ("Нигерия", "NG"),  # the exact name, not the stem of Niger
        ("я из Беларуси, сейчас в Польше", "PL"),  # where they come from is not where they are
        ("в Того", "TG"),
        ("ya v Italii, zabrali pasport", "IT"),  # transliterated Russian
        ("my v Ispanii", "ES"),
        ("ya v Polshe", "PL"),
    ],
)
def test_a_named_country_is_found(index: CountryIndex, text: str, code: str) -> None:
    match = index.find(text)
    assert match is not None and match.code == code


@pytest.mark.parametrize(
    "text",
    [
        "я не знаю того человека",  # "того" is a word before it is Togo
        "Chad took my passport",  # a person's name
        "Jordan took my passport and my phone",
        "у меня забрали паспорт",
        "я из Беларуси",  # where they come from
        "я был в Польше, теперь в Германии",  # two places: ask rather than guess
        "my boss took my passport and my phone",
        "my employer took my passport and will not give it back",  # "it" is not Italy
        "they took it from us",  # nor "us" the United States
        "I need help, they keep me locked in",
        "ya iz Belarusi",
    ],
)
def test_no_country_is_guessed(index: CountryIndex, text: str) -> None:
    assert index.find(text) is None


def test_every_country_has_a_name_in_each_language(index: CountryIndex) -> None:
    assert index.name("IT", "ru") == "Италия"
    assert index.name("IT", "be") == "Італія"
    assert index.name("IT", "en") == "Italy"
    assert index.known("TD") and index.name("TD", "ru") == "Чад"  # any country, page or not
