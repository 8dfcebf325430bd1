"""Russian typed in Latin letters, read back into Cyrillic (bot/nlu/normalize.py: cyrillize_word).

"y" before a vowel is either the start of я/е/ю ("yest", "priyezd") or ы followed by a vowel
("vyezd" = выезд, "novye" = новые); reading every "ye" as е turned "vyezd" into "везд" and
"novye" into "нове", so the model and the danger phrases saw words nobody wrote.
"""

from __future__ import annotations

import pytest

from bot.core.triage import Triage
from bot.nlu.normalize import cyrillize, cyrillize_word
from tests.helpers.engine import content_triage, shared_recognizer


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        # the prefix вы- before e
        ("vyezd", "выезд"),
        ("vyezda", "выезда"),
        ("vyekhat", "выехат"),
        ("vyehat", "выехат"),
        ("vyezzhat", "выезжат"),
        # the adjective ending -ые after a consonant, -ье after l
        ("novye", "новые"),
        ("starye", "старые"),
        ("kotorye", "которые"),
        ("dannye", "данные"),
        ("nuzhnye", "нужные"),
        ("zhilye", "жилье"),
        # -ый written "yi", "yy" or "yj"
        ("dobryi", "добрый"),
        ("kotoryi", "который"),
        ("kajdyi", "кайдый"),
        ("novyy", "новый"),
        ("novyj", "новый"),
        ("vyiti", "выйти"),
        ("vyyti", "выйти"),
        # "yy" before a vowel: ы + я/е
        ("novyye", "новые"),
        ("krasivyye", "красивые"),
        ("vyyasnit", "выяснит"),
        # "iy" before a vowel is и + я/е/ю, not ий
        ("rossiya", "россия"),
        ("vakansiya", "вакансия"),
        ("policiyu", "полицию"),
        ("kopiyu", "копию"),
        ("usloviya", "условия"),
        ("priyezd", "приезд"),
        ("rabochiye", "рабочие"),
        # ye/ya/yu/yo where they are я/е/ю/ё: at the start, after a vowel, after a consonant
        ("yesli", "если"),
        ("yest", "ест"),
        ("rabotayet", "работает"),
        ("otdayut", "отдают"),
        ("lyudi", "люди"),
        # after the soft or hard sign
        ("pod'yezd", "подьезд"),
        ("sem'ya", "семья"),
        ("b'yut", "бьют"),
        ("pyat", "пят"),
        ("yolka", "елка"),
        ("moy", "мой"),
        ("rabotay", "работай"),
        ("zaperli", "заперли"),
        ("zabrali", "забрали"),
        ("pasport", "паспорт"),
        ("shchas", "щас"),
        ("zhena", "жена"),
        ("khozyain", "хозяин"),
        ("ne", "не"),
    ],
)
def test_a_transliterated_word_reads_as_written(latin: str, cyrillic: str) -> None:
    assert cyrillize_word(latin) == cyrillic


def test_a_sentence_reads_word_by_word() -> None:
    assert cyrillize("nuzhny novye dokumenty dlya vyezda") == "нужны новые документы для выезда"


@pytest.fixture(scope="module")
def triage() -> Triage:
    return content_triage()


@pytest.mark.parametrize(
    "text",
    [
        "ne dayut vyekhat domoy",
        "nam ne dayut vyehat s fermy",
        "zabrali pasport i ne otdayut",
        "ne platyat uzhe dva mesyatsa",
    ],
)
def test_a_transliterated_report_is_still_caught(triage: Triage, text: str) -> None:
    assert triage.assess(text, shared_recognizer().parse_sync(text)).at_risk


@pytest.mark.parametrize(
    "text",
    [
        "kakie nuzhny dokumenty dlya vyezda na rabotu",
        "novye pravila vyezda v polshu, gde pochitat",
        "nuzhen li novyi pasport dlya rabochei vizy",
    ],
)
def test_a_transliterated_question_with_the_same_words_is_not_an_alarm(
    triage: Triage, text: str
) -> None:
    assert not triage.assess(text, shared_recognizer().parse_sync(text)).at_risk
