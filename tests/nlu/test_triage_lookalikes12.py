"""Round 12 of issue 10: the development set nlu_heldout11's misses and false alarms, and the two
kinds of nlu11b, as kinds.

Misses (the risk side):
* wages held back until the person leaves: "all at the end of the season, nothing if you leave
  early", "he'll give it before you go home" (nlu/data/*/lookalike12.yml);
* a courier's platform payout that did not come, often Russian with English words ("payout",
  "support", "account deactivated");
* a short cry naming a fake job ("фейковая работа, помогите").
False alarms (the benign side):
* a witness reporting others held on "our farm" and asking whom to tell (`bot.nlu.bystander`:
  "на нашей ферме" is a place, not the writer's harm; "у мяне ўсё добра" is a witness cue);
  a brother's or a friend's passport taken stays at risk (third-person risk is risk);
* homework: "сочинение", "сачыненне", "доклад", "referat" frame the message (`story_frame`);
* a bank or a lender threatening fees or court (`message_frames`), not harm;
* a drill a neighbour borrowed (`bot.nlu.borrowed`: what was taken decides);
* where I am now ("я сейчас в Польше": `bot.nlu.place_statement`) and a bare topic word
  ("работа", "job": content/triage_words.yaml), the two kinds of nlu11b.

The wordings are our own: not the sets' lines, and not in nlu/data (the where-I-am and topic
lines are nlu11b's tables). Both tables run in test_triage_lookalikes.py with the other rounds'.
"""

from __future__ import annotations

import pytest

from bot.core.danger_phrases import DangerPhraseMatcher
from bot.nlu.embedded import prepare
from bot.nlu.normalize import clean
from bot.nlu.place_statement import without_now
from tests.helpers.engine import content_let_offs
from tests.helpers.triage_tables import phrases

NOT_AN_ALARM = {
    "a_bonus_at_the_end_asked_about": [
        "бонус в конце сезона — это нормально?", "премию платят в конце контракта, так можно?",
        "бонус у канцы сезона — гэта нармальна?", "is an end-of-season bonus normal in Poland?",
        "the contract says a bonus is paid when the contract ends, is that legal?",
        "bonus v konce sezona eto normalno?",
    ],
    "a_platform_fee_asked_about": [
        "какую комиссию берет платформа Glovo с курьеров?",
        "як працуе выплата кур'ерам на платформе?",
        "what fee does Uber Eats take from couriers?", "kakaya komissiya u platformy dlya kurerov",
    ],
    "how_to_spot_a_fake_job": [
        "как отличить фейковую вакансию?", "як распазнаць фэйкавую вакансію?",
        "how to spot a fake job?", "kak proverit fake vakansiyu",
    ],
    "a_witness_on_our_farm_asks_whom_to_tell": [
        "у меня всё нормально, но на нашем заводе у ребят из Непала забрали паспорта, куда "
        "сообщить?",
        "у мяне ўсё добра, але на нашай будоўлі хлопцаў не выпускаюць, каму паведаміць?",
        "I'm ok, but on our farm two guys from Nepal are not allowed to leave. who do I tell?",
        "so mnoy vse normalno, no na nashey ferme rebyat ne vypuskayut, kuda soobshchit?",
    ],
    "homework": [
        "трэба сачыненне пра сучаснае рабства", "нужен доклад про торговлю людьми и рабство",
        "сочинение на тему торговли людьми: как людей держат в рабстве",
        "nuzhen referat pro rabstvo i torgovlyu lyudmi",
        "I have homework about forced labour: what is debt bondage",
    ],
    "a_lenders_fees": [
        "банк угрожает штрафами за просрочку по ипотеке, что делать",
        "банк пагражае пенямі за пратэрмінаваны крэдыт",
        "the lender is threatening court over my loan, any advice?",
    ],
    "a_borrowed_thing": [
        "сосед взял мою дрель и не отдаёт", "сусед узяў маю дрыль і не аддае",
        "my neighbour borrowed my ladder and won't give it back",
        "drug zabral moi kolonki i ne otdaet", "друг взял книгу и не возвращает",
    ],
    "where_i_am_now": [
        "я сейчас в Польше", "я сейчас в Италии", "сейчас я в Бельгии, в Брюсселе",
        "я сейчас нахожусь в Латвии", "мы сейчас в Нидерландах", "я сейчас в Риге",
        "я зараз у Польшчы", "я зараз у Італіі", "зараз мы ў Нідэрландах", "я зараз у Рызе",
        "I am in Poland now", "I'm in Germany right now", "currently I'm in Belgium",
        "right now i'm in riga", "i'm currently in the netherlands",
        "ya seichas v Polshe", "ya sejchas nakhozhus v Latvii", "seychas v Rige",
    ],
    "a_bare_topic_word": [
        "Работа", "работа", "вакансии", "праца", "вакансія", "job", "Job", "work", "jobs",
        "rabota", "praca",
    ],
}  # fmt: skip

STILL_AT_RISK = {
    "wages_held_until_leaving": [
        "зарплата только в конце сезона, если уедешь раньше — ничего",
        "хозяин держит все деньги у себя, обещает отдать когда поеду домой",
        "заробак толькі ў канцы сезона, калі з'едзеш раней — нічога",
        "наймальнік не плаціць, кажа, што аддасць усё перад ад'ездам дадому",
        "they'll pay everything when the contract ends, till then nothing",
        "boss keeps all our wages, says we get it when we go home",
        "vsyu zarplatu derzhit u sebya, otdast tolko v konce sezona",
    ],
    "a_courier_payout_that_did_not_come": [
        "работаю курьером в Glovo, payout не пришел уже две недели, support не отвечает",
        "курьер, выплаты нет уже месяц, аккаунт deactivated",
        "працую кур'ерам, выплата не прыйшла ўжо месяц",
        "i deliver for bolt food, payout didn't come for 3 weeks, support silent",
        "kurer, vyplaty net uzhe mesyac",
    ],
    "a_cry_naming_a_fake_job": [
        "фейковая работа, помогите", "это была фальшивая вакансия, помогите",
        "фэйкавая праца, дапамажыце", "scam job help me",
    ],
    "third_person_at_risk": [
        "у брата забрали паспорт, его не выпускают, кому сообщить?",
        "my brother's passport was taken, he can't leave",
        "у сяброўкі забралі пашпарт, яе не выпускаюць",
        "na nashey ferme nam ne otdayut pasporta, kuda soobshchit?",
        "на нашей ферме нам не отдают паспорта, кому сообщить?",
    ],
    "a_threat_not_a_lenders_fee": [
        "коллекторы банка угрожают убить меня",
        "the lender is threatening me, says they know where my kids live",
    ],
    "held_by_a_neighbour_or_friend": [
        "сосед по комнате забрал мой паспорт и не отдаёт",
        "the foreman borrowed my passport and won't give it back",
        "my neighbour took my ladder, won't give it back and locked me in the shed",
    ],
    "now_and_in_danger": [
        "мне нужна помощь прямо сейчас", "я сейчас в Италии, нас не выпускают с фермы",
        "я зараз у Латвіі, нас не выпускаюць", "I'm in danger right now", "help now",
        "urgent, I'm in Belgium, they won't let me leave", "ya seichas v Italii, zabrali pasport",
    ],
    "a_topic_word_and_a_report": [
        "работа, не платят", "праца, забралі пашпарт", "job, they took my passport",
        "rabota, ne platyat",
    ],
    "a_threat_to_silence": [
        "сказали что сделают больно сыну если я открою рот",
        "сказалі, што знойдуць дачку, калі адкрыю рот",
        "they said they'd find my kids if i open my mouth",
    ],
}  # fmt: skip


# (message, its tokens after `without_now`): "now" goes only from a bare where-I-am statement.
NOW_DROPPED = [
    ("я сейчас в Польше", "я в польше"),
    ("сейчас я в Бельгии, в Брюсселе", "я в бельгии в брюсселе"),
    ("I'm in Italy right now", "i'm in italy"),
    ("we are in spain at the moment", "we are in spain"),
    ("я зараз знаходжуся ў Латвіі", "я знаходжуся ў латвіі"),
    ("я сейчас в Польше, подскажите как продлить визу", None),
    ("они сейчас здесь", None),
    ("I'm in trouble now", None),
    ("мы сейчас в подвале", None),
    ("я сейчас не в Польше", None),
]


@pytest.mark.parametrize(("text", "statement"), NOW_DROPPED)
def test_now_is_dropped_only_from_a_bare_place_statement(text: str, statement: str | None) -> None:
    tokens = clean(text).split()
    assert without_now(tokens) == (statement.split() if statement else tokens)


def test_the_model_reads_a_place_with_now_as_without_it() -> None:
    assert prepare("я сейчас в Польше") == prepare("я в Польше")
    assert prepare("I am in Poland now") == prepare("I am in Poland")


# (message, whether it tells of a thing lent to a neighbour or a friend)
BORROWED = [
    ("сосед взял мою дрель и не отдаёт", True),
    ("my neighbour borrowed my ladder and hasn't returned it", True),
    ("sosed zabral moyu pilu i ne otdaet", True),
    ("подруге не платят с декабря", False),  # the friend is the harmed one
    ("брат поехал через знакомого посредника и тот не отдаёт паспорт", False),
    ("сосед по комнате забрал мой паспорт", False),  # what was taken decides
    ("друг взял мой телефон и не отдаёт", False),
    ("the foreman borrowed my tools", False),  # an employer
    ("других рабочих не выпускают", False),  # "другие" is not a friend
]


@pytest.mark.parametrize(("text", "lent"), BORROWED)
def test_a_borrowed_thing_is_told_by_what_was_taken(text: str, lent: bool) -> None:
    assert content_let_offs().borrowed.borrowed_thing(clean(text).split()) is lent


# (message, whether a danger phrase fires)
PHRASES = [
    ("со мной всё нормально, но на нашей ферме ребят не выпускают с территории, кому сообщить?",
     False),
    ("у мяне ўсё добра, а ў хлопцаў забралі пашпарты, хачу каб нехта праверыў", False),
    ("на нашей ферме нас не выпускают с территории, кому сообщить?", True),
    ("our mortgage went up and the bank is threatening late fees", False),
    ("the bank is threatening to kill me", True),
    ("нужно сочинение про современное рабство", False),
    ("меня держат в рабстве", True),
    ("my neighbour borrowed my drill and won't give it back", False),
    ("my boss took my passport and won't give it back", True),
]  # fmt: skip


@pytest.mark.parametrize(("text", "fires"), PHRASES)
def test_the_danger_phrases_read_who_what_and_why(
    matcher: DangerPhraseMatcher, text: str, fires: bool
) -> None:
    assert bool(phrases(matcher, text)) is fires, phrases(matcher, text)
