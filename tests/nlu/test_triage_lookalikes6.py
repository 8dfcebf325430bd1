"""Round 10 of issue 10: the risk kinds that lost evidence to the look-alikes, and the
development set nlu_heldout9's false alarms and miss, as kinds.

The old held-out file lost six risk lines to 0.33-0.35 once the look-alike files taught "need
help with my visa", "the manager" and "my nephew's warehouse job" as advice: urgent cries from
someone who cannot talk, a relative's documents kept by a boss, threats of prison or
deportation, a job that is not the one promised, pay cut to food money. Set 9 missed a bank card
kept by a foreman and raised six false alarms: a passport checked at the border and given back
(in transliteration), lateness fines in a contract "nothing held back yet", gross and net pay, a
post passed on "not about me", "can you tell when a person is in slavery?", a bank threatening
to take a car. The wordings here are our own: not the sets' lines, and not in nlu/data (the
training lines of the kinds are in lookalike6.yml). Every kind has its risk side in the same
words; the triage of both tables runs in test_triage_lookalikes.py with the other rounds'.

Real content (danger phrases, content/triage_words.yaml), the real embedded model.
"""

from __future__ import annotations

import pytest

from bot.core.danger_phrases import DangerPhraseMatcher
from bot.core.triage import risk_evidence
from bot.nlu.embedded import EmbeddedRecognizer
from bot.nlu.language import detect_language
from bot.nlu.message_frames import mentioned_not_reported
from bot.nlu.normalize import clean
from tests.helpers.engine import content_let_offs
from tests.helpers.triage_tables import phrases, table

RISK_THRESHOLD = 0.35  # NLU_RISK_THRESHOLD's default

# Real reports the classifier alone must flag (no danger phrase needed), by kind.
MODEL_FLAGS = {
    "cannot_talk": [
        "help me right now i cannot speak out loud",
        "i can only type, they would hear a call, please hurry",
        "не могу говорить вслух, помогите сейчас же",
        "ne mogu zvonit, oni ryadom, nuzhna pomosh srochno",
        "не магу гаварыць услых, дапамажыце зараз",
    ],
    "relative_documents_kept": [
        "my cousin's boss at the farm has had his passport for a month",
        "у дочки на фабрике менеджер забрал паспорт к себе",
        "у сына на будоўлі брыгадзір трымае пашпарт у сябе",
    ],
    "threat_of_prison_or_deportation": [
        "the manager says he'll have me deported the moment i complain",
        "хозяин говорит, что сдаст меня в полицию, если я уйду",
        "начальнік кажа, што здасць мяне ў паліцыю, калі я сыду",
    ],
    "food_money_only": [
        "a month of work and they only gave us money for bread",
        "месяц работаем, дали только на хлеб",
        "месяц працуем, далі толькі на хлеб",
    ],
}  # fmt: skip

# Benign for the writer, by kind.
NOT_AN_ALARM = {
    "passport_checked_at_the_border_and_given_back": [
        "na granice pasport zabrali na proverku i cherez chas vernuli, vsyo ok?",
        "na miažy pašpart zabrali na praverku i praz hadzinu viarnuli, usio dobra?",
        "на границе паспорт забрали на проверку и через час вернули, всё ок?",
        "the border guards took my passport to check it and gave it back an hour later, fine?",
    ],
    "lateness_fines_in_a_contract": [
        "мне ещё ничего не удерживали и платят как положено, но в договоре штрафы за "
        "опоздания, это законно?",
        "mne eshche nichego ne uderzhivali i platyat polnostyu, no v dogovore shtrafy za "
        "opozdaniya, eto zakonno?",
        "мне яшчэ нічога не ўтрымлівалі і плацяць цалкам, але ў дамове штрафы за спазненні, гэта "
        "законна?",
        "they haven't deducted anything yet and pay in full, but the contract has lateness fines, "
        "is that legal?",
    ],
    "gross_and_net_pay": [
        "v dogovore zarplata brutto 4500, skolko ostanetsya netto?",
        "в договоре зарплата брутто 4500, сколько останется нетто?",
        "у дамове заробак брута 4500, колькі застанецца нета?",
        "my contract says 4500 gross, how much is that net?",
    ],
    "a_post_passed_on_not_about_me": [
        'not about me: a youtube recruiter offers jobs in qatar with the ticket "as a debt", '
        "looks like debt bondage, where do i report it?",
        'это не про меня: в тиктоке агентство зовет в Дубай, жильё "в долг", похоже на долговую '
        "кабалу, куда сообщить?",
        'гэта не пра мяне: у цікток агенцтва кліча ў Дубай, жыллё "у доўг", падобна на даўгавую '
        "кабалу, куды паведаміць?",
        'ne pro menya: v tiktoke agentstvo zovet v Dubai, zhilye "v dolg", pohozhe na kabalu, '
        "kuda soobshchit?",
    ],
    "a_question_about_a_person_in_general": [
        "can you tell if someone is in slavery? what else can you do?",
        "ты можешь понять, что человек в рабстве? что ты вообще умеешь?",
        "ты можаш зразумець, што чалавек у рабстве? што ты ўвогуле ўмееш?",
        "ty mozhesh ponyat, chto chelovek v rabstve? chto ty umeesh?",
    ],
    "a_bank_threatening_to_take_property": [
        "the bank is threatening to take my flat over the mortgage, what can i do?",
        "банк угрожает забрать машину, я просрочил кредит, какие у меня права?",
        "банк пагражае забраць машыну, я спазніўся з крэдытам, якія ў мяне правы?",
        "bank ugrozhaet zabrat mashinu za prosrochku kredita, chto delat?",
    ],
    "a_card_kept_by_a_machine_or_collected": [
        "the cash machine kept my bank card, how do i get it back?",
        "банкомат забрал карту, как её вернуть?",
        "забрала карту побыту в ужонде, что дальше?",
    ],
}  # fmt: skip

# The same words, said by a person it is happening to, now.
STILL_AT_RISK = {
    "passport_taken_at_the_border_and_kept": [
        "паспорт забрали на границе и не отдали",
        "pasport zabrali na granice i ne vernuli",
        "пашпарт забралі на мяжы і не аддалі",
        "they took my passport at the border and never gave it back",
    ],
    "fined_and_not_paid": [
        "штрафуют и не платят",
        "shtrafuyut i ne platyat",
        "штрафуюць і не плацяць",
        "they fine us and don't pay",
        "мне не платят",
    ],
    "a_post_about_me_or_someone_close": [
        "not about me, my sister: she went after a tiktok ad and now she is in debt bondage",
        "я видела рекламу в тиктоке, поехала, и теперь я в долговой кабале",
    ],
    "a_person_held_here": [
        "я как человек в рабстве, помогите",
        "кто-то тут в рабстве, помогите",
        "I'm in slavery here, can you help?",
    ],
    "a_boss_threatening": [
        "my boss is threatening to take my car",
        "the bank loan was for the agency, and the agency threatens to take my car",
        "банк угрожает забрать квартиру, а муж бьёт",
    ],
    "a_bank_card_kept_by_the_boss": [
        "the employer keeps my bank card",
        "the foreman took my bank card and i can't get my wages",
        "бригадир забрал мою карту, зарплата там",
        "карту забрал начальник, снять деньги не могу",
        "brigadir zabral moyu kartu, zarplatu ne snyat",
        "майстар забраў маю картку, заробак там",
        "картку трымае брыгадзір, грошай не бачу",
    ],
}  # fmt: skip


@pytest.mark.parametrize(("kind", "text"), table(MODEL_FLAGS))
def test_the_classifier_alone_flags_the_kinds_that_had_lost_evidence(
    model: EmbeddedRecognizer, kind: str, text: str
) -> None:
    result = model.parse_sync(text, detect_language(text))
    assert risk_evidence(result) >= RISK_THRESHOLD, (kind, result.ranking[:3])


# Whether a danger phrase fires, by the rule of this round that decides it.
PHRASE_FIRES = {
    # a negator belongs to the verb before a joint ("и", "and"), not to the phrase's verb
    "ничего не удерживали и платят полностью": False,
    "не удерживали, и платят": False,
    "не кормят и не платят": True,
    "не дают выходных и не платят": True,
    "мне не платят": True,
    # given back, in transliteration too; "не вернули" is the harm
    "na granice zabrali pasport i vernuli": False,
    "na granice zabrali pasport i ne vernuli": True,
    # a bank card: who took it decides
    "бригадир держит наши карты": True,
    "бригадир переводит зарплату на карту": False,
    "банкомат забрал карту": False,
    "the atm kept my bank card": False,
    "my boss kept my bank card": True,
    # a threat: a bank with property, and no employer, is no threat of harm
    "the bank threatens to take my house": False,
    "the bank threatens me and the boss threatens to beat me": True,
    "банк грозится забрать машину, а бригадир угрожает убить": True,
    # a topic word about a person in general, asked; not about "me", "here", or unasked
    "как понять, что человек в рабстве?": False,
    "человек в рабстве, помогите": True,
    "люди тут в рабстве?": True,
}


@pytest.mark.parametrize("text", list(PHRASE_FIRES))
def test_a_danger_phrase_fires_only_on_the_risk_side(
    matcher: DangerPhraseMatcher, text: str
) -> None:
    found = phrases(matcher, text)
    assert bool(found) is PHRASE_FIRES[text], found


# Whether the classifier alone needs 0.7 (bot.nlu.message_frames.mentioned_not_reported).
MENTIONED = {
    "not about me, saw a tiktok about debt bondage": True,
    "не про меня, видела пост про кабалу": True,
    "не про меня, а про сестру: видела пост и поехала": False,
    "the bank threatens to take my car": True,
    "the agency threatens to take my car": False,
}


@pytest.mark.parametrize("text", list(MENTIONED))
def test_a_post_not_about_me_or_a_bank_threat_raises_the_bar(text: str) -> None:
    assert mentioned_not_reported(clean(text).split(), text, content_let_offs()) is MENTIONED[text]
