"""The ad check in the dialogue, as a tester on a phone drove it (issue 15 item 1, adcheck8):
an ad with danger words pasted after /checkad or the menu button is checked (flags, level,
quotes, and the human offer when it shows trafficking signs), while a person writing about
themselves in that step gets the at-risk reply first; the same without /checkad; and an
earlier check's buttons pressed later get a clear reply.

Through the real engine, content, recogniser and triage; test_adcheck_telegram.py drives the
same over the fake Bot API with aiogram and PTB.
"""

from __future__ import annotations

import pytest

from bot.core.events import Response
from tests.helpers.chat import Chat, all_payloads, texts

# Ads with danger words in them, one per language (the tester's r10 and b3, and fresh ones).
DANGER_ADS = [
    ("ru", "Предлагаем работу танцовщицей в клубе в Турции. Возраст до 25, рост от 170, фото в "
     "купальнике прислать. Билеты в долг, отработаешь. Паспорт будет у администратора.",
     "Паспорт будет у администратора"),
    ("be", "Дзяўчаты 18-23 гадоў, прывабнай знешнасці, на працу ў Дубаі. Пашпарт аддаеце "
     "каардынатару. Квіткі ў доўг, адпрацуеце. Выезд тэрмінова, заўтра.",
     "Пашпарт аддаеце каардынатару"),
    ("en", "Hostess work in a club in Istanbul for girls 18-24, attractive appearance, $4000 a "
     "month. We keep your passport during the contract. Tickets on credit, you work it off.",
     "We keep your passport"),
    ("ru", "Rabota tancovshchicej v klube v Turcii, vozrast do 25, foto v kupalnike. Pasport "
     "budet u administratora, bilety v dolg, otrabotaesh.", "Pasport budet u administratora"),
]
# A person telling what happens to them, in that step, in every language.
CRIES = [
    ("ru", "меня заперли"),
    ("ru", "у меня забрали паспорт на работе в Польше и не выпускают, помогите"),
    ("be", "Мяне зачынілі на працы ў Польшчы, пашпарт забралі, дапамажыце"),
    ("en", "they took my passport, help"),
    ("ru", "u menya zabrali pasport na rabote, pomogite"),
]
LEVEL_WORDS = ("Уровень риска", "Узровень рызыкі", "Risk level")
FLAG_WORDS = ("Тревожных признаков", "Трывожных прыкмет", "Red flags found")


def _joined(response: Response) -> str:
    return "\n".join(texts(response))


def _emergency_first(response: Response) -> bool:
    return "112" in texts(response)[0]


def _offer_payload(response: Response, action: str = "ad:check") -> str:
    [payload] = [p for p in all_payloads(response) if p.startswith(f"{action}:")]
    return payload


@pytest.mark.parametrize(("lang", "ad", "words"), DANGER_ADS,
                         ids=["ru", "be", "en", "translit"])
@pytest.mark.parametrize("start", ["/checkad", "m:ad_check"])
async def test_adcheck8_an_ad_with_danger_words_after_checkad_is_checked_and_offers_a_human(
    chat: Chat, lang: str, ad: str, words: str, start: str,
) -> None:
    chat.language_code = lang
    await chat.command("/start")
    await (chat.command(start) if start.startswith("/") else chat.press(start))
    response = await chat.say(ad)
    report = _joined(response)
    assert not _emergency_first(response) and "112" not in report
    assert any(w in report for w in FLAG_WORDS)
    assert any(w in report for w in LEVEL_WORDS)
    assert words in report  # quoted from the ad as written
    assert "h:yes" in all_payloads(response)  # trafficking signs: a human is offered
    assert "h:text" not in all_payloads(response)  # the ad is not kept to be shared


@pytest.mark.parametrize(("lang", "text"), CRIES, ids=[f"{c[0]}-{n}" for n, c in enumerate(CRIES)])
async def test_adcheck8_a_cry_for_help_after_checkad_gets_the_emergency_reply_first(
    chat: Chat, lang: str, text: str,
) -> None:
    chat.language_code = lang
    await chat.command("/start")
    await chat.command("/checkad")
    response = await chat.say(text)
    assert _emergency_first(response)
    assert not any(w in _joined(response) for w in FLAG_WORDS)


@pytest.mark.parametrize(("lang", "ad", "words"), DANGER_ADS,
                         ids=["ru", "be", "en", "translit"])
@pytest.mark.parametrize("forwarded", [False, True], ids=["pasted", "forwarded"])
async def test_adcheck8_an_ad_with_danger_words_without_checkad_is_offered_its_check(
    chat: Chat, lang: str, ad: str, words: str, forwarded: bool,
) -> None:
    """Not asked for a check, the bot cannot tell a forwarded cry from an ad: when the triage
    reads danger the numbers come first, and the check is offered in any case; pressing it
    gives the ad's flags and level."""
    chat.language_code = lang
    await chat.command("/start")
    response = await chat.say(ad, forwarded=forwarded)
    if "112" in _joined(response):
        assert _emergency_first(response)
    report = _joined(await chat.press(_offer_payload(response)))
    assert any(w in report for w in FLAG_WORDS) and words in report
    assert any(w in report for w in LEVEL_WORDS)


@pytest.mark.parametrize(("lang", "text"), CRIES[1:3], ids=["ru", "be"])
async def test_adcheck8_a_typed_cry_without_checkad_is_not_offered_a_check(
    chat: Chat, lang: str, text: str,
) -> None:
    chat.language_code = lang
    await chat.command("/start")
    response = await chat.say(text)
    assert _emergency_first(response)
    assert not any(p.startswith("ad:") for p in all_payloads(response))


SCAM_A = ("Работа в Польше на складе, 3000 евро в месяц, опыт не нужен. За оформление визы "
          "200 евро, пишите в телеграм @pl_sklad_job, осталось 2 места.")
SCAM_B = ("Праца ў Літве на заводзе, 2800 еўра, вопыт не патрэбны. Трэба заплаціць 150 еўра за "
          "афармленне, пішыце ў вайбер +370 600 00000.")


async def test_adcheck8_an_earlier_offers_check_button_never_checks_the_later_ad(
    chat: Chat,
) -> None:
    chat.language_code = "ru"
    await chat.command("/start")
    first = _offer_payload(await chat.say(SCAM_A))
    second_offer = await chat.say(SCAM_B)
    second = _offer_payload(second_offer)
    assert first != second
    stale = await chat.press(first)
    text = _joined(stale)
    assert "более раннего объявления" in text and "Тревожных признаков" not in text
    assert _offer_payload(stale) == second  # the later ad is offered again, still held
    report = _joined(await chat.press(second))
    assert "афармленне" in report and "Тревожных признаков" in report


async def test_adcheck8_an_earlier_offers_no_button_keeps_the_later_ad(chat: Chat) -> None:
    chat.language_code = "ru"
    await chat.command("/start")
    first_no = _offer_payload(await chat.say(SCAM_A), "ad:no")
    second = _offer_payload(await chat.say(SCAM_B))
    stale = _joined(await chat.press(first_no))
    assert "более раннего объявления" in stale  # the ads are Russian: so is the conversation
    assert "Тревожных признаков" in _joined(await chat.press(second))


@pytest.mark.parametrize("lang", ["ru", "be", "en"])
async def test_adcheck8_a_check_button_pressed_after_its_ad_was_checked_gets_a_clear_reply(
    chat: Chat, lang: str,
) -> None:
    chat.language_code = lang
    await chat.command("/start")
    payload = _offer_payload(await chat.say(SCAM_A))
    await chat.press(payload)
    again = await chat.press(payload)  # the same button, later
    reply = _joined(again)
    assert texts(again) and not any(w in reply for w in FLAG_WORDS)
    assert "m:menu" in all_payloads(again)  # a way on, not a dead end
    # the person then pastes the ad again: it is checked
    pasted = _joined(await chat.say(SCAM_A))
    assert any(w in pasted for w in FLAG_WORDS)


async def test_adcheck8_a_stale_check_button_does_not_replace_the_question_the_person_owes(
    chat: Chat,
) -> None:
    """On the at-risk path ("which country are you in?"), an old check button answers that the
    ad is gone, and the next message still answers the question, not taken for an ad."""
    chat.language_code = "ru"
    await chat.command("/start")
    payload = _offer_payload(await chat.say(SCAM_A))
    await chat.press(payload)
    await chat.say("меня заперли, помогите")
    stale = _joined(await chat.press(payload))
    assert "Пришлите его ещё раз" in stale
    answer = _joined(await chat.say("Польша"))
    assert "слишком короткий" not in answer and "Тревожных признаков" not in answer
