"""A risk told and a number asked for in one message takes the at-risk path (atrisk12).

"меня закрыли в комнате, какой номер полиции?" read as `hotline_request` with no risk: the
question pulled the classifier away from the harm told before it, and the person got no offer
of a person. The kind: any statement that is a risk on its own, followed (or preceded) by a
request for a number, in ru/be/en; whatever the model reads in the whole message. Engine-level
with the real content, model and triage; every statement is checked to be a risk on its own
first, so the table stays honest when the model changes.
"""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.content.models import Content
from bot.core.engine import DialogueEngine
from bot.core.events import Response, Tally
from tests.helpers.chat import Chat, all_payloads, texts

OFFER = "h:yes"  # the offer of a person: the at-risk path's last step
AT_RISK = {Tally.AT_RISK_MODEL, Tally.AT_RISK_PHRASE}

# Statements a person makes about themselves, each a risk on its own (checked below); several
# are missed by the danger phrases on purpose, so that only the second reading can catch them.
STATEMENTS = {
    "ru": ["нас закрыли на складе", "хозяин держит нас на ферме и не выпускает",
           "начальник бьёт рабочих", "паспорт у бригадира и он его не отдаёт",
           "мне угрожают если я уйду"],
    "be": ["нас зачынілі на складзе", "гаспадар не адпускае нас з фермы",
           "пашпарт у брыгадзіра і ён яго не аддае"],
    "en": ["they keep us on the farm and we cannot leave", "my boss holds my passport",
           "the supervisor threatens us every day"],
}
QUESTIONS = {
    "ru": ["какой номер полиции?", "дайте номер горячей линии", "куда звонить?"],
    "be": ["які нумар паліцыі?", "дайце нумар гарачай лініі"],
    "en": ["what is the police number?", "hotline number please"],
}


def said(response: Response) -> str:
    return "\n".join(texts(response))


@pytest.fixture
def content(content_holder: ContentHolder) -> Content:
    return content_holder.content


def at_risk_path(content: Content, response: Response, lang: str) -> bool:
    """Numbers first (the risk intro), counted as an at-risk message (the dashboard's)."""
    return (said(response).startswith(content.messages.risk_intro.get(lang).strip())
            and bool(AT_RISK & set(response.tallies)))


@pytest.mark.parametrize("lang", ["ru", "be", "en"])
async def test_a_risk_told_with_a_question_for_a_number_takes_the_at_risk_path(
    engine: DialogueEngine, content: Content, lang: str
) -> None:
    missed = []
    for n, statement in enumerate(STATEMENTS[lang]):
        alone = await Chat(engine, language_code=lang, user_key=f"alone-{lang}-{n}").say(statement)
        assert at_risk_path(content, alone, lang), statement  # the table's precondition
        for m, question in enumerate(QUESTIONS[lang]):
            for k, message in enumerate((f"{statement}, {question}", f"{question} {statement}")):
                chat = Chat(engine, language_code=lang, user_key=f"told-{lang}-{n}-{m}-{k}")
                if not at_risk_path(content, await chat.say(message), lang):
                    missed.append(message)
    assert not missed, missed


async def test_the_lead_s_example_gets_the_numbers_of_the_country_named_and_a_person(
    engine: DialogueEngine, content: Content
) -> None:
    chat = Chat(engine, language_code="ru")
    response = await chat.say("нас закрыли на складе, какой номер полиции в Польше?")
    assert at_risk_path(content, response, "ru")
    assert OFFER in all_payloads(response)  # the country named: no question, the person offered
    assert content.countries["PL"].name.ru in said(response)
    assert content.messages.ask_country.get("ru").strip() not in said(response)


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("ru", "если меня закроют, какой номер полиции?"),
        ("ru", "на всякий случай, какой номер полиции?"),
        ("ru", "меня не закрыли, просто хочу знать номер полиции"),
        ("ru", "у меня всё хорошо, просто дайте номер горячей линии"),
        ("ru", "я еду работать в Польшу, какой там номер полиции?"),
        ("ru", "закрыли магазин, какой номер полиции?"),
        ("ru", "мне закрыли визу, дайте номер горячей линии"),
        ("be", "калі мяне зачыняць, які нумар паліцыі?"),
        ("en", "just in case, what is the police number in Poland?"),
    ],
)
async def test_a_question_for_a_number_with_no_harm_told_gets_the_numbers_only(
    engine: DialogueEngine, content: Content, lang: str, message: str
) -> None:
    response = await Chat(engine, language_code=lang).say(message)
    assert not at_risk_path(content, response, lang), said(response)
    assert OFFER not in all_payloads(response)


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("ru", "меня закрыли в комнате, какой номер полиции?"),
        ("ru", "меня закрыли в комнате, какой номер полиции в Польше?"),
        ("be", "мяне зачынілі ў пакоі, які нумар паліцыі?"),
        ("be", "нас замкнулі, дайце нумар паліцыі"),
        ("en", "they locked me in the room, what is the police number?"),
        ("en", "they have locked us, police number please"),
    ],
)
async def test_the_lead_s_examples_take_the_at_risk_path(
    engine: DialogueEngine, content: Content, lang: str, message: str
) -> None:
    assert at_risk_path(content, await Chat(engine, language_code=lang).say(message), lang)
