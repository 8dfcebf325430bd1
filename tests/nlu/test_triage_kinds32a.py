"""Round 32a of issue 10: the false alarms of a new unseen set, by kind. Wordings are ours,
never the set's.

1. A passport handed in at a consulate, an embassy or a visa centre for a visa, asked how long
   it takes or whether that is normal: advice. A passport an employer or an agency took "for the
   visa" and keeps stays at risk.
2. A joke marked by an emoji or "шучу", "jk", followed by "а если серьёзно" and a real
   question: the serious part is read. Real risk said after "а если серьёзно" stays at risk.
3. A bonus cut "по решению руководства", asked about as a contract question while the base pay
   is paid. Wages not paid for months stay at risk.
4. Whether an employer asking for a selfie with the passport or a photo of it is a scam sign.
   An employer who took the passport, or a lock named beside the request, stays at risk.
5. Very short questions about deductions ("вычеты за жильё?"). Deductions that leave nothing
   stay at risk.
6. A Belarusian story of deductions written in the contract, asked whether they are legal.
7. A video game quest where the character is locked up or has the passport taken. The same
   words about the writer stay at risk.
"""

from __future__ import annotations

import pytest

from bot.core.danger_phrases import DangerPhraseMatcher
from tests.helpers.triage_tables import phrases, sides_test

CALM = {
    "fine_and_the_passport_still_with_me": [
        "I'm fine, my passport is still with me, just asking about visas",
        "всё нормально, паспорт всё ещё у меня, просто спрашиваю про визу",
    ],
    "passport_handed_in_for_a_visa_at_a_consulate": [
        "сдала паспорт в консульство на визу неделю назад, сколько обычно ждать?",
        "паспорт уже десять дней в визовом центре, это нормально или пора волноваться?",
        "здала пашпарт у консульства на візу, колькі звычайна чакаць?",
        "пашпарт ужо тыдзень у візавым цэнтры, гэта нармальна?",
        "I handed my passport in at the embassy for the visa two weeks ago, how long does it "
        "usually take?",
        "my passport has been at the visa centre for ten days, is that normal?",
        "sdal pasport v konsulstvo na vizu, skolko obychno zhdat?",
        # the documents phrases fire here ("забрали паспорт", "держит паспорт") and are let off
        "в консульстве забрали паспорт на визу, держат уже три недели, это нормально?",
        "у консульстве забралі пашпарт на візу, трымаюць ужо тры тыдні, гэта нармальна?",
        "визовый центр держит мой паспорт уже 20 дней, сколько ждать?",
    ],
    "a_joke_then_a_serious_question": [
        "начальник держит меня в плену 😄 а если серьёзно, как попросить прибавку?",
        "шеф меня тут в рабстве держит, шучу) а если серьёзно, можно ли уйти в отпуск летом?",
        "бос трымае мяне ў палоне 😄 а калі сур'ёзна, як папрасіць павышэння заробку?",
        "my boss keeps me captive here 😂 jk, but seriously, how do I ask for a raise?",
        "the manager says I'm his slave now lol jk — seriously though, how many days off do I get?",
    ],
    "bonus_cut_by_management_asked_as_a_contract_question": [
        "премию урезали по решению руководства, оклад платят. Это законно по договору?",
        "по решению руководства сняли квартальную премию, зарплата приходит вовремя, могут так?",
        "прэмію зрэзалі па рашэнні кіраўніцтва, аклад плацяць. Ці законна гэта паводле дамовы?",
        "my bonus was cut by management decision, the base salary is paid on time. Is that allowed "
        "under my contract?",
        "premiyu urezali po resheniyu rukovodstva, oklad platyat, eto zakonno?",
        # a wages phrase fires here ("не выплатили", "cut my salary") and is let off
        "премию не выплатили по решению руководства, оклад пришёл, это законно?",
        "прэмію не выплацілі па рашэнні кіраўніцтва, заробак плацяць, гэта законна?",
        "by management decision they cut my bonus, salary paid, is that legal?",
    ],
    "selfie_with_the_passport_asked_as_a_scam_sign": [
        "работодатель просит селфи с паспортом в руках, это признак мошенничества?",
        "агентство хочет фото паспорта до собеседования, это развод?",
        "наймальнік просіць сэлфі з пашпартам у руцэ, гэта прыкмета падману?",
        "a recruiter asks for a selfie holding my passport, is that a scam sign?",
        "the employer wants a photo of my passport before the interview, is that a red flag?",
        "rabotodatel prosit selfi s pasportom, eto moshennichestvo?",
    ],
    "short_question_about_deductions": [
        "вычеты за жильё?",
        "вычеты за проезд законны?",
        "утрыманні за жыллё?",
        "deductions for housing legal?",
        "housing deductions ok?",
    ],
    "belarusian_deductions_written_in_the_contract": [
        "у кантракце напісана, што з заробку будуць утрымліваць за жыллё, праезд і харчаванне. "
        "Гэта законна?",
        "я падпісала дамову, там вылічэнні за інтэрнат і аўтобус да фермы, ці могуць так рабіць?",
        "у дагаворы прапісана, што за харчаванне ўтрымліваюць 50 еўра ў месяц, гэта нармальна?",
    ],
    "video_game_quest_held": [
        "в Скайриме моего персонажа заперли в темнице и забрали снаряжение, как пройти квест?",
        "в игре у героя отобрали паспорт на границе, как пройти эту миссию?",
        "у гульні майго героя замкнулі ў турме, як прайсці квэст?",
        "in Skyrim my character is locked in a dungeon and they took his gear, how do I finish the "
        "quest?",
        "in the game the guards took my character's passport, how do I beat this mission?",
    ],
}

AT_RISK = {
    "passport_kept_for_a_visa_by_an_employer": [
        "работодатель забрал паспорт «для визы» и не возвращает уже два месяца",
        "агентство оставило мой паспорт у себя для оформления визы и не отдаёт, это нормально?",
        "наймальнік забраў пашпарт «на візу» і не вяртае",
        "my employer took my passport for the visa and still hasn't given it back, is that normal?",
        "the agency kept my passport to do the visa and now says I have to pay to get it back",
        "в консульстве сказали ждать визу, а хозяин держит мой паспорт у себя, сколько ждать?",
        "I'm lost at the embassy, my boss keeps my passport and my visa ends, how long can he?",
    ],
    "real_risk_after_seriously": [
        "ха-ха 😄 а если серьёзно, меня заперли и не выпускают",
        "шучу, а если серьёзно — хозяин забрал паспорт и не отдаёт",
        "а калі сур'ёзна, нас замыкаюць на ноч і не выпускаюць",
        "lol jk, but seriously, they took my passport and lock us in at night",
    ],
    "wages_withheld": [
        "не платят зарплату третий месяц",
        "премию сняли по решению руководства, а зарплату не платят уже два месяца",
        "не плацяць заробак ужо тры месяцы",
        "they haven't paid my wages for three months",
    ],
    "passport_taken_by_an_employer": [
        "работодатель сначала попросил селфи с паспортом, а теперь забрал паспорт и не отдаёт",
        "asked for a selfie with my passport and then took my passport, is that a scam?",
        "they want a photo of my passport and they keep me locked in, is that a scam?",
        "the embassy has my passport for the visa but my employer won't let me leave, how long?",
        "the employer took my passport when I arrived and keeps it",
        "наймальнік забраў пашпарт, калі я прыехала, і не аддае",
    ],
    "deductions_that_leave_nothing": [
        "вычитают за жильё столько, что ничего не остаётся",
        "they deduct so much for housing I get nothing left",
    ],
    "held_for_real_no_game": [
        "меня заперли в подвале и забрали паспорт, что делать?",
        "мяне замкнулі ў пакоі і забралі пашпарт",
    ],
    # Found after the merge: this round's data lowered the model's documents evidence on these
    # to ~0.67, under the reassured threshold "I'm safe" raised; a harm that goes on ("still",
    # "до сих пор", "дагэтуль") now cancels the reassurance (bot.core.triage).
    "safe_for_now_but_the_harm_goes_on": [
        "I'm safe for now but they still have my passport",
        "я пока в безопасности, но паспорт до сих пор у них",
        "я пакуль у бяспецы, але пашпарт дагэтуль у іх",
    ],
}


test_each_line_is_read_on_its_side = sides_test(CALM, AT_RISK)


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("шеф меня тут в рабстве держит, шучу) а если серьёзно, можно ли уйти в отпуск?", False),
        ("шучу, а если серьёзно — хозяин забрал паспорт и не отдаёт", True),
        ("меня держат в рабстве, а если серьёзно, что делать?", True),  # no joke before the turn
    ],
)
def test_a_joke_lets_off_only_the_phrases_before_the_serious_turn(
    matcher: DangerPhraseMatcher, text: str, fires: bool
) -> None:
    assert bool(phrases(matcher, text)) is fires
