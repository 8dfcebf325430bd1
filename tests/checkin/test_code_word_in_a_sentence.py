"""The code word inside another sentence counts only when the person chose that option (issue
15, part 3). Walk of issue 15: "у нас тут ромашка цветёт" with the code word "ромашка" set
to count alone was reported as a false alarm; no silent alarm went off (this file pins it):
the emergency screen came from the triage's classifier reading "у нас тут" as risk, which is
the triage's (reported, not this part's). Both options and the word alone, ru/be/en, through
the real engine."""

from __future__ import annotations

import pytest

from bot.core.silent_alarm import INDICATOR
from tests.checkin.helpers import engine
from tests.helpers.chat import Chat, alerts, texts

WORD = {"ru": "ромашка", "be": "рамонак", "en": "daisy"}
SENTENCE = {"ru": "у нас тут ромашка цветёт", "be": "у нас тут рамонак цвіце",
            "en": "the daisy is blooming here"}
ORDINARY = {"ru": "Спасибо, записал!", "be": "Дзякуй, запісаў!", "en": "Thanks, noted!"}
LANGUAGES = pytest.mark.parametrize("language", ["ru", "be", "en"])


HELLO = {"ru": "привет, я из Минска", "be": "прывітанне, я з Мінска", "en": "hi, I am from Minsk"}
INSIDE_QUESTION = {"ru": "Считать кодовое слово", "be": "Лічыць кодавае слова",
                   "en": "Should the code word also count"}


async def with_word(language: str, *, inside: bool) -> Chat:
    chat = Chat(engine(None), language_code=language)
    await chat.command("/start")
    await chat.say(HELLO[language])
    await chat.command("/codeword")
    asked = await chat.say(WORD[language])
    assert INSIDE_QUESTION[language] in texts(asked)[0]
    await chat.press("sa:in:yes" if inside else "sa:in:no")
    return chat


def silent(response) -> bool:  # type: ignore[no-untyped-def]
    return any(INDICATOR in alert.indicators and alert.silent for alert in alerts(response))


@LANGUAGES
async def test_set_to_count_alone_the_word_inside_a_sentence_raises_no_alarm(
    language: str,
) -> None:
    chat = await with_word(language, inside=False)
    reply = await chat.say(SENTENCE[language])
    assert not silent(reply)
    assert not any(ORDINARY[language] in text for text in texts(reply))
    alone = await chat.say(WORD[language])  # the word alone still does
    assert silent(alone) and ORDINARY[language] in texts(alone)[0]


@LANGUAGES
async def test_set_to_count_inside_the_same_sentence_raises_it_quietly(language: str) -> None:
    chat = await with_word(language, inside=True)
    reply = await chat.say(SENTENCE[language])
    assert silent(reply)
    assert ORDINARY[language] in texts(reply)[0] and "112" not in "\n".join(texts(reply))


@LANGUAGES
async def test_the_word_alone_raises_it_under_either_option(language: str) -> None:
    for inside in (False, True):
        chat = await with_word(language, inside=inside)
        reply = await chat.say(WORD[language].capitalize() + "!")
        assert silent(reply) and ORDINARY[language] in texts(reply)[0]


@LANGUAGES
async def test_without_a_code_word_the_sentence_raises_no_silent_alarm(language: str) -> None:
    chat = Chat(engine(None), language_code=language)
    await chat.command("/start")
    assert not silent(await chat.say(SENTENCE[language]))


@LANGUAGES
async def test_the_code_word_typed_first_never_changes_the_conversations_language(
    language: str,
) -> None:
    """An English explanation, then "daisy" typed as the word: the next question came in
    Russian (the word was read as transliterated Russian, the first text the person wrote)."""
    chat = Chat(engine(None), language_code=language)
    await chat.command("/start")
    await chat.command("/codeword")
    asked = await chat.say(WORD[language])
    assert INSIDE_QUESTION[language] in texts(asked)[0]
