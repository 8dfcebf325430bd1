"""The dialogue engine: one event in, replies and side effects out; safety triage comes first."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from bot.config import Settings
from bot.content.loader import ContentHolder
from bot.content.models import Content
from bot.core import flows
from bot.core.assess import Assessor, TriageSource, routed_intent
from bot.core.countries import match_country
from bot.core.events import (
    EventKind,
    HideChat,
    IncomingEvent,
    Reply,
    Response,
)
from bot.core.pending import PendingTexts
from bot.core.replies import Replies, consent_choice, consent_table
from bot.core.safety import Safety, Turn
from bot.core.session import Session
from bot.core.session_store import SessionStore
from bot.core.steps import Steps
from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES, I18n, normalize_language
from bot.nlu.base import RISK_INTENTS, IntentRecognizer, IntentResult
from bot.nlu.language import detect_language

log = logging.getLogger(__name__)

# Telegram allows 4,096 characters; the classifier sees the head, the danger phrases all of it.
CLASSIFY_CHARS = 4000


class DialogueEngine:
    """Transport-agnostic dialogue: `await engine.handle(event) -> Response`."""

    def __init__(
        self,
        content: ContentHolder,
        recognizer: IntentRecognizer,
        triage: TriageSource,
        store: SessionStore,
        i18n: I18n,
        settings: Settings,
        *,
        pending: PendingTexts | None = None,
        detect: Callable[..., str] = detect_language,
    ) -> None:
        self._holder = content
        self._recognizer = recognizer
        self._store = store
        self._i18n = i18n
        # Typed answers to the human offer, in any language: the labels never change at runtime.
        self._consent = consent_table(i18n.translator(lang) for lang in LANGUAGES)
        self._low_confidence = settings.nlu.low_confidence
        self._detect = detect
        self._pending = pending or PendingTexts()
        self._safety = Safety(self._pending, settings.operators)
        self._steps = Steps(self._safety, store, i18n, self._low_confidence)
        self._triage_source = triage
        self._triage: tuple[Content, Assessor] | None = None

    @property
    def store(self) -> SessionStore:
        return self._store

    @property
    def held_texts(self) -> PendingTexts:
        """The messages held for the human offer; the runner binds a shared store to it."""
        return self._pending

    @property
    def content_holder(self) -> ContentHolder:
        """The content this engine answers with; `reload()` on it applies edits live."""
        return self._holder

    async def handle(self, event: IncomingEvent) -> Response:
        """Handle one event: load the session, answer, save the session."""
        content = self._holder.content  # read per event: edited content applies without restart
        session, known = await self._load(event.user_key)
        await self._load_held(event.user_key)
        language = self._language(session, event)
        turn = Turn(event, session, Replies(content, self._i18n.translator(language)))
        erased = False
        try:
            erased = await self._dispatch(turn)
        except Exception as exc:  # whatever broke, the person must not be met with silence
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            # Only the type and place: an exception message may quote what the person wrote.
            log.error("event failed: %s at %s:%s", type(exc).__name__, frame.filename, frame.lineno)
            turn.replies.append(self._error_reply(turn.r))
        if not turn.response.replies and not any(
            isinstance(e, HideChat) for e in turn.response.effects
        ):
            turn.replies.append(turn.r.main_menu())
        if not erased and known:  # a session that failed to load is unknown, not empty
            session.updated_at = datetime.now(UTC)
            await self._save(event.user_key, session)
        await self._save_held(event.user_key)
        return turn.response

    # ------------------------------------------------------------------ plumbing
    async def _load(self, user_key: str) -> tuple[Session, bool]:
        """The session and whether it is known; an unknown one is never saved over the real one."""
        try:
            return await self._store.load(user_key) or Session(), True
        except Exception as exc:  # a store outage must not stop the hotlines from going out
            # Type only, no traceback text: a validation error quotes the stored value.
            log.error("session store load failed (%s); answering with a fresh session "
                      "that is not saved", type(exc).__name__)
            return Session(), False

    async def _save(self, user_key: str, session: Session) -> None:
        try:
            await self._store.save(user_key, session)
        except Exception as exc:
            log.error("session store save failed (%s)", type(exc).__name__)

    async def _load_held(self, user_key: str) -> None:
        try:
            await self._pending.load(user_key)
        except Exception as exc:  # the alert then goes out without the text, as after a restart
            log.error("held text load failed (%s)", type(exc).__name__)

    async def _save_held(self, user_key: str) -> None:
        try:
            await self._pending.save(user_key)
        except Exception as exc:
            log.error("held text save failed (%s)", type(exc).__name__)

    def _assessor(self, content: Content) -> Assessor:
        # Built again only when the content was reloaded (edited danger phrases apply).
        if self._triage is None or self._triage[0] is not content:
            self._triage = (content, self._triage_source(content))
        return self._triage[1]

    def _language(self, session: Session, event: IncomingEvent) -> str:
        """Explicit choice, else detection from the text, else the client's language."""
        client = normalize_language(event.language_code)
        if session.language_chosen and session.language:
            return session.language
        if event.kind not in (EventKind.COMMAND, EventKind.BUTTON) and event.text:
            session.language = self._detect(event.text, prior=session.language or client)
        elif event.kind == EventKind.COMMAND and client and not session.onboarded:
            session.language = client
        session.language = session.language or client or DEFAULT_LANGUAGE
        return session.language

    def _error_reply(self, r: Replies) -> Reply:
        text = r.tr.gettext("Sorry, something went wrong on my side. Please try again.")
        return Reply(f"{text}\n\n{r.hotline_lines(r.emergency(None))}".strip(), r.main_menu_rows())

    async def _parse(self, text: str, language: str) -> IntentResult:
        try:
            return await self._recognizer.parse(text, language)
        except Exception as exc:  # the danger-phrase layer must still run when it fails
            # Type only: a recogniser's error message may quote the text it was given.
            log.error("intent recogniser failed (%s)", type(exc).__name__)
            return IntentResult("out_of_scope", 0.0)

    # ------------------------------------------------------------------ dispatch
    async def _dispatch(self, turn: Turn) -> bool:
        """Answer the event; True when the person's data was erased (nothing to save)."""
        kind = turn.event.kind
        if kind == EventKind.TEXT or (kind not in (EventKind.COMMAND, EventKind.BUTTON)
                                      and turn.event.text):
            # A photo's or document's caption is what the person wrote: it is triaged and
            # answered like a message ("they took my passport" under a photo of it).
            await self._on_text(turn)
        elif kind == EventKind.COMMAND:
            return await self._steps.command(turn)
        elif kind == EventKind.BUTTON:
            return await self._steps.button(turn)
        else:
            turn.replies.append(Reply(turn.r.message("non_text"), turn.r.main_menu_rows()))
        return False

    async def _on_text(self, turn: Turn) -> None:
        text = turn.event.text or ""
        r, session = turn.r, turn.session
        intent = await self._parse(text[:CLASSIFY_CHARS], r.lang)
        decision = self._assessor(r.content).assess(text, intent)
        log.info(
            "text user=%s intent=%s conf=%.2f at_risk=%s",
            turn.event.user_key[:12],
            intent.intent,
            intent.confidence,
            decision.at_risk,
        )
        awaiting = session.awaiting or ""
        choice = None
        if awaiting.startswith("consent:"):  # "да" typed instead of pressing the button
            choice = consent_choice(text, self._consent)
        if choice is not None and not decision.by_phrase:
            # A one-word "так" can look risky to the classifier; the numbers still come first,
            # but the person's answer to the offer is what they meant.
            if decision.at_risk:
                turn.replies.append(r.risk_numbers(session.country))
            self._safety.consent(turn, choice)
            return
        if decision.at_risk:
            if awaiting.startswith("country:"):  # "I'm in Poland, they took my passport"
                session.country = match_country(text, r.content.countries) or session.country
            self._safety.risk_path(
                turn,
                "risk",
                list(decision.indicators),
                intent=_risk_intent(intent, decision.indicators),
                text=text,
            )
            return
        intent = routed_intent(intent, decision)  # never a risk answer that triage declined
        confident = intent.confidence >= self._low_confidence
        asked_country = awaiting.startswith("country:")
        country = match_country(text, r.content.countries) if asked_country else None
        if asked_country:
            if country:
                self._safety.country_chosen(turn, country)
                return
            if not confident:
                hint = r.tr.gettext("I did not recognise the country. Please press a button.")
                turn.replies.append(Reply(hint))
                turn.replies.append(r.ask_country(with_human=session.at_risk))
                return
            session.awaiting = None
        flow = r.content.flows.get(session.flow.flow_id) if session.flow else None
        if session.flow is not None and flow is not None and flows.is_active(session.flow, flow):
            question = flow.questions[session.flow.step]
            option = flows.find_option(question, text)
            if option is not None:
                self._steps.flow_answer(turn, flow.id, question.id, option.id)
                return
            if confident:
                self._steps.answer_intent(turn, intent)
            else:
                hint = r.tr.gettext(
                    "Please choose one of the answers: press a button or write its number."
                )
                turn.replies.append(Reply(hint))
            turn.replies.append(flows.question_reply(r, flow, session.flow.step))
            return
        if not confident or len(text.split()) <= 3:
            if not asked_country:  # else matched above (and nothing was found)
                country = match_country(text, r.content.countries)
            if country:  # "Poland", "я в Польше": the person is telling us where they are
                session.country = country
                turn.replies.append(r.country_page(r.content.countries[country]))
                return
        if not session.onboarded:  # first contact without /start: say once what is kept
            turn.replies.append(Reply(r.message("privacy_notice")))
            session.onboarded = True
        self._steps.answer_intent(turn, intent)


def _risk_intent(intent: IntentResult, indicators: Sequence[str]) -> str:
    """The risk intent whose answer to give: the classifier's, else the first matched phrase's."""
    if intent.intent in RISK_INTENTS:
        return intent.intent
    return next((i for i in indicators if i in RISK_INTENTS), "emergency_now")
