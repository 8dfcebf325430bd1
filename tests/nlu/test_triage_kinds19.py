"""Round 19 of issue 10: the two kinds the last hidden set still missed, each with its calm
other side. Wordings are ours, not the set's (unseen).

1. Pay held to keep the worker, told of a third person or of oneself, with or without quotes,
   with a month or "the season" (bot.nlu.pay_held: a frame the danger-phrase layer finds).
   Calm: a bonus written in the contract, a plan to leave, one's own savings in a safe.
2. Someone else beaten right now, a relative calling from abroad, and "which number do we
   call" (content/danger_phrases.yaml: "beating her", "bet ee"; bot.core.told_risk reads the
   harm without the question when the question only shares the classifier's reading). Calm:
   a number asked for a friend "just in case", a past case now resolved. The country of the
   numbers is where the victim is: tests/core/test_triage_engine19.py.
"""

from __future__ import annotations

import pytest

from bot.core.danger_phrases import DangerPhraseMatcher
from bot.core.triage import Triage
from bot.nlu.embedded import EmbeddedRecognizer
from tests.helpers.triage_tables import phrases, table
from tests.nlu.test_triage_kinds17 import decide

PAY_HELD = "(pay held to keep the worker)"

PAY_HELD_TO_STAY = {
    "third_person_with_quotes": [
        'my sister works at a hotel in Turkey, the manager keeps her wages "in a safe" so she '
        "won't leave before October",
        "сестра работает в отеле в Анталии, менеджер держит её зарплату «в сейфе», чтобы она не "
        "уехала до конца сезона",
        "сястра працуе ў гатэлі ў Турцыі, менеджар трымае яе заробак \"у сейфе\", каб яна не "
        "з'ехала да канца сезона",
        "sestra rabotaet v otele, menedzher derzhit ee zarplatu 'v seife' chtoby ona ne uehala "
        "do oktyabrya",
    ],
    "third_person_plain": [
        "my brother is on a farm in Poland, the boss holds his salary until November so he "
        "doesn't quit",
        "brother's employer withholds his pay till the end of the season",
        "работодатель придерживает зарплату мужа до конца сезона, чтобы он не сбежал",
        "у дочки хозяйка забрала деньги и держит их до сентября",
        "брыгадзір трымае грошы брата да кастрычніка, каб ён не сышоў",
        "hozyain derzhit dengi brata do noyabrya chtoby on ne ushel",
    ],
    "first_person": [
        "they keep my pay till the end of the season so I don't go",
        "the owner holds our salary until the end of the season so that we don't leave",
        "зарплату держат до конца сезона, чтобы я не уехал",
        "заробак трымаюць да канца сезона, каб я не з'ехаў",
        "zarplatu derzhat do konca sezona chtoby ya ne uehal",
    ],
}

PAY_CALM = {
    "bonus_in_the_contract": [
        "the contract says there is an end-of-season bonus paid in October, is that normal?",
        "в контракте написано, что бонус за сезон выплачивают в конце сезона, это законно?",
        "у кантракце напісана, што прэмію за сезон плацяць у канцы сезона, гэта законна?",
        "v kontrakte napisano chto bonus za sezon platyat v konce sezona, eto normalno?",
    ],
    "a_plan_to_leave": [
        "I plan to leave before the season ends, when should I tell the manager?",
        "хочу уехать до конца сезона, когда лучше предупредить работодателя?",
        "хачу з'ехаць да канца сезона, калі лепш папярэдзіць працадаўцу?",
        "hochu uehat do konca sezona, kogda luchshe predupredit rabotodatelya?",
    ],
    "own_savings_in_a_safe": [
        "I keep my savings in a safe at the hotel",
        "я держу свои сбережения в сейфе в номере",
        "я трымаю свае зберажэнні ў сейфе",
        "ya derzhu svoi sberezheniya v seife",
    ],
}

BEATEN_NOW_WHICH_NUMBER = {
    "relative_calling_from_abroad": [
        "my sister just rang me in tears from Warsaw, her employer is beating her right now, what "
        "number do we call",
        "my brother called from Vilnius, the foreman is hitting him right now, what number do I "
        "call",
        "сестра только что позвонила вся в слезах из Варшавы, её работодатель прямо сейчас её "
        "бьёт, какой номер звонить?",
        "брат позвонил из Вильнюса, бригадир его избивает прямо сейчас, по какому номеру звонить?",
        "сястра толькі што патэлефанавала ўся ў слязах з Варшавы, яе працадаўца б'е яе проста "
        "зараз, які нумар званіць?",
        "sestra tolko chto pozvonila v slezah iz Varshavy, ee rabotodatel bet ee pryamo seichas, "
        "kakoi nomer zvonit?",
    ],
}

NUMBER_CALM = {
    "just_in_case_before_a_trip": [
        "my friend is going to work in Poland next month, which hotline number should she keep "
        "just in case?",
        "подруга едет работать в Польшу в следующем месяце, какой номер горячей линии ей "
        "сохранить на всякий случай?",
        "сяброўка едзе працаваць у Польшу ў наступным месяцы, які нумар гарачай лініі ёй "
        "захаваць на ўсялякі выпадак?",
        "podruga edet rabotat v Polshu, kakoi nomer goryachei linii ei sohranit na vsyakii "
        "sluchai?",
    ],
    "past_case_resolved": [
        "last year my sister's employer in Warsaw hit her, it's all resolved now and she's home, "
        "which number could she have called?",
        "в прошлом году сестру в Варшаве ударил работодатель, всё уже решилось, она дома, куда "
        "можно было звонить?",
        "летась сястру ў Варшаве ўдарыў працадаўца, усё ўжо вырашылася, яна дома, куды можна было "
        "званіць?",
    ],
}


@pytest.mark.parametrize(("kind", "text"), table(PAY_HELD_TO_STAY))
async def test_pay_held_to_keep_the_worker_is_at_risk(
    triage: Triage, model: EmbeddedRecognizer, kind: str, text: str
) -> None:
    assert (await decide(triage, model, text)).at_risk, kind


@pytest.mark.parametrize(("kind", "text"), table(PAY_HELD_TO_STAY)[:6])
def test_the_frame_finds_it_without_the_classifier(
    matcher: DangerPhraseMatcher, kind: str, text: str
) -> None:
    assert PAY_HELD in phrases(matcher, text), kind


@pytest.mark.parametrize(("kind", "text"), table(PAY_CALM))
async def test_a_bonus_a_plan_or_own_savings_stay_calm(
    triage: Triage, model: EmbeddedRecognizer, kind: str, text: str
) -> None:
    assert not (await decide(triage, model, text)).at_risk, kind


@pytest.mark.parametrize(
    "text",
    ["никто её зарплату не держит, чтобы она не уехала, просто платят в конце сезона",
     "what if the manager keeps my wages so I don't leave before October?",
     "I keep my money in the safe until October so that I don't spend it",
     "я держу деньги в сейфе до конца сезона, чтобы не потратить",
     "can a contract say they keep 10% of salary until the end of the season?",
     "можно ли по договору удерживать часть зарплаты до конца сезона?"],
)  # fmt: skip
def test_the_frame_is_negated_asked_in_advance_or_the_writers_own(
    matcher: DangerPhraseMatcher, text: str
) -> None:
    assert PAY_HELD not in phrases(matcher, text)


@pytest.mark.parametrize(("kind", "text"), table(BEATEN_NOW_WHICH_NUMBER))
async def test_a_relative_beaten_now_is_at_risk(
    triage: Triage, model: EmbeddedRecognizer, kind: str, text: str
) -> None:
    assert (await decide(triage, model, text)).at_risk, kind


@pytest.mark.parametrize(("kind", "text"), table(NUMBER_CALM))
async def test_a_number_just_in_case_or_a_past_case_stays_calm(
    triage: Triage, model: EmbeddedRecognizer, kind: str, text: str
) -> None:
    assert not (await decide(triage, model, text)).at_risk, kind
