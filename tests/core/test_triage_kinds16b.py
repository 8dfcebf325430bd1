"""Through the engine, as a new person sees it (issue 10, round 16 second part): a past
exploitation told by someone who left and is safe now, and a threat of dismissal, get no
emergency reply; the same words with a danger going on (or a threat of harm) still do."""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.core.engine import DialogueEngine
from tests.helpers.chat import Chat, all_payloads


@pytest.mark.parametrize(
    ("lang", "message", "at_risk"),
    [("en", "I worked at a farm, they took our passports and didn't pay, but I left in March and "
      "I'm in Poland now, totally safe. I want to report the agency", False),
     ("en", "I escaped but they still have my passport and threaten my family", True),
     ("ru", "угрожают уволить, если не выйду в субботу", False),
     ("ru", "угрожают, что убьют, если уйду", True)],
)  # fmt: skip
async def test_a_past_report_and_a_dismissal_get_no_emergency_reply(
    engine: DialogueEngine, content_holder: ContentHolder, lang: str, message: str, at_risk: bool
) -> None:
    response = await Chat(engine, language_code=lang).say(message)
    intro = content_holder.content.messages.risk_intro.get(lang).strip()
    assert response.replies[0].text.startswith(intro) is at_risk, response.replies[0].text
    if not at_risk:
        assert "h:yes" not in all_payloads(response)
