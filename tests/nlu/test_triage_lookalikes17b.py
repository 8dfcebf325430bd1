"""Round 17 of issue 10: the two regressions of round 16b fixed as kinds.

* A dismissal or leaving framing ("угрожают уволить", "if I try to change jobs", "I broke my
  contract") with a coercive means in the same message (a debt that keeps the person working, a
  threat to report them to the migration office or the police, documents held, a lock, violence,
  the family: bot.nlu.coercion) is at risk; set 13's Klaipeda story was missed by round 16b.
  The same for a leaving framing: a writer home and safe whom someone threatens to report to the
  police or the migration office ("яны пагражаюць паведаміць у міграцыйную": the report word is
  the threat's, not the writer's report, bot.nlu.bystander; "grozyat" is a danger going on,
  bot.nlu.past_safe). Its calm side: an ordinary threat of dismissal ("the boss said he'll fire
  me if I'm late again"), a lawful notice period, telling the migration office oneself, a writer
  home who wants to report the agency to the police.
* Pay vocabulary ("брутто от нетто", "на руки", gross and net) in a pay question is calm: round
  16b's contract_advice lines about a dismissal ("уволить, если не будем перерабатывать
  бесплатно") moved such questions over the bar (set 11, set 7). Its risk side: pay withheld.

The set-13 story, set 13's denunciation threat and the pay questions of sets 7 and 11 are quoted
verbatim (development data); the other wordings are ours. The tables run in
test_triage_lookalikes.py with the other rounds'.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.danger_phrases import DangerPhraseMatcher
from bot.nlu.data import load_examples
from bot.nlu.normalize import clean
from tests.helpers.engine import content_let_offs

KLAIPEDA = (
    "I came to Klaipeda in April through an agency in Minsk for port work. They paid the bus and "
    "the first month's rent and said I'd pay it back slowly. Now they take most of my salary for "
    "that loan, plus fines for being late, plus rent for a bed in a room of eight. After five "
    "months I owe more than at the start. The coordinator says I can't change jobs until it's "
    "cleared, and that he'll tell the migration office I broke my contract if I try."
)
BRUTTO = (
    "чем отличается брутто от нетто в чешском договоре,мне сказали 40тыс крон а на руки меньше??"
)

NOT_AN_ALARM = {
    "an_ordinary_dismissal_threat": [
        "the boss said he'll fire me if I'm late again",
        "my boss threatened to fire me if I keep being late, can he?",
        "начальник сказал, что уволит меня, если ещё раз опоздаю",
        "угрожают увольнением, если не выйду в выходной, это законно?",
        "начальнік сказаў, што звольніць, калі я яшчэ раз спазнюся",
        "nachalnik skazal chto uvolit esli opozdayu eshche raz",
    ],
    "a_lawful_notice_period": [
        "I want to quit, my contract says one month notice period, do I have to work it?",
        "хочу уволиться, по договору две недели отработки, это законно?",
        "хачу звольніцца, па дамове месяц адпрацоўкі, гэта законна?",
        "hochu uvolitsya, po dogovoru dve nedeli otrabotki, eto zakonno?",
    ],
    "telling_the_migration_office_oneself": [
        "should I tell the migration office that I changed jobs?",
        "работодатель должен сообщить в миграционную службу о смене работы?",
        "ці трэба паведаміць у міграцыйную службу пра новага працадаўцу?",
    ],
    "left_and_safe_and_reporting_to_the_police_oneself": [
        "я уехал домой, теперь в безопасности, хочу сообщить в полицию про агентство",
        "I left and I'm home now, I want to report the agency to the police",
        "ya uehal, seichas v bezopasnosti, hochu soobshit ob agentstve",
    ],
    "a_pay_question": [
        BRUTTO,
        "кантракт на 3 месяцы а потым??? ці могуць не падоўжыць без тлумачэння",
        "what's the difference between gross and net pay in Poland?",
        "in the contract it says 4000 brutto, why do I get less in hand? is it taxes?",
        "в договоре 5000 брутто, сколько будет на руки?",
        "чым адрозніваецца брутта ад нета ў польскай дамове?",
        "skolko na ruki esli v dogovore 4000 brutto?",
    ],
}  # fmt: skip
STILL_AT_RISK = {
    "a_dismissal_or_leaving_framing_with_a_coercive_means": [
        KLAIPEDA,
        "Хозяин угрожает сообщить в полицию, что я нелегал, если я уйду.",
        "my boss threatened to fire me and said he'll tell the migration office I'm illegal if I "
        "complain",
        "the manager says he'll fire me if I complain, and I can't quit until I repay the loan for "
        "the ticket",
        "boss threatens to fire me if I'm late, and he keeps my passport",
        "угрожают уволить и сообщить в миграционную службу, что я нарушил контракт",
        "бригадир грозит уволить, если пожалуюсь, а пока долг за дорогу не отдам, уйти не могу",
        "сказал, что уволит, если уйду раньше, и запирает нас в общежитии на ночь",
        "угрожают уволить, если не выйду, и говорят, что с семьёй дома будут проблемы",
        "пагражаюць звольніць і паведаміць у міграцыйную службу, што я парушыў кантракт",
        "начальнік кажа, што звольніць, калі паскарджуся, а пакуль не аддам доўг за дарогу, "
        "сысці не магу",
        "grozyat uvolit i soobshit v migracionnuyu, chto ya narushil kontrakt",
        "nachalnik skazal chto uvolit, a poka dolg ne otdam ujti ne mogu",
    ],
    "left_but_threatened_with_the_authorities_and_a_debt": [
        "I left the farm and I'm home now, safe, but they say I owe them 2000 euro and he'll tell "
        "the migration office I broke my contract",
        "я уехал домой, я в безопасности, но они говорят, что я должен им долг и угрожают "
        "сообщить в полицию",
        "я з'ехаў, цяпер дома, у бяспецы, але яны пагражаюць паведаміць у міграцыйную службу",
        "ya uehal, seichas doma v bezopasnosti, no grozyat soobshit v policiyu chto ya dolzhen",
    ],
    "pay_withheld": [
        "в договоре 4000 брутто, а на руки уже третий месяц не дают ничего",
        "they promised 4000 gross, but we haven't been paid for two months",
        "zarplatu ne platyat vtoroj mesyac, govoryat brutto ne soshlos",
    ],
}  # fmt: skip


def _tokens(text: str) -> list[str]:
    return clean(text).split()


@pytest.mark.parametrize(
    ("text", "expected"),
    [("the boss said he'll fire me if I'm late again", True),
     ("начальник сказал, что уволит, если опоздаю", True),
     ("угрожают уволить, если не выйду в субботу", True),
     ("fire in the dorm, we can't get out", False),
     ("boss threatened to fire me and report me to migration", False),
     ("угрожают уволить, а долг за жильё не дают закрыть", False),
     ("пагражаюць звольніць і паведаміць у міграцыйную службу", False),
     ("grozyat uvolit, a dolg ne otdam", False),
     ("he'll fire me if I complain and keeps my passport", False)],
)  # fmt: skip
def test_a_dismissal_with_a_coercive_means_is_not_a_dismissal_question(
    text: str, expected: bool
) -> None:
    assert content_let_offs().everyday.dismissal_looms(_tokens(text)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("I can't quit until I repay the loan", True), ("пока долг не отдам", True),
     ("he'll tell the migration office", True), ("сдаст в полицию", True),
     ("я долго работаю, должен выйти в субботу", False), ("доўга працую", False),
     ("is it legal to fire me for being late?", False)],
)  # fmt: skip
def test_names_coercion(text: str, expected: bool) -> None:
    assert content_let_offs().coercion.named(_tokens(text)) is expected


@pytest.mark.parametrize(
    ("text", "fires"),
    [(KLAIPEDA, True),
     ("Хозяин угрожает сообщить в полицию, что я нелегал, если я уйду.", True),
     ("grozyat soobshit v migracionnuyu sluzhbu", True),
     ("пагражае паведаміць у паліцыю, што я нелегал", True),
     ("should I tell the migration office that I changed jobs?", False),
     ("работодатель должен сообщить в миграционную службу о смене работы?", False)],
)  # fmt: skip
def test_a_threat_to_denounce_is_a_danger_phrase(
    matcher: DangerPhraseMatcher, text: str, fires: bool
) -> None:
    assert bool(matcher.find(text)) is fires, matcher.find(text)


def test_the_quoted_development_lines_are_verbatim() -> None:
    data = Path(__file__).parents[1] / "data"
    texts = {e.text for n in (7, 11, 13) for e in load_examples(data / f"nlu_heldout{n}.yml")}
    quoted = [KLAIPEDA, BRUTTO, NOT_AN_ALARM["a_pay_question"][1], STILL_AT_RISK[
        "a_dismissal_or_leaving_framing_with_a_coercive_means"][1]]  # fmt: skip
    assert all(text in texts for text in quoted)
