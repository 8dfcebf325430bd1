"""A bare "что мне делать?" typed while a setup screen waits for typed input is the person's
question, never the screen's answer: at the check-in setup's employer step it got kept as the
employer's name the team would see, at the /codeword prompt it became the code word. It gets
the emergency reply (the numbers first, tests/core/test_what_to_do_family.py), then the setup
goes on at its step; the code word's prompt leaves the chat. The other side: a real name and
a real word are still taken. The real engine, plans in a real redis-server, ru/be/en."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from bot.checkin.store import PlanStore
from tests.checkin.helpers import SECRET_KEY, FakeClock, engine, untag
from tests.helpers.chat import Chat, all_payloads, texts

ASK = {"ru": "что мне делать?", "be": "Што рабіць?", "en": "What should I do?"}
EMPLOYER = {"ru": "ООО Ромашка", "be": "ТАА Рамонак", "en": "Daisy Farms Ltd"}
INSIDE_QUESTION = {"ru": "Считать кодовое слово", "be": "Лічыць кодавае слова",
                   "en": "Should the code word also count"}
LANGUAGES = pytest.mark.parametrize("language", ["ru", "be", "en"])


@LANGUAGES
async def test_at_the_employer_step_it_gets_the_numbers_and_is_no_name(
    redis_client: Redis, language: str
) -> None:
    chat = Chat(engine(redis_client, FakeClock()), language_code=language)
    await chat.command("/start")
    for payload in ("m:checkin", "ci:i:2", "ci:d:2", "ci:g:12", "ci:c:PL", "ci:l:no"):
        await chat.press(payload)
    reply = await chat.say(ASK[language])
    assert "112" in texts(reply)[0]
    assert "ci:skip" in untag(all_payloads(reply))  # the employer's question again
    store = PlanStore(redis_client, SECRET_KEY)
    plan = await store.load(chat.user_key)
    assert plan is not None and plan.employer is None and plan.step == "employer"
    await chat.say(EMPLOYER[language])  # a real name is still taken
    plan = await store.load(chat.user_key)
    assert plan is not None and plan.employer == EMPLOYER[language]


@LANGUAGES
async def test_at_the_code_word_prompt_it_gets_the_numbers_and_is_no_word(language: str) -> None:
    chat = Chat(engine(None), language_code=language)
    await chat.command("/start")
    await chat.command("/codeword")
    reply = await chat.say(ASK[language])
    assert "112" in texts(reply)[0]
    assert not any(INSIDE_QUESTION[language] in text for text in texts(reply))
    assert "sa:in:yes" not in all_payloads(reply)
    await chat.command("/codeword")  # a real word is still taken after
    asked = await chat.say("голубцы")
    assert INSIDE_QUESTION[language] in texts(asked)[0]
