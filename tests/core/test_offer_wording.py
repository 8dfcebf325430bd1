"""The offer of a person says what the team will really see, by where it came from
(content/messages.yaml handoff_consent*), and an ad check's alert carries the level the person
was told and every red flag by its own id, never a word of the ad (bot/core/human_offer.py)."""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.content.models import Content
from bot.core.flows import SELF_CHECK
from tests.core.test_flows import run
from tests.helpers.chat import Chat, alerts, texts

# Eight red flags; wrong_visa and papers_later share the facts file's rf-wrong-visa.
AD = ("Работа в Польше на складе, без опыта, зарплата 3000 евро. Едем по туристической визе, "
      "документы оформим потом на месте. Регистрационный взнос 200 евро. Паспорт отдаёте "
      "координатору. Пишите только в телеграм @job_pl. Мест мало, решайте сегодня! Билет в "
      "долг, вычтем из зарплаты.")
YES = {"answers": {"ru": "Да, передайте мои ответы", "be": "Так, перадайце мае адказы",
                   "en": "Yes, share my answers"},
       "ad": {"ru": "Да, передайте тревожные признаки", "be": "Так, перадайце трывожныя прыкметы",
              "en": "Yes, share the red flags"},
       "plain": {"ru": "Да, передайте", "be": "Так, перадайце", "en": "Yes, pass it on"}}
QUESTIONNAIRE = {"ru": "анкет", "be": "анкет", "en": "questionnaire"}


@pytest.fixture
def content(content_holder: ContentHolder) -> Content:
    return content_holder.content


def _offer(chat: Chat) -> tuple[str, str]:
    """The last offer of a person in the chat: its text and the label of its "yes"."""
    for response in reversed(chat.log):
        for reply in response.replies:
            for row in reply.buttons:
                for button in row:
                    if button.payload == "h:yes":
                        return reply.text, button.label
    raise AssertionError("no offer of a person")


@pytest.mark.parametrize("lang", ["ru", "be", "en"])
async def test_an_ad_checks_offer_and_alert(chat: Chat, content: Content, lang: str) -> None:
    chat.language_code = lang
    await chat.command("/start")
    await chat.command("/checkad")
    report = texts(await chat.say(AD))
    told = {"ru": "Уровень риска: высокий", "be": "Узровень рызыкі: высокі",
            "en": "Risk level: high"}[lang]
    assert any(told in text for text in report)
    text, yes = _offer(chat)
    assert content.messages.handoff_consent_ad.get(lang).strip() in text
    assert QUESTIONNAIRE[lang] not in text.lower() and yes == YES["ad"][lang]

    [alert] = alerts(await chat.press("h:yes"))
    assert alert.risk_level == "high"  # as the person was told, not "unknown"
    assert {"rf-wrong-visa/wrong_visa", "rf-wrong-visa/papers_later", "rf-fees/fees",
            "rf-passport-deposit/passport_handover", "rf-rush/rush",
            "rf-travel-on-credit/travel_on_credit", "rf-too-good/too_good",
            "rf-contact-only-messenger/messenger_only"} <= set(alert.indicators)
    assert alert.summary == () and alert.user_text is None
    shown = " ".join((*alert.indicators, *alert.summary))
    assert "координатор" not in shown and "job_pl" not in shown


@pytest.mark.parametrize("lang", ["ru", "be", "en"])
async def test_the_at_risk_offer_promises_no_questionnaire(
    chat: Chat, content: Content, lang: str
) -> None:
    chat.language_code = lang
    await chat.command("/start")
    await chat.say({"ru": "у меня забрали паспорт", "be": "у мяне забралі пашпарт",
                    "en": "they took my passport"}[lang])
    await chat.press("c:PL")
    text, yes = _offer(chat)
    assert content.messages.handoff_consent_plain.get(lang).strip() in text
    assert QUESTIONNAIRE[lang] not in text.lower() and yes == YES["plain"][lang]


async def test_after_a_questionnaire_the_offer_names_its_answers(
    chat: Chat, content: Content
) -> None:
    chat.language_code = "en"
    await run(chat, content.flows[SELF_CHECK], "unsure")
    text, yes = _offer(chat)
    assert content.messages.handoff_consent.get("en").strip() in text
    assert yes == YES["answers"]["en"]
    [alert] = alerts(await chat.press("h:yes"))
    assert alert.summary  # the answers it promised
