"""An answer under a check-in ("All fine", "Not fine", "Stop asking", pressed or typed): the
plan moves on, and an answer after a missed check-in's alert is kept for the operators.

Transport-agnostic; step.py routes buttons and typed answers here.
"""

from __future__ import annotations

import logging

from bot.checkin.plan import Answer, CheckinPlan
from bot.checkin.screens import plan_tag, status
from bot.checkin.store import PlanStore
from bot.checkin.typed_answers import typed_answer
from bot.content.models import Checkin
from bot.core.at_risk_path import AtRiskPath
from bot.core.events import EventKind, IncomingEvent, Reply
from bot.core.turn import Turn

log = logging.getLogger(__name__)


def _apply(plan: CheckinPlan | None, answer: Answer, language: str,
           now: float) -> tuple[CheckinPlan | None, bool]:
    """The plan after the answer (None: delete it) and whether it is over."""
    if plan is None or plan.phase == "draft":
        return plan, False
    plan.language = language  # the next check-in in the language they use now
    plan.last_answer = answer
    late = plan.phase in ("alerted", "ended") or plan.late is not None
    if late:
        plan.late = answer
    if answer == "stop":
        if not late and not plan.reported:
            return None, False
        # The team was alerted of these check-ins: they hear that they are off (the plan
        # goes once the scheduler has told them).
        plan.late, plan.phase = "stop", "ended"
        return plan, False
    over = False
    if plan.phase in ("asked", "alerted"):
        over = not plan.answered(now)
        if over:
            if not late:
                return None, True
            plan.phase = "ended"
    return plan, over


async def answer_check_in(turn: Turn, plans: PlanStore, texts: Checkin | None, answer: Answer,
                          *, at_risk: AtRiskPath, now: float, reply: bool = True) -> None:
    """Record the answer and reply: "Not fine" gives the numbers first, then a person.
    Without `reply` the answer is only recorded (the at-risk path has answered already)."""
    r = turn.r
    over = running = False

    def change(plan: CheckinPlan | None) -> CheckinPlan | None:
        nonlocal over, running
        running = plan is not None and plan.phase != "draft"
        plan, over = _apply(plan, answer, r.lang, now)
        return plan

    plan = await plans.update(turn.event.user_key, change, now=now)
    log.info("check-in answered user=%s answer=%s late=%s", turn.event.user_key[:12],
             answer, plan is not None and plan.late is not None)
    t = texts.texts if texts is not None else None
    if not reply:
        return
    if answer == "help":
        at_risk.enter(turn, "risk", ["emergency_now"], intent="emergency_now")
    elif answer == "stop":
        turn.replies.append(r.main_menu(r.text(t.stopped) if t else None))
    elif not running and t is not None:  # an old "All fine" after stop or /delete
        turn.replies.append(r.main_menu(r.text(t.not_running)))
    else:
        text = r.text(t.answered_ok) if t else ""
        if over and t is not None:
            text = f"{text}\n\n{r.text(t.finished)}"
        turn.replies.append(Reply(text) if text else r.main_menu())


async def note_typed_help(turn: Turn, plans: PlanStore, *, at_risk: AtRiskPath,
                          now: float) -> None:
    """A message at risk ("помогите", "меня заперли, забрали паспорт", "I need help") typed
    under a check-in that waits, answered already by the at-risk path (the numbers first):
    recorded as "Not fine" too, as the button would be, so the check-in is answered and its
    late answer reaches the team."""
    texts = turn.r.content.checkin
    if texts is None:
        return
    plan = await plans.load(turn.event.user_key)
    if plan is not None and plan.phase in ("asked", "alerted"):
        await answer_check_in(turn, plans, texts, "help", at_risk=at_risk, now=now, reply=False)


async def stale_answer(turn: Turn, plans: PlanStore, tag: str) -> bool:
    """An answer button of earlier check-ins (`tag`, their `plan_tag`) while others run or are
    being set up: says so and changes nothing; the question that waits now comes again. True
    when stale; none left, or the same check-ins: False (answered as ever)."""
    r, texts = turn.r, turn.r.content.checkin
    plan = await plans.load(turn.event.user_key)
    if plan is None or texts is None or plan_tag(plan) == tag:
        return False
    stale = r.text(texts.texts.stale_answer)
    if plan.phase in ("asked", "alerted"):
        turn.replies.extend([Reply(stale), status(r, texts, plan)])
    else:
        turn.replies.append(r.main_menu(stale))
    return True


async def answer_typed(turn: Turn, plans: PlanStore, texts: Checkin, text: str, *,
                       at_risk: AtRiskPath, now: float) -> bool:
    """"ок" typed under a waiting check-in is "All fine", "плохо" is "Not fine": the
    whole message, as content lists them; True when taken. Typed, it would otherwise go to the
    recogniser, which may answer "норм" with emergency numbers on a phone someone else may
    read. `now`: seconds since the epoch."""
    answer = typed_answer(text, texts)
    if answer is None:
        return False
    plan = await plans.load(turn.event.user_key)  # only for a short answer-like text
    if answer == "stop" and plan is not None and plan.phase == "waiting":
        # "Стоп!" with check-ins on and no question open: maybe about them, maybe not;
        # stopped silently it could end them unmeant, answered "I can't help with that"
        # it left them on. Their status, with *Stop asking*, as /checkin shows it.
        turn.replies.append(status(turn.r, texts, plan))
        return True
    if plan is None or plan.phase not in ("asked", "alerted"):
        return False
    await answer_check_in(turn, plans, texts, answer, at_risk=at_risk, now=now)
    return True


async def typed_answer_waits(plans: PlanStore, event: IncomingEvent, texts: Checkin, *,
                             missed_only: bool = False) -> bool:
    """Whether the event is a typed answer ("ок", "плохо") to a check-in that waits or was
    missed (`missed_only`: only one whose alert went out)."""
    if event.kind != EventKind.TEXT or event.forwarded:  # a forwarded "ок" is someone else's
        return False
    if typed_answer(event.text or "", texts) is None:
        return False
    plan = await plans.load(event.user_key)
    phases = ("alerted",) if missed_only else ("asked", "alerted")
    return plan is not None and plan.phase in phases
