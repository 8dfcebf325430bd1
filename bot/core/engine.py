"""The dialogue engine: one event in, replies and side effects out; safety triage comes first."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from functools import partial

from bot.checkin.step import CheckinStep
from bot.config import Settings
from bot.content.loader import ContentHolder
from bot.content.models import Content
from bot.core.adcheck_step import AWAITING as AWAITING_AD
from bot.core.adcheck_step import AdCheckStep
from bot.core.adcheckers import AdCheckers
from bot.core.assess import Assessor, TriageSource, routed_intent
from bot.core.consent import consent_choice, consent_table
from bot.core.countries import CountryIndex
from bot.core.events import (
    CaseStatus,
    EventKind,
    HideChat,
    IncomingEvent,
    Reply,
    Response,
    Tally,
)
from bot.core.groups.deeplink import DeepLinkStep
from bot.core.pending import PendingTexts
from bot.core.replies import Replies
from bot.core.safety import RISK_PURPOSES, Safety
from bot.core.session import ConsentQuestion, CountryQuestion, Session
from bot.core.session_store import SessionStore
from bot.core.silent_alarm import SilentAlarmStep
from bot.core.steps import Steps
from bot.core.turn import Reading, Turn
from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES, I18n, normalize_language
from bot.nlu.base import RISK_INTENTS, IntentRecognizer, IntentResult
from bot.nlu.language import detect_language

log = logging.getLogger(__name__)

# Writes the turn's session (None: nothing to save) together with its response, in one step
# (the transport's outbox: bot/adapters/telegram/outbox.py); raises when nothing was written.
Commit = Callable[[Session | None, Response], Awaitable[None]]

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
        held_ads: PendingTexts | None = None,
        ad_checkers: AdCheckers | None = None,
        detect: Callable[..., str] = detect_language,
        handoff_available: bool = True,
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
        self._safety = Safety(self._pending, settings.operators,
                              handoff_available=handoff_available)
        self._steps = Steps(self._safety, store, i18n, self._low_confidence)
        self._ads = AdCheckStep(self._safety, held_ads, ad_checkers)
        self._links = DeepLinkStep()  # /start help, /start checkad: buttons in groups
        key = settings.bot.pseudonym_key
        self._alarm = SilentAlarmStep(key.get_secret_value() if key else None)
        self._checkin = CheckinStep(self._safety)  # plans bound by the runner (Redis)
        self._triage_source = triage
        self._per_content: tuple[Content, Assessor, CountryIndex] | None = None

    @property
    def store(self) -> SessionStore:
        return self._store

    @property
    def held_texts(self) -> PendingTexts:
        """The messages held for the human offer; the runner binds a shared store to it."""
        return self._pending

    @property
    def checkin(self) -> CheckinStep:
        """The check-in timer's step; the runner binds its Redis plan store and clock."""
        return self._checkin

    @property
    def content_holder(self) -> ContentHolder:
        """The content this engine answers with; `reload()` on it applies edits live."""
        return self._holder

    async def handle(self, event: IncomingEvent, case: CaseStatus | None = None, *,
                     commit: Commit | None = None) -> Response:
        """Handle one event: load the session, answer, save the session.

        `case`: what the handoff found about the person's case this turn (None: nothing known,
        e.g. Redis was down), kept in `Session.handoff_case`. `commit`: saves the session and
        the response together (either both or neither), instead of the session alone.
        """
        content = self._holder.content  # read per event: edited content applies without restart
        session, known = await self._load(event.user_key)
        if case is not None:
            session.handoff_case = case.case_id
        await self._load_held(event.user_key)
        language = self._language(session, event)
        places = self._content_parts(content)[1]
        r = Replies(content, self._i18n.translator(language), places,
                    team=self._safety.handoff_available)
        turn = Turn(event, session, r)
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
        keep = not erased and known  # a session that failed to load is unknown, not empty
        if keep:
            session.updated_at = datetime.now(UTC)
        if commit is not None:
            await self._commit(commit, session if keep else None, turn.response)
        elif keep:
            await self._save(event.user_key, session)
        await self._save_held(event.user_key)
        return turn.response

    async def is_code_word(self, event: IncomingEvent) -> bool:
        """Whether the event is a text with the person's silent-alarm code word. The transport
        asks before an open case relays the text: the engine must raise the alarm, and the
        phone must show the ordinary reply, not "your place in the queue"."""
        if event.kind != EventKind.TEXT or not event.text:
            return False
        session, _ = await self._load(event.user_key)
        return self._alarm.written(event.user_key, event.text, session)

    async def keep_case(self, user_key: str, case: CaseStatus) -> None:
        """Keep the handoff's word about the person's case in their session, outside a turn
        (a case opened or relayed to); the transport calls it under the person's lock."""
        session, known = await self._load(user_key)
        if known and session.handoff_case != case.case_id:
            session.handoff_case = case.case_id
            await self._save(user_key, session)

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

    async def _commit(self, commit: Commit, session: Session | None, response: Response
                      ) -> None:
        try:
            await commit(session, response)
        except Exception as exc:
            log.error("session store save failed (%s)", type(exc).__name__)

    def _content_parts(self, content: Content) -> tuple[Assessor, CountryIndex]:
        # Built again only when the content was reloaded (edited danger phrases and country
        # names apply).
        if self._per_content is None or self._per_content[0] is not content:
            index = CountryIndex(content.countries)
            self._per_content = (content, self._triage_source(content), index)
        return self._per_content[1], self._per_content[2]

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

    def _language(self, session: Session, event: IncomingEvent) -> str:
        """Explicit choice, else the language the person's own messages established, else the
        client's language. Once established it is sticky: it changes only on clear evidence
        (see `_clear_switch`), so gibberish, "lol" or a country's name never switch it."""
        client = normalize_language(event.language_code)
        if session.language_chosen and session.language:
            return session.language
        text = event.text if event.kind not in (EventKind.COMMAND, EventKind.BUTTON) else None
        if text and session.language and (event.forwarded or session.awaiting == AWAITING_AD):
            text = None  # a forwarded or pasted ad is someone else's writing, not their language
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
        self._ads.forget(turn)
        self._checkin.forget(turn)
        if self._links.claims(turn.event):  # a group's button: the at-risk path or the ad check
            self._links.on_event(turn, help_now=self._help_now, check_ad=self._ads.on_event)
        elif self._ads.claims(turn.event):  # /checkad, the menu button, "Check this ad"
            self._ads.on_event(turn)
        elif self._alarm.claims(turn.event):  # /codeword and its buttons
            self._alarm.on_event(turn)
        elif self._checkin.claims(turn.event):  # /checkin, its setup and the answers
            await self._checkin.on_event(turn)
        elif kind == EventKind.TEXT or (kind not in (EventKind.COMMAND, EventKind.BUTTON)
                                      and turn.event.text):
            # A photo's or document's caption is what the person wrote: it is triaged and
            # answered like a message ("they took my passport" under a photo of it).
            await self._on_text(turn)
        elif kind == EventKind.COMMAND:
            return await self._steps.command(turn)
        elif kind == EventKind.BUTTON:
            return await self._steps.button(turn)
        elif turn.session.asked_where:  # a voice note instead of the country: the buttons again
            turn.replies.append(Reply(turn.r.message("non_text")))
            turn.replies.append(turn.r.ask_country(with_human=turn.session.at_risk))
        else:
            turn.replies.append(Reply(turn.r.message("non_text"), turn.r.main_menu_rows()))
        return False

    def _help_now(self, turn: Turn) -> None:
        """As the menu's "I need help now": numbers first, then the human offer."""
        self._safety.risk_path(turn, "risk", ["emergency_now"], intent="emergency_now")

    async def _read(self, turn: Turn) -> Reading:
        """Everything the decision needs from a message, each fact resolved once."""
        text = turn.event.text or ""
        r, session = turn.r, turn.session
        parsed = await self._parse(text[:CLASSIFY_CHARS], r.lang)
        decision = self._content_parts(r.content)[0].assess(text, parsed)
        intent = routed_intent(parsed, decision)  # never a risk answer that triage declined
        consent = None
        if isinstance(session.awaiting, ConsentQuestion):  # "да" typed instead of a button
            consent = consent_choice(text, self._consent)
        places = r.places
        return Reading(
            text=text,
            intent=intent,
            decision=decision,
            place=places.find(text) if places is not None else None,
            consent=consent,
            confident=intent.confidence >= self._low_confidence,
        )

    def _danger(self, r: Replies, text: str) -> bool:
        """A danger phrase (the deterministic layer only: nothing goes to a recogniser)."""
        return self._content_parts(r.content)[0].assess(text, IntentResult("", 0.0)).at_risk

    async def _on_text(self, turn: Turn) -> None:
        """Free text: read it once, then act on what the session is waiting for.

        In order: a typed answer to the human offer; risk (whatever the state: a country named
        now wins, for the answer and for what is stored); the answer to the country question;
        the answer to a questionnaire question; a country named in a short message (a page to
        read); the recognised intent.
        """
        # The code word: before triage and before any log line.
        if self._alarm.on_text(turn, turn.event.text or "", danger=partial(self._danger, turn.r),
                               common=lambda text: consent_choice(text, self._consent) is not None):
            return
        reading = await self._read(turn)
        r, session = turn.r, turn.session
        log.info(
            "text user=%s intent=%s conf=%.2f at_risk=%s",
            turn.event.user_key[:12],
            reading.intent.intent,
            reading.intent.confidence,
            reading.decision.at_risk,
        )
        state = session.awaiting
        typed_consent = reading.consent if not reading.decision.by_phrase else None
        if isinstance(state, ConsentQuestion) and typed_consent:
            # A one-word "так" can look risky to the classifier; the numbers still come first,
            # but the person's answer to the offer is what they meant.
            if reading.decision.at_risk:
                self._safety.numbers_now(turn)
            self._safety.consent(turn, typed_consent)
            return
        # A check-in setup's typed name or contact (a message raising a risk is not one); a
        # typed setting ("2 тыдні") or answer to a check-in ("норм") even when only the model
        # saw a risk in its few words.
        model_only = reading.decision.at_risk and not reading.decision.by_phrase
        if (not reading.decision.at_risk or model_only) and await self._checkin.on_text(
                turn, reading.text, settings_only=model_only):
            return
        # A job ad: its red flags (after the danger phrases, which answer with numbers first).
        if self._ads.on_text(turn, reading.text, at_risk=reading.decision.at_risk):
            return
        if reading.decision.at_risk:
            if reading.place is not None:  # "I'm in Dubai, my employer took my passport"
                session.location = reading.place.code
            self._safety.risk_path(
                turn,
                "risk",
                list(reading.decision.indicators),
                intent=_risk_intent(reading.intent, reading.decision.indicators),
                text=reading.text,
                named_now=reading.place is not None,
                source=Tally.AT_RISK_PHRASE if reading.decision.by_phrase else Tally.AT_RISK_MODEL,
            )
            # a forwarded recruiter's message, or a typed one the model alone found risky
            self._ads.offer_after_risk(turn, reading.text, by_phrase=reading.decision.by_phrase)
            return
        if isinstance(state, CountryQuestion) and self._answer_country(turn, state, reading):
            return
        if self._steps.typed_flow_answer(turn, reading):
            return
        if reading.place is not None and (not reading.confident or reading.short):
            if session.at_risk:  # someone at risk saying where they are: the numbers there
                self._safety.located(turn, reading.place.code)
            else:  # "Poland", "Казахстан": a page to read, not where the person is
                self._safety.country_chosen(turn, reading.place.code)
            return
        if not session.onboarded:  # first contact without /start: say once what is kept
            turn.replies.append(Reply(r.message("privacy_notice")))
            session.onboarded = True
        self._steps.answer_intent(turn, reading.intent)

    def _answer_country(self, turn: Turn, state: CountryQuestion, reading: Reading) -> bool:
        """The answer to "which country?"; False when the message was about something else."""
        if reading.place is not None:
            self._safety.country_chosen(turn, reading.place.code)
            return True
        # A real question asked instead ("how do I get a visa?") is answered; but on the at-risk
        # path, or when the text means nothing we know, never the same question again and never
        # "out of scope".
        other_question = reading.confident and reading.intent.intent != "out_of_scope"
        if state.purpose in RISK_PURPOSES or not other_question:
            self._safety.not_recognised(turn, state)
            return True
        turn.session.awaiting = None
        return False


def _risk_intent(intent: IntentResult, indicators: Sequence[str]) -> str:
    """The risk intent whose answer to give: the classifier's, else the first matched phrase's."""
    if intent.intent in RISK_INTENTS:
        return intent.intent
    return next((i for i in indicators if i in RISK_INTENTS), "emergency_now")
