"""Round 31b of issue 10: the false-alarm kinds of a new unseen set (recall 1.000, false alarms
0.037), each with its other side. Wordings are ours, never the set's.

1. A lawful deduction written in the contract, asked about calmly, first or third person, and a
   rate asked ("сколько могут вычитать за жильё", typed on the Latin layout too)
   (bot.nlu.written_terms, content/triage_frames.yaml `written_terms`). Deductions that leave
   nothing, a growing debt, pay withheld stay at risk.
2. A Belarusian (and translit) negation of a risk before an advice question: pay not held, paid
   nobody, the passport kept (bot.nlu.affirmed `withhold_stems`, nlu/data/*/kinds31b.yml).
   Risk said with a negation ("не плацяць", "пашпарт не аддаюць", "не выпускаюць") is caught.
3. A pet stuck outdoors or in furniture (training lines; "child/pet locked in at home" is
   tri31's kind). People locked in with a pet stay at risk.
4. The bot asked whom it helps, naming slavery or trafficking (bot.nlu.bot_audience). A victim
   who says so, or names a harm, stays at risk.
"""

from __future__ import annotations

import pytest

from bot.core.danger_phrases import DangerPhraseMatcher
from bot.core.triage import Triage
from bot.nlu.embedded import EmbeddedRecognizer
from tests.helpers.triage_tables import table
from tests.nlu.test_triage_kinds17 import decide

CALM = {
    "lawful_deduction_asked": [
        "they take 320 euro for my room out of each paycheck, that's what the contract says, "
        "isn't it a lot?",
        "a friend of mine in Germany has 400 taken for housing, it's in her contract and she "
        "likes the job — normal amount?",
        "how much can an employer deduct for housing from wages in Poland?",
        "с каждой зарплаты вычитают 300 злотых за жильё, как и написано в договоре, это не много?",
        "у сестры в Чехии вычитают за общежитие, это в её контракте, работой она довольна, а как "
        "считаются налоги?",
        "сколько могут вычитать за жильё из зарплаты?",
        "з заробку вылічваюць за жыллё 250 еўра, як напісана ў кантракце, гэта не зашмат?",
        "колькі могуць вылічваць за жыллё з заробку?",
        "za zhilye vychitayut 300 evro kak napisano v kontrakte, eto ne mnogo?",
        "z zarobku vylichvayuc za zhyllyo 250 eura pa kantrakce, heta ne zashmat?",
        "crjkmrj vjuen dsxbnfnm pf ;bkm`",  # сколько могут вычитать за жильё
        "rjkmrb vjuewm dskbxdfwm pf ;skk`",  # колькі могуць вылічваць за жыллё
        "pf j,ot;bnbt dsxbnf.n 300 pkjns[ gj ljujdjhe, 'nj yjhvfkmyj?",
    ],
    "risk_negated_then_advice": [
        "заробак мне не затрымліваюць, але ў разліковым лісце незразумелыя вылічэнні, як "
        "праверыць?",
        "заробак ня затрымліваюць, але хачу зразумець, як лічыцца звышурочная праца",
        "я нікому нічога не плаціла і пашпарт не аддавала, толькі скінула скан — гэта бяспечна?",
        "ніхто нас не зачыняе, мы вольна выходзім, але ці законна працаваць 12 гадзін?",
        "зарплату мне не задерживают, но в расчётном листе непонятные вычеты, как проверить?",
        "я никому ничего не платила и паспорт не отдавала, только скинула скан — это безопасно?",
        "nobody holds back my pay, but the payslip has deductions I don't get, how do I check?",
        "zarobak mne ne zatrymlivajuc, ale u razlikovym lisce niezrazumielyja vylichenni, yak "
        "pravieryc?",
        "ya nikomu nichoga ne placila i pashpart ne addavala, tolki skinula skan - heta "
        "biaspechna?",
        # заробак мне не затрымліваюць, але ў разліковым лісце незразумелыя вылічэнні
        "pfhj,fr vyt yt pfnhsvkbdf.wm, fkt o hfpkbrjdsv kbcwt ytphfpevtksz dskbx'yyb",
    ],
    "pet_stuck": [
        "my dog got stuck under the fence and is crying, how do I get him out?",
        "the cat shut herself in the wardrobe and keeps meowing 😂",
        "собака застрял под забором и скулит, что делать?",
        "кот закрылся в шкафу и орёт, помогите",
        "сабака захрас пад плотам і скуголіць, што рабіць?",
        "кот зачыніўся ў шафе і енчыць, дапамажыце",
        "sobaka zastryala pod zaborom i skulit, pomogite",
        "kot zastryal v shkafu i oret, chto delat?",
    ],
    "bot_audience_asked": [
        "is this bot only for victims of slavery or can I ask normal questions?",
        "вы помогаете только жертвам торговли людьми?",
        "этот бот только для жертв рабства или можно спросить обычный вопрос?",
        "бот для тех, кого продали в рабство, или для всех?",
        "вы дапамагаеце толькі ахвярам гандлю людзьмі?",
        "гэты бот толькі для ахвяр рабства ці можна спытаць звычайнае пытанне?",
        "etot bot tolko dlya zhertv rabstva ili mozhno sprosit obychnyj vopros?",
        "ds gjvjuftnt njkmrj ;thndfv njhujdkb k.lmvb?",  # вы помогаете только жертвам ...
    ],
}

AT_RISK = {
    "deduction_that_leaves_nothing": [
        "they deduct so much for housing that nothing is left of my pay",
        "they deduct everything, I get nothing, and my debt keeps growing",
        "вычитают всё, ничего не остаётся",
        "сколько у меня вычитают за жильё, ничего не остаётся, долг растёт",
        "за жильё вычитают столько, что на руки ничего не остаётся, а долг растёт",
        "вылічваюць усё, нічога не застаецца",
        "vychitayut vse, nichego ne ostaetsya",
        "zarplatu ne otdayut, govoryat vse ushlo na zhilye",
        "dsxbnf.n dc`, ybxtuj yt jcnf`ncz",  # вычитают всё, ничего не остаётся
    ],
    "risk_said_with_a_negation": [
        "нам не плацяць ужо тры месяцы",
        "пашпарт не аддаюць, кажуць трэба адпрацаваць",
        "нас не выпускаюць з інтэрната",
        "заробак не затрымліваюць, але плацяць толькі палову",
        "зарплату не задерживают, но платят только половину, а паспорт забрали",
        "ne placiać, pashpart ne addajuc",
        "ne vypuskajuc nas z internata",
        "gfigfhn yt fllf.wm",  # пашпарт не аддаюць
        "yfc yt dsgecrf.wm",  # нас не выпускаюць
    ],
    "people_locked_in_with_a_pet": [
        "меня заперли в шкафу и не выпускают",
        "the boss locked me in the shed with the dogs, help",
        "нас закрылі ў склепе разам з сабакам, дапамажыце",
    ],
    "a_victim_asks_the_bot": [
        "я в рабстве, вы помогаете только жертвам?",
        "I am in slavery here, do you only help victims?",
        "вы помогаете только жертвам торговли людьми? меня продали, паспорт забрали",
        "я ахвяра гандлю людзьмі, дапамажыце",
        "menya prodali v rabstvo, pomogite",
    ],
}


@pytest.mark.parametrize(("kind", "text"), table(CALM))
async def test_calm(triage: Triage, model: EmbeddedRecognizer, kind: str, text: str) -> None:
    assert not (await decide(triage, model, text)).at_risk, kind


@pytest.mark.parametrize(("kind", "text"), table(AT_RISK))
async def test_at_risk(triage: Triage, model: EmbeddedRecognizer, kind: str, text: str) -> None:
    assert (await decide(triage, model, text)).at_risk, kind


@pytest.mark.parametrize(
    "text",
    [
        "сколько могут вычитать за жильё из зарплаты?",
        "колькі могуць вылічваць за жыллё?",
        "з заробку вылічваюць за жыллё, як напісана ў кантракце, гэта нармальна?",
        "гэты бот толькі для ахвяр рабства?",
        "is this bot only for victims of slavery?",
    ],
)
def test_no_danger_phrase_fires_on_a_rate_or_an_audience_asked(
    matcher: DangerPhraseMatcher, text: str
) -> None:
    assert matcher.find(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "сколько у меня вычитают за жильё, ничего не остаётся?",
        "я ў рабстве, вы дапамагаеце толькі ахвярам?",
        "do you only help victims? they keep my passport",
    ],
)
def test_the_danger_phrase_still_fires_on_harm_next_to_the_question(
    matcher: DangerPhraseMatcher, text: str
) -> None:
    assert matcher.find(text)
