"""A check-in setup button pressed: the draft plan changes as the button says (how often, for
how long, the wait, the destination, the clock, sharing the last country, skip, another time,
turn on, cancel) and the next screen comes. CheckinStep (step.py) checks first that the button
belongs to the screen the setup is on."""

from __future__ import annotations

import logging

from bot.checkin.plan import CheckinPlan
from bot.checkin.screens import CHOICES, NO_COUNTRY, UTC_ZONE, SetupScreens, end_wait, when
from bot.checkin.store import PlanStore
from bot.checkin.timezones import ZoneTable
from bot.checkin.typed_setup import choose, choose_country, save_draft
from bot.content.models import Checkin
from bot.core.turn import Turn

log = logging.getLogger(__name__)


async def press_setup_button(turn: Turn, plans: PlanStore, texts: Checkin, plan: CheckinPlan,
                             kind: str, rest: str, now: float, *, zones: ZoneTable,
                             screens: SetupScreens) -> None:
    """A setup button pressed on the screen it belongs to (`ci:<kind>:<rest>`): the draft
    changes as the button says and the next screen comes; *Turn on* starts the plan, *Cancel*
    drops the draft."""
    r = turn.r
    if kind in CHOICES:
        _, unit, options = CHOICES[kind]
        values = [o.value for o in getattr(texts, options)]
        if not rest.isdigit() or int(rest) not in values:
            turn.replies.append(screens.screen(turn, texts, plan))  # the screen again
            return
        choose(plan, kind, int(rest) * unit, zones, now)
    elif kind == "c":
        if rest != NO_COUNTRY and rest not in r.content.countries:
            turn.replies.append(screens.screen(turn, texts, plan))
            return
        choose_country(plan, None if rest == NO_COUNTRY else rest, zones, now)
    elif kind == "z" and plan.step == "zone":
        if rest != UTC_ZONE and not screens.zone_offered(plan, rest):
            turn.replies.append(screens.screen(turn, texts, plan))
            return
        plan.zone, plan.step = (None if rest == UTC_ZONE else rest), "location"
    elif kind == "l" and plan.step == "location" and rest in ("yes", "no"):
        plan.share_location, plan.step = rest == "yes", "employer"
    elif kind == "t" and plan.step == "confirm":
        plan.step = "hour"  # "Another time": the time of day, then this screen again
    elif kind == "h" and plan.step == "hour":
        if not rest.isdigit() or int(rest) >= 24 * 60:
            turn.replies.append(screens.screen(turn, texts, plan))
            return
        plan.at_minute, plan.step = int(rest), "confirm"
    elif kind == "skip":
        plan.step = "contact" if plan.step == "employer" else "confirm"
    elif kind == "x":
        await plans.delete(turn.event.user_key)
        end_wait(turn)
        turn.replies.append(r.main_menu(r.text(texts.texts.cancelled)))
        return
    elif kind == "go" and plan.step == "confirm" and plan.interval_s and plan.duration_s:
        plan.language = r.lang
        plan.start(now)
        await save_draft(turn, plans, plan, now)
        end_wait(turn)
        log.info("check-ins started user=%s", turn.event.user_key[:12])
        started = r.text(texts.texts.started).format(next=when(r.tr, plan.next_at, plan.zone))
        turn.replies.append(r.main_menu(started))
        return
    await save_draft(turn, plans, plan, now)
    turn.replies.append(screens.screen(turn, texts, plan))
