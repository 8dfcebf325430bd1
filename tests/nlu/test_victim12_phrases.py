"""The danger phrases of people who name their situation (victim12), whatever the classifier
says (Rasa may read them otherwise): self-identification, one-word states (`alone` phrases:
the whole message only), escaping; and the look-alikes they must not catch, the past event
now safe among them (bot.nlu.past_safe). The engine-level tests are in
tests/core/test_victim12_selfid.py."""

from __future__ import annotations

import pytest

from bot.core.danger_phrases import DangerPhraseMatcher
from bot.core.triage import Triage
from bot.nlu.embedded import EmbeddedRecognizer
from bot.nlu.normalize import clean
from tests.helpers.engine import content_let_offs
from tests.helpers.triage_tables import assess, phrases

SELF_IDENTIFIED = [
    "я жертва торговли людьми", "я жертва", "меня продали", "я в рабстве",
    "я пострадала от торговли людьми", "думаю, я стала жертвой торговли людьми. я в Испании",
    "ya zhertva torgovli lyudmi", "мы жертвы торговли людьми", "я жертва принудительного труда",
    "мяне прадалі", "я ахвяра гандлю людзьмі", "я пацярпела ад гандлю людзьмі",
    "I'm being trafficked", "I think I'm being trafficked", "I was sold", "I am a slave here",
    "I'm a victim of forced labour", "I'm a victim of human trafficking",
    "I am a victim of trafficking", "i think i was trafficked", "I've been sold",
]
ONE_WORD = ["заперта", "заперты", "в плену", "помогите", "Помогите!!!", "зачыненая",
            "у палоне", "дапамажыце", "trapped", "Trapped.", "locked in", "help me"]
ESCAPE = [
    "как сбежать от работодателя", "хочу сбежать от работодателя", "как убежать от хозяина",
    "как сбежать", "як уцячы", "як уцячы ад працадаўцы", "how do I escape from my employer",
    "how can I run away from my employer", "how do I get out of here", "how to escape",
]
LOOK_ALIKES = [
    "what is human trafficking?", "how do I recognise a victim of trafficking?",
    "жертвы торговли людьми статистика", "как распознать жертву торговли людьми?",
    "сколько жертв торговли людьми в Европе", "я смотрела фильм про жертву торговли людьми",
    "a film about a woman who was trafficked", "I read a book about trafficking victims",
    "I was a victim years ago, now I volunteer",
    "я была жертвой торговли людьми много лет назад, теперь я волонтёр",
    "years ago I was trafficked, now I'm safe and help others",
    "гадоў таму мяне прадалі, цяпер я ў бяспецы",
    "how do I escape this boring job lol", "how do I escape the rat race",
    "как сбежать от рутины", "хочу сбежать от этой скучной работы лол",
    "I'm a victim of my own laziness", "where can victims of trafficking get help?",
    "I want to volunteer helping trafficking victims", "trapped in traffic",
    "I was sold a fake bus ticket, can I get a refund?",
    "дверь заперта, ключ у соседа, когда он придёт?",
]


@pytest.mark.parametrize("text", SELF_IDENTIFIED + ONE_WORD + ESCAPE)
def test_naming_the_situation_is_a_danger_phrase(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    decision = assess(triage, model, text)
    assert decision.at_risk and decision.by_phrase, text


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_are_no_alarm(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    assert not assess(triage, model, text).at_risk, text


@pytest.mark.parametrize(
    ("alone", "inside"),
    [
        ("заперта", "квартира заперта, ключи у хозяйки"),
        ("как сбежать", "как сбежать с пар пораньше"),
        ("trapped", "my finger got trapped in the door"),
        ("I was sold", "I was sold a broken phone"),
        ("помогите", "помогите выбрать страну"),
    ],
)
def test_an_alone_phrase_matches_only_the_whole_message(
    matcher: DangerPhraseMatcher, alone: str, inside: str
) -> None:
    assert phrases(matcher, alone)
    assert phrases(matcher, inside) == []


@pytest.mark.parametrize(
    ("text", "over"),
    [
        ("I was a victim years ago, now I volunteer", True),
        ("в прошлом меня продали, сейчас я в безопасности", True),
        ("калісьці я была ахвярай, цяпер я валанцёрка", True),
        ("years ago I was trafficked and I am still here", False),
        ("два года назад меня продали, я до сих пор здесь", False),
        ("I'm safe now", False),  # no past harm told
        ("years ago they took my passport", False),  # not said to be safe now
    ],
)
def test_a_past_harm_is_over_only_when_the_writer_says_they_are_safe_now(
    text: str, over: bool
) -> None:
    assert content_let_offs().past_safe.past_and_safe(clean(text).split()) is over
