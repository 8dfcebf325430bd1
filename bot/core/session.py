"""What the bot remembers about one person between messages, and what it is waiting for.

The dialogue state is typed: `Session.awaiting` is one of the questions below (or None), never a
string to parse. Sessions written by older versions (`awaiting: "country:risk:<intent>"`,
`"consent:risk"`, one `country` field for everything) are read and converted, never rejected.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, field_validator

# Why the country was asked: the at-risk path (numbers, then the risk answer and the offer of a
# human), the situation self-check's strong answer, the Hotlines page, or a country page to read.
CountryPurpose = Literal["risk", "self_check", "hotlines", "page"]
# Why the human was offered; becomes OperatorAlert.reason.
ConsentReason = Literal["risk", "request", "self_check"]
COUNTRY_PURPOSES: tuple[str, ...] = ("risk", "self_check", "hotlines", "page")
CONSENT_REASONS: tuple[str, ...] = ("risk", "request", "self_check")
# Purposes whose answer is where the person is now (their location), not a destination to read
# about. While one of these is open on the at-risk path, the person has not had their numbers.
LOCATION_PURPOSES: frozenset[str] = frozenset({"risk", "self_check", "hotlines"})
# Purposes of the at-risk path: once the country is known, the numbers there, then the risk
# answer (or the self-check's result) and the offer of a human.
RISK_PURPOSES: tuple[str, ...] = ("risk", "self_check")


def _now() -> datetime:
    return datetime.now(UTC)


class FlowState(BaseModel):
    """Progress through a questionnaire flow (job-offer check, situation self-check)."""

    flow_id: str
    step: int = 0
    answers: dict[str, str] = Field(default_factory=dict)  # question id -> answer id


class CountryQuestion(BaseModel):
    """The bot asked which country; `intent` is the risk answer to give once it is known."""

    kind: Literal["country"] = "country"
    purpose: CountryPurpose
    intent: str | None = None

    @property
    def about_location(self) -> bool:
        """True when the answer is where the person is now (not a page to read)."""
        return self.purpose in LOCATION_PURPOSES


class ConsentQuestion(BaseModel):
    """The bot offered a human and waits for yes / yes with my message / no."""

    kind: Literal["consent"] = "consent"
    reason: ConsentReason
    # After a job-ad check: the risk level the person was told, for the alert (no
    # questionnaire stands behind it; its red flags are in `Session.risk_indicators`).
    ad_level: str | None = None


class PasteQuestion(BaseModel):
    """The bot waits for something to be pasted: a job ad to check, a new code word, or (setting
    up check-ins) the employer's or agency's name or a contact to share if one is missed, or a
    typed interval, duration or grace ("checkin_choice"), a typed "yes" on the setup's last
    screen ("checkin_confirm"), or a typed yes/no to "also inside a longer message?" after a
    code word is set ("code_word_inside")."""

    kind: Literal["paste"] = "paste"
    what: Literal["ad", "code_word", "checkin_employer", "checkin_contact", "checkin_choice",
                  "checkin_confirm", "code_word_inside"]


class CheckedAd(BaseModel):
    """The last job ad checked, by its report only (never a word of the ad): what a question
    about the offer right after it ("Что мне делать?", "should I go?") is answered with."""

    level: str  # the risk level shown: "low", "medium" or "high"
    flags: list[str] = Field(default_factory=list)  # flag ids of content/ad_check.yaml


class AdFirstPart(BaseModel):
    """A long ad's first part waits for its rest (Telegram splits texts over 4,096 characters):
    only the part's digest and when the wait ends, never a word of it; the text itself waits
    in the process's memory (bot/core/adparts.py)."""

    tag: str  # `offer_tag` of the first part: which held text this is
    until: float  # Unix time after which the rest is no longer waited for
    # break15: the part was checked already (a short ad pasted after /checkad); a rest that
    # comes in time is checked with it, the report told again for the whole.
    checked: bool = False


PASTE_WHATS: tuple[str, ...] = ("ad", "code_word", "checkin_employer", "checkin_contact",
                                "checkin_choice", "checkin_confirm", "code_word_inside")

Awaiting = Annotated[
    CountryQuestion | ConsentQuestion | PasteQuestion, Field(discriminator="kind")
]


def _legacy_awaiting(value: str) -> dict[str, Any] | None:
    """An old string state ("country:risk:intent", "consent:risk") as today's typed one."""
    kind, _, rest = value.partition(":")
    first, _, second = rest.partition(":")
    if kind == "country":
        purpose = first if first in COUNTRY_PURPOSES else "page"
        return {"kind": "country", "purpose": purpose, "intent": second or None}
    if kind == "consent":
        return {"kind": "consent", "reason": first if first in CONSENT_REASONS else "request"}
    return None  # nothing else was ever stored; an unknown value is safer dropped


class Session(BaseModel):
    """One person's dialogue state. Serialised as JSON; holds no message text.

    `location` is where the person is now (any ISO 3166 alpha-2 code, with or without a country
    page); it decides the numbers on the at-risk path. `destination` is the country page they
    last read about; it never decides the numbers. Old sessions stored both in `country`, which
    is read as the location (it is what the numbers were given for then, and the reply names it).
    """

    model_config = ConfigDict(serialize_by_alias=True)

    language: str | None = None
    language_chosen: bool = False  # an explicit choice wins over detection
    language_heard: bool = False  # the person's own text has set the language (not the client)
    # Another language the last message was clearly in; a second such message switches to it.
    language_candidate: str | None = None
    # Stored under the key "country", as before: a replica still running the previous version
    # reads the location where it always did during a rolling update.
    location: str | None = Field(
        default=None,
        validation_alias=AliasChoices("location", "country"),
        serialization_alias="country",
    )
    destination: str | None = None
    flow: FlowState | None = None
    awaiting: Awaiting | None = None  # what the next free text answers
    at_risk: bool = False
    # The person answered "which country are you in?" without naming one ("не знаю", nothing
    # we know) in this risk episode: never asked again until a country is named or the case
    # closes. A question only shown (and left unanswered) is not this.
    where_unknown: bool = False
    risk_indicators: list[str] = Field(default_factory=list)
    # Signs the person took back since ("это был просто вопрос"), and the red flags of job ads
    # they checked (the ad's, not their situation): alerts show both marked (bot/core/signs.py).
    taken_back: list[str] = Field(default_factory=list)
    ad_signs: list[str] = Field(default_factory=list)
    # Until the person moves on (a command, a menu button): a question then is about the ad.
    checked_ad: CheckedAd | None = None
    ad_part: AdFirstPart | None = None  # a long ad's first part waits for its rest
    handoff_case: str | None = None  # set while a human operator has this person's case
    onboarded: bool = False
    # The silent alarm's code word, as a keyed hash only (bot/core/silent_alarm.py).
    alarm_hash: str | None = None
    alarm_in_sentence: bool = False  # the word counts inside a longer message too
    # The /codeword message that opened the setting of a word: from it on, the bot's prompts
    # about the alarm are deleted with the typed word (nothing in the chat tells of an alarm).
    alarm_setup_from: str | None = None
    # A silent case the phone was never told of (the code word, a missed check-in): commands
    # and buttons answer ordinarily (bot/core/quiet.py) until it is announced.
    quiet: bool = False
    created_at: datetime = Field(default_factory=_now)
    updated_at: datetime = Field(default_factory=_now)

    @field_validator("awaiting", mode="before")
    @classmethod
    def _read_legacy_awaiting(cls, value: object) -> object:
        """Old strings converted; a state this version cannot act on is dropped, never fatal:
        losing what the bot was waiting for is better than losing the whole session."""
        if isinstance(value, str):
            return _legacy_awaiting(value)
        if isinstance(value, CountryQuestion | ConsentQuestion | PasteQuestion):
            return value
        if not isinstance(value, dict):
            return None
        kind = value.get("kind")
        if kind == "country" and value.get("purpose") in COUNTRY_PURPOSES:
            return value
        if kind == "consent" and value.get("reason") in CONSENT_REASONS:
            return value
        if kind == "paste" and value.get("what") in PASTE_WHATS:
            return value
        return None

    def keep_case(self, case_id: str | None) -> None:
        """The handoff's word about the person's open case (None: none open). A case that
        closed ends the risk episode: the next danger message asks the country again."""
        if self.handoff_case and case_id is None:
            self.where_unknown = False
        self.handoff_case = case_id

    @property
    def country(self) -> str | None:
        """The person's location (the name older code and the handoff layer use)."""
        return self.location

    @property
    def asked_where(self) -> bool:
        """The question "which country are you in?" is open now (shown, not yet answered);
        whether the person said they do not know is `where_unknown`."""
        return isinstance(self.awaiting, CountryQuestion) and self.awaiting.about_location
