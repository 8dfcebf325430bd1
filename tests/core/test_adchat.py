"""A pasted chat with an agency (ad33, bot/core/adchat.py): the job-seeker's questions that the
next turn answers are read as blank; a confirmed question, an unanswered one and the recruiter's
own are read as written."""

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
