"""The dialogue engine: one event in, replies and side effects out; safety triage comes first."""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from bot.checkin.step import CheckinStep
from bot.config import Settings
from bot.content.loader import ContentHolder
from bot.content.models import Content
from bot.core.adcheck_step import AdCheckStep
from bot.core.adcheckers import AdCheckers
from bot.core.assess import Assessor, TriageSource
from bot.core.awaited import awaited_step_takes
from bot.core.consent import consent_table
from bot.core.conversation_language import ConversationLanguage
from bot.core.countries import CountryIndex
from bot.core.events import (
    CaseStatus,
    EventKind,
    HideChat,
    IncomingEvent,
    Reply,
    Response,
)
from bot.core.groups.deeplink import DeepLinkStep
from bot.core.pending import PendingTexts
from bot.core.quiet import answer_quietly
from bot.core.replies import Replies
from bot.core.safety import Safety
from bot.core.session import Session
from bot.core.session_store import SessionStore
from bot.core.silent_alarm import SilentAlarmStep
from bot.core.steps import Steps
from bot.core.text_step import TextStep
from bot.core.turn import Turn
from bot.i18n import LANGUAGES, I18n
from bot.nlu.base import IntentRecognizer, IntentResult
from bot.nlu.language import detect_language

log = logging.getLogger(__name__)

# Writes the turn's session (None: nothing to save) together with its response, in one step
# (the transport's outbox: bot/adapters/telegram/outbox.py); raises when nothing was written.
Commit = Callable[[Session | None, Response], Awaitable[None]]


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
        self._store = store
        self._i18n = i18n
        self._languages = ConversationLanguage(detect)
        self._pending = pending or PendingTexts()
        self._safety = Safety(self._pending, settings.operators,
                              handoff_available=handoff_available)
        self._steps = Steps(self._safety, store, i18n, settings.nlu.low_confidence)
        # By default the content holder's checkers: the model trained when it checked the content.
        self._ads = AdCheckStep(self._safety, held_ads, ad_checkers or content.ad_checkers)
        self._links = DeepLinkStep()  # /start help, /start checkad: buttons in groups
        key = settings.bot.pseudonym_key
        self._alarm = SilentAlarmStep(key.get_secret_value() if key else None)
        self._checkin = CheckinStep(self._safety)  # plans bound by the runner (Redis)
        self._triage_source = triage
        self._per_content: tuple[Content, Assessor, CountryIndex] | None = None
        self._text = TextStep(
            recognizer=recognizer, assessor=self._assessor, safety=self._safety,
            steps=self._steps, ads=self._ads, alarm=self._alarm, checkin=self._checkin,
            consent=consent_table(i18n.translator(lang) for lang in LANGUAGES),
            low_confidence=settings.nlu.low_confidence)

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
            session.quiet = case.unannounced
        await self._load_held(event.user_key)
        language = self._languages.resolve(session, event)
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
            turn.replies.append(self._error_reply(turn.r, quiet=session.quiet))
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

    async def answers_before_case(self, event: IncomingEvent) -> bool:
        """Whether the engine answers this text even while a case is open: the code word, the
        answer to a step that just asked for typed input (the code word, the ad, a check-in
        setup question: bot/core/awaited.py), or a typed answer to a missed check-in ("ок":
        the answer must count, and the late answer's notice tells the case's operators).
        A danger phrase typed at such a step ends it and goes to the case."""
        if event.kind != EventKind.TEXT or not event.text:
            return False
        session, known = await self._load(event.user_key)
        if self._alarm.written(event.user_key, event.text, session):
            return True
        content = self._holder.content
        # After a silent alarm every text is the case's (quiet.py); no wait, nothing to read.
        if not session.quiet and session.awaiting is not None:
            danger = self._assessor(content).assess(event.text, IntentResult("", 0.0)).at_risk
            taken = awaited_step_takes((self._alarm, self._ads, self._checkin), session,
                                       event.text, content, danger=danger)
            if taken:
                return True
            if taken is False and danger and known and session.handoff_case:
                # To the case; left waiting, the step would take their next message there.
                session.awaiting = None
                await self._save(event.user_key, session)
        try:
            # Only after a missed check-in's alert: that late answer reaches the case as a
            # notice; an "ок" to one still in time, typed in an open case, may be meant for
            # the operator and is relayed (the check-in waits on, its miss comes to the case).
            return await self._checkin.typed_answer_waits(event, content.checkin,
                                                          missed_only=True)
        except Exception as exc:  # Redis down: the open case takes it, as before
            log.error("check-in answer lookup failed (%s)", type(exc).__name__)
            return False

    def emergency_reply(self, language: str | None, location: str | None = None) -> Reply:
        """The numbers the at-risk path opens with: `location`'s (`location_numbers`) when it is
        a country, else the universal emergency numbers; from the content alone (no session, no
        Redis): what a transport sends at once for a danger message that must wait or was cut
        (bot/adapters/telegram/danger_first.py, handling_limit.py)."""
        content = self._holder.content
        r = Replies(content, self._i18n.translator(language), self._content_parts(content)[1],
                    team=self._safety.handoff_available)
        return (r.location_numbers(location, named_now=False) if r.knows(location)
                else r.risk_numbers(None))

    async def numbers_reply(self, user_key: str, language: str | None, *,
                            within: float) -> Reply:
        """`emergency_reply` for the session's country and language, read (never written)
        within `within` seconds; the universal numbers when it cannot be (a slow Redis)."""
        try:
            async with asyncio.timeout(within):
                session = await self._store.load(user_key) or Session()
        except Exception as exc:  # the universal numbers are as good as any, and at once
            log.warning("session not read for the numbers ahead (%s)", type(exc).__name__)
            session = Session()
        return self.emergency_reply(session.language or language, session.location)

    async def keep_case(self, user_key: str, case: CaseStatus) -> None:
        """Keep the handoff's word about the person's case in their session, outside a turn
        (a case opened or relayed to); the transport calls it under the person's lock."""
        session, known = await self._load(user_key)
        if known and (session.handoff_case, session.quiet) != (case.case_id, case.unannounced):
            session.handoff_case, session.quiet = case.case_id, case.unannounced
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

    def _assessor(self, content: Content) -> Assessor:
        return self._content_parts(content)[0]

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

    def _error_reply(self, r: Replies, *, quiet: bool = False) -> Reply:
        text = r.tr.gettext("Sorry, something went wrong on my side. Please try again.")
        if quiet:  # after a silent alarm: numbers on the phone would give it away
            return r.main_menu(text)
        return Reply(f"{text}\n\n{r.hotline_lines(r.emergency(None))}".strip(), r.main_menu_rows())

    # ------------------------------------------------------------------ dispatch
    async def _dispatch(self, turn: Turn) -> bool:
        """Answer the event; True when the person's data was erased (nothing to save)."""
        kind = turn.event.kind
        self._ads.forget(turn)
        self._checkin.forget(turn)
        if answer_quietly(turn):  # after a silent alarm: nothing may give it away
            pass
        elif self._links.claims(turn.event):  # a group's button: the at-risk path or the ad check
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
            await self._text.on_text(turn)
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
