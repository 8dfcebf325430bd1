"""Where the person is decides whose numbers a person in danger gets (where12, a fresh
tester's findings): a country in a film or a book is not where they are; a danger message is
never used up as the answer to an earlier country question; a friend's forwarded "я в Дубае"
is the friend's; "не знаю" and "Poland or Germany" are answers; the privacy notice comes at
first contact only; a stranded person who names their city gets its numbers.

The real engine over the real content, recogniser and triage; ru, be, en and transliterated
Russian, and each kind's other side.
"""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.content.models import Content
from bot.core.country_answer import dont_know
from bot.core.engine import DialogueEngine
from bot.core.events import CaseStatus, EventKind, IncomingEvent, Response
from bot.core.presence import says_here, talks_about
from bot.i18n import I18n
from tests.core.test_at_risk_path import OFFER, assert_not_stuck, location, name, numbers, said
from tests.helpers.chat import Chat, payloads

DANGER = {
    "ru": "меня заперли и отобрали паспорт",
    "be": "мяне зачынілі і забралі пашпарт",
    "en": "my boss took my passport and locks the door at night",
    "translit": "menya zaperli i otobrali pasport",
}


@pytest.fixture
def content(content_holder: ContentHolder) -> Content:
    return content_holder.content


def lang_of(key: str) -> str:
    return "ru" if key == "translit" else key


def chat_in(engine: DialogueEngine, key: str) -> tuple[str, Chat]:
    """The language of `key` ("translit" is Russian) and a new person writing in it."""
    lang = lang_of(key)
    return lang, Chat(engine, language_code=lang)


async def after_closed_case(engine: DialogueEngine, chat: Chat, text: str) -> Response:
    """`text` from the person once a case opened for them (as a check-in or a code word opens
    one, whatever the bot was asking) has closed."""
    await engine.keep_case(chat.user_key, CaseStatus("c0ffee"))
    event = IncomingEvent(chat.user_key, chat.chat_key, EventKind.TEXT, text=text,
                          language_code=chat.language_code)
    return await engine.handle(event, CaseStatus(None))


async def answers_where(engine: DialogueEngine, lang: str, answer: str) -> tuple[Chat, Response]:
    """A person in danger who is asked which country they are in, and answers `answer`."""
    chat = Chat(engine, language_code=lang)
    await chat.say(DANGER[lang])
    return chat, await chat.say(answer)


IN_POLAND = {"ru": "я в Польше", "be": "я ў Польшчы", "en": "I'm in Poland",
             "translit": "ya v Polshe"}


def asks_where(content: Content, response: Response, lang: str) -> bool:
    return content.messages.ask_country.get(lang).strip() in said(response)


def privacy(content: Content, lang: str) -> str:
    return content.messages.privacy_notice.get(lang).strip()[:40]


# ---------------------------------------------------------------------- 1. a story's country
@pytest.mark.parametrize(("key", "story"), [
    ("en", "I'm watching a documentary about human trafficking in Thailand, any good books on "
           "the topic?"),
    ("ru", "Я смотрю фильм про торговлю людьми в Таиланде, посоветуйте книги на эту тему"),
    ("be", "Я чытаю кнігу пра гандаль людзьмі ў Тайландзе, што яшчэ пачытаць?"),
    ("translit", "ya smotryu film pro torgovlyu lyudmi v Tailande, posovetuyte knigi"),
])
async def test_a_country_in_a_film_or_a_book_is_not_where_the_person_is(
    engine: DialogueEngine, content: Content, i18n: I18n, key: str, story: str
) -> None:
    lang, chat = chat_in(engine, key)
    told = await chat.say(story)
    thailand = name(content, "TH", lang)
    pages = i18n.translator(lang).gettext("Help lines: {country}").format(country=thailand)
    assert pages not in said(told)  # neither where the person is nor a page they asked for
    assert await location(engine, chat) is None
    danger = await chat.say(DANGER[key])
    first = danger.replies[0].text
    assert first.startswith(content.messages.risk_intro.get(lang).strip())
    assert "112" in first and thailand not in said(danger)
    assert asks_where(content, danger, lang)
    assert await location(engine, chat) is None


@pytest.mark.parametrize(
    "text",
    ["I read about Dubai, my boss took my passport", "читала статью про Дубай, у меня забрали "
     "паспорт", "chitala pro Dubai, u menya zabrali pasport"],
)
async def test_a_country_read_about_in_a_danger_message_is_not_taken_as_where(
    engine: DialogueEngine, content: Content, text: str
) -> None:
    chat = Chat(engine, language_code="en" if text.startswith("I") else "ru")
    response = await chat.say(text)
    assert "112" in response.replies[0].text
    assert await location(engine, chat) is None
    assert asks_where(content, response, chat.language_code or "ru")


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [("en", "I'm in Thailand, watching a documentary about trafficking", "TH"),
     ("en", "my boss took my passport in Poland, I need to talk to someone", "PL"),
     ("ru", "я сейчас в Польше, смотрю фильм", "PL"),
     ("be", "я ўжо ў Літве, чытаю кнігу", "LT"),
     ("ru", "ya uzhe v Ispanii, chitayu novosti", "ES")],
)
async def test_someone_placed_there_who_also_watches_a_film_is_there(
    engine: DialogueEngine, lang: str, text: str, code: str
) -> None:
    chat = Chat(engine, language_code=lang)
    await chat.say(text)
    assert await location(engine, chat) == code


@pytest.mark.parametrize("text", ["I read about Dubai", "a film set in Thailand",
                                  "мы смотрели репортаж о Польше", "я чытаю пра Польшчу",
                                  "ya smotryu serial pro Turciyu"])
def test_what_someone_watches_or_reads_about_is_a_story(text: str) -> None:
    assert talks_about(text) and not says_here(text)


# ---------------------------------------------------------------------- 2. an open question
@pytest.mark.parametrize("key", list(DANGER))
async def test_a_danger_message_after_an_unanswered_country_question_asks_where(
    engine: DialogueEngine, content: Content, i18n: I18n, key: str
) -> None:
    lang, chat = chat_in(engine, key)
    await chat.command("/hotlines")  # "which country are you in?" shown, never answered
    response = await chat.say(DANGER[key])
    assert response.replies[0].text.startswith(content.messages.risk_intro.get(lang).strip())
    assert "112" in response.replies[0].text
    assert i18n.translator(lang).gettext("another country") not in said(response)
    assert asks_where(content, response, lang)
    answer = await chat.say(IN_POLAND[key])
    assert numbers(content, "pl-kcik")[0] in said(answer)
    assert payloads(answer.replies[-1]) == OFFER


async def test_a_person_who_said_they_do_not_know_is_not_asked_again(
    engine: DialogueEngine, content: Content
) -> None:
    chat = Chat(engine, language_code="ru")
    await chat.say(DANGER["ru"])
    await chat.say("не знаю")
    await chat.press("h:no")
    again = await chat.say("мне опять угрожают, помогите")
    assert "112" in said(again)
    assert not asks_where(content, again, "ru")
    assert payloads(again.replies[-1]) == OFFER


async def test_after_a_closed_case_a_new_danger_asks_where_again(
    engine: DialogueEngine, content: Content, i18n: I18n
) -> None:
    chat = Chat(engine, language_code="ru")
    await chat.command("/hotlines")  # "which country are you in?" left unanswered
    again = await after_closed_case(engine, chat, "мне опять угрожают, помогите")
    assert "112" in said(again)
    assert i18n.translator("ru").gettext("another country") not in said(again)
    assert asks_where(content, again, "ru")
    assert privacy(content, "ru") not in said(again)


async def test_do_not_know_holds_until_the_case_closes(
    engine: DialogueEngine, content: Content
) -> None:
    chat, _ = await answers_where(engine, "ru", "не знаю")
    again = await after_closed_case(engine, chat, "мне опять угрожают, помогите")
    assert "112" in said(again)
    assert asks_where(content, again, "ru")


# ---------------------------------------------------------------------- 3. a friend's forward
FRIEND = {
    "ru": "Лена, у меня забрали паспорт и не выпускают, я в Дубае, помоги",
    "be": "Лена, у мяне забралі пашпарт і не выпускаюць, я ў Дубаі, дапамажы",
    "en": "Lena, they took my passport and won't let me out, I'm in Dubai, help me",
    "translit": "Lena, u menya zabrali pasport i ne vypuskayut, ya v Dubae, pomogi",
}


@pytest.mark.parametrize("key", list(FRIEND))
async def test_a_forwarded_danger_message_gets_numbers_for_where_the_friend_is(
    engine: DialogueEngine, content: Content, i18n: I18n, key: str
) -> None:
    lang, chat = chat_in(engine, key)
    await chat.say(IN_POLAND[key])
    response = await chat.say(FRIEND[key], forwarded=True)
    first = response.replies[0].text
    assert first.startswith(content.messages.risk_intro.get(lang).strip())  # numbers first
    heading = i18n.translator(lang).gettext(
        "Numbers for {country}, where the person who wrote this message is."
    ).format(country=content.countries["AE"].name.get(lang))
    assert heading in first
    assert all(n in first for i in content.countries["AE"].emergency
               for n in numbers(content, i))
    # Not advice about the forwarder's own passport, and their own country is kept.
    advice = content.answers["risk_documents_withheld"].text.get(lang).strip()[:40]
    assert advice not in said(response)
    assert payloads(response.replies[-1]) == OFFER
    assert await location(engine, chat) == "PL"


@pytest.mark.parametrize("key", ["ru", "en"])
async def test_the_same_words_typed_by_the_person_are_where_they_are(
    engine: DialogueEngine, content: Content, key: str
) -> None:
    chat = Chat(engine, language_code=key)
    response = await chat.say(FRIEND[key])
    assert content.countries["AE"].name.get(key) in response.replies[0].text
    assert await location(engine, chat) == "AE"


# ---------------------------------------------------------------------- 4. the answers
@pytest.mark.parametrize(("lang", "answer"), [
    ("ru", "не знаю"), ("ru", "без понятия"), ("be", "не ведаю"), ("en", "I don't know"),
    ("en", "no idea"), ("ru", "ne znayu"), ("ru", "хз где я")])
async def test_do_not_know_gets_the_numbers_for_anywhere_without_a_reproach(
    engine: DialogueEngine, content: Content, i18n: I18n, lang: str, answer: str
) -> None:
    _chat, response = await answers_where(engine, lang, answer)
    tr = i18n.translator(lang)
    text = said(response)
    assert tr.gettext("I did not recognise the country.") not in text
    assert tr.gettext("another country") not in text
    assert tr.gettext("Where to call from any country:") in text and "112" in text
    for hotline in content.hotlines.values():
        if hotline.country == "INT" and hotline.offered:
            assert hotline.name.get(lang) in text
    assert_not_stuck(content, response, lang)
    assert payloads(response.replies[-1]) == OFFER


@pytest.mark.parametrize(("lang", "answer"), [
    ("en", "maybe Poland or Germany, I am not sure"), ("ru", "Польша или Германия, не уверена"),
    ("be", "Польшча ці Германія"), ("ru", "to li v Polshe, to li v Germanii")])
async def test_two_countries_named_get_the_numbers_for_both(
    engine: DialogueEngine, content: Content, i18n: I18n, lang: str, answer: str
) -> None:
    chat, response = await answers_where(engine, lang, answer)
    text = said(response)
    assert i18n.translator(lang).gettext("I did not recognise the country.") not in text
    for code in ("PL", "DE"):
        assert content.countries[code].name.get(lang) in text
    assert numbers(content, "pl-kcik")[0] in text
    assert payloads(response.replies[-1]) == OFFER
    assert await location(engine, chat) is None  # which of the two is not known


async def test_a_word_that_is_no_country_is_still_not_recognised(
    engine: DialogueEngine, i18n: I18n
) -> None:
    _chat, response = await answers_where(engine, "ru", "asdf")
    tr = i18n.translator("ru")
    assert tr.gettext("I did not recognise the country.") in said(response)
    assert tr.gettext("Where to call from any country:") in said(response)


@pytest.mark.parametrize("text", ["не знаю, как получить визу в Польшу и что делать потом",
                                  "знаю", "I know", "Польша"])
def test_do_not_know_is_a_short_answer_saying_so(text: str) -> None:
    assert not dont_know(text)


# ---------------------------------------------------------------------- 5. the privacy notice
@pytest.mark.parametrize("lang", ["ru", "be", "en"])
async def test_the_privacy_notice_never_comes_between_an_offer_and_its_answer(
    engine: DialogueEngine, content: Content, lang: str
) -> None:
    chat = Chat(engine, language_code=lang)
    await chat.say({"ru": "Я в Польше, у меня забрали паспорт",
                    "be": "Я ў Літве, у мяне забралі пашпарт",
                    "en": "I'm in Dubai, my employer took my passport"}[lang])
    await chat.press("h:no")
    later = await chat.say({"ru": "вообще-то да, я хочу поговорить с человеком",
                            "be": "наогул так, я хачу пагаварыць з чалавекам",
                            "en": "actually yes I want to talk to someone"}[lang])
    assert privacy(content, lang) not in said(later)
    assert "h:yes" in payloads(later.replies[-1])


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "actually yes I want to talk to someone"),
    ("ru", "вообще-то да, я хочу поговорить с человеком")])
async def test_asking_for_a_person_instead_of_the_country_gets_the_offer_with_numbers(
    engine: DialogueEngine, i18n: I18n, lang: str, text: str
) -> None:
    chat = Chat(engine, language_code=lang)
    await chat.say(DANGER[lang])  # "which country are you in?" still open after the decline
    await chat.press("h:no")
    response = await chat.say(text)
    assert i18n.translator(lang).gettext("I did not recognise the country.") not in said(
        response)
    assert "112" in said(response) and "h:yes" in payloads(response.replies[-1])


async def test_the_privacy_notice_is_not_said_after_a_closed_case(
    engine: DialogueEngine, content: Content
) -> None:
    lang, chat = chat_in(engine, "be")
    for step in (chat.say(DANGER[lang]), chat.press("c:PL"), chat.press("h:yes")):
        await step
    response = await after_closed_case(engine, chat, "дзякуй, усё добра")
    assert privacy(content, "be") not in said(response)


@pytest.mark.parametrize("lang", ["ru", "be", "en"])
async def test_the_privacy_notice_is_said_once_at_first_contact(
    engine: DialogueEngine, content: Content, lang: str
) -> None:
    chat = Chat(engine, language_code=lang)
    first = await chat.say({"ru": "привет", "be": "прывітанне", "en": "hello"}[lang])
    assert privacy(content, lang) in said(first)
    second = await chat.say({"ru": "как найти работу в Польше?", "be": "як знайсці працу ў "
                             "Польшчы?", "en": "how do I find work in Poland?"}[lang])
    assert privacy(content, lang) not in said(second)


# ---------------------------------------------------------------------- 6. stranded, city named
@pytest.mark.parametrize(("key", "stranded"), [
    ("ru", "Привет, подскажите как вернуться домой, денег нет, документов нет, я в Варшаве"),
    ("be", "Прывітанне, падкажыце як вярнуцца дадому, грошай няма, дакументаў няма, я ў Варшаве"),
    ("en", "Hi, how do I get back home, no money, no documents, I'm in Warsaw"),
    ("translit", "privet, podskazhite kak vernutsya domoy, deneg net, dokumentov net, "
                 "ya v Varshave"),
])
async def test_a_stranded_person_who_names_their_city_gets_its_numbers(
    engine: DialogueEngine, content: Content, key: str, stranded: str
) -> None:
    lang, chat = chat_in(engine, key)
    response = await chat.say(stranded)
    assert numbers(content, "pl-kcik")[0] in said(response)
    assert content.countries["PL"].name.get(lang) in said(response)
    assert await location(engine, chat) == "PL"


async def test_a_stranded_person_who_names_no_place_is_not_given_a_country(
    engine: DialogueEngine, content: Content
) -> None:
    chat = Chat(engine, language_code="ru")
    response = await chat.say("подскажите как вернуться домой, денег нет, документов нет")
    assert numbers(content, "pl-kcik")[0] not in said(response)
    assert await location(engine, chat) is None
