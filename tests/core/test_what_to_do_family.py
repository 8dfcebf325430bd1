""""Что мне делать?", "что делать", "What should I do?", "Што рабіць?" written alone are one
family (walk of issue 15: "Что мне делать?" got the emergency reply, "что делать" was taken
for a country, "What should I do?" got the travel page): every spelling gets the same reply
as "Что мне делать?" in its language, with or without "мне", a particle, "now", a question
mark, or in Latin letters (README, "What should I do?"). The other side: the same words about
a topic get the topic, and right after a job ad's check they are about the ad
(tests/core/test_adflow17_follow_up.py)."""

from __future__ import annotations

import pytest

from bot.core.engine import DialogueEngine
from bot.core.what_to_do import asks_what_to_do
from tests.helpers.chat import Chat, texts

FAMILY = {
    "ru": ["Что мне делать?", "что делать", "Что делать?!", "что же мне делать", "chto delat",
           "chto mne delat?", "Что мне теперь делать…", "что делать дальше?", "shto delat"],
    "be": ["Што мне рабіць?", "што рабіць", "Што ж мне цяпер рабіць?"],
    "en": ["What should I do?", "what do I do now", "what should i do", "What do I do?",
           "what am I supposed to do", "What to do?", "so what should we do now?"],
}
CANONICAL = {"ru": "Что мне делать?", "be": "Што мне рабіць?", "en": "what do I do now"}
ABOUT_A_TOPIC = ["Что мне делать с налогами в Польше?", "что делать если не платят зарплату",
                 "what should I do to get a work visa?", "што рабіць з візай у Польшчы?",
                 "что делать в Варшаве на выходных", "что мне делать на работе: учить польский?"]


@pytest.mark.parametrize("text", [t for family in FAMILY.values() for t in family]
                         + ["4to delat??", "i што мне рабіць?", "shto rabic"])
def test_the_family_is_read_in_every_spelling(text: str) -> None:
    assert asks_what_to_do(text)


@pytest.mark.parametrize("text", [*ABOUT_A_TOPIC, "что", "делать", "what", "ok"])
def test_more_words_make_it_another_question(text: str) -> None:
    assert not asks_what_to_do(text)


@pytest.mark.parametrize(("lang", "message"),
                         [(lang, text) for lang, family in FAMILY.items() for text in family])
async def test_every_spelling_gets_the_reply_of_the_canonical_one(
    make_engine, lang: str, message: str
) -> None:
    canonical = await Chat(make_engine(), language_code=lang).say(CANONICAL[lang])
    response = await Chat(make_engine(), language_code=lang).say(message)
    assert texts(response) == texts(canonical)
    assert "112" in texts(response)[0]  # the numbers first


@pytest.mark.parametrize("message", ["Что мне делать с налогами в Польше?",
                                     "what should I do to get a work visa?"])
async def test_about_a_topic_it_is_not_the_family_reply(engine: DialogueEngine,
                                                        message: str) -> None:
    canonical = await Chat(engine, language_code="ru", user_key="a" * 32).say("Что мне делать?")
    response = await Chat(engine, language_code="ru", user_key="b" * 32).say(message)
    assert texts(response) != texts(canonical)
