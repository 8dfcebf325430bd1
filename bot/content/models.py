"""The shape of the NGO-edited YAML in `content/`, as pydantic models.

Every user-facing text is a `LocalizedText`: a mapping with the keys `ru`, `be` and `en`.
A missing translation is an error in risk content and a warning elsewhere (see `check.py`).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Language = Literal["ru", "be", "en"]
Confidence = Literal["high", "medium", "low"]


class _Strict(BaseModel):
    # Editors' typos in keys ("phnoes:") must be reported, not silently ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalizedText(_Strict):
    """One text in each language."""

    ru: str | None = None
    be: str | None = None
    en: str | None = None

    def get(self, language: str) -> str:
        """The text in `language`, falling back to Russian, then English, then Belarusian."""
        for lang in (language, "ru", "en", "be"):
            value = getattr(self, lang, None)
            if value:
                return str(value)
        return ""

    def missing(self) -> list[str]:
        return [lang for lang in ("ru", "be", "en") if not getattr(self, lang)]


class Source(_Strict):
    """Where a fact comes from, and the date printed on that source ("no date visible" if none)."""

    url: str
    seen: str


class Phone(_Strict):
    number: str
    label: LocalizedText | None = None
    cost: LocalizedText | None = None


class Hotline(_Strict):
    """A phone line or organisation, copied from ../shared/facts/hotlines.yaml (never invented)."""

    id: str  # the facts file's id
    country: str  # a country id from countries.yaml, or "EU" / "INT"
    kind: Literal["emergency", "hotline", "organisation", "authority"]
    name: LocalizedText
    phones: list[Phone] = Field(default_factory=list)
    web: list[str] = Field(default_factory=list)
    email: list[str] = Field(default_factory=list)
    hours: LocalizedText | None = None
    helps_with: LocalizedText | None = None
    note: LocalizedText | None = None  # shown to users: caveats they must know
    source: Source
    extra_sources: list[Source] = Field(default_factory=list)
    confidence: Confidence  # as rated by the facts file
    uncertain: bool = False  # the facts file calls its status uncertain
    last_checked: date  # when the entry was last checked against its sources
    verified_by_editor: bool = False  # an editor test-called it or checked the live official page
    editor_note: str | None = None  # for editors only, never shown

    @property
    def offered(self) -> bool:
        """Offered as a working line: emergency numbers always, others only when trustworthy."""
        if self.kind == "emergency":
            return True
        if self.verified_by_editor:
            return True
        return self.confidence != "low" and not self.uncertain


class Country(_Strict):
    """A destination (or home) country page."""

    id: str  # ISO 3166 alpha-2, e.g. "PL"
    name: LocalizedText
    aliases: list[str] = Field(default_factory=list)  # lower-case names people type, any script
    emergency: list[str] = Field(default_factory=list)  # hotline ids, always offered first
    hotlines: list[str] = Field(default_factory=list)  # hotline ids, best first
    legal_work: LocalizedText
    caveats: LocalizedText | None = None
    sources: list[Source] = Field(default_factory=list)  # shown: one or two official/NGO pages
    references: list[Source] = Field(default_factory=list)  # for editors only, never shown


class Answer(_Strict):
    """The reply to one intent."""

    text: LocalizedText
    # The rest of a long answer, behind a "More" button: the first screen stays ~700 characters.
    more: LocalizedText | None = None
    sources: list[Source] = Field(default_factory=list)  # shown: one or two official/NGO pages
    references: list[Source] = Field(default_factory=list)  # for editors only, never shown
    menu: list[str] = Field(default_factory=list)  # follow-up menu actions to offer as buttons


class FlowOption(_Strict):
    id: str
    label: LocalizedText
    score: int = 0
    explain: LocalizedText | None = None  # why this answer is a warning sign; shown if score > 0
    strong: bool = False  # a strong indicator: leads straight into the at-risk path


class FlowQuestion(_Strict):
    id: str
    indicator: str  # an id from ../shared/facts/indicators.yaml
    text: LocalizedText
    options: list[FlowOption]


class FlowLevel(_Strict):
    min_score: int
    level: Literal["low", "medium", "high"]
    text: LocalizedText


class Flow(_Strict):
    """A button-driven questionnaire that ends in a risk level."""

    id: str
    risk: bool = False  # risk content: a missing translation is an error
    title: LocalizedText
    intro: LocalizedText
    questions: list[FlowQuestion]
    levels: list[FlowLevel]
    next_steps: LocalizedText
    # Menu actions offered as buttons under the result, next to `next_steps` that may name them.
    menu: list[str] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)  # shown: one or two official/NGO pages
    references: list[Source] = Field(default_factory=list)  # for editors only, never shown


class DangerPhrase(_Strict):
    """A phrase that opens the at-risk path whatever the classifier says.

    `phrase` is lower-case words; a word ending in `*` matches any ending ("забрал*").
    Words must appear in order, with at most two other words between them.
    """

    phrase: str
    indicator: str  # a risk intent name, e.g. "risk_documents_withheld"


class Messages(_Strict):
    """Longer fixed texts editors own: onboarding, privacy, consent, fallbacks."""

    welcome: LocalizedText
    privacy_notice: LocalizedText
    risk_intro: LocalizedText  # first line of the at-risk reply, before the numbers
    ask_country: LocalizedText
    offer_human: LocalizedText
    human_requested: LocalizedText  # what happens next after an operator alert
    handoff_consent: LocalizedText  # what the operator will see; that they can stop any time
    low_confidence: LocalizedText
    non_text: LocalizedText
    deleted: LocalizedText
    hide_notice: LocalizedText  # the one neutral message left after /hide
    unverified_hotlines: LocalizedText  # said next to lines not yet checked by an editor
    # The conversation with an operator (bot/handoff); `{place}` and `{when}` are filled in.
    handoff_queued: LocalizedText  # request passed on; `{place}` in the queue
    handoff_place: LocalizedText  # still waiting; `{place}` in the queue
    handoff_out_of_hours: LocalizedText  # nobody works now; read at `{when}`; numbers follow
    handoff_taken: LocalizedText  # a person has joined; how to stop
    handoff_closed: LocalizedText  # the operator ended the conversation
    handoff_stopped: LocalizedText  # the person ended the conversation
    handoff_stop_button: LocalizedText  # the label of the button that ends it
    handoff_unreachable: LocalizedText  # the team cannot be reached now; numbers follow
    # The first lines for a country without a page (or "Other country"); the bot adds where 112
    # works and the international lines from hotlines.yaml. Unset: a built-in sentence.
    other_country: LocalizedText | None = None
    # The country question when it is about a page to read, not where the person is.
    ask_destination: LocalizedText | None = None


class Content(BaseModel):
    """All content, loaded and cross-checked."""

    model_config = ConfigDict(frozen=True)

    messages: Messages
    answers: dict[str, Answer]  # intent name -> answer
    hotlines: dict[str, Hotline]
    countries: dict[str, Country]
    flows: dict[str, Flow]
    danger_phrases: dict[str, list[DangerPhrase]]  # language -> phrases
    ad_check: AdCheck | None = None  # content/ad_check.yaml; None: the file is missing
    silent_alarm: SilentAlarm | None = None  # content/silent_alarm.yaml; None: the file is missing
    checkin: Checkin | None = None  # content/checkin.yaml; None: the file is missing


# ------------------------------------------------------------ job-ad check (content/ad_check.yaml)
class AdSentenceRule(_Strict):
    """Words of every group in one sentence of the ad ("you pay" + "for the visa"), in any
    order and with any words between; never in a sentence where one of `unless` matches."""

    groups: list[dict[Language, list[str]]]
    unless: dict[Language, list[str]] = Field(default_factory=dict)


class AdFlagRule(_Strict):
    """One red flag of a job ad, raised by the ad's own words.

    `patterns` are case-insensitive regular expressions per language; all languages are tried
    on every ad (ads mix languages). With `requires`, the flag is raised only when one of those
    patterns also matches; with `unless`, never when one of those matches. `examples` must
    raise the flag (checked at load), `counter_examples` must not.
    """

    id: str
    indicator: str  # a job_offer_red_flags id from ../shared/facts/indicators.yaml
    weight: int = 2  # added to the ad's score once, however often the flag matches
    strong: bool = False  # a trafficking sign: the person is offered a human at once
    salary: bool = False  # also raised by a pay figure above `AdCheck.salary`'s limits
    # With `salary`: a pay figure counts only when one of these matches too (the kind of work
    # that pays far less, or "no experience"); `requires` is for the words of `patterns` only.
    salary_requires: dict[Language, list[str]] = Field(default_factory=dict)
    # Also raised by words of several groups in one sentence, whatever their order.
    sentences: list[AdSentenceRule] = Field(default_factory=list)
    # Other ids people label this flag with (an id it had before, "salary_above_market"):
    # `python -m bot adcheck eval` counts them as this flag.
    aliases: list[str] = Field(default_factory=list)
    negatable: bool = False  # a match next to `AdCheck.negations` ("no fee") does not count
    title: LocalizedText
    explain: LocalizedText
    check: LocalizedText  # what to check next
    patterns: dict[Language, list[str]] = Field(default_factory=dict)
    requires: dict[Language, list[str]] = Field(default_factory=dict)
    unless: dict[Language, list[str]] = Field(default_factory=dict)
    examples: dict[Language, list[str]] = Field(default_factory=dict)
    counter_examples: dict[Language, list[str]] = Field(default_factory=dict)


class AdSalary(_Strict):
    """Pay figures that are far above normal for unskilled work (editors' limits, per currency)."""

    currencies: dict[str, list[str]]  # currency code -> how ads write it ("€", "евро", "eur")
    per_hour: dict[str, int]  # currency code -> the lowest hourly pay that is suspicious
    per_month: dict[str, int]  # currency code -> the lowest monthly pay that is suspicious
    per_day: dict[str, int] = Field(default_factory=dict)  # the same for daily pay
    hour_words: list[str]  # regexes after a figure that make it hourly ("/ч", "в час", "per hour")
    day_words: list[str] = Field(default_factory=list)  # ... daily ("в день", "per day", "/day")


class AdRecognise(_Strict):
    """When a message looks like a job ad, so the check is offered."""

    min_words: int = 25  # a typed message this long with `min_signs` signs
    forwarded_min_words: int = 8  # a forwarded message this long with one sign
    min_signs: int = 2
    signs: dict[str, list[str]]  # sign name ("salary", "contacts", "job") -> regexes


class AdLevel(_Strict):
    min_score: int
    level: Literal["low", "medium", "high"]
    text: LocalizedText


class AdTexts(_Strict):
    """The screens of the ad check."""

    intro: LocalizedText  # after the button or /checkad: "paste or forward the ad"
    offer: LocalizedText  # a message that looks like an ad: "check it?"
    too_short: LocalizedText  # what was sent is not an ad
    expired: LocalizedText  # the held ad is gone (restart, other replica): send it again
    heading: LocalizedText  # "{count}" red flags found
    none_found: LocalizedText
    quote: LocalizedText  # "In the ad:" before the quoted words
    next_step: LocalizedText  # "What to check:" before a flag's check
    not_stored: LocalizedText  # the ad was not kept


class AdCheck(_Strict):
    """The job-ad check: how an ad is recognised, its red flags, and the risk levels."""

    texts: AdTexts
    recognise: AdRecognise
    levels: list[AdLevel]
    salary: AdSalary
    # Words that undo a negatable flag's match: within 30 characters before it ("без
    # предоплаты") or right after it ("fee: not required").
    negations_before: dict[Language, list[str]] = Field(default_factory=dict)
    negations_after: dict[Language, list[str]] = Field(default_factory=dict)
    flags: list[AdFlagRule]


# ------------------------------------------------------ silent alarm (content/silent_alarm.yaml)
class SilentAlarmTexts(_Strict):
    """The screens of the silent alarm (duress word)."""

    explain: LocalizedText  # what it does, who sees what; "write the word now"
    invalid: LocalizedText  # not a usable word (length, a command)
    ask_sentence: LocalizedText  # count it inside a longer message too?
    saved: LocalizedText
    removed: LocalizedText
    # The answer to the code word: ordinary, no numbers, no word about help, so that whoever
    # holds the phone learns nothing.
    ordinary_reply: LocalizedText


class SilentAlarm(_Strict):
    """The duress word: texts only; the word itself is kept as a keyed hash in the session."""

    texts: SilentAlarmTexts
    min_chars: int = 3
    max_words: int = 3


# ------------------------------------------------------------ check-in timer (content/checkin.yaml)
class CheckinOption(_Strict):
    """One choice in the check-in setup: a number (days, weeks or hours) and its button label."""

    value: int = Field(gt=0, le=365)
    label: LocalizedText


class CheckinTexts(_Strict):
    """The screens of the check-in timer; `question` and the answer buttons are what someone
    else holding the phone may see, so they stay ordinary (the checker refuses numbers)."""

    intro: LocalizedText  # what it does, what can be shared; then "how often?"
    ask_duration: LocalizedText
    ask_grace: LocalizedText  # how long to wait for an answer before the team is told
    ask_country: LocalizedText  # share the destination country?
    ask_employer: LocalizedText  # type the employer's or agency's name, or skip
    ask_contact: LocalizedText  # type a contact, or skip
    too_long: LocalizedText  # the typed name or contact is too long
    confirm: LocalizedText  # heading above exactly what will be shared
    share_country: LocalizedText  # "Destination country: {value}"
    share_employer: LocalizedText  # "Employer or agency: {value}"
    share_contact: LocalizedText  # "Contact: {value}"
    share_nothing: LocalizedText  # nothing chosen: only that a check-in was missed
    started: LocalizedText  # "{next}": when the first check-in comes
    active: LocalizedText  # status under /checkin while a plan runs: "{next}", "{until}"
    stopped: LocalizedText
    cancelled: LocalizedText
    unavailable: LocalizedText  # no scheduler or no operators here
    finished: LocalizedText  # the last check-in was answered: the plan is over
    question: LocalizedText  # the check-in itself: ordinary
    answered_ok: LocalizedText  # the reply to "all right": ordinary
    button_ok: LocalizedText
    button_help: LocalizedText
    button_stop: LocalizedText
    button_skip: LocalizedText
    button_no_country: LocalizedText
    button_start: LocalizedText
    button_cancel: LocalizedText


class Checkin(_Strict):
    """The check-in timer (issue 15 item 2): texts and the choices offered in the setup."""

    texts: CheckinTexts
    intervals_days: list[CheckinOption] = Field(min_length=1)
    durations_weeks: list[CheckinOption] = Field(min_length=1)
    grace_hours: list[CheckinOption] = Field(min_length=1)
    max_chars: int = Field(default=120, gt=0, le=500)  # a typed name or contact
