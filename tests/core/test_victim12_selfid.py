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


AT_RISK = [
    # the tester's examples
    ("ru", "я жертва торговли людьми", None),
    ("ru", "заперта", None),
    ("en", "I'm a victim of human trafficking", None),
    ("en", "I think I'm being trafficked", None),
    ("en", "how do I escape from my employer", None),
    # self-identification, every language and form of the kind
    ("ru", "я жертва", None),
    ("ru", "меня продали", None),
    ("ru", "я в рабстве", None),
    ("ru", "я пострадала от торговли людьми", None),
    ("ru", "кажется, мы жертвы принудительного труда", None),
    ("ru", "ya zhertva torgovli lyudmi", None),
    ("be", "мяне прадалі", None),
    ("be", "я ахвяра гандлю людзьмі", None),
    ("be", "я пацярпела ад гандлю людзьмі", None),
    ("en", "I'm being trafficked", None),
    ("en", "I was sold", None),
    ("en", "I am a slave here", None),
    ("en", "I'm a victim of forced labour", None),
    ("en", "we are being trafficked", None),
    ("en", "they sold me to a man who keeps us on a farm", None),
    # one- and two-word states
    ("ru", "заперты", None),
    ("ru", "в плену", None),
    ("ru", "помогите", None),
    ("be", "зачыненая", None),
    ("be", "дапамажыце", None),
    ("en", "trapped", None),
    ("en", "locked in", None),
    ("en", "help me", None),
    # escaping from an employer or a place
    ("ru", "как сбежать от работодателя", None),
    ("ru", "как мне убежать от хозяина?", None),
    ("ru", "как сбежать", None),
    ("be", "як уцячы", None),
    ("be", "як уцячы ад працадаўцы", None),
    ("en", "how can I run away from my boss", None),
    ("en", "how do I get out of here", None),
    ("en", "how to escape", None),
    # a country named: its numbers, its name and the offer of a person
    ("ru", "думаю, я стала жертвой торговли людьми. я в Испании", "ES"),
    ("en", "I'm in Poland and I think I'm being trafficked", "PL"),
    ("be", "я ў Літве, я ахвяра гандлю людзьмі", "LT"),
    # a past harm that goes on is still a report
    ("ru", "два года назад меня продали, я до сих пор здесь", None),
    ("en", "years ago I was trafficked and I am still here, help", None),
]


async def answer(engine: DialogueEngine, lang: str, message: str) -> Response:
    """What a new person writing `message` in `lang` is answered."""
    return await Chat(engine, language_code=lang).say(message)


@pytest.mark.parametrize(("lang", "message", "code"), AT_RISK)
async def test_naming_the_situation_opens_the_at_risk_path(
    engine: DialogueEngine, content: Content, lang: str, message: str, code: str | None
) -> None:
    assert_at_risk_path(content, await answer(engine, lang, message), lang, code)


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
    response = await answer(engine, lang, message)
    first = response.replies[0].text
    assert not first.startswith(content.messages.risk_intro.get(lang).strip()), first
    assert "h:yes" not in all_payloads(response)
