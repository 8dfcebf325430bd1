"""One red flag's rules in the job-ad check (content/ad_check.yaml `flags`): its patterns,
sentence rules, milder reading, fee sums and costs taken back."""

from __future__ import annotations

from pydantic import Field

from bot.content.models._base import Language, LocalizedText, Strict


class AdSentenceRule(Strict):
    """Words of every group in one sentence of the ad ("you pay" + "for the visa"), in any
    order and with any words between; never in a sentence where one of `unless` matches.

    `not_after`: a group's words do not count where one of these ends right before them (at
    most a few words between): "по приезду" after "остальное" is the rest of a payment, "в
    течение 6 месяцев" after "удерживается из зарплаты" the deduction's period (ad33b)."""

    groups: list[dict[Language, list[str]]]
    unless: dict[Language, list[str]] = Field(default_factory=dict)
    not_after: dict[Language, list[str]] = Field(default_factory=dict)


class AdTakenBack(Strict):
    """Costs the ad names (often as paid by the employer) and then takes back (ad33b): `costs`
    ("the flight", "the visa") with a take-back after them in the same sentence or the next
    clause (after ";" or "."). `back`: one that refers to them ("першыя месяцы вы іх
    адпрацоўваеце", "you repay it"), not counted where a cost of its own (`others`: housing,
    meals, taxes) stands before it in its sentence ("жильё 300 злотых, его вычитаем"); `whole`:
    one that takes back all that was listed ("всё это удерживается", "all of it is deducted"),
    counted beside a cost of its own in the costs' sentence. The flag's let-offs (a negation
    such as "the employer pays", its `honest` sentences, a sentence rule's `unless`) do not
    hold against it; a take-back inside a negation ("это не удерживается") does not count, nor
    one in a sentence that says it is not allowed (`forbidden`: "по закону удерживать их с вас
    нельзя", "recovering them from you is prohibited by law", ad35c)."""

    costs: dict[Language, list[str]]
    back: dict[Language, list[str]]
    whole: dict[Language, list[str]] = Field(default_factory=dict)
    others: dict[Language, list[str]] = Field(default_factory=dict)
    forbidden: dict[Language, list[str]] = Field(default_factory=dict)


class AdMildReading(Strict):
    """A milder reading of a flag's sign, shown as a note: "only a phone number to contact" is
    the facts' rf-contact-only-messenger ("only a mobile number ... no verifiable company
    name") but no messenger account, so it adds nothing to the ad's score and leaves a "low"
    ad low. Raised by `patterns` when the flag itself is not; the flag's `unless` (a company,
    a site, an address) silences it as well."""

    title: LocalizedText
    explain: LocalizedText
    check: LocalizedText  # what to check next
    patterns: dict[Language, list[str]]
    examples: dict[Language, list[str]] = Field(default_factory=dict)  # must raise the note


class AdSumRule(Strict):
    """A flag's word with a sum of money a few words on, in one clause: "Регистрация в
    агентстве 150€", "Registration at the office: EUR 90", "registraciya v agentstve 150
    evro" (ad33d). The sum is a figure in any currency the salary reader knows
    (`AdSalary.currencies`, Babel's symbols and codes, before or after the figure) or one of
    `units`; never zero, never a rate (a period or a net/gross word after it, `AdSalary`'s or
    `rates`). The match counts as the flag's `patterns` do (negations, `honest`)."""

    words: dict[Language, list[str]]  # regexes for the flag's words ("регистрац", "booking")
    # At most this many words between the word and the sum, with no figure, no sentence end and
    # no comma or semicolon among them (a comma starts another item: "бесплатно, жильё 150 €").
    max_words: int = Field(default=4, ge=0, le=8)
    # Regexes that, between the word and the sum, make the sum something else's: pay ("зарплата"),
    # housing, "free", a consulate.
    breaks: dict[Language, list[str]] = Field(default_factory=dict)
    # Regexes tried right after the sum that make it a rate ("в месяц", "a month"), besides the
    # salary reader's hour, day, week, year, season, net and gross words.
    rates: dict[Language, list[str]] = Field(default_factory=dict)
    # Money words of no one currency ("у.е."): a sum here, never pay judged by the limits.
    units: list[str] = Field(default_factory=list)


class AdFlagRule(Strict):
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
    # Wordings that make the flag's words in their own sentence an honest statement: a promise
    # stated negatively ("we never keep passports"), a lawful route ("you enter on a national D
    # visa for work"), "no need to hurry". Read on the sentence alone (`^` and `$` are its
    # ends). The rules' matches in that sentence and the model's score of it do not count;
    # the rest of the ad is read as usual (`unless` silences the flag in the whole ad).
    honest: dict[Language, list[str]] = Field(default_factory=dict)
    # Words that carry the flag ("виз", "паспорт", "срочно"): a sentence the model alone
    # raises the flag in is quoted only when one of these is in it outside a negation ("не по
    # туристической визе" holds none), or when its probability reaches `AdModel.uncued`
    # (adneg18: "надбаўкі за вечар і нядзелю" was quoted as pressure). Empty: no such need.
    cue_words: dict[Language, list[str]] = Field(default_factory=dict)
    mild: AdMildReading | None = None  # a milder reading of the sign, shown as a note
    sums: AdSumRule | None = None  # the flag's word with a sum a few words on (ad33d)
    taken_back: AdTakenBack | None = None  # costs paid, then taken back (ad33b)
