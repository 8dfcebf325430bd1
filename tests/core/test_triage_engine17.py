"""Through the engine, as a new person sees it (issue 10, round 17): a debt-bondage story that
names a threat to tell the migration office gets the emergency reply even though it speaks of a
contract and of being late; an ordinary threat of dismissal and a pay question do not."""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.core.engine import DialogueEngine
from tests.helpers.chat import Chat, all_payloads
from tests.nlu.test_triage_lookalikes17b import BRUTTO, KLAIPEDA


@pytest.mark.parametrize(
    ("lang", "message", "at_risk"),
    [("en", KLAIPEDA, True),
     ("ru", "бригадир грозит уволить, если пожалуюсь, а пока долг за дорогу не отдам, уйти не могу",
      True),
     ("en", "the boss said he'll fire me if I'm late again", False),
     ("ru", BRUTTO, False)],
)  # fmt: skip
async def test_coercion_behind_a_contract_is_an_emergency_a_dismissal_is_not(
    engine: DialogueEngine, content_holder: ContentHolder, lang: str, message: str, at_risk: bool
) -> None:
    response = await Chat(engine, language_code=lang).say(message)
    intro = content_holder.content.messages.risk_intro.get(lang).strip()
    assert response.replies[0].text.startswith(intro) is at_risk, response.replies[0].text
    if not at_risk:
        assert "h:yes" not in all_payloads(response)
