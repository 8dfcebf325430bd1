"""Transport-neutral events in and replies out: the contract between adapters and the core."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal


class EventKind(StrEnum):
    """What the person sent."""

    TEXT = "text"
    COMMAND = "command"  # text starting with "/", e.g. "/start"; `text` holds it whole
    BUTTON = "button"  # an inline-keyboard press; `payload` holds the button's payload
    STICKER = "sticker"  # `payload` holds the sticker's emoji when it has one ("👍")
    PHOTO = "photo"
    VOICE = "voice"  # voice notes, audio and video notes
    VIDEO = "video"
    LOCATION = "location"
    CONTACT = "contact"
    DOCUMENT = "document"
    OTHER = "other"


class Tally(StrEnum):
    """Something worth counting that happened in a turn (metrics, the NGO's dashboard).

    A closed set: a tally never carries text, an id or a country; adapters turn it into a
    counter (bot.adapters.telegram.measured).
    """

    STARTED = "started"  # /start
    AT_RISK_PHRASE = "phrase"  # the at-risk path opened by a danger phrase
    AT_RISK_MODEL = "model"  # ... by the classifier (risk score or a risk intent)
    AT_RISK_BUTTON = "button"  # ... by a button ("I need help now", a risk topic)
    AT_RISK_SELF_CHECK = "self_check"  # ... by a strong answer to a self-check questionnaire
    OTHER_COUNTRY_PAGE = "other_country_page"  # the page for a country without its own


AT_RISK_TALLIES = (Tally.AT_RISK_PHRASE, Tally.AT_RISK_MODEL, Tally.AT_RISK_BUTTON,
                   Tally.AT_RISK_SELF_CHECK)


@dataclass(frozen=True, slots=True)
class IncomingEvent:
    """One thing a person did, as the core sees it.

    `user_key` is already a keyed hash of the transport's user id (see `bot.privacy`):
    the core never sees a raw Telegram id. `chat_key` is the transport's address for
    replies and is only kept where a human handoff needs it.
    """

    user_key: str
    chat_key: str
    kind: EventKind = EventKind.TEXT
    text: str | None = None
    payload: str | None = None
    language_code: str | None = None  # the client's UI language, e.g. "ru", "be", "en-US"
    forwarded: bool = False  # forwarded from someone else (a recruiter's message, say)
    edited: bool = False  # a correction of an earlier message whose text changed
    # The transport's id of the message in `chat_key` (like `chat_key`, an opaque string):
    # a human handoff copies a photo or document by it.
    message_key: str | None = None


@dataclass(frozen=True, slots=True)
class CaseStatus:
    """What the handoff found about the person's case in this turn, for the engine to keep in
    `Session.handoff_case` (the engine alone writes the session, under the person's lock):
    the open case's id, or None when the person has no open case; `unannounced` when it is a
    silent case (code word, missed check-in) the phone was never told of: commands and
    buttons must then look ordinary (bot/core/quiet.py)."""

    case_id: str | None
    unannounced: bool = False


@dataclass(frozen=True, slots=True)
class Button:
    """An inline button: either a payload sent back to the core, or a URL to open."""

    label: str
    payload: str | None = None
    url: str | None = None


@dataclass(slots=True)
class Reply:
    """One message to the person. `text` is plain text: adapters escape it for HTML."""

    text: str
    buttons: list[list[Button]] = field(default_factory=list)
    # The emergency numbers (or a country's): a transport that sent numbers ahead of the
    # answer leaves this one out (bot/adapters/telegram/danger_first.py). Not compared.
    numbers: bool = field(default=False, compare=False)


@dataclass(frozen=True, slots=True)
class OperatorAlert:
    """Ask a human to take this person's case (carried out by the handoff layer)."""

    user_key: str
    chat_key: str
    # checkin: one was missed; ad_check: a job ad checked in an open case (its flags and
    # level posted there, never a case of its own)
    reason: Literal["risk", "request", "self_check", "checkin", "ad_check"]
    language: str
    country: str | None = None
    risk_level: str | None = None  # "high", "medium", "low" or None when unknown
    indicators: tuple[str, ...] = ()  # intent names, red-flag and ILO indicator ids
    summary: tuple[str, ...] = ()  # short lines built from the person's answers
    user_text: str | None = None  # free text, only when the person agreed to share it
    silent: bool = False  # a silent alarm: nothing about it may be said to the person


@dataclass(frozen=True, slots=True)
class EraseUserData:
    """Erase everything kept about this person (the engine has already dropped the session)."""

    user_key: str


@dataclass(frozen=True, slots=True)
class HideChat:
    """Quick exit: delete recent messages in this chat, then send `notice`, one neutral message."""

    chat_key: str
    notice: str


@dataclass(frozen=True, slots=True)
class DeleteTyped:
    """Delete the person's own message `message_key` in `chat_key` right away (what they typed
    may endanger them if someone reads the phone: a new code word), then tell them: `deleted`
    when it is gone, `not_deleted` (delete it yourself) when Telegram refused. Either notice
    goes before the turn's first reply."""

    chat_key: str
    message_key: str
    deleted: str
    not_deleted: str
    # Also delete the chat's messages from this one up to `message_key` (the /codeword command
    # and the bot's own prompts about the alarm), as far as Telegram lets: best effort, unsaid.
    since: str | None = None
    # Only the messages from `since` up to `message_key` (all from `since` on when it is ""):
    # code-word screens left behind when the person went elsewhere. `message_key`, the
    # person's new message, stays; nothing is said.
    prompts_only: bool = False


SideEffect = OperatorAlert | EraseUserData | HideChat | DeleteTyped


@dataclass(slots=True)
class Response:
    """Everything the core wants done for one event, in order."""

    replies: list[Reply] = field(default_factory=list)
    effects: list[SideEffect] = field(default_factory=list)
    tallies: list[Tally] = field(default_factory=list)  # what to count (never shown or sent)
