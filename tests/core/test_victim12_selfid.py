"""People who name their situation outright get the emergency numbers, the hotlines of the
country named (else the country question) and the offer of a person (victim12).

Through the engine, as a new person sees it: self-identification as a victim of trafficking,
forced labour or slavery; one- and two-word states ("заперта", "trapped", "помогите");
wanting to escape from an employer or a place. And the look-alikes that must stay out: a
question about the topic, a story or a film, a past event now safe, escaping a boring job.
"""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.content.models import Content
from bot.core.engine import DialogueEngine
from bot.core.events import Response
from tests.helpers.chat import Chat, all_payloads, payloads, texts

OFFER = ["h:yes", "h:text", "h:no"]


@pytest.fixture
def content(content_holder: ContentHolder) -> Content:
    return content_holder.content


def said(response: Response) -> str:
    return "\n".join(texts(response))


def emergency_numbers(content: Content, code: str) -> list[str]:
    country = content.countries[code]
    return [p.number for i in country.emergency for p in content.hotlines[i].phones]


def assert_at_risk_path(content: Content, response: Response, lang: str,
                        code: str | None = None) -> None:
    """Numbers first; the country's (and its name) when named, else 112 and the country
    question; the offer of a person; never the shrug or the topic menu."""
    first = response.replies[0].text
    assert first.startswith(content.messages.risk_intro.get(lang).strip()), said(response)
    text = said(response)
    assert content.answers["out_of_scope"].text.get(lang).strip()[:40] not in text
    assert content.messages.low_confidence.get(lang).strip() not in text
    if code is None:
        assert "112" in first
        assert content.messages.ask_country.get(lang).strip() in text
        assert "m:human" in all_payloads(response)
    else:
        assert content.countries[code].name.get(lang) in first
        assert all(n in first for n in emergency_numbers(content, code))
        assert payloads(response.replies[-1]) == OFFER


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        # the tester's examples
        ("ru", "я жертва торговли людьми"),
        ("ru", "заперта"),
        ("en", "I'm a victim of human trafficking"),
        ("en", "I think I'm being trafficked"),
        ("en", "how do I escape from my employer"),
        # self-identification, every language and form of the kind
        ("ru", "я жертва"),
        ("ru", "меня продали"),
        ("ru", "я в рабстве"),
        ("ru", "я пострадала от торговли людьми"),
        ("ru", "кажется, мы жертвы принудительного труда"),
        ("ru", "ya zhertva torgovli lyudmi"),
        ("be", "мяне прадалі"),
        ("be", "я ахвяра гандлю людзьмі"),
        ("be", "я пацярпела ад гандлю людзьмі"),
        ("en", "I'm being trafficked"),
        ("en", "I was sold"),
        ("en", "I am a slave here"),
        ("en", "I'm a victim of forced labour"),
        ("en", "we are being trafficked"),
        ("en", "they sold me to a man who keeps us on a farm"),
        # one- and two-word states
        ("ru", "заперты"),
        ("ru", "в плену"),
        ("ru", "помогите"),
        ("be", "зачыненая"),
        ("be", "дапамажыце"),
        ("en", "trapped"),
        ("en", "locked in"),
        ("en", "help me"),
        # escaping from an employer or a place
        ("ru", "как сбежать от работодателя"),
        ("ru", "как мне убежать от хозяина?"),
        ("ru", "как сбежать"),
        ("be", "як уцячы"),
        ("be", "як уцячы ад працадаўцы"),
        ("en", "how can I run away from my boss"),
        ("en", "how do I get out of here"),
        ("en", "how to escape"),
    ],
)
async def test_naming_the_situation_opens_the_at_risk_path(
    engine: DialogueEngine, content: Content, lang: str, message: str
) -> None:
    chat = Chat(engine, language_code=lang)
    response = await chat.say(message)
    assert_at_risk_path(content, response, lang)


@pytest.mark.parametrize(
    ("lang", "message", "code"),
    [
        ("ru", "думаю, я стала жертвой торговли людьми. я в Испании", "ES"),
        ("en", "I'm in Poland and I think I'm being trafficked", "PL"),
        ("be", "я ў Літве, я ахвяра гандлю людзьмі", "LT"),
    ],
)
async def test_with_the_country_named_its_numbers_come_first(
    engine: DialogueEngine, content: Content, lang: str, message: str, code: str
) -> None:
    chat = Chat(engine, language_code=lang)
    response = await chat.say(message)
    assert_at_risk_path(content, response, lang, code)


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        # a question about the topic
        ("en", "what is human trafficking?"),
        ("en", "how do I recognise a victim of trafficking?"),
        ("ru", "жертвы торговли людьми статистика"),
        ("ru", "как распознать жертву торговли людьми?"),
        ("en", "where can victims of trafficking get help?"),
        # a story or a film
        ("ru", "я смотрела фильм про жертву торговли людьми"),
        ("en", "a film about a woman who was trafficked"),
        # a past event, the writer safe now
        ("en", "I was a victim years ago, now I volunteer"),
        ("ru", "я была жертвой торговли людьми много лет назад, теперь я волонтёр"),
        ("en", "years ago I was trafficked, now I'm safe and help others"),
        ("be", "гадоў таму мяне прадалі, цяпер я ў бяспецы"),
        # escaping a boring job, a figure of speech; "victim" of something harmless
        ("en", "how do I escape this boring job lol"),
        ("ru", "хочу сбежать от этой скучной работы лол"),
        ("en", "I'm a victim of my own laziness"),
        ("en", "I was sold a fake bus ticket, can I get a refund?"),
        ("ru", "дверь заперта, ключ у соседа, когда он придёт?"),
    ],
)
async def test_look_alikes_stay_out_of_the_at_risk_path(
    engine: DialogueEngine, content: Content, lang: str, message: str
) -> None:
    chat = Chat(engine, language_code=lang)
    response = await chat.say(message)
    first = response.replies[0].text
    assert not first.startswith(content.messages.risk_intro.get(lang).strip()), first
    assert "h:yes" not in all_payloads(response)


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("ru", "два года назад меня продали, я до сих пор здесь"),
        ("en", "years ago I was trafficked and I am still here, help"),
    ],
)
async def test_a_past_harm_that_goes_on_is_still_a_report(
    engine: DialogueEngine, content: Content, lang: str, message: str
) -> None:
    chat = Chat(engine, language_code=lang)
    assert_at_risk_path(content, await chat.say(message), lang)
