"""Through the engine, as a new person sees it (issue 10, round 18): a risk typed with Latin
look-alike letters inside Belarusian words gets the emergency reply; a code word asked about
before a trip and a cat that hid the passport do not."""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.core.engine import DialogueEngine
from tests.helpers.chat import Chat, all_payloads


@pytest.mark.parametrize(
    ("lang", "message", "at_risk"),
    [("be", "заробак не далi зусiм, пашпарт забралi", True),  # Latin "i" for "і"
     ("ru", "нaс зaпeрли нa склaдe", True),  # Latin "a", "e"
     ("ru", "Хочу договориться с мамой о кодовом слове: если я его напишу, значит меня держат "
            "силой. Это хорошая идея?", False),
     ("en", "my cat grabbed my passport and hid it under the sofa 😂", False)],
)  # fmt: skip
async def test_look_alike_letters_are_read_and_a_plan_is_no_emergency(
    engine: DialogueEngine, content_holder: ContentHolder, lang: str, message: str, at_risk: bool
) -> None:
    response = await Chat(engine, language_code=lang).say(message)
    intro = content_holder.content.messages.risk_intro.get(lang).strip()
    assert response.replies[0].text.startswith(intro) is at_risk, response.replies[0].text
    if not at_risk:
        assert "h:yes" not in all_payloads(response)
