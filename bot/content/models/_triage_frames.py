"""The words that let a danger off or keep it firing (content/triage_frames.yaml).

Each list is written language by language (`ru`, `be`, `en`, `translit`: Russian typed in
Latin letters); the bot reads the languages of a list together, as one list. Entries are
compared with a message as the bot reads it (`bot.nlu.normalize.clean`: lower case, ё as е,
’ as '), so an entry is stored in that spelling. How the lists combine is code
(bot/nlu/past_safe.py, ...): these are only the words.

Kinds of entry:
* a stem matches the start of a word ("волонт": "волонтёр", "волонтерка");
* a word matches a whole word ("safe", "дома");
* a phrase matches whole words in a row ("years ago", "лет назад").

Each list's description says what it does; `lets_off` lists widen a let-off when a word is
added to them, so `content check` refuses a negator there and a stem so short it starts most
words (bot.content.triage_frames).
"""

from __future__ import annotations

from bot.content.models._base import Strict
from bot.content.models._calm_frames import (
    AffirmedWords,
    CalmSituationWords,
    FictionWords,
    LeftBehindWords,
    OfferCheckWords,
    PenaltyWords,
    ReportLaterWords,
    StrandedCryWords,
)
from bot.content.models._cue_lists import Phrases, Stems, Words, cues
from bot.content.models._triage_confirms import PayHeldWords, RelayedCallWords


class PastSafeWords(Strict):
    """A harm told as the past by a writer safe now (bot.nlu.past_safe)."""

    past: Phrases = cues("the past: 'years ago', 'лет назад', 'гадоў таму'", lets_off=True)
    safe_now: Phrases = cues("safe now: 'i'm safe', 'в безопасности'", lets_off=True)
    volunteer_stems: Stems = cues("helping others now: 'volunteer', 'волонт'", lets_off=True)
    ongoing: Phrases = cues(
        "it goes on (no let-off): 'still', 'до сих пор', 'зноў'", lets_off=False
    )
    left_stems: Stems = cues("left the place: 'escaped', 'уехал', 'ўцякла'", lets_off=True)
    left_phrases: Phrases = cues(
        "left the place: 'came home', 'больше не там'", lets_off=True, negators=True
    )
    safe_words: Words = cues("safe or home now: 'safe', 'дома', 'бяспецы'", lets_off=True)
    not_safe_before: Words = cues(
        "a word just before a safe word that undoes it: 'из дома', 'не в безопасности'",
        lets_off=False, negators=True,
    )  # fmt: skip
    now_there: Words = cues(
        "present work or a search for the person (no let-off): 'работаю', 'ищут'",
        lets_off=False,
    )
    danger_now_words: Words = cues(
        "a danger now (no let-off): 'still', 'following', 'help', 'помогите'", lets_off=False
    )
    refusals: Words = cues(
        "a refusal before a letting-go verb (no let-off): 'не', 'won't'",
        lets_off=False, negators=True,
    )  # fmt: skip
    let_go_stems: Stems = cues(
        "letting go, after a refusal (no let-off): 'не отпускают', 'won't let'", lets_off=False
    )
    yet_words: Words = cues("'ещё' next to 'там': still there (no let-off)", lets_off=False)
    there_words: Words = cues("'там' next to 'ещё': still there (no let-off)", lets_off=False)
    home_now: Phrases = cues(
        "back home now, in a long story: 'сейчас я дома', 'back home'", lets_off=True
    )


class CoercionWords(Strict):
    """Coercive means (ILO indicators of forced labour) that keep a labour framing a danger
    (bot.nlu.coercion): every list CONFIRMS."""

    violence_stems: Stems = cues("violence, sexual abuse, being hunted down: 'убь', 'kill', "
                                 "'найд'", lets_off=False)  # fmt: skip
    authority_stems: Stems = cues("the authorities as a threat: 'полиц', 'deport'", lets_off=False)
    document_stems: Stems = cues("documents held: 'паспорт', 'document'", lets_off=False)
    lock_stems: Stems = cues("locked in: 'запер', 'locked'", lets_off=False)
    family_stems: Stems = cues("the family as a hostage: 'семь', 'kids'", lets_off=False)
    debt_words: Words = cues("a debt that keeps the person working: 'долг', 'loan'",
                             lets_off=False)  # fmt: skip


class EverydayWords(Strict):
    """Everyday trouble told in the words of a danger (bot.nlu.everyday)."""

    help_words: Words = cues("a cry for help, about a nuisance: 'помогите', 'help'", lets_off=True)
    neighbour_stems: Stems = cues("a neighbour: 'сосед', 'neighbo'", lets_off=True)
    nuisance_stems: Stems = cues("a nuisance at home: 'сверл', 'noise'", lets_off=True)
    lock_stems: Stems = cues("a lock verb (a thing locked): 'lock', 'запер'", lets_off=True)
    thing_stems: Stems = cues("a thing locked: 'locker', 'велосипед'", lets_off=True)
    person_words: Words = cues("a person near the lock verb (no let-off): 'me', 'нас'",
                               lets_off=False)  # fmt: skip
    death_stems: Stems = cues("death, in hyperbole: 'помру', 'die'", lets_off=True)
    without_words: Words = cues("'without' before a comfort: 'без', 'without'", lets_off=True)
    comfort_stems: Stems = cues("a comfort: 'интернет', 'coffee'", lets_off=True)
    delay_stems: Stems = cues("a delay of pay: 'задерж', 'delay'", lets_off=True)
    holiday_stems: Stems = cues("a holiday, why pay is late: 'праздник', 'weekend'",
                                lets_off=True)  # fmt: skip
    day_words: Words = cues("days, after a small number: 'дня', 'days'", lets_off=True)
    small_words: Words = cues("a small number before a day word: 'два', 'few'", lets_off=True)
    chronic_stems: Stems = cues("it is chronic (no let-off): 'always', 'месяц', 'снова'",
                                lets_off=False)  # fmt: skip
    tax_stems: Stems = cues("pay read through taxes: 'налог', 'brutto'", lets_off=True)
    tax_words: Words = cues("pay read through taxes, whole words: 'zus', 'зус'", lets_off=True)
    unpaid_phrases: Phrases = cues(
        "pay not paid at all (no let-off; the last word is a stem): 'не плат', 'unpaid'",
        lets_off=False, negators=True,
    )  # fmt: skip
    month_stems: Stems = cues("months (no let-off): 'месяц', 'month'", lets_off=False)
    threat_verb_stems: Stems = cues(
        "a threat verb (no let-off without a dismissal right after it): 'угрожа', 'threat'",
        lets_off=False,
    )
    dismissal_stems: Stems = cues("a dismissal after a threat verb: 'увольн', 'fire'",
                                  lets_off=True)  # fmt: skip
    dismiss_verb_stems: Stems = cues("a dismissal verb alone: 'уволи', 'dismiss'", lets_off=True)
    fire_words: Words = cues("'fire', 'sack': a dismissal only with a person after it",
                             lets_off=True)  # fmt: skip
    fired_words: Words = cues("a person fired: 'me', 'us', 'everyone'", lets_off=True)
    to_words: Words = cues("'на' before work: 'не выпускают НА работу'", lets_off=True)
    work_stems: Stems = cues("work, a shift: 'работ', 'смен'", lets_off=True)
    let_out_stems: Stems = cues("letting out, negated: 'не выпускают'", lets_off=True)
    paid_in_full: Phrases = cues("pay late, then paid in full: 'выплатили все', 'paid in full'",
                                 lets_off=True)  # fmt: skip
    still_owed_stems: Stems = cues(
        "pay still owed (no paid-in-full let-off): 'кроме', 'половин', 'except'", lets_off=False
    )
    bonus_stems: Stems = cues("a bonus (round 32a): 'прем', 'прэм', 'bonus'", lets_off=True)
    decision_phrases: Phrases = cues(
        "a management decision: 'по решению руководства', 'па рашэнні кіраўніцтва'",
        lets_off=True,
    )
    base_pay_stems: Stems = cues(
        "base pay, negated near it keeps a bonus cut at risk (no let-off): 'зарплат', 'salary'",
        lets_off=False,
    )
    overtime_stems: Stems = cues("hours of work: 'сверхурочн', 'overtime'", lets_off=True)
    ahead_words: Words = cues("asked ahead, before a job: 'ли', 'will', 'interview'",
                              lets_off=True)  # fmt: skip
    work_now_stems: Stems = cues("a job now, stated: 'работаю', 'працую'", lets_off=True)
    work_now_phrases: Phrases = cues("a job now, stated: 'i work', 'working at'", lets_off=True)
    deceit_stems: Stems = cues(
        "a job other than promised, a wish to leave (no statement let-off): 'обещ', 'promis'",
        lets_off=False,
    )
    nature_stems: Stems = cues("small talk, nature and weather: 'ромашк', 'bloom', 'снег'",
                               lets_off=True)  # fmt: skip
    plight_stems: Stems = cues(
        "a plight or a danger (no small-talk let-off): 'помог', 'паспорт', 'lock'",
        lets_off=False,
    )


class BorrowedWords(Strict):
    """A thing lent, a friend's debt, a landlord's deposit: nobody held (bot.nlu.borrowed)."""

    borrow_stems: Stems = cues("lending: 'borrow', 'одолж'", lets_off=True)
    taker_stems: Stems = cues("a neighbour, a friend, a colleague: 'сосед', 'friend'",
                              lets_off=True)  # fmt: skip
    friend_words: Words = cues("'друг' as whole words ('другие' is not a friend)", lets_off=True)
    return_stems: Stems = cues("giving back: 'отда', 'вярта', 'return'", lets_off=True)
    give_words: Words = cues("'give' within three words before 'back'", lets_off=True)
    back_words: Words = cues("'back' after 'give'", lets_off=True)
    held_stems: Stems = cues("what a person is held by (no let-off): 'паспорт', 'money'",
                             lets_off=False)  # fmt: skip
    employer_stems: Stems = cues("an employer, an agency, a landlord (no let-off): 'boss'",
                                 lets_off=False)  # fmt: skip
    owe_stems: Stems = cues("owing: 'owe', 'должен'", lets_off=True)
    kin_words: Words = cues("a relative who owes: 'brother', 'сестра'", lets_off=True)
    to_me_words: Words = cues("'me' within two words after owing", lets_off=True)
    held_not_money_stems: Stems = cues(
        "documents a person is held by (no let-off of a debt or a deposit): 'паспорт'",
        lets_off=False,
    )
    held_not_debt_stems: Stems = cues(
        "an ID, a card, a phone, wages (no let-off of a deposit): 'карт', 'phone'",
        lets_off=False,
    )
    owner_stems: Stems = cues("a flat's owner, a landlord in a deposit dispute: 'хозя'",
                              lets_off=True)  # fmt: skip
    deposit_stems: Stems = cues("a deposit: 'залог', 'deposit'", lets_off=True)
    landlord_stems: Stems = cues("a landlord: 'landlord', 'арендодат'", lets_off=True)
    work_stems: Stems = cues("work, a workplace, a dormitory, a contract (no let-off of a "
                             "deposit): 'работ', 'dorm'", lets_off=False)  # fmt: skip


class NotHeldWords(Strict):
    """Papers with a person nobody holds (bot.nlu.not_held): a documents phrase ending in a
    pronoun, let off when the message says nobody holds that person."""

    hold_stems: Stems = cues("a holding verb, after a negator: 'держ', 'hold'", lets_off=True)
    she_words: Words = cues("'her' as a phrase ends in it or as the object: 'нее', 'яе'",
                            lets_off=True)  # fmt: skip
    he_words: Words = cues("'him': 'него', 'яго'", lets_off=True)
    they_words: Words = cues("'them': 'них', 'іх'", lets_off=True)


class WrittenTermsWords(Strict):
    """A deduction the contract writes down, asked about (bot.nlu.written_terms)."""

    deduction_stems: Stems = cues("a deduction: 'вычит', 'deduct'", lets_off=True)
    contract_stems: Stems = cues("the contract: 'договор', 'contract'", lets_off=True)
    written_stems: Stems = cues("written in it: 'написан', 'says'", lets_off=True)
    by_words: Words = cues("'по договору', 'under the contract'", lets_off=True)
    in_words: Words = cues("'в договоре', 'in the contract', after the deduction",
                           lets_off=True)  # fmt: skip
    contrast_words: Words = cues("'but' in between (no let-off): 'а', 'но', 'but'",
                                 lets_off=False)  # fmt: skip
    asking_stems: Stems = cues("asking whether it is lawful: 'законн', 'legal'", lets_off=True)
    amount_words: Words = cues("how much may be deducted, before it: 'сколько', 'колькі', 'much'",
                               lets_off=True)  # fmt: skip
    excess_stems: Stems = cues(
        "the harm however it is asked (no let-off): 'ничего', 'half', 'долг'", lets_off=False
    )


class BotAudienceWords(Strict):
    """The bot asked whom it helps (bot.nlu.bot_audience)."""

    bot_words: Words = cues("the bot or 'you' addressed: 'бот', 'вы', 'bot', 'you'", lets_off=True)
    scope_words: Words = cues("whom it is for: 'только', 'толькі', 'only', 'everyone'",
                              lets_off=True)  # fmt: skip
    victim_stems: Stems = cues(
        "a kind of person, not the writer's harm: 'жертв', 'ахвяр', 'рабств', 'slaver', 'victim'",
        lets_off=True,
    )


class LockedKeysWords(Strict):
    """Keys locked in, not a person (bot.nlu.locked_keys)."""

    key_stems: Stems = cues("a key in the gap of a 'locked in' phrase: 'key', 'ключ'",
                            lets_off=True)  # fmt: skip


class TakenBackWords(Strict):
    """The person takes back what they said was happening to them (bot.nlu.taken_back): the
    warning signs of that message are marked taken back in later alerts, never dropped."""

    phrases: Phrases = cues(
        "taking it back: 'just a question', 'не про меня', 'я ў бяспецы'",
        lets_off=True, negators=True,
    )  # fmt: skip
    undo_words: Words = cues(
        "a word just before a phrase that undoes it (no taking back): 'не', 'not'",
        lets_off=False, negators=True,
    )  # fmt: skip


class TriageFrames(Strict):
    """The let-off word lists of triage (content/triage_frames.yaml), one section a module."""

    past_safe: PastSafeWords
    coercion: CoercionWords
    everyday: EverydayWords
    borrowed: BorrowedWords
    not_held: NotHeldWords
    written_terms: WrittenTermsWords
    # the calm frames of round 18 (bot.content.models._calm_frames)
    fiction: FictionWords
    offer_check: OfferCheckWords
    penalty: PenaltyWords
    report_later: ReportLaterWords
    left_behind: LeftBehindWords
    stranded_cry: StrandedCryWords
    affirmed: AffirmedWords
    calm_situations: CalmSituationWords
    locked_keys: LockedKeysWords
    bot_audience: BotAudienceWords  # round 31b
    # round 19: lists that confirm a danger (bot.content.models._triage_confirms)
    pay_held: PayHeldWords
    relayed_call: RelayedCallWords
    # issue 10: a message taken back; not a let-off of triage (bot.nlu.taken_back)
    taken_back: TakenBackWords | None = None
