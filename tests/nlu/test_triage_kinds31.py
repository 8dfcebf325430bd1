"""Calm kinds that raised false alarms (issue 10, tri31), each next to its real-risk side, in
ru, be, en and translit. Wordings are ours, never the held-out lines.

1. A child or a pet that shut itself in (bot.nlu.calm_situations `child_words`,
   `self_lock_stems`); keys locked in or a flat locked out stay calm as before.
2. Pay late, or a firm bankrupt, then paid in full (bot.nlu.everyday `paid_in_full`).
3. Overtime asked about ahead of a job (bot.nlu.everyday `hours_question`).
4. A short plain statement of place and job (bot.nlu.everyday `job_stated`: the classifier's
   deceptive-job evidence only, never a danger phrase).
5. Small talk about nature and weather (bot.nlu.everyday `small_talk`).
"""

from __future__ import annotations

import pytest

from bot.core.triage import Triage
from bot.nlu.embedded import EmbeddedRecognizer
from tests.helpers.triage_tables import table
from tests.nlu.test_triage_kinds17 import decide

CALM = {
    "child_or_pet_shut_in": [
        "ребенок закрылся в ванной и не может выйти",
        "сын заперся в комнате и не открывает",
        "дзіця зачынілася ў ваннай і не можа выйсці",
        "my kid locked himself in the bathroom",
        "my daughter locked herself in her room",
        "rebenok zakrylsya v vannoj",
        "I locked my keys in the car",
        "I'm locked out of my flat",
    ],
    "paid_in_full": [
        "задержали зарплату на неделю, но выплатили всё",
        "фирма обанкротилась, но зарплату выплатили полностью",
        "затрымалі заробак на тыдзень, але выплацілі ўсё",
        "заробак затрымалі, але потым выплацілі поўнасцю",
        "they paid my salary a week late but paid in full",
        "salary was late but paid in full",
        "zaderzhali zarplatu na nedelyu no vyplatili vse",
    ],
    "overtime_asked_ahead": [
        "will they make me work overtime?",
        "на собеседовании спросить: заставят ли работать сверхурочно?",
        "ці прымусяць працаваць звышурочна?",
        "zastavyat li rabotat sverhurochno?",
    ],
    "place_and_job_stated": [
        "я в Польше, работаю на ферме",
        "работаю на заводе в Чехии",
        "я ў Літве, працую на будоўлі",
        "I'm in Warsaw, I work in a warehouse",
        "ya v Polshe, rabotayu na ferme",
    ],
    "nature_small_talk": [
        "у нас тут ромашка цветёт",
        "у нас снег выпал",
        "у нас тут рамонак квітнее",
        "the daisies are blooming here",
        "it's raining here all day",
        "u nas tut romashka cvetet",
    ],
}

AT_RISK = {
    "someone_locks_others_in": [
        "меня заперли в комнате",
        "хозяин запер ребенка в комнате",
        "гаспадар зачыніў нас з дзецьмі ў пакоі",
        "they locked us in with the kids",
        "my boss locked my son in the basement",
        "menya zaperli v komnate",
    ],
    "pay_still_owed": [
        "зарплату задерживают третий месяц и не выплатили",
        "выплатили всё, кроме сверхурочных, уже два месяца должны",
        "заробак не плацяць трэці месяц",
        "they paid half and still owe me for two months",
        "ne vyplatili vse dengi, derzhat pasport",
    ],
    "overtime_forced_now": [
        "they make me work overtime and threaten to hurt me",
        "will they make me work overtime? they took my passport",
        "работодатель заставляет работать сверхурочно без оплаты",
    ],
    "job_other_than_promised": [
        "работаю на ферме, а обещали работу в офисе",
        "работаю на складе, но зарплату не платят",
        "працую на ферме, пашпарт забралі",
        "I work on a farm, they took my passport and don't let me leave",
        "ехала на кухню в кафе, а привезли на ферму, работаем по 14 часов",  # a phrase
        "працую на заводзе, хачу з'ехаць, а не адпускаюць",  # held
        "I work at a factory now, I want to leave but can't",
    ],
    "plight_beside_the_weather": [
        "снег идет, а нас не выпускают из барака",
        "it's raining, help me please",
        "погода плохая, хозяин бьёт",
    ],
}


@pytest.mark.parametrize(("kind", "text"), table(AT_RISK))
async def test_at_risk(triage: Triage, model: EmbeddedRecognizer, kind: str, text: str) -> None:
    assert (await decide(triage, model, text)).at_risk, kind


@pytest.mark.parametrize(("kind", "text"), table(CALM))
async def test_calm(triage: Triage, model: EmbeddedRecognizer, kind: str, text: str) -> None:
    assert not (await decide(triage, model, text)).at_risk, kind
