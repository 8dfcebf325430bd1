"""Cities and regions named instead of a country (content/places.yaml): the right country or
none, never a wrong one; countries are read as before.

The index over the real content and its real places file; each example has its calm side: a
word that is also a city, a city two countries share, a city in a story or left behind.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from babel import Locale

from bot.content.loader import ContentHolder
from bot.content.models import Content
from bot.core.countries import CountryIndex, name_key


@pytest.fixture(scope="module")
def content(content_holder: ContentHolder) -> Content:
    assert content_holder.content.places is not None, "content/places.yaml is missing"
    return content_holder.content


@pytest.fixture(scope="module")
def index(content: Content) -> CountryIndex:
    return CountryIndex(content.countries, content.places)


@pytest.mark.parametrize(("text", "code"), [
    ("я в Кракове", "PL"),
    ("мы сейчас в Кракове, у нас забрали паспорта", "PL"),
    ("пад Гданьскам", "PL"),  # Belarusian instrumental, read by the Russian name's stem
    ("працую ў Вроцлаве", "PL"),
    ("работаю под Варшавой", "PL"),
    ("я в городе Кракове", "PL"),
    ("я в Бангкоке", "TH"),  # a capital of a country without a page
    ("im in texas", "US"),  # a region
    ("в Техасе", "US"),
    ("I am in Krakow", "PL"),  # the name without its accent
    ("Kraków", "PL"),  # nearly alone
    ("v Varshave", "PL"),  # transliterated Russian
    ("ya v Krakove", "PL"),
    ("ya v Gdanske, zabrali pasport", "PL"),
    ("in Dubai", "AE"),
    ("we are near Rotterdam", "NL"),
    ("в Баварии", "DE"),
    ("у Баварыі", "DE"),
    ("в Мазовецком воеводстве", "PL"),
    ("я в Ницце", "FR"),
    ("я в Сочи", "RU"),  # an editors' entry: the dictionary also reads "сочи" as a verb
    ("I'm in Paris", "FR"),
    ("I'm in Paris, Texas", "US"),  # a city followed by its region is that region's
    ("Brest, France", "FR"),
    ("я в Кракове, в Польше", "PL"),  # a city and its own country agree
])
def test_a_named_city_or_region_is_its_country(index: CountryIndex, text: str, code: str) -> None:
    match = index.find(text)
    assert match is not None and match.code == code, (text, match)


@pytest.mark.parametrize("text", [
    "я в Бресте",  # Belarus and France
    "in Brest",
    "ў Брэсце",
    "Мир",  # a word, and a small town
    "я в мире одна",
    "Nice",  # words in English
    "in Nice weather",
    "I'm in reading mode",
    "my mobile is broken, I'm in mobile",
    "в Трнаве",  # not in the file: asked, not guessed
    "Ocean City",
    "смотрю фильм про Краков",  # not where a place is named
    "я из Кракова",  # where they come from
    "я в Кракове или в Берлине",  # two countries: asked
])
def test_a_word_or_a_shared_name_is_no_country(index: CountryIndex, text: str) -> None:
    match = index.find(text)
    assert match is None, (text, match)


def test_georgia_is_the_country_not_the_us_state(index: CountryIndex) -> None:
    for text in ("I'm in Georgia", "я в Грузии", "я ў Грузіі", "ya v Gruzii"):
        match = index.find(text)
        assert match is not None and match.code == "GE", text
    match = index.find("я в Джорджии")  # the US state's Russian name is not the country's
    assert match is not None and match.code == "US"


def test_every_name_leads_to_one_country(content: Content) -> None:
    assert content.places is not None
    owners: dict[str, set[str]] = defaultdict(set)
    for country, _, names in content.places.places():
        for name in names:
            owners[name_key(name)].add(country)
    for country in content.countries.values():
        for name in country.aliases:
            owners[name_key(name)].add(country.id)
    shared = {name: codes for name, codes in owners.items() if len(codes) > 1}
    assert not shared
    assert len(owners) > 3000  # the generated file, not an empty one


def test_a_country_is_read_as_without_the_places(content: Content, index: CountryIndex) -> None:
    bare = CountryIndex(content.countries)
    names = {a for c in content.countries.values() for a in c.aliases if len(a) > 2}
    for lang in ("ru", "be", "en"):
        names |= set(Locale.parse(lang).territories.values())
    for name in sorted(names):
        for text in (f"в {name}", f"in {name}", name):
            before, after = bare.find(text), index.find(text)
            if before is not None:  # "Ceuta & Melilla", no country of its own, is now Spain
                assert after is not None and after.code == before.code, text


@pytest.mark.parametrize("text", [
    "давай пока",  # not "Давао": only a case ending may follow a city's stem
    "давай на белорусском",
    "паспорт сейчас в консульстве на визе",  # not "Визеу": a foreign name ending in a vowel
    "pasport sejchas v posolstve na vize",  # does not decline
])
def test_an_ordinary_word_that_starts_like_a_city_is_no_country(
    index: CountryIndex, text: str
) -> None:
    assert index.find(text) is None, text


def test_a_russian_city_name_with_a_fleeting_vowel_keeps_its_country(index: CountryIndex) -> None:
    # "Люблино" (a district of Moscow) does not decline here: "под Люблином" is Lublin, Poland.
    match = index.find("на ферме под Люблином")
    assert match is not None and match.code == "PL"
