"""Language detection: what the bot answers in when nobody chose a language."""

from __future__ import annotations

import pytest

from bot.nlu.language import detect_language, normalize_prior


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("у меня забрали паспорт и не отдают", "ru"),
        ("помогите, нас не выпускают из общежития", "ru"),
        ("у мяне забралі пашпарт і не аддаюць", "be"),
        ("працадаўца не плаціць заробак ужо два месяцы", "be"),
        ("сям'я забрала яе дакументы", "be"),
        ("дапамажыце калі ласка", "be"),
        ("u menya zabrali pasport", "ru"),
        ("pomogite pozhalujsta", "ru"),
        ("rabotodatel ne otdaet dokumenty", "ru"),
        ("nas ne vypuskayut iz obshagi", "ru"),
        ("my employer took my passport", "en"),
        ("how do I check if a job offer is real?", "en"),
        ("help me now please", "en"),
    ],
)
def test_detects_the_language_people_write_in(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_belarusian_i_typed_on_a_russian_keyboard_is_still_belarusian() -> None:
    # Latin "i" in place of "і" inside Cyrillic words.
    assert detect_language("у мяне забралi пашпарт") == "be"


def test_latin_words_in_a_russian_sentence_do_not_make_it_english_or_belarusian() -> None:
    assert detect_language("вы знаете мой телеграм id?") == "ru"


@pytest.mark.parametrize("prior", ["be", "be-BY", "BE_by"])
def test_ambiguous_text_follows_the_clients_language(prior: str) -> None:
    assert detect_language("ок", prior=prior) == "be"


def test_ambiguous_text_without_a_known_client_language_is_russian() -> None:
    assert detect_language("ок") == "ru"
    assert detect_language("ок", prior="uk") == "ru"
    assert detect_language("👍") == "ru"


def test_cyrillic_text_is_never_english_even_if_the_client_says_so() -> None:
    assert detect_language("ок да", prior="en-US") in ("ru", "be")


def test_client_codes_are_normalised() -> None:
    assert normalize_prior("be-BY") == "be"
    assert normalize_prior("en_GB") == "en"
    assert normalize_prior("RU") == "ru"
    assert normalize_prior("uk") is None
    assert normalize_prior(None) is None


@pytest.mark.parametrize(
    "text",
    [
        "скиньте контакты shelter пожалуйста",
        "ок thanks",
        "можно operator, а не бота",
        "нам не платят salary уже два месяца",
        "thank you, до свидания",
    ],
)
def test_russian_with_an_english_word_or_two_is_russian(text: str) -> None:
    assert detect_language(text) == "ru"


@pytest.mark.parametrize("text", ["дзякуй, thanks", "можна operator калі ласка"])
def test_belarusian_with_an_english_word_is_belarusian(text: str) -> None:
    assert detect_language(text) == "be"


def test_english_with_one_cyrillic_place_name_stays_english() -> None:
    assert detect_language("I am in Минск now and they took my passport") == "en"
