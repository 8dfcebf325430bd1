"""A case's button pressed outside the operators' chat (an alert left in a chat that is no
longer OPERATOR_CHAT_ID, or forwarded to an operator's own chat with the bot) gets a short
refusal in OPERATOR_LANGUAGE as the button's notice, never an empty one that reads as if the
press worked (walk of issue 15: docs promised a refusal, the bot answered nothing), and does
nothing to the case. The other side: the same button in the operators' chat still takes it.
Fake Bot API over real HTTP (it records answerCallbackQuery's text), real redis-server."""

from __future__ import annotations

import pytest

from tests.handoff.telegram import (
    OPS,
    Operator,
    case_of,
    consent,
    reach_consent,
    sent_to,
)
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

REFUSAL = {"ru": "Эти кнопки работают только в чате команды. Ничего не изменено.",
           "be": "Гэтыя кнопкі працуюць толькі ў чаце каманды. Нічога не зменена.",
           "en": "These buttons work only in the team's chat. Nothing was changed."}
OLD_CHAT = {"id": -1007654321, "type": "supergroup", "title": "Old cases"}
JOINED = "подключ"  # the person (ru) is told a human joined


@pytest.mark.parametrize(("framework", "language", "where"), [
    ("aiogram", "ru", "group"), ("ptb", "be", "group"), ("aiogram", "en", "private"),
])
async def test_a_case_button_pressed_in_another_chat_is_refused_and_changes_nothing(
    framework: str, language: str, where: str, fake_api: FakeBotAPI, start_bot
) -> None:
    bot = await start_bot(framework, language=language)
    person = Person(bot, fake_api, 8801, "ru")
    await reach_consent(person)
    await consent(person)
    case = case_of((await sent_to(fake_api, OPS, "#"))[-1])
    elsewhere = Operator(fake_api, chat=OLD_CHAT if where == "group" else None)
    if where == "private":
        elsewhere.chat = {"id": elsewhere.user["id"], "type": "private"}
    mark = len(fake_api.calls)
    for action in ("take", "close", "norisk"):
        answer = await elsewhere.press(f"op:{action}:{case}")
        assert answer.params.get("text") == REFUSAL[language]
    # Nothing happened to the case: nobody was told, nothing posted or edited anywhere.
    assert [c.method for c in fake_api.calls[mark:]] == ["answerCallbackQuery"] * 3
    # The same button in the operators' chat still works.
    taken = await Operator(fake_api).press(f"op:take:{case}")
    assert taken.params.get("text") != REFUSAL[language]
    await sent_to(fake_api, person.chat_id, JOINED, since=mark)
