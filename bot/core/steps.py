"""What the engine does for buttons, commands and recognised intents (after triage)."""

from __future__ import annotations

import logging

from bot.content.models import Flow
from bot.core import flows, signs
from bot.core.at_risk_path import AtRiskPath
from bot.core.commands import PERSON_COMMANDS, command_name
from bot.core.country_choice import CountryChoice
from bot.core.events import EraseUserData, EventKind, HideChat, Reply, Tally
from bot.core.human_offer import HumanOffer
from bot.core.pending import PendingTexts
from bot.core.replies import LOCATION_PREFIX, OTHER_COUNTRY, PAGE_PREFIX, Replies
from bot.core.session import CountryQuestion, FlowState
from bot.core.session_store import SessionStore
from bot.core.turn import Reading, Turn
from bot.i18n import LANGUAGES, I18n
from bot.nlu.base import RISK_INTENTS, IntentResult
from bot.privacy import log_erasure

log = logging.getLogger(__name__)

# Menu actions answered straight from an intent's content answer.
ACTION_INTENTS: dict[str, str] = {
    "legal_work": "legal_work_abroad",
    "before_go": "travel_safety_plan",
}
COMMAND_ACTIONS: dict[str, str] = {
    "/language": "language",
    "/country": "country",
    "/hotlines": "hotlines",
    "/operator": "human",
    "/delete": "delete",
    "/menu": "menu",
    "/stop": "menu",  # the handoff layer takes /stop while a case is open; otherwise: the menu
}


class Steps:
    """Menu actions, commands, answers and questionnaire steps.

    `held`: the person's message held for the offer of a human (dropped on /hide and /delete).
    """

    def __init__(
        self, *, at_risk: AtRiskPath, human_offer: HumanOffer, countries: CountryChoice,
        held: PendingTexts, store: SessionStore, i18n: I18n, low_confidence: float
    ) -> None:
        self._at_risk = at_risk
        self._human_offer = human_offer
        self._countries = countries
        self._held = held
        self._store = store
        self._i18n = i18n
        self._low_confidence = low_confidence

    def answer_intent(self, turn: Turn, intent: IntentResult, named: str | None = None) -> None:
        """Answer a recognised intent from content; unsure means topic suggestions, not silence.
        `named`: a country the message names as a place (a request for its numbers)."""
        r, name = turn.r, intent.intent
        if intent.confidence < self._low_confidence:
            turn.replies.append(r.suggestions(intent.ranking))
        elif name in RISK_INTENTS:
            self._at_risk.enter(turn, "risk", [name], intent=name, source=Tally.AT_RISK_MODEL
                                if turn.event.kind == EventKind.TEXT else Tally.AT_RISK_BUTTON)
        elif name == "hotline_request":
            self._countries.hotlines(turn, named)
        elif name == "human_operator":
            self._human_offer.ask(turn, "request")
        elif name == "change_language":
            turn.replies.append(r.language_picker())
        elif name in r.content.answers:
            # The buttons are the answer's own `menu:`: text and buttons in one place.
            turn.replies.append(r.answer(r.content.answers[name], where=turn.session.location))
        else:
            turn.replies.append(r.suggestions(intent.ranking))

    async def button(self, turn: Turn) -> bool:
        """A pressed button; True when the person's data was erased."""
        prefix, _, rest = (turn.event.payload or "").partition(":")
        log.info("button user=%s kind=%s", turn.event.user_key[:12], prefix)
        if prefix == "m":
            return await self.action(turn, rest)
        if prefix == "lang" and rest in LANGUAGES:
            self.choose_language(turn, rest)
        elif prefix in (LOCATION_PREFIX, PAGE_PREFIX) and (
            rest in turn.r.content.countries or rest == OTHER_COUNTRY
        ):
            code = None if rest == OTHER_COUNTRY else rest
            self._countries.chosen(turn, code, page=prefix == PAGE_PREFIX)
        elif prefix == "f" and rest.count(":") == 2:
            flow_id, question_id, option_id = rest.split(":")
            self.flow_answer(turn, flow_id, question_id, option_id)
        elif prefix == flows.WHY_PREFIX:  # "Why: warning signs" under a questionnaire's result
            self.flow_why(turn, rest)
        elif prefix == "i":
            self.answer_intent(turn, IntentResult(rest, 1.0))
        elif prefix == "h":
            self._human_offer.consent(turn, rest)
        elif prefix == "a" and rest in turn.r.content.answers:  # "More" under a long answer
            turn.replies.append(turn.r.answer_more(turn.r.content.answers[rest],
                                                   where=turn.session.location))
        elif prefix == "cp" and rest.partition(":")[0] in turn.r.content.countries:
            code, _, part = rest.partition(":")  # a part of a country page: "PL:legal"
            turn.replies.append(turn.r.country_part(turn.r.content.countries[code], part))
        else:  # an unknown or outdated button: show where to go from here
            turn.replies.append(turn.r.main_menu())
        return False

    async def action(self, turn: Turn, action: str) -> bool:
        """A main-menu action (`m:<action>`); True when the person's data was erased."""
        r = turn.r
        flow_id = flows.FLOW_FOR_ACTION.get(action, "")
        if flow_id in r.content.flows:
            turn.session.flow, replies = flows.start(r, r.content.flows[flow_id])
            turn.replies.extend(replies)
        elif action in ACTION_INTENTS:
            self.answer_intent(turn, IntentResult(ACTION_INTENTS[action], 1.0))
        elif action == "help_now":
            self._at_risk.enter(turn, "risk", ["emergency_now"], intent="emergency_now")
        elif action == "human":
            self._human_offer.ask(turn, "request")
        elif action == "hotlines":
            self._countries.hotlines(turn)
        elif action == "language":
            turn.replies.append(r.language_picker())
        elif action == "country":
            turn.session.awaiting = CountryQuestion(purpose="page")
            turn.replies.append(r.ask_country(with_human=turn.session.at_risk, destination=True))
        elif action == "location":
            self._countries.ask_location(turn)
        elif action == "delete":
            return await self.delete(turn)
        else:
            turn.replies.append(r.main_menu())
        return False

    async def command(self, turn: Turn) -> bool:
        """A slash command; True when the person's data was erased."""
        command = command_name(turn.event.text)
        # Only a known command word: anything else after a slash is what the person wrote.
        log.info("command user=%s %s", turn.event.user_key[:12],
                 command if command in PERSON_COMMANDS else "(unknown)")
        if command == "/start":
            turn.response.tallies.append(Tally.STARTED)
            self.onboard(turn)
        elif command == "/help":
            self.answer_intent(turn, IntentResult("bot_capabilities", 1.0))
        elif command == "/hide":
            self._held.pop(turn.event.user_key)
            notice = turn.r.message("hide_notice")
            turn.response.effects.append(HideChat(turn.event.chat_key, notice))
        elif command in COMMAND_ACTIONS:
            return await self.action(turn, COMMAND_ACTIONS[command])
        else:
            turn.replies.append(turn.r.main_menu(turn.r.tr.gettext("I do not know this command.")))
        return False

    def onboard(self, turn: Turn) -> None:
        """Welcome, what is kept about the person, then the main menu."""
        r, session = turn.r, turn.session
        session.flow, session.awaiting, session.onboarded = None, None, True
        turn.replies.append(Reply(r.message("welcome")))
        turn.replies.append(Reply(r.message("privacy_notice")))
        turn.replies.append(r.main_menu())

    def choose_language(self, turn: Turn, language: str) -> None:
        """An explicit choice: it wins over detection from then on."""
        turn.session.language, turn.session.language_chosen = language, True
        turn.r = Replies(turn.r.content, self._i18n.translator(language), turn.r.places,
                         team=turn.r.team)
        if not turn.session.onboarded:
            self.onboard(turn)
        else:
            done = turn.r.tr.gettext("Done. I will write in English.")
            turn.replies.append(turn.r.main_menu(done))

    def open_flow(self, turn: Turn) -> tuple[Flow, FlowState] | None:
        """The questionnaire waiting for an answer, with its state; None when none is open."""
        state = turn.session.flow
        flow = turn.r.content.flows.get(state.flow_id) if state is not None else None
        if state is None or flow is None or not flows.is_active(state, flow):
            return None
        return flow, state

    def typed_flow_answer(self, turn: Turn, reading: Reading) -> bool:
        """A typed answer while a questionnaire is open ("2", "да"); False when none is open."""
        r, open_flow = turn.r, self.open_flow(turn)
        if open_flow is None:
            return False
        flow, state = open_flow
        question = flow.questions[state.step]
        option = flows.find_option(question, reading.text)
        if option is not None:
            self.flow_answer(turn, flow.id, question.id, option.id)
            return True
        if reading.confident:
            self.answer_intent(turn, reading.intent,
                               reading.place.code if reading.place is not None else None)
        else:
            hint = r.tr.gettext(
                "Please choose one of the answers: press a button or write its number."
            )
            turn.replies.append(Reply(hint))
        turn.replies.append(flows.question_reply(r, flow, state.step))
        return True

    def flow_answer(self, turn: Turn, flow_id: str, question_id: str, option_id: str) -> None:
        """Record a questionnaire answer; then the next question or the result."""
        r, state = turn.r, turn.session.flow
        flow = r.content.flows.get(flow_id)
        if flow is None or state is None:
            turn.replies.append(r.main_menu(r.tr.gettext("This questionnaire is over.")))
            return
        step = flows.record(state, flow, question_id, option_id)
        if step == "next":
            turn.replies.append(flows.question_reply(r, flow, state.step))
        elif step in ("done", "strong"):
            self._flow_finished(turn, flow, state, strong=step == "strong")
        else:
            current = r.content.flows.get(state.flow_id)
            if flows.is_active(state, current) and current is not None:
                turn.replies.append(flows.question_reply(r, current, state.step))
            else:
                turn.replies.append(r.main_menu(r.tr.gettext("This questionnaire is over.")))

    def _flow_finished(self, turn: Turn, flow: Flow, state: FlowState, *, strong: bool) -> None:
        """The result; a strong self-check answer goes straight into the at-risk path."""
        if strong:
            self._at_risk.enter(turn, "self_check", flows.strong_indicators(flow, state.answers),
                                source=Tally.AT_RISK_SELF_CHECK)
            return
        result = flows.evaluate(flow, state.answers)
        turn.replies.append(flows.result_reply(turn.r, flow, result, flows.result_menu(flow)))
        if flow.id == flows.SELF_CHECK and result.level.level != "low":
            flagged = [q.indicator for q, _ in result.flagged]
            signs.add(turn.session, flagged)
            self._human_offer.ask(turn, "self_check")

    def flow_why(self, turn: Turn, flow_id: str) -> None:
        """Why each answer of the finished questionnaire is a warning sign; the answers are the
        session's, so a button from a forgotten or restarted questionnaire says it is over."""
        r, state = turn.r, turn.session.flow
        flow = r.content.flows.get(flow_id)
        if flow is None or state is None or state.flow_id != flow_id or flows.is_active(
            state, flow
        ):
            turn.replies.append(r.main_menu(r.tr.gettext("This questionnaire is over.")))
            return
        result = flows.evaluate(flow, state.answers)
        turn.replies.append(flows.why_reply(r, flow, result, flows.result_menu(flow)))

    async def delete(self, turn: Turn) -> bool:
        """/delete: erase everything at once, and say so in the person's language."""
        # The key's first 12 characters, as in every log line: after a restore from a backup,
        # `python -m bot erase` finds the person by it (docs/DEPLOY.md "Backups").
        log_erasure(turn.event.user_key)
        await self._store.delete_user(turn.event.user_key)
        self._held.pop(turn.event.user_key)
        turn.response.effects.append(EraseUserData(turn.event.user_key))
        turn.replies.append(Reply(turn.r.message("deleted")))
        return True
