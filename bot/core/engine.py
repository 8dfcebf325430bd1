"""The dialogue engine: wires the steps once and handles one event at a time (load the
session, dispatch, save); safety triage comes first.

Its parts: dispatch.py (which step answers), session_keeper.py (the session and held text
around a turn), content_parts.py (triage and country index per content), before_case.py (what
the engine answers while a case is open)."""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Callable
from datetime import UTC, datetime

from bot.checkin.step import CheckinStep
from bot.config import Settings
from bot.content.loader import ContentHolder
from bot.content.models import Content
from bot.core.adcheck_step import AdCheckStep
from bot.core.adcheckers import AdCheckers
from bot.core.assess import TriageSource
from bot.core.at_risk_path import AtRiskPath
from bot.core.before_case import BeforeCase
from bot.core.consent import consent_table
from bot.core.content_parts import ContentParts
from bot.core.conversation_language import ConversationLanguage
from bot.core.country_choice import CountryChoice
from bot.core.dispatch import StepDispatch, error_reply
from bot.core.events import CaseStatus, HideChat, IncomingEvent, Reply, Response
from bot.core.groups.deeplink import DeepLinkStep
from bot.core.human_offer import HumanOffer
from bot.core.pending import PendingTexts
from bot.core.person_ask import person_ask
from bot.core.replies import Replies
from bot.core.session import Session
from bot.core.session_keeper import Commit, SessionKeeper
from bot.core.session_store import SessionStore
from bot.core.silent_alarm import SilentAlarmStep
from bot.core.steps import Steps
from bot.core.text_step import TextStep
from bot.core.turn import Turn
from bot.i18n import LANGUAGES, I18n
from bot.nlu.base import IntentRecognizer
from bot.nlu.language import detect_language

log = logging.getLogger(__name__)


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
        self._i18n = i18n
        self._languages = ConversationLanguage(detect)
        self._keeper = SessionKeeper(store, pending or PendingTexts())
        self._parts = ContentParts(triage)
        held = self._keeper.held
        self._human_offer = HumanOffer(held, settings.operators, available=handoff_available)
        at_risk = AtRiskPath(held, self._human_offer)
        countries = CountryChoice(at_risk, self._human_offer)
        steps = Steps(at_risk=at_risk, human_offer=self._human_offer, countries=countries,
                      held=held, store=store, i18n=i18n,
                      low_confidence=settings.nlu.low_confidence)
        # By default the content holder's checkers: the model trained when it checked the content.
        ads = AdCheckStep(self._human_offer, held_ads, ad_checkers or content.ad_checkers)
        key = settings.bot.pseudonym_key
        self._alarm = SilentAlarmStep(key.get_secret_value() if key else None,
                                      keep_days=settings.bot.session_ttl_days)
        self._checkin = CheckinStep(at_risk, self._human_offer)  # plans bound by the runner (Redis)
        text = TextStep(
            recognizer=recognizer, assessor=self._parts.assessor, at_risk=at_risk,
            human_offer=self._human_offer, countries=countries,
            steps=steps, ads=ads, alarm=self._alarm, checkin=self._checkin,
            consent=consent_table(i18n.translator(lang) for lang in LANGUAGES),
            low_confidence=settings.nlu.low_confidence)
        self._dispatch = StepDispatch(
            at_risk=at_risk, steps=steps, text=text, ads=ads, alarm=self._alarm,
            checkin=self._checkin, links=DeepLinkStep())  # links: /start help|checkad
        self._person_ask = person_ask(recognizer, self._parts.assessor, lambda: content.content)
        self._before_case = BeforeCase(holder=content, parts=self._parts, keeper=self._keeper,
                                       alarm=self._alarm, ads=ads, checkin=self._checkin)

    @property
    def store(self) -> SessionStore:
        return self._keeper.store

    @property
    def held_texts(self) -> PendingTexts:
        """The messages held for the human offer; the runner binds a shared store to it."""
        return self._keeper.held

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
        keeper = self._keeper
        session, known = await keeper.load(event.user_key)
        if case is not None:
            session.keep_case(case.case_id)
            session.quiet = case.unannounced
        await keeper.load_held(event.user_key)
        turn = Turn(event, session, self._replies(content, self._languages.resolve(session, event)))
        erased = False
        try:
            erased = await self._dispatch.answer(turn)
        except Exception as exc:  # whatever broke, the person must not be met with silence
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            # Only the type and place: an exception message may quote what the person wrote.
            log.error("event failed: %s at %s:%s", type(exc).__name__, frame.filename, frame.lineno)
            turn.replies.append(error_reply(turn.r, quiet=session.quiet))
        if not turn.response.replies and not any(
            isinstance(e, HideChat) for e in turn.response.effects
        ):
            turn.replies.append(turn.r.main_menu())
        keep = not erased and known  # a session that failed to load is unknown, not empty
        if keep:
            session.updated_at = datetime.now(UTC)
        if commit is not None:
            await keeper.commit(commit, session if keep else None, turn.response)
        elif keep:
            await keeper.save(event.user_key, session)
        await keeper.save_held(event.user_key)
        return turn.response

    async def is_code_word(self, event: IncomingEvent) -> bool:
        """Whether the event is a text with the person's silent-alarm code word
        (`BeforeCase.is_code_word`)."""
        return await self._before_case.is_code_word(event)

    async def answers_before_case(self, event: IncomingEvent) -> bool:
        """Whether the engine answers this text even while a case is open
        (`BeforeCase.answers_before_case`)."""
        return await self._before_case.answers_before_case(event)

    async def asks_for_person(self, text: str, language: str) -> bool:
        """Whether a text relayed into an open case asks for a person (bot/core/person_ask.py):
        the handoff then tells them "we have your request", as the button would."""
        return await self._person_ask.asks(text, language)

    def emergency_reply(self, language: str | None, location: str | None = None) -> Reply:
        """The numbers the at-risk path opens with: `location`'s (`location_numbers`) when it is
        a country, else the universal emergency numbers; from the content alone (no session, no
        Redis): what a transport sends at once for a danger message that must wait or was cut
        (bot/adapters/telegram/danger_first.py, handling_limit.py)."""
        r = self._replies(self._holder.content, language)
        return (r.location_numbers(location, named_now=False) if r.knows(location)
                else r.risk_numbers(None))

    async def numbers_reply(self, user_key: str, language: str | None, *,
                            within: float) -> Reply:
        """`emergency_reply` for the session's country and language, read (never written)
        within `within` seconds; the universal numbers when it cannot be (a slow Redis)."""
        try:
            async with asyncio.timeout(within):
                session = await self._keeper.store.load(user_key) or Session()
        except Exception as exc:  # the universal numbers are as good as any, and at once
            log.warning("session not read for the numbers ahead (%s)", type(exc).__name__)
            session = Session()
        return self.emergency_reply(session.language or language, session.location)

    async def keep_case(self, user_key: str, case: CaseStatus) -> None:
        """Keep the handoff's word about the person's case in their session, outside a turn
        (a case opened or relayed to); the transport calls it under the person's lock."""
        session, known = await self._keeper.load(user_key)
        if known and (session.handoff_case, session.quiet) != (case.case_id, case.unannounced):
            session.keep_case(case.case_id)
            session.quiet = case.unannounced
            await self._keeper.save(user_key, session)

    def _replies(self, content: Content, language: str | None) -> Replies:
        """The reply builder for `content` in `language`, with or without a team."""
        return Replies(content, self._i18n.translator(language), self._parts.places(content),
                       team=self._human_offer.available)
