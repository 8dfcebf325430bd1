"""Through the engine, as a new person sees it (issue 10, round 19): a relative beaten right now
abroad, told by someone who rang from there, gets the at-risk reply with the numbers of the
country where the victim is ("called from Warsaw" is where she is, not where she comes from);
pay held to keep a sister at a hotel gets the at-risk reply; a number asked "just in case" for
a friend's trip does not."""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.core.engine import DialogueEngine
from tests.helpers.chat import Chat

NOW_ABROAD = [
    ("en", "my sister just rang me in tears from Warsaw, her employer is beating her right now, "
           "what number do we call", "PL"),
    ("en", "my brother called from Vilnius, the foreman is hitting him right now, what number "
           "do I call", "LT"),
    ("ru", "сестра только что позвонила вся в слезах из Варшавы, её работодатель прямо сейчас "
           "её бьёт, какой номер звонить?", "PL"),
    ("ru", "подруга написала из Праги, хозяин её избивает прямо сейчас, куда звонить?", "CZ"),
    ("be", "брат патэлефанаваў з Вільні, брыгадзір яго б'е зараз, куды званіць?", "LT"),
    ("ru", "sestra tolko chto pozvonila v slezah iz Varshavy, ee rabotodatel bet ee pryamo "
           "seichas, kakoi nomer zvonit?", "PL"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "message", "where"), NOW_ABROAD)
async def test_an_emergency_abroad_gets_the_numbers_where_the_victim_is(
    engine: DialogueEngine, content_holder: ContentHolder, lang: str, message: str, where: str
) -> None:
    response = await Chat(engine, language_code=lang).say(message)
    content = content_holder.content
    first = response.replies[0].text
    assert first.startswith(content.messages.risk_intro.get(lang).strip()), first
    emergency = content.hotlines[content.countries[where].emergency[0]]
    assert emergency.phones[0].number in first  # that country's emergency number, named
    name = getattr(content.countries[where].name, lang)
    assert name in first, first


@pytest.mark.parametrize(
    ("lang", "message", "at_risk"),
    [("en", "my sister works at a hotel in Turkey, the manager keeps her wages 'in a safe' so "
            "she won't leave before October", True),
     ("ru", "подруга едет работать в Польшу в следующем месяце, какой номер горячей линии ей "
            "сохранить на всякий случай?", False)],
)  # fmt: skip
async def test_pay_held_opens_the_path_and_a_just_in_case_number_does_not(
    engine: DialogueEngine, content_holder: ContentHolder, lang: str, message: str, at_risk: bool
) -> None:
    response = await Chat(engine, language_code=lang).say(message)
    intro = content_holder.content.messages.risk_intro.get(lang).strip()
    assert response.replies[0].text.startswith(intro) is at_risk, response.replies[0].text
