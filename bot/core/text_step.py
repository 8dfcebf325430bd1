"""Free text in a conversation: read once (intent, triage, a place, a typed answer to the
human offer), then acted on according to what the session is waiting for.

Split from the engine: bot/core/dispatch.py routes each event here when it is a text or a
caption; the engine (bot/core/engine.py) loads and saves the session around it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import partial

from bot.checkin.screens import CHOICE as SETUP_CHOICE
from bot.checkin.screens import CONFIRM as SETUP_CONFIRM
from bot.checkin.screens import WAITS, end_wait
from bot.checkin.step import CheckinStep
from bot.content.models import Content
from bot.core import flows, signs
from bot.core.adcheck_step import AWAITING as AWAITING_AD
from bot.core.adcheck_step import AdCheckStep
from bot.core.adfollowup_step import answer_follow_up
from bot.core.assess import Assessor
from bot.core.at_risk_path import AtRiskPath, numbers_now
from bot.core.country_answer import answer_country
from bot.core.country_choice import CountryChoice
from bot.core.events import Reply, Tally
from bot.core.human_offer import HumanOffer
from bot.core.message_reader import MessageReader
from bot.core.presence import says_here, talks_about
from bot.core.quiet import answer_later
from bot.core.session import Awaiting, ConsentQuestion, CountryQuestion
from bot.core.silent_alarm import AWAITING as ALARM_AWAITING
from bot.core.silent_alarm import INSIDE as ALARM_INSIDE
from bot.core.silent_alarm import SilentAlarmStep
from bot.core.steps import Steps
from bot.core.told_risk import numbers_of
from bot.core.turn import Turn
from bot.core.what_to_do import WHAT_TO_DO, asks_what_to_do
from bot.nlu.base import RISK_INTENTS, IntentRecognizer, IntentResult

log = logging.getLogger(__name__)

class TextStep:
    """`await step.on_text(turn)`: the answer to a text (or a caption) in `turn`."""

    def __init__(
        self,
        *,
        recognizer: IntentRecognizer,
        assessor: Callable[[Content], Assessor],
        at_risk: AtRiskPath,
        human_offer: HumanOffer,
        countries: CountryChoice,
        steps: Steps,
        ads: AdCheckStep,
        alarm: SilentAlarmStep,
        checkin: CheckinStep,
        consent: Mapping[str, str],
        low_confidence: float,
    ) -> None:
        self._reader = MessageReader(recognizer=recognizer, assessor=assessor, consent=consent,
                                     low_confidence=low_confidence)
        self._at_risk = at_risk
        self._human_offer = human_offer
        self._countries = countries
        self._steps = steps
        self._ads = ads
        self._alarm = alarm
        self._checkin = checkin

    async def on_text(self, turn: Turn) -> None:
        """Free text (`_answer`); a forwarded message at a check-in setup step is someone
        else's words, not its answer: it gets the usual answer (an ad's check offered), then
        the setup's question again."""
        setup = turn.event.forwarded and turn.session.awaiting in WAITS
        if setup:
            end_wait(turn)
        await self._answer(turn)
        if setup and turn.session.awaiting is None:
            await self._checkin.ask_again(turn)

    async def _answer(self, turn: Turn) -> None:
        """Free text: read it once, then act on what the session is waiting for.

        In order: a typed answer to the human offer; risk (whatever the state: a country named
        now wins, for the answer and for what is stored); the answer to the country question;
        the answer to a questionnaire question; a country named in a short message (a page to
        read); the recognised intent.
        """
        # The code word: before triage and before any log line.
        if turn.session.awaiting in (ALARM_AWAITING, ALARM_INSIDE) and (
                await self._checkin.typed_answer_waits(
                turn.event, turn.r.content.checkin)):
            # /codeword was left open when a check-in came: "ок" typed now answers the
            # check-in; taken as the new word it would be refused or, worse, kept ("норм").
            self._alarm.clear_screens(turn)
        reader = self._reader

        def danger(text: str) -> bool:  # never a code word: the numbers come (below)
            return reader.danger(turn.r, text) or asks_what_to_do(text)

        if self._alarm.on_text(turn, turn.event.text or "", danger=danger,
                               common=partial(reader.answered_to, turn.r)):
            # Raised mid-setup: whatever is typed next (maybe by someone else) reaches the
            # team's case, never the check-in plan as an employer's name or a contact.
            end_wait(turn)
            return
        # After a silent alarm, with no open case to relay it: a typed answer to a check-in
        # counts, anything else gets an ordinary reply (no setup begins, nothing is refused).
        text = turn.event.text or ""
        if turn.session.quiet and (await self._checkin.answer_typed(turn, text) or answer_later(
                turn, danger=reader.danger(turn.r, text))):
            return
        reading = await reader.read(turn)
        r, session = turn.r, turn.session
        log.info(
            "text user=%s intent=%s conf=%.2f at_risk=%s",
            turn.event.user_key[:12],
            reading.intent.intent,
            reading.intent.confidence,
            reading.decision.at_risk,
        )
        # "нет, я в безопасности, это был просто вопрос": the signs so far are marked taken back
        # in any later alert (bot/core/signs.py); the reply is the same as without them. A
        # forwarded message is someone else's words: it takes nothing back.
        if not turn.event.forwarded:
            signs.take_back_if_said(session, r.content, reading.text,
                                    at_risk=reading.decision.at_risk)
        state = session.awaiting
        typed_consent = reading.consent if not reading.decision.by_phrase else None
        if isinstance(state, ConsentQuestion) and typed_consent:
            # A one-word "так" can look risky to the classifier; the numbers still come first,
            # but the person's answer to the offer is what they meant.
            if reading.decision.at_risk:
                numbers_now(turn)
            self._human_offer.consent(turn, typed_consent)
            return
        # "Что мне делать? Они хотят ответ сегодня" just after an ad's check: about the ad (its
        # rush is a red flag), not danger now nor the answer to "which country?", asked again.
        if answer_follow_up(turn, self._ads.checker(r.content), reading):
            self._ask_again(turn, state)
            return
        if asks_what_to_do(reading.text):
            # A bare "что делать?" / "What should I do?": the emergency reply, whichever way it
            # is spelled, and never a setup step's answer (bot/core/what_to_do.py).
            reading = replace(reading, decision=WHAT_TO_DO,
                              intent=IntentResult("emergency_now", 1.0))
        # A check-in setup's typed name or contact (a message raising a risk is not one); a
        # typed setting ("2 тыдні") or answer to a check-in ("норм") even when only the model
        # saw a risk in its few words.
        model_only = reading.decision.at_risk and not reading.decision.by_phrase
        question = reading.confident and reading.intent.intent != "out_of_scope"
        setup_waits = state in WAITS
        if setup_waits and not reading.decision.by_phrase:
            # A setup step waits for a typed answer: whatever it can read is its answer (a
            # country is the destination, whatever the session's risk state), anything else
            # gets the same question again; only a danger phrase goes elsewhere (below).
            # A person at risk typing "да" answers the offer of a person they were shown
            # (its buttons stay under it): no setup step takes a bare yes typed.
            yes = self._reader.consent(reading.text) if session.at_risk else None
            if yes is not None and not self._checkin.setup_takes(session, reading.text,
                                                                 r.content.checkin):
                self._human_offer.consent(turn, yes)
                return
            if await self._checkin.on_text(turn, reading.text):
                return
        elif (not reading.decision.at_risk or model_only) and await self._checkin.on_text(
                turn, reading.text, settings_only=model_only, question=question):
            return
        # A country named in an ad is the ad's ("Farm work in Spain"), never where the person
        # is: pasted after /checkad, forwarded, or recognised without a command.
        ad_place = reading.place is not None and self._ads.reads_as_ad(
            turn, reading.text, asked=state == AWAITING_AD)
        # A job ad: its red flags (after the danger phrases, which answer with numbers first).
        if self._ads.on_text(turn, reading.text, at_risk=reading.decision.at_risk,
                             by_phrase=reading.decision.by_phrase):
            if turn.event.forwarded:  # a forwarded ad while a question waits: asked again
                self._ask_again(turn, state)
            return
        if reading.decision.at_risk:
            # "I'm in Dubai, they took my passport"; not a country in a film or a book, and a
            # forwarded "я в Дубае" is the friend's: numbers for them, the forwarder's kept.
            named = (reading.place.code if reading.place is not None and not ad_place
                     and not talks_about(reading.text) else None)
            friend = named if turn.event.forwarded else None
            if named is not None and friend is None:
                session.location = named
            self._at_risk.enter(
                turn,
                "risk",
                list(reading.decision.indicators),
                intent=_risk_intent(reading.intent, reading.decision.indicators),
                text=reading.text,
                named_now=named is not None,
                source=Tally.AT_RISK_PHRASE if reading.decision.by_phrase else Tally.AT_RISK_MODEL,
                elsewhere=friend,
            )
            # "помогите", "меня заперли" under a check-in that waits: its "Not fine" too (a
            # danger phrase, or trouble typed as an answer: "плохо, не платят"; the model's
            # guess alone gets the numbers, and the check-in stays open for its answer)
            await self._checkin.note_typed_help(turn, reading.text,
                                                danger=reading.decision.by_phrase)
            # a forwarded recruiter's message, or a typed one the model alone found risky
            self._ads.offer_after_risk(turn, reading.text, by_phrase=reading.decision.by_phrase,
                                       asked=state == AWAITING_AD)
            if setup_waits:  # the numbers first; then the setup goes on at its step
                await self._checkin.ask_again(turn)
            return
        # A forwarded message is someone else's words: never the answer to "which country?" or
        # to a questionnaire (the ad's "Spain" is not where the person is, nor its "да" theirs).
        if turn.event.forwarded and self._ask_again(turn, state, note=True):
            return
        if isinstance(state, CountryQuestion) and answer_country(
                turn, state, reading, countries=self._countries, human_offer=self._human_offer):
            return
        if self._steps.typed_flow_answer(turn, reading):
            return
        # "я уже в Испании, в Мурсии": where the person is now, whatever the model read in
        # the rest (a missed check-in's alert shows it as their last country, if agreed). A
        # question with it ("я в Польше, как легализоваться?") is still answered as one.
        # A forwarded "я в Польше" is someone else's whereabouts; a place in an ad is the job's.
        here = (reading.place is not None and not ad_place and not turn.event.forwarded
                and says_here(reading.text))
        if here and reading.place is not None:
            session.location = reading.place.code
        about_place = here and reading.intent.intent == "out_of_scope"
        whose = numbers_of(turn, reading, ad_place=ad_place)
        if whose is not None:
            # "hotline number in Poland", "номер полиции Польши": that country's numbers at
            # once, never the universal ones and "which country?" (where: only if `here`).
            self._steps.answer_intent(turn, reading.intent, whose)
            return
        story = talks_about(reading.text)  # a film's or a book's country: neither here nor a page
        if reading.place is not None and not story and (
                not reading.confident or reading.short or about_place):
            if session.at_risk:  # someone at risk saying where they are: the numbers there
                self._countries.located(turn, reading.place.code)
            else:  # "Poland", "Казахстан": a page to read, not where the person is
                self._countries.chosen(turn, reading.place.code)
            return
        if not session.onboarded and state is None:  # first contact without /start: once
            turn.replies.append(Reply(r.message("privacy_notice")))
            session.onboarded = True
        self._steps.answer_intent(turn, reading.intent)
        if here and reading.intent.intent in turn.r.content.answers and "hotlines" in (
                turn.r.content.answers[reading.intent.intent].menu):
            self._countries.hotlines(turn)  # "нет документов, я в Варшаве": the numbers there
        if state in (SETUP_CHOICE, SETUP_CONFIRM) and turn.session.awaiting is None and (
                turn.session.flow is None):
            await self._checkin.ask_again(turn)  # a question typed mid-setup: it goes on

    def _ask_again(self, turn: Turn, state: Awaiting | None, *, note: bool = False) -> bool:
        """The question that waits (which country, a questionnaire's) again, after `note` (a
        forwarded message is not the person's answer); False when none waits."""
        r = turn.r
        if isinstance(state, CountryQuestion):
            question = r.ask_country(with_human=turn.session.at_risk
                                     and self._human_offer.available,
                                     destination=state.purpose == "page")
        elif (open_flow := self._steps.open_flow(turn)) is not None:
            question = flows.question_reply(r, open_flow[0], open_flow[1].step)
        else:
            return False
        if note and r.content.ad_check is not None:
            turn.replies.append(Reply(r.text(r.content.ad_check.texts.forwarded)))
        turn.replies.append(question)
        return True


def _risk_intent(intent: IntentResult, indicators: Sequence[str]) -> str:
    """The risk intent whose answer to give: the classifier's, else the first matched phrase's."""
    if intent.intent in RISK_INTENTS:
        return intent.intent
    return next((i for i in indicators if i in RISK_INTENTS), "emergency_now")
