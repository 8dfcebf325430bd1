"""A bare "Что мне делать?" with nothing before it (no job ad just checked) gets the emergency
reply: the numbers first, then "which country?" (issue 15 walk, decided). Written alone, it is
a frightened person's short question more often than a calm one's; the numbers and the offer of
a person cost a calm reader one tap, a missed cry costs more. The other side: the same words
about a topic ("Что мне делать с налогами в Польше?") get that topic's answer, and right after
a job-ad check they are about the ad (tests/core/test_adflow17_follow_up.py)."""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.core.engine import DialogueEngine
from tests.helpers.chat import Chat

BARE = [("ru", "Что мне делать?"), ("be", "Што мне рабіць?"), ("en", "what do I do now")]
ABOUT_A_TOPIC = [("ru", "Что мне делать с налогами в Польше?"),
                 ("en", "what should I do to get a work visa?")]


@pytest.mark.parametrize(("lang", "message"), BARE)
async def test_a_bare_what_should_i_do_gets_the_numbers_first(
    engine: DialogueEngine, content_holder: ContentHolder, lang: str, message: str
) -> None:
    response = await Chat(engine, language_code=lang).say(message)
    intro = content_holder.content.messages.risk_intro.get(lang).strip()
    assert response.replies[0].text.startswith(intro), response.replies[0].text


@pytest.mark.parametrize(("lang", "message"), ABOUT_A_TOPIC)
async def test_the_same_words_about_a_topic_get_the_topic(
    engine: DialogueEngine, content_holder: ContentHolder, lang: str, message: str
) -> None:
    response = await Chat(engine, language_code=lang).say(message)
    intro = content_holder.content.messages.risk_intro.get(lang).strip()
    assert not any(reply.text.startswith(intro) for reply in response.replies)
