"""The words of the calm frames of round 18 (content/triage_frames.yaml): a fiction, a job offer
asked about, a workplace penalty, a passport left at a desk, a past case reported later, a cry
about a missed train, what the writer affirms, and the calm situations.

The same kinds of list as bot.content.models._triage_frames (stems, words, phrases; a `let_off`
list widens a let-off when an entry is added, a `confirms` list keeps the danger firing); how
they combine is code (bot/nlu/*.py).
"""

from __future__ import annotations

from bot.content.models._base import Strict
from bot.content.models._cue_lists import Phrases, Stems, Words, confirms, let_off


class FictionWords(Strict):
    """A danger inside a fiction asked about: a game, a song, a film (bot.nlu.fiction)."""

    fiction_stems: Stems = let_off("a game, a song, a film named: 'gta', 'песн', 'гульн'")
    fiction_words: Words = let_off("a game, a song, a film, whole words: 'game', 'игра', 'sings'")
    asked: Phrases = let_off(
        "a question about the fiction: 'how do i pass', 'кто поет', 'як называецца'"
    )


class OfferCheckWords(Strict):
    """A job offer not yet taken, asked about (bot.nlu.offer_check)."""

    offer_stems: Stems = let_off("a job offer: 'offer', 'ваканс', 'прапан'")
    opinion_stems: Stems = let_off("an opinion word, in a question: 'normal', 'подозрит', 'scam'")
    opinion_asked: Phrases = let_off(
        "an opinion asked: 'what do you think', 'что думаете', 'ці варта'"
    )
    there_stems: Stems = confirms(
        "the writer is there or took the job (no let-off): 'теперь', 'arrived', 'працую'"
    )
    there_phrases: Phrases = confirms(
        "the writer took the job (no let-off): 'took the job', 'i work'"
    )
    cry_words: Words = confirms("a cry (no let-off): 'help', 'помогите', 'ратуйце'")


class PenaltyWords(Strict):
    """An ordinary workplace consequence threatened (bot.nlu.penalty)."""

    penalty_stems: Stems = let_off(
        "an ordinary consequence at work, after a threat verb: 'прем', 'review', 'выговор'"
    )
    penalty_words: Words = let_off(
        "the same, as whole words too short for a stem: 'dj' (make me DJ the party)"
    )
    comment_phrases: Phrases = let_off(
        "the writer's comment just before a threat word: 'what a' (threat), 'вот это' (угроза)"
    )


class ReportLaterWords(Strict):
    """A past exploitation the writer is out of and wants to report (bot.nlu.report_later)."""

    past: Phrases = let_off("a past time: 'last year', 'в прошлом году', 'летась'")
    out_stems: Stems = let_off("the writer out of it: 'escaped', 'дома', 'уцяк'")
    report_stems: Stems = let_off("a wish to report or testify: 'report', 'заяв', 'сведч'")
    now_stems: Stems = confirms("now, a search, a threat (no let-off): 'today', 'ищут', 'паграж'")
    still_words: Words = confirms(
        "'still' said of the story, not of the report (no let-off): 'still', 'ещё'"
    )
    still_there: Phrases = confirms("someone still there (no let-off): 'still there', 'еще там'")


class LeftBehindWords(Strict):
    """A passport forgotten at a desk that keeps it (bot.nlu.left_behind)."""

    forgot_stems: Stems = let_off("the owner forgot it: 'forgot', 'забыл', 'пакінул'")
    forgot_phrases: Phrases = let_off("the owner left it: 'left my passport'")
    desk_stems: Stems = let_off("a desk that keeps lost things: 'hotel', 'гостиниц', 'консульств'")
    refusal: Phrases = confirms("a refusal to give it back (no let-off): 'won't give', 'не отдают'")
    coercion_stems: Stems = confirms(
        "a price, an employer, an agency, a landlord (no let-off): 'требу', 'boss', 'хозя'"
    )


class StrandedCryWords(Strict):
    """A cry about a missed train or a lost wallet (bot.nlu.stranded_cry)."""

    missed_stems: Stems = let_off("missed or lost: 'missed', 'опоздал', 'згубіл'")
    thing_stems: Stems = let_off(
        "a train, a bus, a flight, a wallet, a card: 'train', 'цягнік', 'кошел'"
    )
    cry_words: Words = let_off("the words of a cry alone: 'ратуйце', 'спасите', 'help', 'меня'")


class AffirmedWords(Strict):
    """What the writer affirms is fine, for the classifier's evidence (bot.nlu.affirmed)."""

    pay_words: Words = let_off("pay paid, in the present: 'платят', 'плацяць', 'pay'")
    month_stems: Stems = confirms("months or weeks (no let-off): 'месяц', 'month', 'тыдн'")
    not_that: Phrases = let_off(
        "a reassurance before pay: 'не то чтобы', 'not that'",
        negators=True,
    )
    as_promised: Phrases = let_off("pay as promised: 'как обещали', 'on time', 'у тэрмін'")
    shortfall_stems: Stems = confirms("a shortfall (no let-off): 'меньш', 'half', 'аванс'")
    deceive_stems: Stems = let_off("deceiving, every one negated: 'обман', 'падман', 'deceiv'")
    withhold_stems: Stems = let_off(
        "pay held back, every one negated: 'задержива', 'затрымлів', 'withhold'"
    )
    free: Phrases = let_off("free to go: 'whenever we want', 'когда хотим', 'калі хочам'")
    keep_stems: Stems = let_off("keeping papers, every one negated: 'keep', 'держ', 'трым'")
    paper_stems: Stems = let_off("papers: 'passport', 'паспорт', 'дакум'")
    pay_stems: Stems = confirms(
        "a pay verb between a negator and another pay verb (then the negator is its own): 'плат'"
    )


class CalmSituationWords(Strict):
    """A safety plan, a thing, an idiom, a visa, a harm told from home, others' stories
    (bot.nlu.calm_situations)."""

    condition_words: Words = let_off(
        "a condition or a sign that stands for something: 'если', 'калі', 'means'"
    )
    plan_stems: Stems = let_off("a plan's own words: 'кодов', 'умоўн', 'codeword'")
    plan_phrases: Phrases = let_off("a plan's own words: 'code word', 'check in'")
    agree_stems: Stems = let_off("agreeing, with family named: 'договорит', 'дамовіц', 'agree'")
    family_stems: Stems = let_off("family, with agreeing: 'мам', 'бацьк', 'parents'")
    not_left: Phrases = let_off(
        "not left yet (the last word is a stem): 'еще не уехал', 'haven't left'",
        negators=True,
    )
    ask_words: Words = let_off("asking advice, without a '?': 'идея', 'how', 'варта'")
    cry_words: Words = confirms(
        "a cry (no plan, no report from home, no others' story): 'помогите', 'help'"
    )
    harm_now_stems: Stems = confirms(
        "harm going on now (no plan): 'забирает', 'процент', 'threatens'"
    )
    captor_stems: Stems = confirms(
        "people who hold others (no thing, idiom or visa let-off): 'работодат', 'boss', 'ахоўн'"
    )
    device_stems: Stems = let_off("a device: 'телефон', 'phone', 'screen'")
    locked_device_stems: Stems = let_off(
        "a device locked, near the device word: 'заблок', 'password', 'pin'"
    )
    locked_in: Phrases = confirms(
        "a person locked in (no device let-off): 'locked in', 'locked me'"
    )
    taken_stems: Stems = confirms("a device taken (no device let-off): 'took', 'забра'")
    door_stems: Stems = confirms("a door or a room (no device let-off): 'door', 'двер', 'пакой'")
    person_lock_stems: Stems = confirms(
        "a person locked in or kept (no device let-off): 'запер', 'меня', 'held'"
    )
    pet_words: Words = let_off("a pet (that took the passport): 'кот', 'dog', 'сабака'")
    child_words: Words = let_off("a child or a pet that shut itself in: 'ребенок', 'kid', 'дзіця'")
    self_lock_stems: Stems = let_off("locked itself in: 'закрылс', 'зачынілас'")
    self_lock_phrases: Phrases = let_off("locked itself in: 'locked himself'")
    locked_by_words: Words = confirms(
        "someone locked others in (no child let-off): 'меня', 'нас', 'us'"
    )
    game_stems: Stems = let_off("an escape room: 'квест', 'эскейп'")
    game_phrases: Phrases = let_off("an escape room: 'escape room'")
    silk_words: Words = let_off("'в долгу как в шелку': 'шелку', 'шоўку'")
    ears: Phrases = let_off("'up to my ears' (in debt)")
    work_off_stems: Stems = confirms(
        "working a debt off, being let go (no idiom let-off): 'отработ', 'work'"
    )
    trapped_stems: Stems = let_off("stuck in a country: 'trapped', 'застрял'")
    visa_stems: Stems = let_off("a visa: 'виз', 'visa'")
    legal_stems: Stems = let_off("leaving legally: 'легальн', 'legal'")
    home_now: Phrases = let_off("home now: 'я дома', 'back home', 'вярнулася дадому'")
    past: Phrases = let_off("the past: 'в прошлом', 'летась', 'years ago'")
    report_stems: Stems = let_off("a wish to report: 'заяв', 'скарг', 'report', 'куда'")
    still_words: Words = confirms(
        "it goes on or someone is still there (no let-off): 'там', 'ещё', 'still'"
    )
    not_mine: Phrases = let_off(
        "'that's not my case': 'не мой случай', 'not about me'",
        negators=True,
    )
    heard_stems: Stems = let_off("stories read or heard: 'начита', 'stories', 'heard'")
    now_words: Words = confirms(
        "now or yesterday (no let-off of others' stories): 'сейчас', 'yesterday'"
    )
