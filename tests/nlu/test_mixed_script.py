"""Round 18 of issue 10, the miss kind: Belarusian or Russian typed with Latin look-alike letters
inside Cyrillic words ("заробак не далi зусiм", Latin "i" for "і"), and Cyrillic letters inside
Latin words (bot.nlu.confusables). Real risks so written are caught in be, ru, en and translit;
plain English and translit are not turned into Cyrillic. Wordings are ours.
"""

from __future__ import annotations

import pytest

from bot.core.danger_phrases import DangerPhraseMatcher
from bot.core.triage import Triage
from bot.nlu.confusables import one_script
from bot.nlu.embedded import EmbeddedRecognizer, prepare
from bot.nlu.language import detect_language
from bot.nlu.normalize import clean
from tests.helpers.triage_tables import assess, phrases

# Cyrillic letter -> the Latin one a phone puts in its place.
_LATIN = {"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "і": "i",
          "к": "k", "Н": "H", "Т": "T", "М": "M", "В": "B", "А": "A", "Е": "E"}  # fmt: skip
# Latin letter -> the Cyrillic one.
_CYRILLIC = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і"}


def typed(text: str, letters: str) -> str:
    """`text` with each of `letters` swapped for its look-alike in the other script."""
    table = {ch: _LATIN.get(ch) or _CYRILLIC[ch] for ch in letters}
    swapped = text.translate(str.maketrans(table))
    assert swapped != text
    return swapped


# (language, text as meant, letters a phone typed in the other script)
AT_RISK = [
    ("be", "заробак не далі зусім", "і"),
    ("be", "грошай за два месяцы не далі зусім", "і"),
    ("be", "у нас забралі пашпарты і не аддаюць", "і"),
    ("be", "нас зачынілі ў інтэрнаце, не выпускаюць", "і"),
    ("be", "дапамажыце, мяне трымаюць сілай", "іае"),
    ("be", "пашпарт забраў наймальнік", "ар"),
    ("be", "гаспадар б'е нас", "ае"),
    ("ru", "у меня забрали паспорт и не отдают", "ао"),
    ("ru", "нам не платят уже три месяца", "аеору"),
    ("ru", "он угрожает убить меня", "оеу"),
    ("ru", "помогите нас держат взаперти", "оеар"),
    ("ru", "НАС НЕ ВЫПУСКАЮТ С ФЕРМЫ", "НЕВА"),
    ("ru", "ТУТ МЕНЯ БЬЮТ", "ТМЕВ"),
    ("en", "they took my passport", "o"),
    ("en", "we are locked in the warehouse", "eo"),
    ("ru", "zabrali pasport i ne otdayut", "ao"),
]

# Plain words keep their script: nothing here has a mixed word.
UNCHANGED = [
    "they took my passport yesterday, help",
    "zabrali pasport, pomogite",
    "ok спасибо",
    "sos нас закрыли",
    "скиньте контакты shelter пожалуйста",
    "my Visa card is blocked",
    "заробак не далі зусім",
]

CALM = [
    ("be", "дзе купіць квіток у Варшаву", "і"),
    ("be", "як аформіць візу ў Польшчу", "і"),
    ("be", "заробак плацяць своечасова, усё добра, дзякуй", "іо"),
    ("ru", "какие документы нужны для рабочей визы", "ау"),
    ("ru", "зарплату платят вовремя, спасибо", "ао"),
    ("en", "what documents do I need for a work visa", "o"),
]


@pytest.mark.parametrize(("lang", "text", "letters"), AT_RISK)
def test_a_risk_typed_in_two_scripts_is_caught(
    triage: Triage, model: EmbeddedRecognizer, lang: str, text: str, letters: str
) -> None:
    mixed = typed(text, letters)
    assert assess(triage, model, mixed).at_risk, mixed
    assert assess(triage, model, text).at_risk, text  # and as meant
    assert detect_language(mixed) == detect_language(text)


@pytest.mark.parametrize(("lang", "text", "letters"), CALM)
def test_a_calm_message_typed_in_two_scripts_stays_calm(
    triage: Triage, model: EmbeddedRecognizer, lang: str, text: str, letters: str
) -> None:
    mixed = typed(text, letters)
    assert not assess(triage, model, mixed).at_risk, mixed
    assert detect_language(mixed) == lang


def test_the_phrases_and_the_model_read_what_was_meant(matcher: DangerPhraseMatcher) -> None:
    mixed = typed("у нас забралі пашпарты і не аддаюць", "і")
    assert clean(mixed) == "у нас забралі пашпарты і не аддаюць"
    assert prepare(mixed, "be") == prepare("у нас забралі пашпарты і не аддаюць", "be")
    assert phrases(matcher, mixed) == phrases(matcher, "у нас забралі пашпарты і не аддаюць")


def test_a_mixed_word_goes_to_the_script_of_its_own_letters() -> None:
    assert one_script("заробак не далi зусiм") == "заробак не далі зусім"
    assert one_script("they t\u043eok my p\u0430sport") == "they took my pasport"  # Cyrillic о, а
    assert one_script("HE ПЛAТЯТ") == "НЕ ПЛАТЯТ"  # a word of look-alikes follows the message
    assert one_script("y нас зaбрали паспорт") == "у нас забрали паспорт"
    assert clean("пашпарт забраў наймальнiк") == "пашпарт забраў наймальнік"


@pytest.mark.parametrize("text", UNCHANGED)
def test_words_in_one_script_are_left_as_written(text: str) -> None:
    assert one_script(text) == text
