"""Someone wounded by another person, or hiding from them, now: a danger phrase in every
language (set 14 at first sight: "Я ранена, сижу в туалете на заправке, он где-то рядом" was
read as stranded_abroad below the threshold once the model was retrained). The look-alikes: a
small injury of one's own, an old wound, a wound in a film, hiding from the heat or the rain."""

from __future__ import annotations

import pytest

from bot.core.triage import Triage
from bot.nlu.embedded import EmbeddedRecognizer
from tests.helpers.triage_tables import assess

WOUNDED_OR_HIDING = [
    "Я ранена, сижу в туалете на заправке, он где-то рядом",
    "я ранен, помогите", "меня ранили ножом, я в подвале", "он меня порезал, я заперлась в ванной",
    "бригадир пырнул его ножом", "хозяин ударил ножом соседа", "я прячусь в лесу за фермой",
    "мы прячемся у соседки, он нас ищет", "ya ranena, on ryadom", "menya porezal hozyain",
    "ya pryachus v tualete",
    "я паранена, ён побач", "мяне параніў брыгадзір", "ён мяне парэзаў, я ў ванным пакоі",
    "я хаваюся ў лесе, ён нас шукае", "мы хаваемся ў суседкі",
    "I'm wounded and hiding in the bathroom", "he stabbed me, I'm in the car park",
    "I was stabbed at the farm", "my boss cut me with a knife",
]
CALM = [
    "я поранила палец, когда резала хлеб, где купить пластырь?",
    "в фильме героя ранили, а он выжил", "прячусь от жары в торговом центре, где тут кафе?",
    "I cut my finger cooking, where is a pharmacy?", "the movie where the hero was stabbed",
    "я параніла палец, дзе аптэка?",
]


@pytest.mark.parametrize("text", WOUNDED_OR_HIDING)
def test_wounded_or_hiding_now_is_a_danger(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    decision = assess(triage, model, text)
    assert decision.at_risk, text


@pytest.mark.parametrize("text", CALM)
def test_a_small_injury_or_a_film_is_no_alarm(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    assert not assess(triage, model, text).at_risk, text
