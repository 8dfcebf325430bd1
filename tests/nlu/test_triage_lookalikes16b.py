"""Round 16, second part of issue 10: two kinds fixed for some wordings, now in every language.

* A past exploitation told by someone who LEFT and is safe or home now (or a friend, a sister, a
  neighbour), to report the agency, warn others or ask whether to report: a report, not an
  emergency (`bot.nlu.past_safe.left_and_safe`). Its risk side: a danger going on in the same
  message ("they still have my passport", "они меня ищут", "my sister is still there and they
  won't let her go", "help").
* A threat of dismissal ("threatened to fire me if I'm late", "угрожают уволить", "пагражае
  звальненнем", "grozyat uvolit"): a labour question, not violence
  (`bot.nlu.everyday.dismissal_looms`). Its risk side: a threat of harm, the police, the passport
  or the family, with or without a dismissal.

Wordings are ours, not nlu/data's or tests/data's. The tables run in test_triage_lookalikes.py
with the other rounds'.
"""

from __future__ import annotations

import pytest

from bot.core.assess import routed_intent
from bot.core.triage import Triage
from bot.nlu.embedded import EmbeddedRecognizer
from bot.nlu.normalize import clean
from tests.helpers.engine import content_let_offs

NOT_AN_ALARM = {
    "left_and_safe_now_a_report": [
        "I worked at a farm in Holland, they took our passports and didn't pay, but I left in "
        "March and I'm in Poland now, totally safe. I want to report the agency",
        'My sister worked in a factory, they kept her passport and locked the dorm, she escaped '
        'and came home, now she is safe. How do we warn others?',
        "I was in slavery on a construction site in Russia, I escaped last year and I'm home "
        'now. Is it worth reporting?',
        "I'm no longer there, I'm safe, but I want to tell you about the firm that didn't pay us",
        'мы работали на складе, паспорта забрали, зарплату не платили, но мы уехали и давно '
        'дома, хочу предупредить других',
        'подруга работала в Польше, у неё отобрали паспорт, она сбежала, сейчас в безопасности, '
        'хочет пожаловаться на агентство',
        'я был в рабстве на стройке, сбежал, теперь я дома. стоит ли сообщать?',
        'я больше не там, я в безопасности, но хочу рассказать о фирме, которая нам не заплатила',
        "брат працаваў у Літве, пашпарт забралі, не плацілі, ён з'ехаў, цяпер ён дома, у "
        'бяспецы, хоча паскардзіцца',
        'я працавала на ферме, нас зачынялі ў інтэрнаце, я ўцякла, цяпер я дома, хачу '
        'папярэдзіць іншых',
        'rabotal na ferme, pasport zabrali, ne platili, ya uehal, seichas v bezopasnosti, hochu '
        'soobshit ob agentstve',
        'sestra byla v rabstve v Germanii, sbezhala, teper doma, hochet predupredit drugih',
        "neighbour worked in Czechia, they didn't pay him and took his passport, he came back "
        "home, he's fine now, he wants to complain",
        'меня держали на ферме без паспорта, но я сбежала полгода назад, давно дома, куда '
        'пожаловаться на агентство?',
    ],
    "a_threat_of_dismissal": [
        "boss threatened to fire me if I'm late again",
        "my manager threatens to sack me if I don't work on Saturday, is that legal?",
        'the employer threatens dismissal if I take sick leave',
        'Працадаўца пагражае звальненнем, калі не выйду ў суботу',
        'начальнік пагражае звольніць, калі спазнюся',
        'угрожают уволить, если не выйду в субботу',
        'начальник грозит уволить за опоздание, это законно?',
        'работодатель угрожает увольнением, если пойду на больничный',
        'grozyat uvolit esli ne vyjdu v subbotu',
        'nachalnik ugrozhaet uvolit menya za opozdanie',
        'they threaten to fire us if we refuse overtime',
        'шеф пригрозил уволить, если опоздаю ещё раз',
    ],
}  # fmt: skip
STILL_AT_RISK = {
    "left_but_the_danger_goes_on": [
        'I escaped but they still have my passport and threaten my family',
        "I left but my sister is still there and they won't let her go",
        'я сбежала, но они меня ищут',
        'we are still there, they took our passports',
        'я уехал домой, но они угрожают моей семье',
        'я ўцякла, але яны мяне шукаюць',
        'sbezhala, no oni menya ishut i ugrozhayut',
        "I'm home now but they keep calling and threatening to kill me",
        'брат уцёк, але сястра яшчэ там, яе не адпускаюць',
        'I was in slavery, escaped, help, they are following me',
    ],
    "a_threat_of_harm_not_dismissal": [
        'угрожают, что убьют, если уйду',
        'угрожают сдать в полицию, если уйду',
        'угрожают забрать паспорт, если уйду',
        'he threatened to hurt me if I quit',
        'boss threatened to kill me if I leave',
        "пагражаюць, што заб'юць, калі сыду",
        'grozyat ubit esli ujdu',
        'угрожают уволить и избить если пожалуюсь',
        'they threaten to call the police and deport me if I quit',
        'начальник пагражае здаць у паліцыю, калі пайду',
    ],
}  # fmt: skip


def _tokens(text: str) -> list[str]:
    return clean(text).split()


@pytest.mark.parametrize(
    ("text", "expected"),
    [("I left in March and I'm in Poland now, totally safe", True),
     ("ён з'ехаў, цяпер ён дома, у бяспецы", True), ("ya uehal, seichas v bezopasnosti", True),
     ("я больше не там, я в безопасности", True),
     ("I escaped but they still have my passport", False), ("я сбежала, но они меня ищут", False),
     ("I left but my sister is still there and they won't let her go", False),
     ("I escaped, I'm safe, help", False), ("I worked there, they never paid me", False),
     ("я ушла из дома, где нас держали, хозяин сказал, что найдёт", False),
     ("я працую на фабрыцы, жывём у доме, хачу з'ехаць", False)],
)  # fmt: skip
def test_left_and_safe(text: str, expected: bool) -> None:
    assert content_let_offs().past_safe.left_and_safe(_tokens(text)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("boss threatened to fire me if I'm late again", True),
     ("угрожают уволить, если не выйду в субботу", True),
     ("Працадаўца пагражае звальненнем, калі не выйду ў суботу", True),
     ("grozyat uvolit esli ne vyjdu v subbotu", True),
     ("he threatened to hurt me if I quit", False), ("угрожают, что убьют, если уйду", False),
     ("угрожают уволить и сдать в полицию", False), ("grozyat zabrat pasport", False)],
)  # fmt: skip
def test_a_threat_of_dismissal(text: str, expected: bool) -> None:
    assert content_let_offs().everyday.dismissal_looms(_tokens(text)) is expected


@pytest.mark.parametrize(
    ("text", "intent"),
    [("I'm no longer there, I'm safe, but I want to tell you about the firm that didn't pay us",
      "report_case"),
     ("подруга работала в Польше, у неё отобрали паспорт, она сбежала, сейчас в безопасности, "
      "хочет пожаловаться на агентство", "report_case"),
     ("угрожают уволить, если не выйду в субботу", "contract_advice"),
     ("начальник грозит уволить за опоздание, это законно?", "contract_advice")],
)  # fmt: skip
def test_the_answer_is_of_the_kind(
    triage: Triage, model: EmbeddedRecognizer, text: str, intent: str
) -> None:
    # The intent the person is answered with (bot.core.assess.routed_intent): for a dismissal
    # the model's top intent is a threat that triage lets off (no training lines of their own
    # since round 17: they cost a debt-bondage story), and the answer is the labour advice.
    result = model.parse_sync(text)
    assert routed_intent(result, triage.assess(text, result)).intent == intent, text
