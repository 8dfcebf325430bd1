"""A pasted chat with an agency (ad33, bot/core/adchat.py): the job-seeker's questions that the
next turn answers are read as blank; a confirmed question, an unanswered one and the recruiter's
own are read as written, and so is a question that presupposes the sign unless the answer
denies it (ad33h)."""

from __future__ import annotations

import pytest

from bot.content.loader import ContentHolder
from bot.core.adchat import ChatQuestions


@pytest.fixture(scope="module")
def chat(content_holder: ContentHolder) -> ChatQuestions:
    rules = content_holder.content.ad_check
    assert rules is not None and rules.chat is not None
    return ChatQuestions(rules.chat)


def _asked(chat: ChatQuestions, text: str) -> list[str]:
    return [text[s.start : s.end] for s in chat.asked(text)]


def test_seekers_answered_questions_are_blank_and_the_answers_are_kept(
    chat: ChatQuestions,
) -> None:
    text = ("Вось перапіска, паглядзіце:\n— Колькі каштуе афармленне?\n— Нічога, плаціць "
            "працадаўца.\n— А пашпарт вам пакідаць?\n— Не, ён заўсёды ў вас.")
    assert _asked(chat, text) == ["Колькі каштуе афармленне?", "А пашпарт вам пакідаць?"]
    blank = chat.unasked(text)
    assert len(blank) == len(text)
    assert "пашпарт вам" not in blank and "Не, ён заўсёды ў вас." in blank


@pytest.mark.parametrize("text", [
    "— А паспорт вам сдавать?\n— Да, до конца оформления.",  # confirmed
    "— А пашпарт вам аддаваць?\n— Так, на час афармлення.",
    "- Do you keep the passports?\n- Yes, while the visa is processed.",
    "— Сколько стоят ваши услуги?",  # nothing answers it
    "— Сколько стоят ваши услуги?\n— А вы откуда?",  # answered by a question
    "— Готовы перевести 150 € депозита до среды?\n— Нет, у меня нет таких денег.",  # recruiter's
    "— Гатовыя ўнесці 150 € дэпазіту да серады?\n— Не, у мяне няма такіх грошай.",
    "- Could you post your original passport to us?\n- I am not sure.",
    "Сколько стоит оформление? Всё бесплатно.",  # no chat turns
])
def test_other_questions_are_read_as_written(chat: ChatQuestions, text: str) -> None:
    assert chat.asked(text) == []
    assert chat.unasked(text) == text


@pytest.mark.parametrize("text", [
    "— Кому отдавать паспорт?\n— Координатору в аэропорту.",
    "— А паспорт кому оставлять?\n— Бригадиру на складе.",
    "— Куда переводить 200 евро?\n— На карту менеджера.",
    "Я: Сколько платить за оформление?\nМенеджер: 250 евро.",
    "— Каму аддаваць пашпарт?\n— Каардынатару ў аэрапорце.",
    "— Колькі плаціць за афармленне?\n— 150 еўра.",
    "- Who do I give my passport to?\n- Our driver at the bus.",
    "- Where do I send the deposit?\n- To my Revolut.",
    "- And how much is the fee?\n- 120 euro.",
    "— Kuda perevodit zalog?\n— Na kartu menedzhera.",
])
def test_a_question_that_presupposes_the_sign_keeps_it(chat: ChatQuestions, text: str) -> None:
    """A wh-question about handing over or paying takes it as given: answered by whom, where
    or how much, it is read as written."""
    assert chat.asked(text) == []


@pytest.mark.parametrize("text", [
    "— Кому отдавать паспорт?\n— Никому, он всегда у вас.",
    "Я: Кому отдавать паспорт?\nМенеджер: Никому.",
    "— Сколько стоит оформление?\n— Для вас бесплатно, платит работодатель.",
    "— Когда платить за оформление?\n— Платить не нужно, всё за счёт работодателя.",
    "— Каму аддаваць пашпарт?\n— Нікому, ён заўсёды ў вас.",
    "— Колькі каштуе афармленне?\n— 0 еўра, плаціць працадаўца.",
    "- Who do I give my passport to?\n- No one, it always stays with you.",
    "- How much do I pay for the paperwork?\n- Nothing, the employer covers it.",
    "— Komu otdavat pasport?\n— Nikomu, on vsegda u vas.",
    "— Кому-нибудь надо отдавать паспорт?\n— Паспорт у вас на руках.",  # a yes/no question
    "- Do I have to pay anything?\n- The employer handles it.",
    "— А контракт когда подписываем?\n— В нашем офисе до подачи на визу.",  # no handing or paying
])
def test_a_denied_presupposition_or_a_yes_no_question_is_blank(
    chat: ChatQuestions, text: str,
) -> None:
    [question] = _asked(chat, text)
    assert question.endswith("?") and question in text.split("\n")[0]
    assert question not in chat.unasked(text)


def test_english_my_is_not_the_russian_we(chat: ChatQuestions) -> None:
    """Only a transliterated chat is read again in Cyrillic: "my passport" is no "мы"."""
    text = "- Do I have to give you my passport?\n- No, it always stays with you."
    assert _asked(chat, text) == ["Do I have to give you my passport?"]


def test_transliterated_chat_is_read_in_cyrillic(chat: ChatQuestions) -> None:
    text = "— A pasport vam nado otdavat?\n— Net, on vsegda u vas.\n— Gotovy vnesti zalog?\n— Net."
    assert _asked(chat, text) == ["A pasport vam nado otdavat?"]


def test_without_a_chat_section_nothing_is_blank() -> None:
    text = "— А паспорт вам сдавать?\n— Нет."
    assert ChatQuestions(None).unasked(text) == text


@pytest.mark.parametrize("text", [
    "— Паспорт нужно будет сдать?\n— Только на время оформления, бригадиру.",
    "— Пашпарт трэба аддаць?\n— Толькі брыгадзіру, на час афармлення.",
    "- Is there a charge for the paperwork?\n- Just the standard 250, paid to our office.",
    "— Za vizu platit samomu?\n— Obychno 180 evro, menedzheru.",
])
def test_a_yes_no_question_the_answer_implies_keeps_it(chat: ChatQuestions, text: str) -> None:
    """ad34a: an answer that names to whom, how, when or how much agrees without a "yes"."""
    assert chat.asked(text) == []


@pytest.mark.parametrize("text", [
    "— Паспорт нужно будет сдать?\n— Нет, только показать координатору при встрече.",
    "— Пашпарт трэба аддаць?\n— Ні, ніколі, брыгадзіру ён не патрэбны.",
    "- Do I hand over my passport?\n- Keep it on you, the coordinator only needs a scan.",
    "- Is there a charge for the paperwork?\n- It's free, the office pays it.",
])
def test_a_yes_no_question_the_answer_denies_stays_blank(chat: ChatQuestions, text: str) -> None:
    """ad34a: a denial wins over the words that would imply a yes (a coordinator, an office)."""
    [question] = _asked(chat, text)
    assert question not in chat.unasked(text)
