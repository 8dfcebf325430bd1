"""The language a conversation is held in: chosen, else established by the person's own
messages, else the client's; sticky once established (bot.nlu.language detects one message)."""

from __future__ import annotations

from collections.abc import Callable

from bot.checkin.screens import CONTACT as AWAITING_CONTACT
from bot.checkin.screens import EMPLOYER as AWAITING_EMPLOYER
from bot.core.adcheck_step import AWAITING as AWAITING_AD
from bot.core.events import EventKind, IncomingEvent
from bot.core.session import Session
from bot.core.silent_alarm import AWAITING as AWAITING_CODE_WORD
from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES, normalize_language
from bot.nlu.language import detect_language


class ConversationLanguage:
    """Resolves each turn's language from the session and the event (the engine's first fact)."""

    def __init__(self, detect: Callable[..., str] = detect_language) -> None:
        self._detect = detect

    def resolve(self, session: Session, event: IncomingEvent) -> str:
        """Explicit choice, else the language the person's own messages established, else the
        client's language. Once established it is sticky: it changes only on clear evidence
        (see `_clear_switch`), so gibberish, "lol" or a country's name never switch it."""
        client = normalize_language(event.language_code)
        if session.language_chosen and session.language:
            return session.language
        text = event.text if event.kind not in (EventKind.COMMAND, EventKind.BUTTON) else None
        if text and session.language and (event.forwarded or session.awaiting in (
                AWAITING_AD, AWAITING_EMPLOYER, AWAITING_CONTACT, AWAITING_CODE_WORD)):
            # A forwarded or pasted ad is someone else's writing, an employer's name or a
            # contact typed at the check-in setup ("Daisy Farms Ltd", read as transliterated
            # Russian) a name, and a code word ("daisy") a secret: none is the language they
            # speak (an English explanation was followed by a Russian question).
            text = None
        if text and not session.language_heard:
            session.language = self._detect(text, prior=session.language or client)
            session.language_heard = True
        elif text:
            session.language = self._clear_switch(text, session) or session.language
        elif event.kind == EventKind.COMMAND and client and not session.onboarded:
            session.language = client
        session.language = session.language or client or DEFAULT_LANGUAGE
        return session.language

    def _clear_switch(self, text: str, session: Session) -> str | None:
        """Another language when two messages in a row show it whatever was spoken before:
        detection gives the same answer with every prior (its own evidence, not a fallback).
        One message is never enough: "lol", "ok thx" or "British Indian Ocean Territory"
        (read as transliterated Russian) must not switch a Belarusian conversation."""
        guesses = {self._detect(text, prior=prior) for prior in LANGUAGES}
        guess = guesses.pop() if len(guesses) == 1 else None
        if guess is None or guess == session.language:
            session.language_candidate = None
            return None
        if session.language_candidate == guess:
            session.language_candidate = None
            return guess
        session.language_candidate = guess
        return None
