"""Whatever routes on the intent after triage follows the triage decision (issue 10, item 6)."""

from __future__ import annotations

from bot.core.assess import routed_intent
from bot.core.triage import TriageDecision
from bot.nlu.base import RISK_INTENTS, IntentResult

RANKING = (
    ("risk_wages_withheld", 0.5),
    ("contract_advice", 0.3),
    ("risk_deceptive_job", 0.1),
    ("job_offer_check", 0.1),
)
RISKY_TOP = IntentResult("risk_wages_withheld", 0.5, RANKING)


def test_a_risk_intent_that_triage_declined_is_answered_as_the_best_other_intent() -> None:
    routed = routed_intent(RISKY_TOP, TriageDecision(at_risk=False, risk_score=0.3))
    assert routed.intent == "contract_advice"
    assert routed.confidence == 0.3
    assert not any(name in RISK_INTENTS for name, _ in routed.ranking)


def test_an_at_risk_decision_keeps_the_risk_intent() -> None:
    decision = TriageDecision(at_risk=True, indicators=("risk_wages_withheld",), risk_score=0.6)
    assert routed_intent(RISKY_TOP, decision) is RISKY_TOP


def test_a_non_risk_intent_is_kept_whatever_triage_said() -> None:
    advice = IntentResult("contract_advice", 0.9, (("contract_advice", 0.9),))
    phrase = TriageDecision(at_risk=True, indicators=("risk_wages_withheld",), by_phrase=True)
    assert routed_intent(advice, phrase) is advice
    assert routed_intent(advice, TriageDecision(at_risk=False)) is advice


def test_a_ranking_of_only_risk_intents_becomes_an_unsure_out_of_scope() -> None:
    only = IntentResult("emergency_now", 0.9, (("emergency_now", 0.9),))
    routed = routed_intent(only, TriageDecision(at_risk=False))
    assert routed.intent == "out_of_scope" and routed.confidence == 0.0


async def test_the_engine_gives_no_risk_answer_when_triage_declines_the_classifier() -> None:
    """The real engine and model, with a triage that declines every model-only risk: a message
    the classifier calls risk gets an advice answer, never the risk intro or the human offer."""
    from bot.config import REPO_ROOT
    from bot.content.models import Content
    from bot.core.assess import Assessor
    from bot.core.danger_phrases import DangerPhraseMatcher
    from bot.core.engine import DialogueEngine
    from bot.core.session_store import InMemorySessionStore
    from bot.core.triage import Triage
    from bot.i18n import I18n
    from tests.helpers.chat import Chat, plain_settings, texts
    from tests.helpers.engine import shared_content, shared_recognizer

    text = "зарплату не платят третий месяц"
    assert shared_recognizer().parse_sync(text).intent in RISK_INTENTS

    def declining(content: Content) -> Assessor:
        return Triage(DangerPhraseMatcher({}), risk_threshold=1.01)

    holder = shared_content()
    engine = DialogueEngine(
        holder,
        shared_recognizer(),
        declining,
        InMemorySessionStore(),
        I18n(REPO_ROOT / "locales"),
        plain_settings(),
    )
    chat = Chat(engine, language_code="ru")
    await chat.command("/start")
    response = await chat.say(text)
    said = "\n".join(texts(response))
    messages = holder.content.messages
    assert messages.risk_intro.get("ru").strip()[:30] not in said
    assert messages.offer_human.get("ru").strip()[:30] not in said
    assert holder.content.answers["risk_wages_withheld"].text.get("ru").strip()[:40] not in said
