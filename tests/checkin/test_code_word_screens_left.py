"""A code-word screen is never left in the chat: when the person does something else instead
of answering it (a command, another text, a button of another screen), the bot's screens
about the word (the explanation, a refused word, "also inside a longer message?", "removed")
are deleted at that next update, and the word's state is explicit: a word whose question went
unanswered counts only alone, as the question says. Fake Bot API over real HTTP, real
redis-server, both adapters, ru/be/en."""

from __future__ import annotations

from typing import Any

import pytest

from tests.handoff.telegram import OPS, HandoffBot, sent_to
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

CASES = pytest.mark.parametrize(("framework", "language"),
                                [("aiogram", "ru"), ("ptb", "be"), ("aiogram", "en")])
TELLS_OF_ALARM = {"ru": ("тревог", "кодов", "/codeword"), "be": ("трывог", "кодав", "/codeword"),
                  "en": ("alarm", "code word", "/codeword")}
WORD = {"ru": "голубцы", "be": "дранікі", "en": "pancakes"}
HELLO = {"ru": "привет", "be": "прывітанне", "en": "hello"}
ORDINARY = {"ru": "Спасибо, записал!", "be": "Дзякуй, запісаў!", "en": "Thanks, noted!"}
ALONE_ONLY = {"ru": "только отдельным сообщением", "be": "толькі асобным паведамленнем",
              "en": "only as a message on its own"}


def telling(api: FakeBotAPI, chat_id: int, language: str) -> list[str]:
    """Every message still in the chat that tells of a code word or an alarm."""
    return [text for text in api.chats[chat_id].values()
            if any(word in text.lower() for word in TELLS_OF_ALARM[language])]


def shown(api: FakeBotAPI, person: Person, text: str) -> int:
    """The id of the bot's message with `text` (a button is pressed under it)."""
    [mid] = [m for m, shown in api.chats[person.chat_id].items() if shown == text]
    return mid


async def elsewhere(person: Person, how: str, language: str) -> list[Any]:
    """The person does something other than answer the screen on top."""
    if how == "command":
        return await person.say("/menu")
    if how == "text":
        return await person.say(HELLO[language])
    return await person.press("m:menu")  # a button under an older screen


@CASES
@pytest.mark.parametrize("how", ["command", "text", "button"])
async def test_an_unanswered_inside_question_is_deleted_and_the_word_counts_alone_only(
    framework: str, language: str, how: str, fake_api: FakeBotAPI, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 7801, language)
    await person.say("/start")
    await person.say("/codeword")
    [asked] = await person.say(WORD[language])
    assert "sa:in:yes" in asked.payloads and ALONE_ONLY[language] in asked.text
    assert telling(fake_api, person.chat_id, language)  # on screen while it is asked
    await elsewhere(person, how, language)
    assert telling(fake_api, person.chat_id, language) == []
    # Active, alone only: inside a sentence nothing; alone, the alarm.
    mark = len(fake_api.calls)
    [reply] = await person.say(f"{WORD[language]} {HELLO[language]}")
    assert not reply.text.startswith(ORDINARY[language])
    await fake_api.quiet()
    assert not fake_api.calls_to("sendMessage", OPS, mark)
    [reply] = await person.say(WORD[language])
    assert reply.text.startswith(ORDINARY[language])
    await sent_to(fake_api, OPS, "Case #", since=mark)


@CASES
async def test_an_explanation_left_unanswered_is_deleted_and_no_word_is_waited_for(
    framework: str, language: str, fake_api: FakeBotAPI, bot: HandoffBot
) -> None:
    """/codeword, then /menu instead of a word (and a refused word before it): both screens go,
    and the next text is a message again, not a code word."""
    person = Person(bot, fake_api, 7802, language)
    await person.say("/start")
    await person.say("/codeword")
    await person.say({"ru": "нет", "be": "так", "en": "yes"}[language])  # refused: too common
    assert telling(fake_api, person.chat_id, language)
    await person.say("/menu")
    assert telling(fake_api, person.chat_id, language) == []
    [reply] = await person.say(WORD[language])
    assert "sa:in:yes" not in reply.payloads  # not taken as a word


@CASES
async def test_the_removed_notice_goes_at_the_next_update(
    framework: str, language: str, fake_api: FakeBotAPI, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 7803, language)
    await person.say("/start")
    await person.say("/codeword")
    [asked] = await person.say(WORD[language])
    await person.press("sa:in:no", message_id=shown(fake_api, person, asked.text))
    [prompt] = await person.say("/codeword")
    assert "sa:remove" in prompt.payloads
    await person.press("sa:remove", message_id=shown(fake_api, person, prompt.text))
    await person.say(HELLO[language])
    assert telling(fake_api, person.chat_id, language) == []
    mark = len(fake_api.calls)
    await person.say(WORD[language])  # removed: no alarm
    await fake_api.quiet()
    assert not fake_api.calls_to("sendMessage", OPS, mark)
