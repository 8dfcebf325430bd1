"""The job-ad check end to end through the engine: real content, recogniser, triage and Redis."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

import pytest
from redis.asyncio import Redis

from bot.core.engine import DialogueEngine
from bot.core.events import Response
from bot.storage.redis import RedisSessionStore
from tests.helpers.chat import Chat, alerts, all_payloads, texts
from tests.helpers.logs import leaks

# Ads written for these tests (not in tests/data/ads.yaml), one per kind of answer.
SCAM_RU = (
    "Работа в Польше на складе, упаковка бытовой химии. Опыт не нужен, высокая зарплата, "
    "авансы каждую неделю. Чтобы забронировать место, нужно внести регистрационный взнос "
    "120 евро до выезда. Осталось 2 места! Пишите в вайбер +48 500 100 200, Ольга."
)
TRAFFICKING_BE = (
    "Запрашаем дзяўчат 18-24 гадоў з прывабнай знешнасцю на працу хостэс у клуб у Стамбуле. "
    "Дарогу аплачваем, потым вылічым з заробку. Пашпарт на час кантракту захоўваецца ў "
    "нашага каардынатара. Пішыце ў тэлеграм @istanbul_girls_work"
)
HONEST_EN = (
    "Seasonal strawberry pickers wanted on a family farm in Lower Saxony, Germany, May to "
    "July. Pay is the German statutory minimum wage per hour; a room on the farm costs 8 EUR "
    "a day. The employment contract is sent to you before departure, in German and English. "
    "Contact the farm at www.erdbeerhof-example.de or jobs@erdbeerhof-example.de"
)
RECRUITER_FORWARD = "Привет! Есть работа в Чехии, зарплата 2000 евро, пиши в телеграм @cz_job"


def _joined(response: Response) -> str:
    return "\n".join(texts(response))


def _offered(response: Response) -> bool:
    """The check was offered: a "Check this ad" button (tagged with its ad) is there."""
    return any(p.startswith("ad:check") for p in all_payloads(response))


async def test_checkad_command_then_pasted_ad_lists_quoted_red_flags(chat: Chat) -> None:
    chat.language_code = "ru"
    await chat.command("/start")
    intro = await chat.command("/checkad")
    assert "Вставьте текст вакансии" in _joined(intro)
    report = _joined(await chat.say(SCAM_RU))
    assert "Тревожных признаков: 4" in report
    # Each flag quotes the ad's own words that raised it.
    assert "Плата за работу" in report and "регистрационный взнос" in report
    assert "Заработок намного выше обычного" in report and "высокая зарплата" in report
    assert "Торопят с решением" in report and "Осталось 2 места" in report
    assert "Связь только через мессенджер" in report and "вайбер" in report
    assert "Уровень риска: высокий" in report
    assert "Что проверить:" in report
    # Checked once: the next message is answered as usual, not as another ad.
    after = await chat.say("спасибо")
    assert "Тревожных признаков" not in _joined(after)


async def test_menu_button_starts_the_check(chat: Chat) -> None:
    chat.language_code = "en"
    menu = await chat.command("/start")
    assert "m:ad_check" in all_payloads(menu)
    intro = await chat.press("m:ad_check")
    assert "Paste the text of the vacancy" in _joined(intro)
    report = _joined(await chat.say(HONEST_EN))
    assert "I found no known red flags" in report
    assert "Risk level: low" in report


async def test_a_message_that_looks_like_an_ad_is_offered_the_check(chat: Chat) -> None:
    chat.language_code = "ru"
    await chat.command("/start")
    offer = await chat.say(SCAM_RU)
    assert "Похоже на объявление о работе" in _joined(offer)
    assert {"ad:check", "ad:no"} <= {p.rsplit(":", 1)[0] for p in all_payloads(offer)}
    report = _joined(await chat.press("ad:check"))
    assert "Тревожных признаков: 4" in report
    again = _joined(await chat.press("ad:check"))  # the ad was not kept after the check
    assert "Пришлите его ещё раз" in again


async def test_forwarded_recruiter_message_is_offered_the_check(chat: Chat) -> None:
    chat.language_code = "ru"
    await chat.command("/start")
    forwarded = await chat.say(RECRUITER_FORWARD, forwarded=True)
    assert _offered(forwarded)
    report = _joined(await chat.press("ad:check"))
    assert "Связь только через мессенджер" in report and "@cz_job" in report


async def test_forwarded_english_ad_keeps_the_persons_language(chat: Chat) -> None:
    chat.language_code = "be"
    await chat.command("/start")
    await chat.say(HONEST_EN, forwarded=True)
    report = _joined(await chat.press("ad:check"))
    assert "Я не знайшоў вядомых трывожных прыкмет" in report.replace("У гэтай аб’яве я", "Я")


async def test_trafficking_signs_lead_to_the_human_offer_without_the_ad(
    chat: Chat,
) -> None:
    chat.language_code = "be"
    await chat.command("/start")
    await chat.command("/checkad")
    report = await chat.say(TRAFFICKING_BE)
    body = _joined(report)
    assert "Пашпарт трэба аддаць" in body and "захоўваецца" in body
    assert "Незразумелая праца" in body and "знешнасцю" in body
    assert "Дарога «ў доўг» з заробку" in body
    assert "Узровень рызыкі: высокі" in body
    offer = all_payloads(report)
    assert "h:yes" in offer and "h:text" not in offer  # the ad is never offered for sharing
    sent = await chat.press("h:yes")
    [alert] = alerts(sent)
    # Each flag by its own id after the facts file's (casefix: tests/core/test_offer_wording.py).
    assert {"rf-passport-deposit", "rf-vague-job-appearance"} <= {
        code.split("/")[0] for code in alert.indicators}
    assert alert.risk_level == "high"
    assert alert.user_text is None


async def test_honest_ad_is_low_risk_and_offers_no_human(chat: Chat) -> None:
    chat.language_code = "en"
    await chat.command("/start")
    await chat.command("/checkad")
    report = await chat.say(HONEST_EN)
    assert "Risk level: low" in _joined(report)
    assert "h:yes" not in all_payloads(report)


@pytest.mark.parametrize("language", ["ru", "be", "en"])
async def test_the_risk_level_points_at_nothing_that_is_not_shown(
    chat: Chat, language: str
) -> None:
    # Before: "Risk level: low ... check it against the list below", while below it came only
    # "I have not kept the text of the ad" and the buttons: there is no list below.
    chat.language_code = language
    await chat.command("/start")
    await chat.command("/checkad")
    report = (await chat.say(HONEST_EN)).replies
    level = next(i for i, r in enumerate(report) if r.text.startswith(("Risk", "Уров", "Узро")))
    below = "\n".join(r.text for r in report[level + 1 :])
    assert "ниже" not in report[level].text and "ніжэй" not in report[level].text
    assert "below" not in report[level].text, (report[level].text, below)


async def test_a_cry_for_help_while_waiting_for_an_ad_takes_the_risk_path(chat: Chat) -> None:
    chat.language_code = "ru"
    await chat.command("/start")
    await chat.command("/checkad")
    reply = _joined(await chat.say("у меня забрали паспорт и не отдают"))
    assert "112" in reply
    assert "Тревожных признаков" not in reply


async def test_too_short_text_asks_for_the_whole_ad(chat: Chat) -> None:
    chat.language_code = "ru"
    await chat.command("/start")
    await chat.command("/checkad")
    reply = _joined(await chat.say("работа в Польше"))
    assert "слишком короткий" in reply
    report = _joined(await chat.say(SCAM_RU))  # still waiting for the ad
    assert "Тревожных признаков" in report


async def test_delete_drops_a_held_ad(chat: Chat) -> None:
    chat.language_code = "ru"
    await chat.command("/start")
    await chat.say(SCAM_RU)  # offered, held in memory until answered
    await chat.command("/delete")
    reply = _joined(await chat.press("ad:check"))
    assert "Пришлите его ещё раз" in reply


async def test_ad_text_is_never_in_redis_or_logs(
    make_engine: Callable[..., DialogueEngine],
    redis_client: Redis,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    chat = Chat(make_engine(store=RedisSessionStore(redis_client)), language_code="ru")
    await chat.command("/start")
    await chat.say(SCAM_RU)  # the offer: held in process memory only
    keys = await redis_client.keys("*")
    stored_while_offered = json.dumps([await redis_client.get(k) for k in keys])
    await chat.press("ad:check")
    await chat.command("/checkad")
    await chat.say(TRAFFICKING_BE)
    stored = json.dumps([await redis_client.get(k) for k in await redis_client.keys("*")])
    for words in ("регистрационный взнос", "вайбер", "Стамбуле", "istanbul_girls_work"):
        assert words not in stored_while_offered and words not in stored
    assert leaks(caplog.records, "регистрационный", "Стамбуле", "@istanbul_girls_work",
                 "+48 500 100 200") == []


async def test_forwarded_ad_with_danger_words_is_offered_the_check_that_finds_them(
    chat: Chat,
) -> None:
    """A recruiter's offer that announces the passport will be taken is an ad (an offer, pay,
    a contact), not a person in danger now: the check is offered, and it finds the passport
    handover, quoted. (A forwarded cry gets the numbers first: the test below.)"""
    chat.language_code = "ru"
    await chat.command("/start")
    forwarded = "Паспорт заберём на границе, работа в Польше, зарплата 1500 евро, пиши @pl_work_now"
    response = await chat.say(forwarded, forwarded=True)
    assert _offered(response)
    report = _joined(await chat.press("ad:check"))
    assert "Паспорт нужно отдать" in report and "Паспорт заберём" in report


@pytest.mark.parametrize("cry", [
    "Брат пишет: у нас забрали паспорта, не выпускают с фермы, помогите",
    "From my sister: they took my passport and locked us in, please help",
    "Сястра напісала: у нас забралі пашпарты і не выпускаюць, дапамажыце",
])
async def test_a_forwarded_cry_gets_the_numbers_first(chat: Chat, cry: str) -> None:
    """A forwarded message may be a friend in danger: the emergency number comes first."""
    chat.language_code = "ru"
    await chat.command("/start")
    replies = texts(await chat.say(cry, forwarded=True))
    assert "112" in replies[0]


async def test_another_button_ends_the_wait_for_an_ad(chat: Chat) -> None:
    chat.language_code = "ru"
    await chat.command("/start")
    await chat.command("/checkad")
    await chat.press("m:legal_work")
    reply = _joined(await chat.say("спасибо"))
    assert "слишком короткий" not in reply and "Тревожных признаков" not in reply


SHORT_RECRUITER = [
    "Работа в Польше 3000$, за визу 200$, пиши в телеграм @x_work",
    "Praca v Chehii 1800 evro, zhile besplatno, pishi v vaiber +420 700 000 000",
    "Warehouse job in Germany, 2500 EUR a month, write @de_jobs_now",
    "Праца ў Літве 1500 еўра, віза за наш кошт, тэлефануйце +370 600 00 000",
]
QUESTIONS = [
    "how much do pickers earn in Poland?",
    "Сколько зарабатывают сборщики в Польше, 3000$ это реально?",
    "Мне предлагают работу в Чехии за 2000 евро и пишут в телеграм, это нормально?",
    "Is 2500 EUR a month a normal wage for a warehouse job in Germany",
]


@pytest.mark.parametrize("message", SHORT_RECRUITER)
async def test_a_short_recruiter_message_is_offered_the_check(chat: Chat, message: str) -> None:
    await chat.command("/start")
    assert _offered(await chat.say(message))


@pytest.mark.parametrize("message", QUESTIONS)
async def test_a_question_about_pay_is_not_taken_for_an_ad(chat: Chat, message: str) -> None:
    await chat.command("/start")
    assert not _offered(await chat.say(message))
