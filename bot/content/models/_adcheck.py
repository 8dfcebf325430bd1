"""The job-ad check (content/ad_check.yaml)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field
from pydantic.json_schema import SkipJsonSchema

from bot.content.models._adflag import AdFlagRule
from bot.content.models._base import Language, LocalizedText, Strict


class AdSharedCurrency(Strict):
    """A currency word several currencies share ("крон": Czech, Swedish, Norwegian or Danish
    crowns), read as the currency of the one country the ad names."""

    words: list[str]  # how ads write it ("крон", "kron", "crowns")
    countries: dict[str, str]  # currency code -> a regex for its country ("чех|чэх|czech")


class AdSalary(Strict):
    """Pay figures that are far above normal for unskilled work (editors' limits, per currency)."""

    currencies: dict[str, list[str]]  # currency code -> how ads write it ("€", "евро", "eur")
    per_hour: dict[str, int]  # currency code -> the lowest hourly pay that is suspicious
    per_month: dict[str, int]  # currency code -> the lowest monthly pay that is suspicious
    per_day: dict[str, int] = Field(default_factory=dict)  # the same for daily pay
    per_week: dict[str, int] = Field(default_factory=dict)  # ... weekly pay
    per_year: dict[str, int] = Field(default_factory=dict)  # ... yearly pay
    hour_words: list[str]  # regexes after a figure that make it hourly ("/ч", "в час", "per hour")
    day_words: list[str] = Field(default_factory=list)  # ... daily ("в день", "per day", "/day")
    # ... for an evening or a night ("за вечер", "у вечар", "per evening", "a night"): at most a
    # day's work, so compared with `per_day` (ad33); never after `lodging_words`.
    night_words: list[str] = Field(default_factory=list)
    # Right before a figure in its clause, a bed or room ("койка", "жыллё", "bed", "hostel"): the
    # figure per night is what the worker pays for it, not pay (ad33: "€15 a night for the bed").
    lodging_words: list[str] = Field(default_factory=list)
    week_words: list[str] = Field(default_factory=list)  # ... weekly ("в неделю", "a week")
    year_words: list[str] = Field(default_factory=list)  # ... yearly ("в год", "a year")
    # ... for a whole season or contract ("за сезон"): of unknown length, never compared.
    season_words: list[str] = Field(default_factory=list)
    # ad33e: a figure for a count of hours, shifts, days, weeks or months ("3 600 € за 20 смен",
    # "$3,000 for 15 shifts", "за 20 смен — 3 600 €"): read as the figure over the count and
    # compared with that period's limit (a shift is at most a day). `count_before`: the word
    # before the count ("за", "for"); `count_words`: a period -> regexes of its unit after the
    # count; calendar days (`calendar_day_words`) of at least `days_in_month` are a month.
    count_before: list[str] = Field(default_factory=list)
    count_words: dict[Literal["hour", "day", "week", "month"], list[str]] = Field(
        default_factory=dict)
    calendar_day_words: list[str] = Field(default_factory=list)
    days_in_month: int = Field(default=28, ge=1)
    # ad33e: a figure with no period, no net or gross word and no `pay_words` right before it is
    # read as a month's pay, but not beside a cost (`cost_words` before it in its clause, or
    # after it with "за"/"for": "Оформление 3000 €", "3 000 € за визу", "deposit €3,000").
    pay_words: list[str] = Field(default_factory=list)
    cost_words: list[str] = Field(default_factory=list)
    # ad34b: a lodging word with one of these beside it is housing given free ("Free
    # accommodation and €3,000 a month", "жильё бесплатно и 3000 €"), no cost of the figure's.
    free_words: list[str] = Field(default_factory=list)
    # Between a figure and its period: "4 800 € нетто в месяц", "£600 net a week".
    qualifier_words: list[str] = Field(default_factory=list)
    # A figure stated gross ("2 800 € брутто", "gross £30,000"): before tax and social
    # insurance, so its limit is the net limit times `gross_factor` (adcheck11).
    gross_words: list[str] = Field(default_factory=list)
    gross_factor: float = Field(default=1.0, ge=1.0)
    # A figure stated net ("2 200 € чистыми", "на руки 2 200 €", "€2,200 net"): what is left
    # after tax, worth more than the same figure gross, so its limit is the limit times
    # `net_factor` (ad31; 1.0: read as a figure that says neither).
    net_words: list[str] = Field(default_factory=list)
    net_factor: float = Field(default=1.0, gt=0.0, le=1.0)
    # A range ("1 500–2 500 $") is a wage band: it counts when its lower end reaches the limit,
    # or its upper end reaches the limit times `range_top_factor` (1.0: the upper end alone).
    range_top_factor: float = Field(default=1.0, ge=1.0)
    # Words that name no one currency alone; an ad naming none or several of their countries
    # has none of them.
    shared: list[AdSharedCurrency] = Field(default_factory=list)


class AdRecognise(Strict):
    """When a message looks like a job ad, so the check is offered."""

    min_words: int = 25  # a typed message this long with `min_signs` signs
    forwarded_min_words: int = 8  # a forwarded message this long with one sign
    min_signs: int = 2
    # A short recruiter's message this long: a pay figure with its currency and one of
    # `short_signs` (or a red flag) makes it an ad; a question never does.
    short_min_words: int = 6
    short_signs: list[str] = Field(default_factory=lambda: ["contacts"])
    # ad31: Telegram splits a text over 4,096 characters into messages of at most 4,096; a
    # pasted ad at least this long may be the first of two, and the next message its rest
    # (0: never waited for).
    split_chars: int = Field(default=0, ge=0)
    split_seconds: int = Field(default=180, ge=1)  # how long the first part waits for the rest
    signs: dict[str, list[str]]  # sign name ("salary", "contacts", "job") -> regexes
    # Regexes for words of a person telling about themselves (first person, a plea, harm done
    # to someone): never an ad's, whatever else the message holds (the at-risk reply first).
    cry: list[str] = Field(default_factory=list)
    # In a text that reads as a whole ad (`min_words` and `min_signs`), `cry`'s plea or harm
    # may be the ad's own ("Помогите! Срочно нужны рабочие", "если у вас забрали паспорт —
    # звоните в 113"): there only these regexes, the person speaking of themselves ("я",
    # "меня", "help me", "took my passport"), make it a cry. Empty: `cry` alone decides.
    own_cry: list[str] = Field(default_factory=list)
    # Regexes for harm told as an event, tried on each sentence alone (`^`, `$`: its ends):
    # "Паспорт забрали, денег не платят", "Locked at night". The person's own danger even with
    # no "я" or "my"; an ad's "if your passport was taken, call 112" is kept out by the regex.
    harm_told: list[str] = Field(default_factory=list)
    # Regexes for the ad's own words that hold a word of `cry` or `own_cry`: the recruiter's
    # contact request ("text me on Telegram", "пишите мне в вайбер"). Blanked before those are
    # read, so an ad that says "me" is still the ad's; "help me" is never one of them.
    ad_voice: list[str] = Field(default_factory=list)


class AdFollowUp(Strict):
    """A question about the offer right after its check ("Что мне делать? Они хотят ответ
    сегодня", "should I go?"): answered about the ad, never taken for danger or for the
    answer to "which country?". Regexes are tried as the flags' are (lower case, ё as е)."""

    # A question about deciding on the offer: what to do, whether to go, agree or answer.
    asks: list[str] = Field(default_factory=list)
    # Being pressed to answer ("сегодня", "right now"): the rush flag's words are shown too.
    pressure: list[str] = Field(default_factory=list)
    intro: LocalizedText  # "You are asking about the ad you sent: ..."
    before_answer: LocalizedText  # what to check before answering (facts of the answers)


class AdLevel(Strict):
    min_score: int
    level: Literal["low", "medium", "high"]
    text: LocalizedText
    # Groups of flag ids that reach this level together whatever their score: "a vague job
    # with age and looks" and "pay far above normal" are the lure of sexual exploitation.
    together: list[list[str]] = Field(default_factory=list)


class AdTexts(Strict):
    """The screens of the ad check."""

    intro: LocalizedText  # after the button or /checkad: "paste or forward the ad"
    offer: LocalizedText  # a message that looks like an ad: "check it?"
    too_short: LocalizedText  # what was sent is not an ad
    expired: LocalizedText  # the held ad is gone (restart, other replica): send it again
    # An earlier offer's button pressed while a later ad is held: that one is offered again.
    stale: LocalizedText
    heading: LocalizedText  # "{count}" red flags found
    none_found: LocalizedText
    quote: LocalizedText  # "In the ad:" before the quoted words
    next_step: LocalizedText  # "What to check:" before a flag's check
    not_stored: LocalizedText  # the ad was not kept
    # "Also worth checking:" before the notes (a flag's `mild` reading), after the red flags.
    notes: LocalizedText | None = None
    # A forwarded message while a question waits (which country, a questionnaire): someone
    # else's words, so not the person's answer; the question comes again after it.
    forwarded: LocalizedText
    # ad31: a long ad pasted after /checkad whose text is as long as Telegram's first part of a
    # split message (`recognise.split_chars`): "send the rest, I will check both as one ad",
    # and the button to check this part alone.
    first_part: LocalizedText | None = None
    part_alone: LocalizedText | None = None
    # break15: before the report of an ad checked with the message before it (a rest pasted
    # within `recognise.split_seconds` of a checked ad): "checked together as one ad".
    joined: LocalizedText | None = None
    # break15: a photo or a file while an ad is asked for: "paste the text, I cannot read it".
    picture: LocalizedText | None = None


class AdSentence(Strict):
    """One labelled sentence the ad check's sentence model learns from
    (content/ad_check_sentences.yaml): the flags it shows, or none for an honest sentence."""

    lang: Literal["ru", "be", "en", "translit", "ru-latn", "be-latn"]
    flags: list[str] = Field(default_factory=list)  # flag ids of ad_check.yaml; [] is honest
    text: str = Field(min_length=3, max_length=600)
    # Where a sentence was taken from ("ads_dev.yaml#dev-ru-bad-01"): cross-validation keeps it
    # out of training while that ad is being tested.
    source: str | None = None


class AdSentencesFile(Strict):
    """content/ad_check_sentences.yaml."""

    sentences: list[AdSentence]


class AdModel(Strict):
    """The sentence model that helps the rules: a sentence whose probability for a flag reaches
    the flag's threshold raises it, quoting that sentence. Thresholds come from
    `python -m bot adcheck cv`; a flag missing from `thresholds` uses `threshold`."""

    enabled: bool = True
    threshold: float = Field(0.7, gt=0.0, le=1.01)
    thresholds: dict[str, float] = Field(default_factory=dict)  # flag id -> threshold (> 1: off)
    # flag id -> veto level: a rule's words in a sentence with a negation or the flag's
    # `unless` are dropped when the model gives that sentence less than this.
    vetoes: dict[str, float] = Field(default_factory=dict)
    # flag id -> the probability a sentence with none of the flag's `cue_words` needs for the model
    # alone to raise the flag there (a flag with cue words missing here: `uncued_threshold`).
    uncued: dict[str, float] = Field(default_factory=dict)
    uncued_threshold: float = Field(1.01, gt=0.0, le=1.01)


class AdPointer(Strict):
    """Something an ad names that the person can check for themselves (ad31: the Belarus MVD
    list of licensed agencies): shown after the red flags with the ad's words, never scored.
    Its texts say only what the facts entry `facts` (data/facts/hotlines.yaml) says."""

    id: str
    facts: str  # the id of the data/facts entry the texts rest on ("by-mvd-dcm-licensing")
    patterns: dict[Language, list[str]]  # the ad's words that name it, per language
    title: LocalizedText
    check: LocalizedText  # how to check it, in the facts' words


class AdChat(Strict):
    """A pasted chat with an agency (ad33): lines that start with `turn` are its turns. A question
    of the job-seeker's ("А паспорт надо вам отдавать?") asks about a sign, it does not claim
    it: a question turn answered by the next turn raises no flag of its own, unless the answer
    begins with `confirm` ("Да, на время оформления") or the question is in the recruiter's voice
    (`recruiter`: "Готовы внести залог до пятницы?", "Can you send your passport by DHL?").
    A question that presupposes the sign (ad33h: a `wh` word and an `acts` word, "Кому отдавать
    паспорт?", "Where do I send the deposit?") keeps its flags unless the answer denies it:
    begins with `refuse` ("Никому", "Nothing") or holds `deny` ("always stays with you").
    A yes/no question answered without a "yes" keeps its flags too when the answer `implies`
    it, naming to whom, how or when (ad34a: "Только координатору", "The usual 200, to our
    manager"), and denies nothing."""

    turn: list[str]  # the start of a line that is a turn of a chat ("— ", "- ")
    confirm: dict[Language, list[str]]  # an answer's first words that confirm it ("да", "yes")
    recruiter: dict[Language, list[str]]  # words of a question the recruiter asks ("готовы")
    wh: dict[Language, list[str]] = Field(default_factory=dict)  # "кому", "how much"
    acts: dict[Language, list[str]] = Field(default_factory=dict)  # "отдавать", "pay", "fee"
    refuse: dict[Language, list[str]] = Field(default_factory=dict)  # answer's first: "никому"
    deny: dict[Language, list[str]] = Field(default_factory=dict)  # anywhere: "бесплатно"
    implies: dict[Language, list[str]] = Field(default_factory=dict)  # anywhere: "координатору"


class AdCheckBase(Strict):
    """What content/ad_check.yaml holds besides its flags: how an ad is recognised, the texts,
    the risk levels, the pay limits and the sentence model's settings."""

    texts: AdTexts
    recognise: AdRecognise
    levels: list[AdLevel]
    salary: AdSalary
    # Words that undo a negatable flag's match: within 30 characters before it ("без
    # предоплаты") or right after it ("fee: not required").
    negations_before: dict[Language, list[str]] = Field(default_factory=dict)
    negations_after: dict[Language, list[str]] = Field(default_factory=dict)
    # A sentence that warns about other people's offers ("If anyone offers you to come on a
    # tourist visa, that is not us"): honest for every flag (each flag's `honest`).
    disclaimers: dict[Language, list[str]] = Field(default_factory=dict)
    follow_up: AdFollowUp | None = None  # questions about the offer just after its check
    pointers: list[AdPointer] = Field(default_factory=list)  # ad31: what the ad names to check
    chat: AdChat | None = None  # ad33: a pasted chat, whose seeker's questions claim nothing
    model: AdModel = Field(default_factory=lambda: AdModel.model_validate({}))
    # The sentences of content/ad_check_sentences.yaml, put here by the loader (not written in
    # ad_check.yaml, hence no schema): the model is trained from them and the flags' examples.
    training: SkipJsonSchema[list[AdSentence]] = Field(default_factory=list)


class AdCheckSection(AdCheckBase):
    """content/ad_check.yaml as written: `flags` names the red flags, in the order they are
    shown, each kept in a file of its own, content/ad_flags/<id>.yaml (`ad_flag:`), so that no
    file outgrows what an editor can scroll or a Kubernetes ConfigMap can hold (1 MiB)."""

    flags: list[str]  # flag ids: "fees" is read from content/ad_flags/fees.yaml


class AdCheck(AdCheckBase):
    """The job-ad check as the bot runs it: ad_check.yaml with its flags read in, in order."""

    flags: list[AdFlagRule]
