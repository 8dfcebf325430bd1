"""Round 31c of issue 10: the kinds of a new unseen set. Wordings are ours, never the set's.

1. A story of debt bondage is not a safety plan: a condition ("если убегу"), an agreement
   ("договорились") and family ("маму") beside harm going on now (pay taken, a debt grown by
   interest, a threat said) (content/triage_frames.yaml `calm_situations.harm_now_stems`). A
   real safety plan, agreed with family about what may come, stays calm.
2. A game character kidnapped, locked in or working off a debt, asked how to get out ("The Sims",
   "how do I escape level 4", "як выйсці") (content/triage_frames.yaml `fiction`). The same
   words about the writer, with no game named, or with a cry, stay at risk.
3. An employer or an agency that took the passport "for a visa" and keeps it stays at risk (a
   passport handed in at a consulate for a visa is not let off yet: a visa word as a "forgot"
   cue let off too much, e.g. beside "lost").
"""

from __future__ import annotations

import pytest

from bot.core.danger_phrases import DangerPhraseMatcher
from tests.helpers.triage_tables import sides_test

CALM = {
    "safety_plan_agreed_with_family": [
        "если заберут паспорт, договорились с мамой, что я позвоню ей каждый вечер — это хороший "
        "план?",
        "договорились с сестрой: если не позвоню в воскресенье, она звонит в посольство. Так "
        "нормально?",
        "калі забяруць пашпарт, дамовіліся з мамай, што я пазваню ёй кожны вечар — гэта добры "
        "план?",
        "if they take my passport, I agreed with my mum that I call her every evening — is that a "
        "good plan?",
        "esli zaberut pasport, dogovorilis s mamoy, chto ya pozvonyu ey kazhdyy vecher - eto "
        "horoshiy plan?",
    ],
    "game_character_held_asked_how_to_get_out": [
        "в Симс мою героиню похитили и заперли в подвале, как выйти?",
        "у Sims маю гераіню выкралі і зачынілі ў склепе, як выйсці?",
        "in The Sims my character got kidnapped and locked in a basement, how do I get her out?",
        "in the game the pirates make my guy work off a debt on their ship, how do I escape "
        "level 4?",
        "v Sims moyu geroinyu zaperli v podvale, kak vyjti?",
    ],
}

AT_RISK = {
    "debt_bondage_told_with_an_agreement_and_family": [
        "Я взяла аванс у вербовщицы на дорогу, договорились, что верну с первой зарплаты; теперь "
        "она говорит, что долг 3000 из-за процентов и жилья, забирает всю зарплату и говорит, "
        "если убегу, найдёт мою маму. Что делать?",
        "мы договорились, что я отдам за билет с зарплаты, а теперь хозяйка забирает всё и "
        "угрожает маме, если уйду — как быть?",
        "Я ўзяла аванс у вярбоўшчыцы на дарогу, дамовіліся, што вярну з першага заробку; цяпер "
        "яна кажа, што доўг 3000 праз працэнты і жыллё, забірае ўвесь заробак і кажа, калі "
        "ўцяку, знойдзе маю маму. Што рабіць?",
        "I took an advance from the recruiter for the trip, we agreed I'd pay it back from my "
        "first wage; now she says the debt is 3000 because of interest, takes all my pay and "
        "says if I run away she'll find my mother. What should I do?",
        "ya vzyala avans u verbovshchitsy na dorogu, dogovorilis, chto vernu s pervoy zarplaty; "
        "teper ona govorit chto dolg 3000 iz-za procentov, zabiraet vsyu zarplatu i govorit, "
        "esli ubegu, naydet moyu mamu. chto delat?",
    ],
    "held_for_real_asked_how_to_get_out": [
        "меня заперли в подвале, как выйти?",
        "мяне зачынілі ў склепе, як выйсці?",
        "they locked me in the basement, how do I escape?",
        "the boss locked us in, it's like in the Sims, help",
        "hozyain zaper nas v podvale, kak vyjti?",
    ],
    "passport_kept_for_a_visa_by_an_employer": [
        "работодатель забрал паспорт на визу в консульство и не отдаёт уже полгода",
        "агенцтва забрала пашпарт на візу ў пасольства і не аддае",
        "the agency took my passport for the embassy visa and won't give it back",
        "pasport zabrali v agentstve dlya vizy v posolstvo, ne otdayut",
    ],
}


test_each_kind_on_its_side = sides_test(CALM, AT_RISK)


@pytest.mark.parametrize(
    "text",
    [t for t in AT_RISK["debt_bondage_told_with_an_agreement_and_family"] if "3000" in t],
)
def test_the_danger_phrases_fire_on_a_debt_story_with_an_agreement(
    matcher: DangerPhraseMatcher, text: str
) -> None:
    assert matcher.find(text)


@pytest.mark.parametrize("text", CALM["safety_plan_agreed_with_family"])
def test_no_danger_phrase_fires_on_a_safety_plan(matcher: DangerPhraseMatcher, text: str) -> None:
    assert matcher.find(text) == []
