""""Should the code word also count inside a longer message?" answered by typing, as people do:
"да", "так", "yes" is the *Yes* button, "нет", "не", "no" the *No* one, and the question leaves
the chat as after a press (walk of issue 15: a typed "да" was answered "You're welcome! Take
care", the question vanished, and the word then did not count inside a sentence while the
person believed it did). In an open case the typed answer is the bot's, never relayed. The
calm side: anything else typed there leaves the word counting alone only, as before, and the
word itself written at the question still raises the alarm.
Fake Bot API over real HTTP, real redis-server, both adapters, ru/be/en."""

from __future__ import annotations

import pytest

from tests.checkin.test_code_word_screens_left import ORDINARY, WORD, telling
from tests.handoff.telegram import OPS, HandoffBot, open_case, person_name, sent_to
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

CASES = pytest.mark.parametrize(("framework", "language"),
                                [("aiogram", "ru"), ("ptb", "be"), ("aiogram", "en")])
YES = {"ru": "да", "be": "так", "en": "yes"}
NO = {"ru": "нет", "be": "не", "en": "no"}
DONE = {"ru": "Готово", "be": "Гатова", "en": "Done"}
# The word inside a sentence, as written later.
SENTENCE = {"ru": "сегодня на ужин {} были", "be": "сёння на вячэру {} былі",
            "en": "we had {} for dinner"}


async def set_word(person: Person, language: str) -> None:
    await person.say("/start")
    await person.say("/codeword")
    [asked] = await person.say(WORD[language])
    assert "sa:in:yes" in asked.payloads


def alerts_for(api: FakeBotAPI, person: Person, since: int) -> list[str]:
    return [c.text for c in api.calls_to("sendMessage", OPS, since)
            if person_name(person) in c.text and "silent alarm" in c.text]


@CASES
async def test_a_typed_yes_makes_the_word_count_inside_a_sentence(
    framework: str, language: str, fake_api: FakeBotAPI, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 7821, language)
    await set_word(person, language)
    [done] = await person.say(YES[language])
    assert DONE[language] in done.text
    assert not telling(fake_api, person.chat_id, language)  # the question left the chat
    mark = len(fake_api.calls)
    [reply] = await person.say(SENTENCE[language].format(WORD[language]))
    assert ORDINARY[language] in reply.text
    await sent_to(fake_api, OPS, "silent alarm", since=mark,
                  where=lambda call: person_name(person) in call.text)


@CASES
async def test_a_typed_no_keeps_it_alone_only_and_the_calm_sentence_stays_calm(
    framework: str, language: str, fake_api: FakeBotAPI, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 7822, language)
    await set_word(person, language)
    [done] = await person.say(NO[language])
    assert DONE[language] in done.text
    assert not telling(fake_api, person.chat_id, language)
    mark = len(fake_api.calls)
    [reply] = await person.say(SENTENCE[language].format(WORD[language]))
    assert ORDINARY[language] not in reply.text
    assert alerts_for(fake_api, person, mark) == []
    [reply] = await person.say(WORD[language])  # alone: the alarm
    assert ORDINARY[language] in reply.text
    await sent_to(fake_api, OPS, "silent alarm", since=mark,
                  where=lambda call: person_name(person) in call.text)


async def test_a_typed_yes_in_an_open_case_is_taken_not_relayed(
    fake_api: FakeBotAPI, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 7823, "ru")
    await open_case(fake_api, person)
    await person.say("/codeword")
    await person.say(WORD["ru"])
    mark = len(fake_api.calls)
    [done] = await person.say(YES["ru"])
    assert DONE["ru"] in done.text
    relayed = [c.text for c in fake_api.calls_to("sendMessage", OPS, mark)]
    assert not any(c.endswith(f": {YES['ru']}") for c in relayed), relayed
    mark = len(fake_api.calls)
    await person.say(SENTENCE["ru"].format(WORD["ru"]))
    await sent_to(fake_api, OPS, "silent alert in this open case", since=mark)
