"""The silent alarm (duress word) through the engine, with sessions in a real Redis."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable

import pytest
from redis.asyncio import Redis

from bot.config import Settings
from bot.content.loader import ContentHolder
from bot.core.engine import DialogueEngine
from bot.core.events import Response
from bot.core.session_store import InMemorySessionStore
from bot.factory import build_triage
from bot.i18n import I18n
from bot.nlu.embedded import EmbeddedRecognizer
from bot.storage.keys import ERASED
from bot.storage.redis import RedisSessionStore
from tests.helpers.chat import Chat, alerts, all_payloads, texts
from tests.helpers.logs import leaks

WORD = "Драники с грибами"
HELP_WORDS = re.compile(r"помощ|помог|опасн|оператор|команд|112|горяч|тревог|help|danger", re.I)


async def _set_word(chat: Chat, word: str = WORD, *, in_sentence: bool = False) -> None:
    explain = await chat.command("/codeword")
    assert "Кодовое слово" in texts(explain)[0]
    asked = await chat.say(word)
    assert {"sa:in:yes", "sa:in:no"} <= set(all_payloads(asked))
    await chat.press("sa:in:yes" if in_sentence else "sa:in:no")


def _gives_nothing_away(response: Response) -> None:
    [reply] = response.replies
    assert not any(ch.isdigit() for ch in reply.text)
    assert not HELP_WORDS.search(reply.text)
    assert not reply.buttons


async def test_code_word_answers_ordinarily_and_alerts_with_the_country(chat: Chat) -> None:
    chat.language_code = "ru"
    await chat.command("/start")
    await chat.press("c:PL")  # the last known country
    await _set_word(chat)
    response = await chat.say("драники с грибами!")  # case, ё and punctuation do not matter
    _gives_nothing_away(response)
    [alert] = alerts(response)
    assert alert.risk_level == "high" and alert.reason == "risk"
    assert alert.country == "PL" and "silent-alarm" in alert.indicators
    assert alert.user_text is None


async def test_word_inside_a_sentence_counts_only_when_chosen(
    make_engine: Callable[..., DialogueEngine],
) -> None:
    exact = Chat(make_engine(), language_code="ru", user_key="a" * 32)
    await exact.command("/start")
    await _set_word(exact, "оливье")
    inside = await exact.say("вчера ели оливье у соседей")
    assert alerts(inside) == []
    assert alerts(await exact.say("Оливье")) != []

    anywhere = Chat(make_engine(), language_code="ru", user_key="b" * 32)
    await anywhere.command("/start")
    await _set_word(anywhere, "оливье", in_sentence=True)
    response = await anywhere.say("вчера ели оливье у соседей")
    _gives_nothing_away(response)
    assert alerts(response) != []


async def test_another_persons_word_does_not_raise_my_alarm(
    make_engine: Callable[..., DialogueEngine],
) -> None:
    engine = make_engine()
    first = Chat(engine, language_code="ru", user_key="c" * 32)
    await first.command("/start")
    await _set_word(first, "пельмени")
    second = Chat(engine, language_code="ru", user_key="d" * 32)
    await second.command("/start")
    assert alerts(await second.say("пельмени")) == []


async def test_change_and_remove_the_word(chat: Chat) -> None:
    chat.language_code = "en"
    await chat.command("/start")
    await chat.command("/codeword")
    await chat.say("pancakes")
    await chat.press("sa:in:no")
    await chat.command("/codeword")
    await chat.say("blue tulips")
    await chat.press("sa:in:no")
    assert alerts(await chat.say("pancakes")) == []  # the old word no longer counts
    menu = await chat.command("/codeword")
    assert "sa:remove" in all_payloads(menu)
    removed = await chat.press("sa:remove")
    assert "removed" in texts(removed)[0]
    assert alerts(await chat.say("blue tulips")) == []
    await chat.command("/codeword")
    await chat.say("blue tulips")
    await chat.press("sa:in:no")
    assert alerts(await chat.say("Blue tulips.")) != []
    # Raised: /codeword (maybe typed by someone else) now shows only the ordinary menu, and
    # the word can be neither seen to exist nor removed (bot/core/quiet.py).
    menu = await chat.command("/codeword")
    assert "sa:remove" not in all_payloads(menu) and texts(menu) == ["What would you like to do?"]
    await chat.press("sa:remove")
    assert alerts(await chat.say("blue tulips")) != []


async def test_a_bad_word_is_asked_again(chat: Chat) -> None:
    chat.language_code = "be"
    await chat.command("/start")
    await chat.command("/codeword")
    reply = await chat.say("аб")
    assert "не падыходзіць" in texts(reply)[0]
    asked = await chat.say("бульба")
    assert "sa:in:yes" in all_payloads(asked)


@pytest.mark.parametrize(("language", "phrase"), [
    ("ru", "меня бьют"),
    ("ru", "menya byut"),
    ("be", "забралі пашпарт"),
    ("en", "they took my passport"),
])
async def test_a_danger_phrase_is_never_taken_for_a_code_word(
    chat: Chat, language: str, phrase: str
) -> None:
    """A frightened person answers the code-word prompt with what is happening: they get
    the numbers at once, and the phrase does not become a word that answers with weather."""
    chat.language_code = language
    await chat.command("/start")
    await chat.command("/codeword")
    reply = await chat.say(phrase)
    assert "112" in "\n".join(texts(reply))
    assert "sa:in:yes" not in all_payloads(reply)
    again = await chat.say(phrase)
    assert "112" in "\n".join(texts(again))  # not the ordinary reply of a silent alarm


@pytest.mark.parametrize(("language", "word"), [
    ("ru", "нет"), ("ru", "Да"), ("be", "так"), ("en", "yes"), ("en", "No"),
])
async def test_a_word_the_bot_answers_to_is_refused_as_a_code_word(
    chat: Chat, language: str, word: str
) -> None:
    """"нет" as a code word would swallow a typed no to the offer of a person and raise the
    alarm whenever they answer; the person is asked for another word."""
    chat.language_code = language
    await chat.command("/start")
    await chat.command("/codeword")
    reply = await chat.say(word)
    assert "sa:in:yes" not in all_payloads(reply) and "menu" in " ".join(all_payloads(reply))
    asked = await chat.say("Драники с грибами")
    assert "sa:in:yes" in all_payloads(asked)


RARER = {"ru": "выберите слово пореже", "be": "больш рэдкае слова", "en": "choose a rarer word"}


@pytest.mark.parametrize(("language", "word"), [
    ("ru", "привет"), ("ru", "Спасибо большое!"), ("be", "як справы"), ("be", "дзякуй"),
    ("en", "hello there"), ("en", "Thank you!"),
])
async def test_a_greeting_or_a_thanks_is_refused_as_a_code_word(
    chat: Chat, language: str, word: str
) -> None:
    """"привет" as a code word would raise the alarm, and turn the chat quiet, the next time
    they greet the bot: refused (content's `common_words`), in their language, with a rarer
    word asked for; a greeting with a rare word in it is taken."""
    chat.language_code = language
    await chat.command("/start")
    await chat.command("/codeword")
    reply = await chat.say(word)
    assert "sa:in:yes" not in all_payloads(reply)
    assert RARER[language] in texts(reply)[-1].lower()
    asked = await chat.say(f"{word} голубцы")
    assert "sa:in:yes" in all_payloads(asked)


async def test_word_is_never_in_redis_or_logs_and_delete_removes_it(
    make_engine: Callable[..., DialogueEngine],
    redis_client: Redis,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    chat = Chat(make_engine(store=RedisSessionStore(redis_client)), language_code="ru")
    await chat.command("/start")
    await _set_word(chat)
    await chat.say(WORD)
    stored = json.dumps([await redis_client.get(k) for k in await redis_client.keys("*")])
    assert "драники" not in stored.lower() and "alarm_hash" in stored
    assert leaks(caplog.records, "Драники", "драники", "грибами") == []
    await chat.command("/delete")
    # Only the erasure record is left (keyed hashes and times, TTL'd: a restore applies it).
    assert await redis_client.keys("*") == [ERASED]
    assert "драники" not in json.dumps(await redis_client.zrange(ERASED, 0, -1)).lower()
    await chat.command("/start")
    assert alerts(await chat.say(WORD)) == []


async def test_without_a_team_no_word_is_promised(
    settings: Settings, content_holder: ContentHolder, recognizer: EmbeddedRecognizer,
    i18n: I18n,
) -> None:
    """No operators' chat: a code word would answer "Thanks, noted!" and alert nobody, while
    the person believes help is on its way. /codeword says it is not available."""
    engine = DialogueEngine(content_holder, recognizer, build_triage(settings),
                            InMemorySessionStore(), i18n, settings, handoff_available=False)
    chat = Chat(engine, language_code="be")
    await chat.command("/start")
    reply = await chat.command("/codeword")
    assert "Кодавае слова зараз недаступнае" in texts(reply)[0]
    asked = await chat.say("бульба з грыбамі")
    assert "sa:in:yes" not in all_payloads(asked)
