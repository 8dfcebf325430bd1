"""Round 16 of issue 10: a fresh tester's false alarms and set 12's miss, as kinds.

False alarms (the benign side; `bot.nlu.joke_frame`, `bot.nlu.everyday`, `bot.nlu.borrowed`):
* a joke with danger words, laughed at in an everyday setting nobody is held in (a party, the
  dishes, a boring job, locked OUT);
* "help" about a noisy neighbour or a thing locked (a locker, a bike);
* hyperbole: "помру без интернета 😅";
* a passport at an embassy, a consulate or a visa centre for a visa;
* everyday money: a friend owes me, pay a few days late for a holiday, the minimum wage;
* a dismissal looming ("мне угрожает увольнение"), not admitted to a shift without a health book.
Misses (the risk side): pay for fewer hours than worked, told as a present story.
Wrong intent: a past exploitation told from home as a complaint is report_case, not risk.

Every kind has its risk side in the same words: a laugh marker does not silence a present
danger ("they locked me in lol what do i do", "мяне зачынілі, не смешна"), crying is not
laughter ("help they locked me in 😭"), "помогите, меня не выпускают", "мне угрожают, если
уйду", "they haven't paid me for 3 months and won't let me leave", still there now.
Wordings are ours (the tester's few lines excepted), not nlu/data's. The tables run in
test_triage_lookalikes.py with the other rounds'.
"""

from __future__ import annotations

import pytest

from bot.core.danger_phrases import DangerPhraseMatcher
from bot.nlu.embedded import EmbeddedRecognizer
from bot.nlu.joke_frame import JokeFrame
from bot.nlu.normalize import clean
from tests.helpers.engine import content_jokes, content_let_offs

NOT_AN_ALARM = {
    "a_joke_in_an_everyday_setting": [
        "lol my wife locked me out 😂", "ha ha they locked me in the bathroom at the party",
        "I am trapped in a boring job lol",
        "Муж кажа, што я трымаю яго ў рабстве, бо прымушаю мыць посуд 😂",
        "ахаха жена заперла меня на балконе пока мою посуду 😂",
        "на вечеринке друзья закрыли меня в ванной ахах",
        "я в рабстве у своей кухни, опять посуда 😂",
        "zhena zaperla menya doma poka ne pomoyu posudu ahaha",
        "lol stuck at this boring job all day, trapped till 6 haha",
        "сябры зачынілі мяне ў ваннай на вечарыне 😂",
    ],
    "help_about_an_everyday_trouble": [
        "сосед сверлит стену с утра до ночи, помогите",
        "the gym locked my locker and I can't get my stuff, help",
        "соседи шумят каждую ночь, помогите, что делать",
        "сусед свідруе сцяну цэлы дзень, дапамажыце",
        "my neighbour plays loud music all night, help", "locked my bike and lost the key, help",
        "закрыла шкафчик в спортзале и потеряла ключ, помогите",
    ],
    "hyperbole": [
        "телефон сел, помру без интернета 😅", "я умру без кофе утром 😅",
        "I'll die without wifi here lol", "памру без інтэрнэту",
    ],
    "a_passport_with_a_lawful_holder": [
        "мой паспорт сейчас в посольстве на продление визы",
        "my passport is at the consulate for a visa extension",
        "паспарт у візавым цэнтры, чакаю візу", "паспорт в консульстве, оставила на продление визы",
        "the visa centre kept my passport for the visa, when will I get it back?",
        "пашпарт у амбасадзе на візу, калі вернуць?", "pasport v posolstve na prodlenie vizy",
    ],
    "everyday_money": [
        "a friend owes me 500 euros, how do I get it back",
        "salary delayed 3 days because of holidays",
        "minimum wage germany?", "друг должен мне 500 евро и не отдаёт, что делать",
        "сябар вінен мне 200 еўра", "brother owes me money for the car",
        "зарплату задержали на 2 дня из-за праздников", "zarplatu zaderzhali na 3 dnya",
        "заробак затрымалі на тры дні праз святы", "what is the minimum wage in poland?",
    ],
    "a_dismissal_or_a_shift_not_a_threat": [
        "мне угрожает увольнение, что делать", "не выпускаюць на працу без медкніжкі",
        "мне грозит увольнение, если не выйду в субботу?", "мне пагражае звальненне, што рабіць",
        "не выпускают на смену без медкнижки",
    ],
    "a_past_harm_reported_from_home": [
        "I worked in a greenhouse in 2024, they never paid me, I'm home now and want to report "
        "the agency",
        "в 2023 работал на ферме в Польше, мне не заплатили, сейчас я дома и хочу пожаловаться на "
        "агентство",
        "працавала ў Чэхіі летась, не заплацілі, я ўжо дома, хачу паскардзіцца на агенцтва",
        "rabotal v 2024 na sklade, ne zaplatili, ya uzhe doma, hochu pozhalovatsya",
    ],
    "fewer_hours_asked_about": [
        "can I work fewer hours on my contract?", "можно работать меньше часов по договору?",
    ],
}  # fmt: skip
STILL_AT_RISK = {
    "a_laugh_does_not_silence_a_present_danger": [
        "they locked me in lol what do i do", "мяне зачынілі, не смешна",
        "help they locked me in 😭", "нас заперли в офисе 😂",
        "boss locked us in the warehouse lol",
        "нас заперли в общежитии ахах что делать", "help they locked me in the room 😭",
        "they locked us in the warehouse haha not funny",
        "ахах нас не выпускают с фермы уже неделю",
        "мяне зачынілі на ферме 😂 дапамажыце",
    ],
    "help_about_a_person_held": [
        "помогите, меня не выпускают", "they locked me in the locker room, help",
        "помогите, нас закрыли на складе", "сосед по общежитию угрожает, помогите",
    ],
    "death_without_food_or_a_threat": [
        "умру без еды, нас не кормят", "они сказали что я умру если уйду",
        "i will die here, they beat me",
    ],
    "a_passport_kept_by_an_employer": [
        "мой паспорт у работодателя, не отдает",
        "работодатель забрал паспорт, говорит для визы, не возвращает уже 3 месяца",
    ],
    "wages_held": [
        "they haven't paid me for 3 months and won't let me leave",
        "boss owes me 3 months of wages",
        "зарплату задерживают уже третий месяц и не отпускают",
        "salary delayed again, 2 months now",
        "мне не платят 3 месяца и не выпускают",
    ],
    "a_person_threatens": [
        "мне угрожают, если уйду", "угрожают увольнением и побоями если пожалуюсь",
        "мне пагражаюць, калі сыду", "не выпускают из общежития без разрешения",
    ],
    "still_there_now": [
        "I work in a greenhouse, they never paid me, I'm still there",
        "работаю на ферме, не платят, хочу пожаловаться на агентство",
        "I'm still at the farm, they never paid me, I want to report the agency",
        "я уже дома, но они до сих пор держат мой паспорт, хочу сообщить",
    ],
    "paid_for_fewer_hours_than_worked": [
        "платят только за часть часов, работаем по 60, в ведомости пишут 35",
        "they pay us for fewer hours than we work, 40 instead of 60",
        "плацяць не за ўсе гадзіны, працуем 12 у дзень, а залічваюць 8",
        "The agency pays weekly but always for fewer hours than we do, 30 of 50",
    ],
}  # fmt: skip


def _tokens(text: str) -> list[str]:
    return clean(text).split()


@pytest.mark.parametrize(
    ("text", "joke"),
    [("ha ha they locked me in the bathroom at the party", True),
     ("I am trapped in a boring job lol", True), ("lol my wife locked me out 😂", True),
     ("they locked me in lol what do i do", False), ("help they locked me in 😭", False),
     ("мяне зачынілі на вечарыне, не смешна 😂", False), ("нас заперли в офисе 😂", False)],
)  # fmt: skip
def test_a_joke_needs_laughter_and_an_everyday_setting(text: str, joke: bool) -> None:
    assert content_jokes().frame(_tokens(text), text) is joke


def test_crying_is_not_laughter() -> None:
    jokes = content_jokes()
    assert not jokes.laughing(_tokens("help 😭"), "help 😭")
    assert jokes.laughing(_tokens("ha ha ok"), "ha ha ok")


def test_without_the_content_words_nothing_is_a_joke() -> None:
    text = "шеф сказал, что запрёт нас в офисе до релиза 😂 это же шутка"
    assert not JokeFrame().frame(_tokens(text), text)


@pytest.mark.parametrize(
    ("check", "text", "expected"),
    [("nuisance", "сосед сверлит стену, помогите", True),
     ("nuisance", "need help this minute, i cant talk loud", False),
     ("locked_thing", "the gym locked my locker, help", True),
     ("locked_thing", "they locked me in the locker room", False),
     ("hyperbole", "помру без интернета", True), ("hyperbole", "умру без еды", False),
     ("short_delay", "salary delayed 3 days because of holidays", True),
     ("short_delay", "salary delayed again, 2 months now", False),
     ("dismissal_looms", "мне угрожает увольнение", True),
     ("dismissal_looms", "угрожают увольнением и побоями", False)],
)  # fmt: skip
def test_everyday_frames(check: str, text: str, expected: bool) -> None:
    assert getattr(content_let_offs().everyday, check)(_tokens(text)) is expected


@pytest.mark.parametrize(
    "text",
    ["мне угрожает увольнение, что делать", "не выпускаюць на працу без медкніжкі",
     "a friend owes me 500 euros", "salary delayed 3 days because of holidays",
     "ha ha they locked me in the bathroom at the party", "I am trapped in a boring job lol",
     "I worked in a greenhouse in 2024, they never paid me, I'm home now and want to report "
     "the agency"],
)  # fmt: skip
def test_no_danger_phrase_fires_on_everyday_words(matcher: DangerPhraseMatcher, text: str) -> None:
    assert not matcher.find(text), (text, matcher.find(text))


@pytest.mark.parametrize(
    "text",
    ["мне угрожают, если уйду", "угрожают увольнением и побоями если пожалуюсь",
     "boss owes me 3 months of wages", "salary delayed again, 2 months now",
     "they locked me in lol what do i do", "не выпускают из общежития без разрешения",
     "I'm still at the farm, they never paid me, I want to report the agency",
     "they pay us for fewer hours than we work", "платят не за все часы",
     "плацяць не за ўсе гадзіны"],
)  # fmt: skip
def test_the_danger_phrases_still_fire(matcher: DangerPhraseMatcher, text: str) -> None:
    assert matcher.find(text), text


@pytest.mark.parametrize("text", NOT_AN_ALARM["a_past_harm_reported_from_home"])
def test_a_past_harm_told_from_home_is_a_report(model: EmbeddedRecognizer, text: str) -> None:
    assert model.parse_sync(text).intent == "report_case", text
