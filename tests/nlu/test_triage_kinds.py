"""Triage on messages as people write them (issue 10): each kind, through the real triage.

Real content, the real embedded model trained on nlu/data and the real danger phrases; a kind
fails here when its whole kind regresses, not one line.
"""

from __future__ import annotations

import pytest

from bot.core.triage import Triage, TriageDecision
from bot.nlu.embedded import EmbeddedRecognizer
from tests.helpers.engine import content_triage, shared_recognizer


@pytest.fixture(scope="module")
def triage() -> Triage:
    return content_triage()


@pytest.fixture(scope="module")
def model() -> EmbeddedRecognizer:
    return shared_recognizer()


def _assess(triage: Triage, model: EmbeddedRecognizer, text: str) -> TriageDecision:
    return triage.assess(text, model.parse_sync(text))


@pytest.mark.parametrize(
    "text",
    [
        # the kinds: negated or hypothetical risk words in advice questions
        "nobody took my documents, I'm just asking whether a seasonal visa lets me change "
        "employers",
        "they pay us every Friday, no problems, but can I switch to another farm?",
        "just in case: what do I do if a landlord abroad wants to keep my ID card?",
        "никто у меня паспорт не забирал, просто спрашиваю про рабочую визу в эстонию",
        "ніхто ў мяне нічога не забіраў, проста пытаюся пра візу",
        "na vsyakij sluchaj, chto delat esli rabotodatel zaberet pasport",
    ],
)
def test_negated_and_hypothetical_risk_words_are_not_an_alarm(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    assert not _assess(triage, model, text).at_risk


@pytest.mark.parametrize(
    "text",
    [
        "they don't let me leave",
        "they do not let us leave the farm",
        "не отдают паспорт",
        "паспорт так и не вернули",
        "не плацяць",
        "нас не выпускаюць з інтэрната",
        "ne otdayut pasport",
        "никто нам не платит уже два месяца",
        "he won't stop hitting me",
        "не перестают бить",
    ],
)
def test_negated_real_risk_is_still_caught(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    decision = _assess(triage, model, text)
    assert decision.at_risk, text


@pytest.mark.parametrize(
    "text",
    [
        "can I keep paying my mortgage at home from Lithuania",
        "my employer asks for a scan of my passport for the contract, is it ok",
        "работодатель просит копию паспорта для договора, это нормально?",
        "the border guard took my passport for a check and gave it back, do I need to register",
        "на границе забрали паспорт на проверку и сразу вернули, что дальше",
        "the contract deducts housing and meals from my wage, is that legal",
        "у дамове напісана, што за жыллё і харчаванне вылічваюць з заробку, гэта законна?",
        "my passport expired and it's at home, how do I renew it before the trip",
        "I watched a documentary about human trafficking, who made it?",
        "пишу эссе про принудительный труд для университета",
    ],
)
def test_look_alikes_are_not_an_alarm(triage: Triage, model: EmbeddedRecognizer, text: str) -> None:
    assert not _assess(triage, model, text).at_risk, text


@pytest.mark.parametrize(
    "text",
    [
        # danger phrases (the negator is part of the phrase, so it always fires)
        "я не в безопасности",
        "мы тут не в безопасности, он вернулся",
        "я не ў бяспецы",
        "ya ne v bezopasnosti",
        "i am not safe here",
        "i don't feel safe in this house",
        # the model (contrast.yml): well-being said with a negation
        "i am not okay here",
        "я не в порядке",
    ],
)
def test_safety_said_with_a_negation_is_distress(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    # The reassurance lines ("i am not in danger") once taught the model that a negator next
    # to "safe" means fine: "я не в безопасности" was read as out_of_scope.
    assert _assess(triage, model, text).at_risk, text


@pytest.mark.parametrize(
    "text",
    ["я не в опасности", "i'm not in danger", "со мной всё нормально, я не в опасности",
     "я не ў небяспецы, проста пытаюся"],
)  # fmt: skip
def test_not_in_danger_is_no_alarm(triage: Triage, model: EmbeddedRecognizer, text: str) -> None:
    assert not _assess(triage, model, text).at_risk, text


@pytest.mark.parametrize(
    "text",
    ["меня бьют", "бьют", "муж бьет", "бригадир ударил", "избили", "заперли", "мне угрожают",
     "мяне б'юць", "пабілі", "нас зачынілі", "he hit me", "beaten", "locked in",
     "бригадир дал мне пощёчину", "майстар даў мне ляпас", "the boss slapped me",
     "охранник сломал мне руку", "he broke my ribs", "брыгадзір разбіў мне нос",
     "начальник лапает меня", "гаспадар мацае мяне", "the manager gropes me"],
)  # fmt: skip
def test_very_short_violence_and_confinement_reports_are_caught_in_every_language(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    decision = _assess(triage, model, text)
    assert decision.at_risk and decision.by_phrase, text


@pytest.mark.parametrize(
    "text",
    ["менеджер забрал паспорт, я в Германии", "бригадир забрал наши паспорта",
     "работодатель забрала паспорт и не отдаёт", "наймальнік забраў пашпарт",
     "брыгадзір забраў нашы пашпарты", "the manager took my passport, I am in Germany",
     "my employer has my passport"],
)  # fmt: skip
def test_the_one_who_took_the_passport_named_is_caught_by_a_phrase(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    """Groups see only the phrases (no model): a passport taken by a named boss must fire."""
    decision = _assess(triage, model, text)
    assert decision.at_risk and decision.by_phrase, text


@pytest.mark.parametrize(
    ("typed", "indicator"),
    [
        ("pfgthkb", "risk_movement_restricted"),  # заперли
        ("ltymub yt gkfnzn", "risk_wages_withheld"),  # деньги не платят
        ("vtyz ,m.n", "risk_violence_threats"),  # меня бьют
        ("yfc yt dsgecrf.n", "risk_movement_restricted"),  # нас не выпускают
        ("yt gkfwzwm", "risk_wages_withheld"),  # не плацяць (Belarusian layout)
        ("vzyt p,bkb", "risk_violence_threats"),  # мяне збілі (Belarusian layout)
    ],
)
def test_russian_and_belarusian_typed_on_the_latin_layout_are_caught(
    triage: Triage, model: EmbeddedRecognizer, typed: str, indicator: str
) -> None:
    decision = _assess(triage, model, typed)
    assert decision.at_risk
    assert indicator in decision.indicators


def test_the_model_reads_a_wrong_layout_too(model: EmbeddedRecognizer) -> None:
    assert model.parse_sync("ghbdtn").intent == "greet"  # привет
    assert model.parse_sync("cgfcb,j ,jkmijt").intent == "goodbye_thanks"  # спасибо большое


@pytest.mark.parametrize("text", ["🆘", "🆘🆘🆘", "помогите 🆘", "🆘 please", "SOS"])
def test_the_sos_emoji_alone_opens_the_at_risk_path(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    decision = _assess(triage, model, text)
    assert decision.at_risk and decision.by_phrase
    assert "emergency_now" in decision.indicators


@pytest.mark.parametrize("text", ["👍", "🙂🙂", "🙏 thanks"])
def test_other_emoji_are_no_alarm(triage: Triage, model: EmbeddedRecognizer, text: str) -> None:
    assert not _assess(triage, model, text).at_risk


@pytest.mark.parametrize(
    "text",
    [
        "my brother's boss took his passport and keeps it in a safe",
        "у подруги в польше хозяин забрал паспорт и не отдает",
        "come for work in a greenhouse, after a week the supervisor collected all passports and "
        "still has them, we asked many times",
        "ПАСПОРТ ЗАБРАЛИ НЕ ОТДАЮТ ЧТО ДЕЛАТЬ",
        "пашпарт забралі, не аддаюць",
        "boss забрал мой passport",
    ],
)
def test_stories_third_person_typos_and_mixed_language_risk_is_caught(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    assert _assess(triage, model, text).at_risk, text
