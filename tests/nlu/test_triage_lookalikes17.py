"""Round 17 of issue 10: set 13's false alarms (other than a past harm told from safety and a
dismissal looming), as kinds.

False alarms (the benign side):
* a danger joked about that is over: let out already ("заперли в туалете 😂 уже выпустили"),
  or "sold" to another team at work ("меня продали в другую бригаду 😂"), then an ordinary
  question (`bot.nlu.joke_frame`, content/triage_words.yaml `joke_frame`);
* a cry word in capitals on an ordinary errand: an exchange office, a flat, a SIM card, a doctor
  (training lines nlu/data/*/lookalike17.yml);
* a new arrival's errand: "where can I buy a SIM card, я только приехал" (training lines);
* a landlord's deposit not given back (`bot.nlu.borrowed.held_deposit`);
* a deduction the contract writes down, confirmed after the question, transliterated
  (`bot.nlu.written_terms`);
* a stranded friend whose passport is with her and whom nobody holds (`bot.nlu.not_held`).

Every kind has its risk side in the same words: locked in now with an emoji, "ПОМОГИТЕ меня не
выпускают", a passport kept as a deposit by an employer, deductions that make a growing debt,
a passport with a boss who does not give it back. Wordings are ours, not nlu/data's. The tables
run in test_triage_lookalikes.py with the other rounds'.
"""

from __future__ import annotations

import pytest

from bot.core.danger_phrases import DangerPhraseMatcher
from bot.nlu.normalize import clean
from tests.helpers.engine import content_jokes, content_let_offs

NOT_AN_ALARM = {
    "a_danger_joked_about_that_is_over": [
        "Меня продали в другую бригаду 😂 теперь я на покраске, зарплата та же. Нужно ли "
        "переподписывать договор?",
        "ахах нас продали в другой цех 😂 а отпуск теперь у кого оформлять?",
        "khaha menya na sklade zaperli v tualete 😂 zamok zaklinilo, uzhe vypustili. Gde tut "
        "deshevo poest?",
        "меня заперли в туалете на работе 😂 замок сломался, уже выпустили. Где в Риге вкусный "
        "кофе?",
        "мяне прадалі ў іншую брыгаду 😂 заробак той жа. Ці трэба новая дамова?",
        "lol got locked in the bathroom at work, they already let me out 😂 where can I get lunch "
        "nearby?",
        "haha they sold me to another team 😂 same pay. do I need a new contract?",
    ],
    "a_cry_word_on_an_ordinary_errand": [
        "ПОМОГИТЕ НАЙТИ НОРМАЛЬНЫЙ ОБМЕННИК В КАУНАСЕ 😅",
        "ПОМОГИТЕ НАЙТИ ЖИЛЬЁ В ПОЗНАНИ НЕДОРОГО",
        "помогите найти терапевта в Лодзи 🙏",
        "ДАПАМАЖЫЦЕ ЗНАЙСЦІ СІМ-КАРТУ Ў ЛІТВЕ 😅",
        "HELP ME FIND A CHEAP ROOM IN RIGA 😅",
        "POMOGITE NAJTI OBMENNIK V VILNYUSE 😅",
    ],
    "a_new_arrivals_errand": [
        "where can I buy a Polish SIM card, я только приехал",
        "я только приехала в Варшаву, где купить симку?",
        "я толькі прыехаў у Вільню, дзе купіць сім-карту?",
        "just arrived in Tallinn, where do I buy a SIM card?",
        "ya tolko priehal v Gdansk, gde kupit sim kartu?",
    ],
    "a_landlords_deposit": [
        "my landlord in Leipzig is holding my deposit and won't give it back after I moved out, "
        "what can I do?",
        "хозяйка квартиры не отдаёт залог, хотя я съехала неделю назад",
        "гаспадар кватэры не вяртае заклад пасля выезду",
        "hozyaika kvartiry ne otdaet zalog, chto delat?",
    ],
    "a_deduction_the_contract_writes_down": [
        "vychitayut za zhilye 300 evro eto normalno? po dogovoru vrode tak",
        "вычитают за жильё 280 евро, это законно? так в договоре",
        "they deduct 250 euros for housing, is that legal? it's in the contract",
    ],
    "a_stranded_friend_nobody_holds": [
        "Znakomaya v Batumi ostalas bez deneg, vse potratila, pasport u nee, nikto ee ne "
        "derzhit. Kak ej vernutsya domoj?",
        "Подруга в Анталье осталась без денег, паспорт у неё, её никто не держит. Как ей "
        "вернуться?",
        "Сяброўка ў Батумі засталася без грошай, пашпарт у яе, ніхто яе не трымае. Як ёй "
        "вярнуцца?",
        "my friend in Batumi ran out of money, she has her passport, nobody is holding her, how "
        "can she get home?",
    ],
}  # fmt: skip
STILL_AT_RISK = {
    "locked_in_now_with_an_emoji": [
        "меня заперли в туалете на работе 😂 ещё не выпустили, как выйти?",
        "нас заперли на складе 😅",
        "nas zaperli na sklade 😂 kak vyjti?",
        "they locked me in the storeroom lol still can't get out",
        "нас заперли на ночь, утром уже выпустили 😂 и так каждый день",
        "меня продали в другую бригаду 😂 помогите",
        "меня продали другому хозяину 😂",
    ],
    "a_cry_about_the_person": [
        "ПОМОГИТЕ меня не выпускают", "ПОМОГИТЕ НАЙТИ ВЫХОД, НАС ДЕРЖАТ НА ФЕРМЕ",
        "ДАПАМАЖЫЦЕ мяне не выпускаюць", "HELP they won't let me out",
        "pomogite menya ne vypuskayut",
    ],
    "a_new_arrival_held": [
        "я только приехал, а паспорт сразу забрали на работе",
        "I just arrived and they took my passport at the farm",
        "ya tolko priehal, a pasport zabrali i ne otdayut",
    ],
    "a_passport_as_a_deposit": [
        "the employer holds my passport as a deposit",
        "хозяин квартиры забрал паспорт в залог и не отдаёт",
        "работодатель держит паспорт как залог, пока не отработаю",
    ],
    "deductions_that_make_a_debt": [
        "vychitayut za zhilye 300 evro, dolg rastet, ne otpuskayut, po dogovoru vrode tak",
        "вычитают за жильё столько, что я всё время должен, уйти не дают",
        "вычитают за жильё 300 евро, а в договоре такого нет, это нормально?",
    ],
    "held_without_a_landlord_or_a_contract_term": [
        "начальник удерживает всю зарплату до конца сезона",
        "наймальнік утрымлівае ўвесь заробак да канца сезона",
        "landlord won't give me back my ID card until I move out, I want to leave now",
        "my husband's firm keeps back his pay since spring and calls it a deposit until the "
        "contract ends",
    ],
    "a_passport_with_someone_else": [
        "паспорт у неё, нас никто не выпускает",
        "pasport u nee i ne otdaet, uiti nelzya",
    ],
}  # fmt: skip


def _tokens(text: str) -> list[str]:
    return clean(text).split()


@pytest.mark.parametrize(
    ("text", "over"),
    [("заперли в туалете 😂 уже выпустили", True), ("zaperli 😂 uzhe vypustili", True),
     ("they locked me in lol, already let me out", True),
     ("заперли в туалете 😂 ещё не выпустили", False),
     ("заперли, уже выпустили, не смешно 😂", False),
     ("заперли на ночь, уже выпустили 😂 и так каждый день", False),
     ("заперли в туалете, уже выпустили", False)],
)  # fmt: skip
def test_a_danger_is_over_only_when_let_out_and_laughed_at(text: str, over: bool) -> None:
    assert content_jokes().over(_tokens(text), text) is over


def test_a_transfer_counts_right_after_the_sale() -> None:
    jokes = content_jokes()
    text = "меня продали в другую бригаду 😂"
    assert jokes.transfer_after(_tokens(text), text, 2)
    assert not jokes.transfer_after(_tokens(text), text, 0)
    plain = "меня продали в другую бригаду"
    assert not jokes.transfer_after(_tokens(plain), plain, 2)


@pytest.mark.parametrize(
    ("text", "deposit"),
    [("my landlord won't give back my deposit", True), ("хозяин квартиры не отдаёт залог", True),
     ("the employer holds my passport as a deposit", False),
     ("хозяин квартиры забрал паспорт в залог", False),
     ("landlord is my boss, he holds our deposit and salary", False),
     ("работодатель не возвращает залог за общежитие", False)],
)  # fmt: skip
def test_a_deposit_holds_no_one_unless_a_person_is_held_by_it(text: str, deposit: bool) -> None:
    assert content_let_offs().borrowed.held_deposit(_tokens(text)) is deposit


@pytest.mark.parametrize(
    "text",
    ["khaha menya zaperli v tualete 😂 uzhe vypustili, gde poest?",
     "меня продали в другую бригаду 😂 зарплата та же",
     "my landlord is holding my deposit and won't give it back",
     "vychitayut za zhilye 300 evro eto normalno? po dogovoru vrode tak",
     "pasport u nee, nikto ee ne derzhit"],
)  # fmt: skip
def test_no_danger_phrase_fires_on_these(matcher: DangerPhraseMatcher, text: str) -> None:
    assert not matcher.find(text), (text, matcher.find(text))


@pytest.mark.parametrize(
    "text",
    ["меня заперли в туалете 😂 ещё не выпустили", "меня продали другому хозяину 😂",
     "the employer holds my passport as a deposit and won't give it back",
     "вычитают за жильё 300 евро, а в договоре такого нет, это нормально?",
     "паспорт у неё, нас никто не выпускает"],
)  # fmt: skip
def test_the_danger_phrases_still_fire(matcher: DangerPhraseMatcher, text: str) -> None:
    assert matcher.find(text), text
