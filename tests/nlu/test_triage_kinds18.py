"""Round 18 of issue 10: the kinds of set 14's false alarms (false alarms 0.083) and its one
missed kind, each with its other side. Wordings are ours, not the set's (unseen).

1. A job offer not yet taken, asked about, with a red flag (bot.nlu.offer_check).
2. An ordinary workplace penalty threatened: a bonus, a review (bot.nlu.penalty).
3. A passport forgotten at a hotel desk (bot.nlu.left_behind); checked at the border and given
   back.
4. Negations: "не то чтобы не платили" (bot.nlu.not_that), pay or freedom affirmed
   (bot.nlu.affirmed).
5. A cry about a missed train (bot.nlu.stranded_cry).
6. A past exploitation reported later by someone out of it (bot.nlu.report_later).
7. A game, a song, a spreadsheet (bot.nlu.fiction; the joke frame's everyday settings).
Missed: pay held on condition of staying (content/danger_phrases.yaml).
"""

from __future__ import annotations

import pytest

from bot.core.triage import Triage
from bot.nlu.embedded import EmbeddedRecognizer
from tests.helpers.triage_tables import table
from tests.nlu.test_triage_kinds17 import decide

CALM = {
    "job_offer_asked_about": [
        "they say the passport must be left with them for the first week 'for registration' — "
        "is that normal?",
        "an agency offered me a job in Poland, they want my passport for the first week for "
        "registration, sounds fishy?",
        "my niece was offered dancing work abroad, girls 18-25 with nice appearance, sounds "
        "fishy, what do you think?",
        "мне предлагают работу в Польше, говорят паспорт надо оставить у них на первую неделю "
        "для регистрации, это нормально?",
        "сестре предложили работу хостес в Дубае, девушки 18-25 приятной внешности, звучит "
        "подозрительно, что думаете?",
        "мне прапанавалі працу ў Літве, кажуць пашпарт трэба пакінуць у іх на першы тыдзень, "
        "гэта нармальна?",
        "mne predlagayut rabotu, govoryat pasport nado ostavit u nih na pervuyu nedelyu dlya "
        "registracii, eto normalno?",
    ],
    "workplace_penalty_threatened": [
        "boss threatens to take my bonus if I'm late again lol. how many days of leave do I get "
        "in Poland?",
        "manager threatened me with a bad review 😂 can I change employer on my visa?",
        "начальник грозится лишить премии если опять опоздаю 😤 сколько дней отпуска положено?",
        "шеф пригрозил плохой характеристикой, если уволюсь, он может так?",
        "начальнік пагражае пазбавіць прэміі, калі зноў спазнюся 😂 колькі дзён адпачынку?",
        "shef grozit lishit premii esli opozdayu lol, skolko dnej otpuska polozheno?",
    ],
    "passport_handled_ordinarily": [
        "at the border the officer took my passport into the booth to check it and gave it back "
        "with a stamp, is that normal?",
        "I forgot my passport at the hotel, they keep it at reception until I collect it in "
        "person",
        "забыла паспорт в гостинице, его держат на ресепшене пока не заберу лично",
        "забылася пашпарт у гасцініцы, яго трымаюць на рэцэпшэне, пакуль не забяру сама",
        "zabyla pasport v gostinice, ego derzhat na resepshene poka ne zaberu lichno",
    ],
    "negated_or_affirmed": [
        "не то чтобы мне не платили, платят, но с опозданием на пару дней, можно ли требовать по "
        "договору?",
        "не тое каб мне не плацілі, плацяць, але са спазненнем, ці можна патрабаваць па "
        "дамове?",
        "ne to chtoby mne ne platili, platyat, no s opozdaniem, mozhno li trebovat?",
        "мяне не падманулі, усё плацяць як абяцалі, але хачу змяніць працу, як гэта зрабіць?",
        "меня не обманули, всё платят как обещали, но хочу сменить работу, как это сделать?",
        "they don't keep our passports and we can go out whenever we want, but the agency wants "
        "to move us to another country mid-contract, can they?",
    ],
    "cry_about_an_ordinary_trouble": [
        "ратуйце!!! спазнілася на цягнік у Варшаве, грошай няма, што рабіць?",
        "спасите!!! опоздала на поезд в Варшаве, денег нет, что делать?",
        "help!!! missed my train in Warsaw, no money, what do I do?",
        "sos, lost my wallet and card in Vilnius, how do I get home?",
        "pomogite!!! opozdala na poezd v varshave, deneg net, chto delat?",
    ],
    "past_case_reported_later": [
        "last year I was kept on a farm without pay, got out with a union's help, I'm home now "
        "and fine, can I still report the employer?",
        "my colleague and I escaped from a bad employer last spring and want to testify",
        "в прошлом году меня держали на ферме без оплаты, вырвалась с помощью профсоюза, сейчас "
        "дома всё хорошо, можно ещё заявить на работодателя?",
        "летась мяне трымалі на ферме без аплаты, я ўцякла, цяпер дома, хачу даць сведчанні",
        "v proshlom godu menya derzhali na ferme bez oplaty, ya sbezhala, seichas doma, hochu "
        "zayavit na rabotodatelya",
    ],
    "fiction_and_jokes": [
        "in GTA my guy got kidnapped and locked in a trunk 😂 how do I pass it",
        "who sings 'you took my passport and my heart'",
        "ya v plenu u excel tablic 😂",
        "в игре моего персонажа похитили и заперли в багажнике 😂 как пройти миссию?",
        "я в плену у таблиц excel 😂",
        "кто поёт песню 'ты забрал мой паспорт и моё сердце'?",
    ],
}

AT_RISK = {
    "job_taken_and_passport_kept": [
        "I took the job and now they keep my passport",
        "I took the job, now they keep my passport, is that normal?",
        "мне предложили работу, я приехала, а теперь паспорт у них и не отдают, это нормально?",
        "я ўладкавалася на гэтую працу, і цяпер яны трымаюць мой пашпарт",
    ],
    "violence_deportation_family_threatened": [
        "boss threatens to report me to immigration and have me deported if I complain",
        "boss threatens to take my bonus and to beat me if I complain",
        "начальник угрожает что с моей семьёй что-то случится если уйду",
        "шеф грозится лишить премии и сдать в миграционную службу",
        "начальнік пагражае, што заб'е, калі паскарджуся",
    ],
    "passport_kept_by_an_employer": [
        "I forgot my passport at the employer's office and they won't give it back",
        "забыла паспорт у работодателя, теперь не отдают",
    ],
    "negated_real_risk": [
        "мне не платят третий месяц",
        "не плацяць, і пашпарт забралі",
        "they don't let us go out and keep our passports",
    ],
    "cry_with_a_danger": [
        "ратуйце, мяне зачынілі",
        "спасите, опоздала на поезд, а за мной гонятся",
    ],
    "escaped_now_or_someone_still_there": [
        "I escaped yesterday, they are looking for me",
        "I got out but my colleague is still there, they keep her passport",
        "сбежала вчера, они меня ищут",
    ],
    "pay_held_to_keep_the_worker": [
        "boss skazal salary budet tolko esli ostanus do maya",
        "boss said salary only if I stay until May",
        "начальник сказал зарплата будет только если останусь до мая",
        "деньги отдадут только если останусь до конца сезона, а уехать хочу сейчас",
        "начальнік сказаў заробак будзе толькі калі застануся да мая",
        "boss govorit money tolko esli ostanemsya do oktyabrya",
    ],
}

STILL_CALM_PAY = [
    "премию дадут, если останусь до конца сезона, это нормально?",
    "the bonus is paid only if I stay until the end of the season, is that normal?",
]


@pytest.mark.parametrize(("kind", "text"), table(CALM))
async def test_calm(triage: Triage, model: EmbeddedRecognizer, kind: str, text: str) -> None:
    assert not (await decide(triage, model, text)).at_risk, kind


@pytest.mark.parametrize(("kind", "text"), table(AT_RISK))
async def test_at_risk(triage: Triage, model: EmbeddedRecognizer, kind: str, text: str) -> None:
    assert (await decide(triage, model, text)).at_risk, kind


@pytest.mark.parametrize("text", STILL_CALM_PAY)
async def test_a_retention_bonus_is_no_pay_withheld(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    assert not (await decide(triage, model, text)).at_risk
