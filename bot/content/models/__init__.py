"""The shape of the NGO-edited YAML in `content/`, as pydantic models.

Every user-facing text is a `LocalizedText`: a mapping with the keys `ru`, `be` and `en`.
A missing translation is an error in risk content and a warning elsewhere (see `check.py`).

The models are split by content file kind in private modules; import them from here.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from bot.content.models._adcheck import (
    AdChat,
    AdCheck,
    AdCheckSection,
    AdFollowUp,
    AdLevel,
    AdModel,
    AdPointer,
    AdRecognise,
    AdSalary,
    AdSentence,
    AdSentencesFile,
    AdTexts,
)
from bot.content.models._adflag import (
    AdFlagRule,
    AdMildReading,
    AdSentenceRule,
    AdSumRule,
    AdTakenBack,
)
from bot.content.models._answers import Answer
from bot.content.models._base import (
    Confidence,
    CountedText,
    Language,
    LocalizedText,
    Source,
    Strict,
)
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
from bot.content.models._checkin import Checkin, CheckinOption, CheckinTexts
from bot.content.models._checkin_words import (
    CheckinWords,
    RequestWords,
    SettingWords,
    TimeWords,
    UntilWords,
)
from bot.content.models._flows import Flow, FlowLevel, FlowOption, FlowQuestion
from bot.content.models._messages import DangerPhrase, Messages
from bot.content.models._place_names import PlaceLists, Places
from bot.content.models._places import Country, Hotline, Phone
from bot.content.models._silent_alarm import SilentAlarm, SilentAlarmTexts
from bot.content.models._triage_confirms import PayHeldWords, RelayedCallWords
from bot.content.models._triage_frames import (
    BorrowedWords,
    BotAudienceWords,
    CoercionWords,
    EverydayWords,
    LockedKeysWords,
    NotHeldWords,
    PastSafeWords,
    TakenBackWords,
    TriageFrames,
    WrittenTermsWords,
)
from bot.content.models._triage_words import JokeWords, ToldJokeWords, TriageWords

__all__ = [
    "AdChat",
    "AdCheck",
    "AdCheckSection",
    "AdFlagRule",
    "AdFollowUp",
    "AdLevel",
    "AdMildReading",
    "AdModel",
    "AdPointer",
    "AdRecognise",
    "AdSalary",
    "AdSentence",
    "AdSentenceRule",
    "AdSentencesFile",
    "AdSumRule",
    "AdTakenBack",
    "AdTexts",
    "AffirmedWords",
    "Answer",
    "BorrowedWords",
    "BotAudienceWords",
    "CalmSituationWords",
    "Checkin",
    "CheckinOption",
    "CheckinTexts",
    "CheckinWords",
    "CoercionWords",
    "Confidence",
    "Content",
    "CountedText",
    "Country",
    "DangerPhrase",
    "EverydayWords",
    "FictionWords",
    "Flow",
    "FlowLevel",
    "FlowOption",
    "FlowQuestion",
    "Hotline",
    "JokeWords",
    "Language",
    "LeftBehindWords",
    "LocalizedText",
    "LockedKeysWords",
    "Messages",
    "NotHeldWords",
    "OfferCheckWords",
    "PastSafeWords",
    "PayHeldWords",
    "PenaltyWords",
    "Phone",
    "PlaceLists",
    "Places",
    "RelayedCallWords",
    "ReportLaterWords",
    "RequestWords",
    "SettingWords",
    "SilentAlarm",
    "SilentAlarmTexts",
    "Source",
    "StrandedCryWords",
    "Strict",
    "TakenBackWords",
    "TimeWords",
    "ToldJokeWords",
    "TriageFrames",
    "TriageWords",
    "UntilWords",
    "WrittenTermsWords",
]


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
    # content/triage_words.yaml; None: the file is missing (no short message is let off)
    triage_words: TriageWords | None = None
    # content/triage_frames.yaml (a missing file is an error); None: no danger is let off by
    # its lists (a Content built without it, in tests)
    triage_frames: TriageFrames | None = None
    # content/places.yaml; None: the file is missing (only countries and their aliases are read)
    places: Places | None = None
