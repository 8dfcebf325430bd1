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

Each list's description says what it does; `let_off(...)` lists (`lets_off: true` in the JSON
Schema) widen a let-off when a word is added to them, so `content check` refuses a negator there
and a stem so short it starts most words (bot.content.triage_frames); `confirms(...)` lists keep
a danger firing.
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
from bot.content.models._cue_lists import Phrases, Stems, Words, confirms, let_off
from bot.content.models._triage_confirms import PayHeldWords, RelayedCallWords


class PastSafeWords(Strict):
    """A harm told as the past by a writer safe now (bot.nlu.past_safe)."""

    past: Phrases = let_off("the past: 'years ago', 'лет назад', 'гадоў таму'")
    safe_now: Phrases = let_off("safe now: 'i'm safe', 'в безопасности'")
    volunteer_stems: Stems = let_off("helping others now: 'volunteer', 'волонт'")
    ongoing: Phrases = confirms("it goes on (no let-off): 'still', 'до сих пор', 'зноў'")
    left_stems: Stems = let_off("left the place: 'escaped', 'уехал', 'ўцякла'")
    left_phrases: Phrases = let_off("left the place: 'came home', 'больше не там'", negators=True)
    safe_words: Words = let_off("safe or home now: 'safe', 'дома', 'бяспецы'")
    not_safe_before: Words = confirms(
        "a word just before a safe word that undoes it: 'из дома', 'не в безопасности'",
        negators=True,
    )
    now_there: Words = confirms(
        "present work or a search for the person (no let-off): 'работаю', 'ищут'"
    )
    danger_now_words: Words = confirms(
        "a danger now (no let-off): 'still', 'following', 'help', 'помогите'"
    )
    refusals: Words = confirms(
        "a refusal before a letting-go verb (no let-off): 'не', 'won't'",
        negators=True,
    )
    let_go_stems: Stems = confirms(
        "letting go, after a refusal (no let-off): 'не отпускают', 'won't let'"
    )
    yet_words: Words = confirms("'ещё' next to 'там': still there (no let-off)")
    there_words: Words = confirms("'там' next to 'ещё': still there (no let-off)")
    home_now: Phrases = let_off("back home now, in a long story: 'сейчас я дома', 'back home'")


class CoercionWords(Strict):
    """Coercive means (ILO indicators of forced labour) that keep a labour framing a danger
    (bot.nlu.coercion): every list CONFIRMS."""

    violence_stems: Stems = confirms(
        "violence, sexual abuse, being hunted down: 'убь', 'kill', 'найд'"
    )
    authority_stems: Stems = confirms("the authorities as a threat: 'полиц', 'deport'")
    document_stems: Stems = confirms("documents held: 'паспорт', 'document'")
    lock_stems: Stems = confirms("locked in: 'запер', 'locked'")
    family_stems: Stems = confirms("the family as a hostage: 'семь', 'kids'")
    debt_words: Words = confirms("a debt that keeps the person working: 'долг', 'loan'")


class EverydayWords(Strict):
    """Everyday trouble told in the words of a danger (bot.nlu.everyday)."""

    help_words: Words = let_off("a cry for help, about a nuisance: 'помогите', 'help'")
    neighbour_stems: Stems = let_off("a neighbour: 'сосед', 'neighbo'")
    nuisance_stems: Stems = let_off("a nuisance at home: 'сверл', 'noise'")
    lock_stems: Stems = let_off("a lock verb (a thing locked): 'lock', 'запер'")
    thing_stems: Stems = let_off("a thing locked: 'locker', 'велосипед'")
    person_words: Words = confirms("a person near the lock verb (no let-off): 'me', 'нас'")
    death_stems: Stems = let_off("death, in hyperbole: 'помру', 'die'")
    without_words: Words = let_off("'without' before a comfort: 'без', 'without'")
    comfort_stems: Stems = let_off("a comfort: 'интернет', 'coffee'")
    delay_stems: Stems = let_off("a delay of pay: 'задерж', 'delay'")
    holiday_stems: Stems = let_off("a holiday, why pay is late: 'праздник', 'weekend'")
    day_words: Words = let_off("days, after a small number: 'дня', 'days'")
    small_words: Words = let_off("a small number before a day word: 'два', 'few'")
    chronic_stems: Stems = confirms("it is chronic (no let-off): 'always', 'месяц', 'снова'")
    tax_stems: Stems = let_off("pay read through taxes: 'налог', 'brutto'")
    tax_words: Words = let_off("pay read through taxes, whole words: 'zus', 'зус'")
    unpaid_phrases: Phrases = confirms(
        "pay not paid at all (no let-off; the last word is a stem): 'не плат', 'unpaid'",
        negators=True,
    )
    month_stems: Stems = confirms("months (no let-off): 'месяц', 'month'")
    threat_verb_stems: Stems = confirms(
        "a threat verb (no let-off without a dismissal right after it): 'угрожа', 'threat'"
    )
    dismissal_stems: Stems = let_off("a dismissal after a threat verb: 'увольн', 'fire'")
    dismiss_verb_stems: Stems = let_off("a dismissal verb alone: 'уволи', 'dismiss'")
    fire_words: Words = let_off("'fire', 'sack': a dismissal only with a person after it")
    fired_words: Words = let_off("a person fired: 'me', 'us', 'everyone'")
    to_words: Words = let_off("'на' before work: 'не выпускают НА работу'")
    work_stems: Stems = let_off("work, a shift: 'работ', 'смен'")
    let_out_stems: Stems = let_off("letting out, negated: 'не выпускают'")
    paid_in_full: Phrases = let_off("pay late, then paid in full: 'выплатили все', 'paid in full'")
    still_owed_stems: Stems = confirms(
        "pay still owed (no paid-in-full let-off): 'кроме', 'половин', 'except'"
    )
    overtime_stems: Stems = let_off("hours of work: 'сверхурочн', 'overtime'")
    ahead_words: Words = let_off("asked ahead, before a job: 'ли', 'will', 'interview'")
    work_now_stems: Stems = let_off("a job now, stated: 'работаю', 'працую'")
    work_now_phrases: Phrases = let_off("a job now, stated: 'i work', 'working at'")
    deceit_stems: Stems = confirms(
        "a job other than promised, a wish to leave (no statement let-off): 'обещ', 'promis'"
    )
    nature_stems: Stems = let_off("small talk, nature and weather: 'ромашк', 'bloom', 'снег'")
    plight_stems: Stems = confirms(
        "a plight or a danger (no small-talk let-off): 'помог', 'паспорт', 'lock'"
    )


class BorrowedWords(Strict):
    """A thing lent, a friend's debt, a landlord's deposit: nobody held (bot.nlu.borrowed)."""

    borrow_stems: Stems = let_off("lending: 'borrow', 'одолж'")
    taker_stems: Stems = let_off("a neighbour, a friend, a colleague: 'сосед', 'friend'")
    friend_words: Words = let_off("'друг' as whole words ('другие' is not a friend)")
    return_stems: Stems = let_off("giving back: 'отда', 'вярта', 'return'")
    give_words: Words = let_off("'give' within three words before 'back'")
    back_words: Words = let_off("'back' after 'give'")
    held_stems: Stems = confirms("what a person is held by (no let-off): 'паспорт', 'money'")
    employer_stems: Stems = confirms("an employer, an agency, a landlord (no let-off): 'boss'")
    owe_stems: Stems = let_off("owing: 'owe', 'должен'")
    kin_words: Words = let_off("a relative who owes: 'brother', 'сестра'")
    to_me_words: Words = let_off("'me' within two words after owing")
    held_not_money_stems: Stems = confirms(
        "documents a person is held by (no let-off of a debt or a deposit): 'паспорт'"
    )
    held_not_debt_stems: Stems = confirms(
        "an ID, a card, a phone, wages (no let-off of a deposit): 'карт', 'phone'"
    )
    owner_stems: Stems = let_off("a flat's owner, a landlord in a deposit dispute: 'хозя'")
    deposit_stems: Stems = let_off("a deposit: 'залог', 'deposit'")
    landlord_stems: Stems = let_off("a landlord: 'landlord', 'арендодат'")
    work_stems: Stems = confirms(
        "work, a workplace, a dormitory, a contract (no let-off of a deposit): 'работ', 'dorm'"
    )


class NotHeldWords(Strict):
    """Papers with a person nobody holds (bot.nlu.not_held): a documents phrase ending in a
    pronoun, let off when the message says nobody holds that person."""

    hold_stems: Stems = let_off("a holding verb, after a negator: 'держ', 'hold'")
    she_words: Words = let_off("'her' as a phrase ends in it or as the object: 'нее', 'яе'")
    he_words: Words = let_off("'him': 'него', 'яго'")
    they_words: Words = let_off("'them': 'них', 'іх'")


class WrittenTermsWords(Strict):
    """A deduction the contract writes down, asked about (bot.nlu.written_terms)."""

    deduction_stems: Stems = let_off("a deduction: 'вычит', 'deduct'")
    contract_stems: Stems = let_off("the contract: 'договор', 'contract'")
    written_stems: Stems = let_off("written in it: 'написан', 'says'")
    by_words: Words = let_off("'по договору', 'under the contract'")
    in_words: Words = let_off("'в договоре', 'in the contract', after the deduction")
    contrast_words: Words = confirms("'but' in between (no let-off): 'а', 'но', 'but'")
    asking_stems: Stems = let_off("asking whether it is lawful: 'законн', 'legal'")
    amount_words: Words = let_off(
        "how much may be deducted, before it: 'сколько', 'колькі', 'much'"
    )
    excess_stems: Stems = confirms(
        "the harm however it is asked (no let-off): 'ничего', 'half', 'долг'"
    )


class BotAudienceWords(Strict):
    """The bot asked whom it helps (bot.nlu.bot_audience)."""

    bot_words: Words = let_off("the bot or 'you' addressed: 'бот', 'вы', 'bot', 'you'")
    scope_words: Words = let_off("whom it is for: 'только', 'толькі', 'only', 'everyone'")
    victim_stems: Stems = let_off(
        "a kind of person, not the writer's harm: 'жертв', 'ахвяр', 'рабств', 'slaver', 'victim'"
    )


class LockedKeysWords(Strict):
    """Keys locked in, not a person (bot.nlu.locked_keys)."""

    key_stems: Stems = let_off("a key in the gap of a 'locked in' phrase: 'key', 'ключ'")


class TakenBackWords(Strict):
    """The person takes back what they said was happening to them (bot.nlu.taken_back): the
    warning signs of that message are marked taken back in later alerts, never dropped."""

    phrases: Phrases = let_off(
        "taking it back: 'just a question', 'не про меня', 'я ў бяспецы'",
        negators=True,
    )
    undo_words: Words = confirms(
        "a word just before a phrase that undoes it (no taking back): 'не', 'not'",
        negators=True,
    )


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
