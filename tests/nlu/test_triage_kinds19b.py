"""Round 19 of issue 10 (tri19b): the kinds a new hidden set missed or raised alarms on, each
with its other side. Wordings are ours, never the hidden lines.

Misses:
1. A real indicator after a joke named with its object ("I joke that I'm a volunteer here 😅 the
   owner hasn't paid since spring"): the joke covers its object only (bot.nlu.joke_frame,
   content/triage_words.yaml `complement_words`).
2. A death threat for going to the police, in every language and mixed (danger phrases).
False alarms:
3. A past case reported from home, a friend or a sister "back now" (bot.nlu.calm_situations).
4. A game, a pet, the bot itself (bot.nlu.calm_things).
5. A boss's silly "threat": a party chore, "what a threat 😂" (bot.nlu.penalty).
6. A queue at a border (bot.nlu.calm_things).
7. A privacy request naming the past.
8. A contract question full of danger words, negated: "is this clause debt bondage?"
   (bot.nlu.mention).
"""

from __future__ import annotations

import pytest

from bot.core.danger_phrases import DangerPhraseMatcher
from bot.core.triage import Triage
from bot.nlu.embedded import EmbeddedRecognizer
from tests.helpers.triage_tables import phrases, table
from tests.nlu.test_triage_kinds17 import decide

AT_RISK = {
    "indicator_after_a_joke": [
        (
            "lol I joke that I'm a volunteer here 😅 the owner hasn't paid since spring, says "
            "he'll pay it all in autumn if I don't quit"
        ),
        (
            "ахах шучу что я тут волонтёр 😅 хозяин не платит с весны, говорит отдаст всё "
            "осенью, если не уволюсь"
        ),
        (
            "хаха жартую, што я тут валанцёр 😅 гаспадар не плаціць з вясны, кажа аддасць усё "
            "восенню, калі не звольнюся"
        ),
        (
            "ahah shuchu chto ya tut volonter 😅 hozyain ne platit s vesny, govorit otdast vse "
            "osenyu esli ne uvolyus"
        ),
        "шучу, паспорт у меня «на хранении» у бригадира уже четыре месяца 😂",
        'lol jk my passport is kept "for safekeeping" by the boss for 4 months now',
        "haha we are locked in the dorm every night, funny right 😂",
        (
            "haha I joke that I live at work 😅 they lock the gate every night and the boss keeps "
            "the key"
        ),
        "ахах шучу, что живу на работе 😅 паспорт у хозяина «на хранении» уже полгода, не отдаёт",
        "хаха, жартую, што я тут як дома 😅 пашпарт у гаспадара ўжо паўгода, не аддае",
    ],
    "a_threat_for_the_police_said_in_a_game": [
        "в игре сказали что убьют если пойду в полицию",
    ],
    "killed_for_going_to_the_police": [
        "he said if you go to the police you die, I'm in Dubai",
        "he said esli poydesh v policiju ubjem, I'm in Dubai",
        "он сказал if you go to police you die, я в Дубае",
        "pojdesh v policiju ubjem skazal on",
        "сказал: пойдёшь в полицию — убьём",
        "в ментовку пойдёшь — тебе не жить",
        "калі пойдзеш у міліцыю — заб'ём, так ён сказаў",
        "kali pojdzesh u milicyju zabjom",
        "go to the cops and we'll kill you, he told me",
    ],
    "home_but_it_goes_on": [
        "I'm back home but they still threaten my family",
        "Я ўжо дома, але яны дагэтуль пагражаюць маёй сям'і",
        "ya uzhe doma no oni vse eshche ugrozhayut moey seme",
        "моя сестра уже вернулась, а её подругу там держат без паспорта, куда писать?",
        "I'm back at the farm, they took my passport again, where can I complain?",
    ],
    "a_person_locked_not_by_a_pet": [
        "нас заперли с котом в подвале, хозяин не открывает",
        "they locked me in with my dog, the boss took the key",
    ],
    "a_real_threat_from_the_boss": [
        "my boss threatened to hurt me",
        "boss threatened to call immigration on me",
        "начальник пригрозил, что я буду диджеем на корпоративе, а если откажусь — изобьёт",
    ],
    "not_let_out_of_a_dorm": [
        "they don't let us out of the dorm",
        "ne vypuskayut iz obshchagi",
        "не выпускают из общежития, паспорта у бригадира",
    ],
    "a_debt_with_the_passport_kept": [
        "I owe them for the training and they keep my passport",
        (
            "my contract says I owe 5000 for training and they keep my passport, is this debt "
            "bondage?"
        ),
        "я в долговой кабале, паспорт забрали, договор не дают",
    ],
}

CALM = {
    "all_joke": [
        "my cat locked me in the bathroom 😂 the door slammed",
        "кот запер меня в ванной 😂 дверь захлопнулась",
        "kot zaper menya v vannoy 😂 dver zahlopnulas",
        "кот зачыніў мяне ў ваннай 😂 дзверы зачыніліся",
        "kot zakryl menya v tualete 😂",
        "my dog locked me out on the balcony lol",
    ],
    "a_joke_whose_rest_is_a_joke_too": [
        "шеф шутит, что запрёт нас в офисе до релиза 😂",
        "ахах шучу, что я раб этого отчёта 😂 до пятницы сдадим",
        "haha I joke that I'm a slave to my spreadsheet 😂 boring day at the office",
    ],
    "past_case_reported_from_home": [
        (
            "three years ago we were held without passports and beaten at a brick factory near "
            "Moscow; volunteers got me out, I've been home in Vitebsk for ages, married, all good "
            "— can I still report it?"
        ),
        (
            "Тры гады таму мы з мужам працавалі на цагельні пад Масквой, пашпарты забралі, білі. "
            "Валанцёры нас вызвалілі. Я даўно дома ў Віцебску, усё добра. Ці можна цяпер "
            "напісаць заяву?"
        ),
        "a friend was deceived with a job in Turkey a year ago, she's back now, can she file a "
        "report?",
        (
            "Мою сестру в прошлом году обманули с работой в Польше, не заплатили. Она уже "
            "вернулась, всё хорошо. Куда ей написать жалобу?"
        ),
        (
            "moyu sestru v proshlom godu obmanuli s rabotoy v Polshe, ne zaplatili. ona uzhe "
            "vernulas, vse horosho, kuda ej napisat zhalobu?"
        ),
    ],
    "games_pets_the_bot": [
        "my character got kidnapped in a quest, how do I rescue her in Skyrim?",
        "моего персонажа похитили в квесте, как её спасти в Скайриме?",
        "I got killed in the game for the tenth time 😤",
        "мяне забілі ў гульні ўжо дзесяты раз 😤",
        "меня убили в игре уже десятый раз 😤",
        "мяне забілі ў гульні, зноў 😤 як прайсці гэты ўзровень?",
        "bot, are you alive? or did they lock you in a server 😂",
        "бот, ты живой? или тебя заперли на сервере 😂",
    ],
    "a_silly_threat_from_the_boss": [
        "my boss threatened to make me DJ the Christmas party 😱",
        "начальник пригрозил, что я буду диджеем на новогоднем корпоративе 😱",
        "начальнік прыгразіў, што я буду дыджэем на карпаратыве 😱",
        "nachalnik prigrozil chto ya budu didzheem na korporative 😱",
        "boss threatened me with a bad review on the site 😂 what a threat",
        "шеф пригрозил плохим отзывом на сайте 😂 вот это угроза",
        "бос пагражае дрэнным водгукам на сайце 😂 вось гэта пагроза",
    ],
    "a_border_queue": [
        "stuck at the border for 12 hours, they don't let us out of the queue",
        "zastryali na granice 12 chasov, ne vypuskayut iz ocheredi",
        "застряли на границе 12 часов, не выпускают из очереди",
    ],
    "privacy_naming_the_past": [
        "delete everything I wrote about the boss and the passport, it's all sorted now",
        "удалите всё, что я писала про начальника и паспорт, всё уже решилось",
        "выдаліце ўсё, што я пісала пра начальніка і пашпарт, усё ўжо вырашылася",
        "udalite vse chto ya pisala pro nachalnika i pasport, vse uzhe reshilos",
    ],
    "a_negated_contract_question": [
        (
            "I don't owe anyone anything, I keep my passport myself; is this training-cost "
            "clause in my contract debt bondage?"
        ),
        (
            "я никому ничего не должна, паспорт у меня на руках; этот пункт договора о "
            "возмещении обучения — это долговая кабала?"
        ),
        (
            "ya nikomu nichego ne dolzhna, pasport u menya; etot punkt dogovora ob obuchenii eto "
            "dolgovaya kabala?"
        ),
    ],
}

# Going to the police named without a threat to life: no phrase.
NO_POLICE_THREAT = [
    "how do I go to the police in Poland?",
    "the police killed a man in the news",
    "я пойду в полицию, убедите меня что это правильно",
    "u milicyi zabyli moj pashpart",
]


@pytest.mark.parametrize(("kind", "text"), table(AT_RISK))
async def test_at_risk(triage: Triage, model: EmbeddedRecognizer, kind: str, text: str) -> None:
    assert (await decide(triage, model, text)).at_risk, kind


@pytest.mark.parametrize(("kind", "text"), table(CALM))
async def test_calm(triage: Triage, model: EmbeddedRecognizer, kind: str, text: str) -> None:
    assert not (await decide(triage, model, text)).at_risk, kind


@pytest.mark.parametrize("text", AT_RISK["killed_for_going_to_the_police"])
def test_a_threat_for_the_police_is_a_danger_phrase(matcher: DangerPhraseMatcher,
                                                    text: str) -> None:  # fmt: skip
    assert phrases(matcher, text)


@pytest.mark.parametrize("text", NO_POLICE_THREAT)
def test_the_police_named_alone_is_no_phrase(matcher: DangerPhraseMatcher, text: str) -> None:
    assert not phrases(matcher, text)
