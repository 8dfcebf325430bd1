"""The code word does not stay readable in the chat: the message where the person typed it
(set or changed, taken or refused) is deleted at once (Bot API deleteMessage) and they are
told so; when Telegram refuses, they are told to delete it themselves. The fake Bot API over
real HTTP (its deleteMessage answers as Telegram's does), a real redis-server, both adapters."""

from __future__ import annotations

import logging
import time

import pytest

from bot.adapters.telegram.outbox import Plan
from bot.adapters.telegram.reply_sender import noticed
from bot.core.events import DeleteTyped, Reply, Response
from tests.handoff.telegram import (
    OPS,
    HandoffBot,
    consent,
    reach_consent,
    sent_to,
)
from tests.helpers.fake_bot_api import (
    CANT_DELETE,
    DELETE_NOT_FOUND,
    DELETE_WINDOW,
    SERVER_ERROR,
    FakeBotAPI,
)
from tests.helpers.logs import leaks
from tests.helpers.telegram_bot import Person

DELETED = {"ru": "Я удалил из чата Ваше сообщение с этим словом",
           "be": "Я выдаліў з чата Ваша паведамленне з гэтым словам",
           "en": "I deleted your message with the word from this chat"}
DELETE_YOURSELF = {"ru": "удалите его сами", "be": "выдаліце яго самі",
                   "en": "Please delete it yourself"}
ORDINARY = {"ru": "Спасибо, записал! Хорошего дня 🙂", "be": "Дзякуй, запісаў! Добрага дня 🙂",
            "en": "Thanks, noted! Have a nice day 🙂"}
WORDS = {"ru": ("голубцы", "вареники с вишней"), "be": ("дранікі", "мачанка з блінамі"),
         "en": ("pancakes", "apple pie")}
CASES = pytest.mark.parametrize(("framework", "language"),
                                [("aiogram", "ru"), ("ptb", "be"), ("ptb", "en")])



def readable(api: FakeBotAPI, chat_id: int, word: str) -> list[str]:
    """Every message still in the chat (the person's or the bot's) that shows `word`."""
    return [text for text in api.chats[chat_id].values() if word.lower() in text.lower()]


@CASES
async def test_a_new_or_changed_code_word_is_deleted_from_the_chat_and_the_person_told(
    framework: str, language: str, fake_api: FakeBotAPI, bot: HandoffBot,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    person = Person(bot, fake_api, 7601, language)
    first, second = WORDS[language]
    await person.say("/start")
    await person.say("/codeword")
    [asked] = await person.say(first)
    assert asked.text.startswith(DELETED[language]), asked.text
    assert "sa:in:yes" in asked.payloads  # the screen's buttons stay under it
    assert readable(fake_api, person.chat_id, first) == []
    await person.press("sa:in:no")

    # Changed: the new word goes the same way; a refused one ("да", too common) as well,
    # as it was typed as a secret.
    await person.say("/codeword")
    [refused] = await person.say({"ru": "да", "be": "так", "en": "yes"}[language])
    assert refused.text.startswith(DELETED[language]) and "sa:in:yes" not in refused.payloads
    [asked] = await person.say(second)
    assert asked.text.startswith(DELETED[language])
    await person.press("sa:in:no")
    assert readable(fake_api, person.chat_id, second) == []
    # 3 typed words and the 2 answered "also inside a longer message?" questions
    assert len(fake_api.calls_to("deleteMessage", person.chat_id)) == 5

    # The new word works (and is the one message with it left: the alarm's own).
    mark = len(fake_api.calls)
    [reply] = await person.say(second)
    assert reply.text == ORDINARY[language]
    await sent_to(fake_api, OPS, "Case #", since=mark)
    assert leaks(caplog.records, first, second) == []


TELLS_OF_ALARM = {"ru": ("тревог", "кодов", "/codeword"), "be": ("трывог", "кодав", "/codeword"),
                  "en": ("alarm", "code word", "/codeword")}
DONE = {"ru": "Готово 👍", "be": "Гатова 👍", "en": "Done 👍"}


@CASES
async def test_after_setting_a_code_word_nothing_in_the_chat_tells_of_an_alarm(
    framework: str, language: str, fake_api: FakeBotAPI, bot: HandoffBot
) -> None:
    """Whoever scrolls the phone later must not learn there is an alarm: the /codeword command,
    the bot's own prompts (the explanation, a refusal of a too-common word, the question) go
    with the typed word; what stays is a neutral "Done" under the menu."""
    person = Person(bot, fake_api, 7606, language)
    await person.say("/start")
    kept = dict(fake_api.chats[person.chat_id])  # the greeting and /start stay
    await person.say("/codeword")
    await person.say({"ru": "да", "be": "так", "en": "yes"}[language])  # refused: too common
    [asked] = await person.say(WORDS[language][0])
    assert "sa:in:yes" in asked.payloads
    [question] = [mid for mid, text in fake_api.chats[person.chat_id].items()
                  if text == asked.text]
    [done] = await person.press("sa:in:yes", message_id=question)
    assert done.text.startswith(DONE[language])
    left = fake_api.chats[person.chat_id]
    telling = [text for mid, text in left.items() if mid not in kept
               and any(word in text.lower() for word in TELLS_OF_ALARM[language])]
    assert telling == []
    assert [text for mid, text in left.items() if mid not in kept] == [done.text]
    # and the word still raises the alarm, inside a sentence too
    mark = len(fake_api.calls)
    [reply] = await person.say(f"{WORDS[language][0]} {WORDS[language][0]}!")
    assert reply.text == ORDINARY[language]
    await sent_to(fake_api, OPS, "Case #", since=mark)


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
@pytest.mark.parametrize("refusal", [CANT_DELETE, SERVER_ERROR])
async def test_when_telegram_refuses_the_person_is_told_to_delete_it_themselves(
    framework: str, refusal: tuple[int, str], fake_api: FakeBotAPI, bot: HandoffBot
) -> None:
    person = Person(bot, fake_api, 7602, "ru")
    await person.say("/start")
    await person.say("/codeword")
    fake_api.fail("deleteMessage", *refusal, times=5)  # past the transport's own retries
    [asked] = await person.say("голубцы")
    assert DELETE_YOURSELF["ru"] in asked.text and DELETED["ru"] not in asked.text
    assert "sa:in:yes" in asked.payloads  # the word is saved all the same
    await person.press("sa:in:no")
    mark = len(fake_api.calls)
    [reply] = await person.say("голубцы")
    assert reply.text == ORDINARY["ru"]
    await sent_to(fake_api, OPS, "Case #", since=mark)


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
async def test_a_message_past_telegrams_48_hours_cannot_be_deleted_and_the_person_is_told(
    framework: str, fake_api: FakeBotAPI, bot: HandoffBot
) -> None:
    """Telegram deletes only messages younger than 48 hours (an update delivered that late,
    say after a long outage): the fake refuses as Telegram does, the person is told."""
    person = Person(bot, fake_api, 7603, "en")
    await person.say("/start")
    await person.say("/codeword")
    [asked] = await person.send(text="pancakes", date=int(time.time()) - DELETE_WINDOW - 60)
    assert DELETE_YOURSELF["en"] in asked.text
    assert readable(fake_api, person.chat_id, "pancakes") == ["pancakes"]


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
async def test_a_message_the_person_deleted_first_counts_as_deleted(
    framework: str, fake_api: FakeBotAPI, bot: HandoffBot
) -> None:
    """"message to delete not found": gone already (the person was quicker, or an earlier
    try of the same update did it): nothing is left to read, so they hear it is deleted."""
    person = Person(bot, fake_api, 7604, "be")
    await person.say("/start")
    await person.say("/codeword")
    fake_api.fail("deleteMessage", *DELETE_NOT_FOUND)
    [asked] = await person.say("дранікі")
    assert asked.text.startswith(DELETED["be"])


@pytest.mark.parametrize("framework", ["aiogram"])
async def test_a_code_word_set_during_an_open_case_is_not_relayed_to_the_operators(
    framework: str, fake_api: FakeBotAPI, bot: HandoffBot
) -> None:
    """Someone talking to the team sets a code word: the word is the engine's to take (and to
    delete), never relayed into the case's topic, where it would be read and kept."""
    person = Person(bot, fake_api, 7605, "ru")
    await person.say("/start")
    await reach_consent(person)
    await consent(person, "h:yes")
    await sent_to(fake_api, OPS, "Case #")
    await person.say("/codeword")
    mark = len(fake_api.calls)
    [asked] = await person.say("голубцы")
    assert asked.text.startswith(DELETED["ru"]) and "sa:in:yes" in asked.payloads
    await fake_api.quiet()
    assert not [c for c in fake_api.calls_to("sendMessage", OPS, mark) if "олубц" in c.text]
    assert not fake_api.calls_to("copyMessage", OPS, mark)
    assert readable(fake_api, person.chat_id, "голубцы") == []


def test_a_taken_up_update_still_deletes_the_word_before_its_first_reply() -> None:
    """The outbox keeps the deletion with the update's answer: a replica that takes up a dead
    one's update deletes the message (again: "not found" then says it is gone) and tells."""
    typed = DeleteTyped("7606", "41", deleted=DELETED["en"], not_deleted=DELETE_YOURSELF["en"])
    plan = Plan.of(7606, [Reply("Should the code word also count?")],
                   Response(effects=[typed]))
    assert Plan.load(plan.dump(), None, None).typed == typed
    assert noticed(plan.replies, typed.deleted)[0].text.startswith(DELETED["en"])
