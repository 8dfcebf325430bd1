"""The words of the calm frames of round 18 (content/triage_frames.yaml): a fiction, a job offer
asked about, a workplace penalty, a passport left at a desk, a past case reported later, a cry
about a missed train, what the writer affirms, and the calm situations.

The same kinds of list as bot.content.models._triage_frames (stems, words, phrases; `lets_off`
says which way an added entry moves the decision); how they combine is code (bot/nlu/*.py).
"""

from __future__ import annotations

from bot.content.models._base import Strict
from bot.content.models._cue_lists import Phrases, Stems, Words, cues


class FictionWords(Strict):
    """A danger inside a fiction asked about: a game, a song, a film (bot.nlu.fiction)."""

    fiction_stems: Stems = cues(
        "a game, a song, a film named: 'gta', 'песн', 'гульн'",
        lets_off=True,
    )
    fiction_words: Words = cues(
        "a game, a song, a film, whole words: 'game', 'игра', 'sings'",
        lets_off=True,
    )
    asked: Phrases = cues(
        "a question about the fiction: 'how do i pass', 'кто поет', 'як называецца'",
        lets_off=True,
    )

class OfferCheckWords(Strict):
    """A job offer not yet taken, asked about (bot.nlu.offer_check)."""

    offer_stems: Stems = cues("a job offer: 'offer', 'ваканс', 'прапан'", lets_off=True)
    opinion_stems: Stems = cues(
        "an opinion word, in a question: 'normal', 'подозрит', 'scam'",
        lets_off=True,
    )
    opinion_asked: Phrases = cues(
        "an opinion asked: 'what do you think', 'что думаете', 'ці варта'",
        lets_off=True,
    )
    photo_asked: Phrases = cues(
        "a photo or a selfie of the passport asked for, standing for an offer: 'селфи с "
        "паспортом', 'photo of my passport'",
        lets_off=True,
    )
    taken_stems: Stems = cues(
        "the passport taken or kept, beside a photo request (no let-off): 'забрал', 'took'",
        lets_off=False,
    )
    there_stems: Stems = cues(
        "the writer is there or took the job (no let-off): 'теперь', 'arrived', 'працую'",
        lets_off=False,
    )
    there_phrases: Phrases = cues(
        "the writer took the job (no let-off): 'took the job', 'i work'",
        lets_off=False,
    )
    cry_words: Words = cues("a cry (no let-off): 'help', 'помогите', 'ратуйце'", lets_off=False)

class PenaltyWords(Strict):
    """An ordinary workplace consequence threatened (bot.nlu.penalty)."""

    penalty_stems: Stems = cues(
        "an ordinary consequence at work, after a threat verb: 'прем', 'review', 'выговор'",
        lets_off=True,
    )
    penalty_words: Words = cues(
        "the same, as whole words too short for a stem: 'dj' (make me DJ the party)",
        lets_off=True,
    )
    comment_phrases: Phrases = cues(
        "the writer's comment just before a threat word: 'what a' (threat), 'вот это' (угроза)",
        lets_off=True,
    )

class ReportLaterWords(Strict):
    """A past exploitation the writer is out of and wants to report (bot.nlu.report_later)."""

    past: Phrases = cues("a past time: 'last year', 'в прошлом году', 'летась'", lets_off=True)
    back_from: Phrases = cues(
        "back from a stay abroad, named by the country: 'вернулся из России', 'came back from "
        "Poland'",
        lets_off=True,
    )
    out_stems: Stems = cues("the writer out of it: 'escaped', 'дома', 'уцяк'", lets_off=True)
    report_stems: Stems = cues(
        "a wish to report or testify: 'report', 'заяв', 'сведч'",
        lets_off=True,
    )
    now_stems: Stems = cues(
        "now, a search, a threat (no let-off): 'today', 'ищут', 'паграж'",
        lets_off=False,
    )
    still_words: Words = cues(
        "'still' said of the story, not of the report (no let-off): 'still', 'ещё'",
        lets_off=False,
    )
    still_there: Phrases = cues(
        "someone still there (no let-off): 'still there', 'еще там'",
        lets_off=False,
    )

class LeftBehindWords(Strict):
    """A passport forgotten at a desk that keeps it (bot.nlu.left_behind)."""

    forgot_stems: Stems = cues("the owner forgot it: 'forgot', 'забыл', 'пакінул'", lets_off=True)
    forgot_phrases: Phrases = cues("the owner left it: 'left my passport'", lets_off=True)
    desk_stems: Stems = cues(
        "a desk that keeps lost things: 'hotel', 'гостиниц', 'консульств'",
        lets_off=True,
    )
    refusal: Phrases = cues(
        "a refusal to give it back (no let-off): 'won't give', 'не отдают'",
        lets_off=False,
    )
    coercion_stems: Stems = cues(
        "a price, an employer, an agency, a landlord (no let-off): 'требу', 'boss', 'хозя'",
        lets_off=False,
    )
    # Round 32a: a passport handed in for a visa at a visa desk, asked how long it takes.
    visa_stems: Stems = cues("a visa: 'виз', 'віз', 'visa'", lets_off=True)
    visa_desk_stems: Stems = cues(
        "a desk that issues visas: 'консульств', 'пасольств', 'embass'", lets_off=True
    )
    visa_desk_phrases: Phrases = cues("a visa desk in words: 'visa centre'", lets_off=True)
    wait_stems: Stems = cues(
        "a question of waiting: 'сколько', 'колькі', 'long', 'normal'", lets_off=True
    )

class StrandedCryWords(Strict):
    """A cry about a missed train or a lost wallet (bot.nlu.stranded_cry)."""

    missed_stems: Stems = cues("missed or lost: 'missed', 'опоздал', 'згубіл'", lets_off=True)
    thing_stems: Stems = cues(
        "a train, a bus, a flight, a wallet, a card: 'train', 'цягнік', 'кошел'",
        lets_off=True,
    )
    cry_words: Words = cues(
        "the words of a cry alone: 'ратуйце', 'спасите', 'help', 'меня'",
        lets_off=True,
    )

class AffirmedWords(Strict):
    """What the writer affirms is fine, for the classifier's evidence (bot.nlu.affirmed)."""

    pay_words: Words = cues("pay paid, in the present: 'платят', 'плацяць', 'pay'", lets_off=True)
    month_stems: Stems = cues(
        "months or weeks (no let-off): 'месяц', 'month', 'тыдн'",
        lets_off=False,
    )
    not_that: Phrases = cues(
        "a reassurance before pay: 'не то чтобы', 'not that'",
        lets_off=True, negators=True,
    )
    as_promised: Phrases = cues(
        "pay as promised: 'как обещали', 'on time', 'у тэрмін'",
        lets_off=True,
    )
    shortfall_stems: Stems = cues(
        "a shortfall (no let-off): 'меньш', 'half', 'аванс'",
        lets_off=False,
    )
    deceive_stems: Stems = cues(
        "deceiving, every one negated: 'обман', 'падман', 'deceiv'",
        lets_off=True,
    )
    withhold_stems: Stems = cues(
        "pay held back, every one negated: 'задержива', 'затрымлів', 'withhold'",
        lets_off=True,
    )
    free: Phrases = cues(
        "free to go: 'whenever we want', 'когда хотим', 'калі хочам'",
        lets_off=True,
    )
    keep_stems: Stems = cues(
        "keeping papers, every one negated: 'keep', 'держ', 'трым'",
        lets_off=True,
    )
    paper_stems: Stems = cues("papers: 'passport', 'паспорт', 'дакум'", lets_off=True)
    pay_stems: Stems = cues(
        "a pay verb between a negator and another pay verb (then the negator is its own): 'плат'",
        lets_off=False,
    )

class CalmSituationWords(Strict):
    """A safety plan, a thing, an idiom, a visa, a harm told from home, others' stories
    (bot.nlu.calm_situations)."""

    condition_words: Words = cues(
        "a condition or a sign that stands for something: 'если', 'калі', 'means'",
        lets_off=True,
    )
    plan_stems: Stems = cues("a plan's own words: 'кодов', 'умоўн', 'codeword'", lets_off=True)
    plan_phrases: Phrases = cues("a plan's own words: 'code word', 'check in'", lets_off=True)
    agree_stems: Stems = cues(
        "agreeing, with family named: 'договорит', 'дамовіц', 'agree'",
        lets_off=True,
    )
    family_stems: Stems = cues("family, with agreeing: 'мам', 'бацьк', 'parents'", lets_off=True)
    not_left: Phrases = cues(
        "not left yet (the last word is a stem): 'еще не уехал', 'haven't left'",
        lets_off=True, negators=True,
    )
    ask_words: Words = cues("asking advice, without a '?': 'идея', 'how', 'варта'", lets_off=True)
    cry_words: Words = cues(
        "a cry (no plan, no report from home, no others' story): 'помогите', 'help'",
        lets_off=False,
    )
    harm_now_stems: Stems = cues(
        "harm going on now (no plan): 'забирает', 'процент', 'threatens'",
        lets_off=False,
    )
    captor_stems: Stems = cues(
        "people who hold others (no thing, idiom or visa let-off): 'работодат', 'boss', 'ахоўн'",
        lets_off=False,
    )
    device_stems: Stems = cues("a device: 'телефон', 'phone', 'screen'", lets_off=True)
    locked_device_stems: Stems = cues(
        "a device locked, near the device word: 'заблок', 'password', 'pin'",
        lets_off=True,
    )
    locked_in: Phrases = cues(
        "a person locked in (no device let-off): 'locked in', 'locked me'",
        lets_off=False,
    )
    taken_stems: Stems = cues("a device taken (no device let-off): 'took', 'забра'", lets_off=False)
    door_stems: Stems = cues(
        "a door or a room (no device let-off): 'door', 'двер', 'пакой'",
        lets_off=False,
    )
    person_lock_stems: Stems = cues(
        "a person locked in or kept (no device let-off): 'запер', 'меня', 'held'",
        lets_off=False,
    )
    pet_words: Words = cues("a pet (that took the passport): 'кот', 'dog', 'сабака'", lets_off=True)
    pet_documents: Phrases = cues(
        "a document a pet took, in the pet's own clause: 'паспорт', 'пашпарт', 'passport'",
        lets_off=True,
    )
    pet_clause_joints: Phrases = cues(
        "where a pet's clause ends besides punctuation: 'а', 'но', 'але', 'but', 'and then'",
        lets_off=False,
    )
    people_taking: Phrases = cues(
        "people taking, in the pet's clause (no pet let-off): 'они', 'забрали', 'не отдают', "
        "'they'", lets_off=False,
    )
    child_words: Words = cues("a child or a pet that shut itself in: 'ребенок', 'kid', 'дзіця'",
                              lets_off=True)  # fmt: skip
    self_lock_stems: Stems = cues("locked itself in: 'закрылс', 'зачынілас'", lets_off=True)
    self_lock_phrases: Phrases = cues("locked itself in: 'locked himself'", lets_off=True)
    locked_by_words: Words = cues(
        "someone locked others in (no child let-off): 'меня', 'нас', 'us'", lets_off=False
    )
    game_stems: Stems = cues("an escape room: 'квест', 'эскейп'", lets_off=True)
    game_phrases: Phrases = cues("an escape room: 'escape room'", lets_off=True)
    silk_words: Words = cues("'в долгу как в шелку': 'шелку', 'шоўку'", lets_off=True)
    ears: Phrases = cues("'up to my ears' (in debt)", lets_off=True)
    work_off_stems: Stems = cues(
        "working a debt off, being let go (no idiom let-off): 'отработ', 'work'",
        lets_off=False,
    )
    trapped_stems: Stems = cues("stuck in a country: 'trapped', 'застрял'", lets_off=True)
    visa_stems: Stems = cues("a visa: 'виз', 'visa'", lets_off=True)
    legal_stems: Stems = cues("leaving legally: 'легальн', 'legal'", lets_off=True)
    home_now: Phrases = cues("home now: 'я дома', 'back home', 'вярнулася дадому'", lets_off=True)
    past: Phrases = cues("the past: 'в прошлом', 'летась', 'years ago'", lets_off=True)
    report_stems: Stems = cues("a wish to report: 'заяв', 'скарг', 'report', 'куда'", lets_off=True)
    still_words: Words = cues(
        "it goes on or someone is still there (no let-off): 'там', 'ещё', 'still'",
        lets_off=False,
    )
    not_mine: Phrases = cues(
        "'that's not my case': 'не мой случай', 'not about me'",
        lets_off=True, negators=True,
    )
    heard_stems: Stems = cues("stories read or heard: 'начита', 'stories', 'heard'", lets_off=True)
    now_words: Words = cues(
        "now or yesterday (no let-off of others' stories): 'сейчас', 'yesterday'",
        lets_off=False,
    )
