"""`python -m bot content preview INTENT|COUNTRY|FLOW --lang be`: the screens a phone shows.

Each screen (one message) is printed with its length in characters and its buttons; a screen
over FIRST_SCREEN characters is marked, because on a phone the rest is below the fold.
The screens are built by the engine's own reply builder (bot/core/replies.py, flows.py), so
the preview is what the bot sends, not a copy of it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.content.loader import load_content
from bot.content.models import Content
from bot.core import flows
from bot.core.events import Reply
from bot.core.flows import FIRST_SCREEN
from bot.core.replies import Replies
from bot.i18n import I18n

LOCALES = Path(__file__).resolve().parents[2] / "locales"


def screens(content: Content, r: Replies, target: str) -> list[tuple[str, Reply]]:
    """(title, reply) for each screen of an intent's answer, a country or a flow.

    `flow:NAME` names a flow whose id is also an intent (job_offer_check). Raises KeyError
    when `target` is none of these.
    """
    flow_only = target.startswith("flow:")
    target = target.removeprefix("flow:")
    if target.upper() in content.countries and not flow_only:
        country = content.countries[target.upper()]
        return [
            ("country page", r.country_page(country)),
            ("More: legal work", r.country_part(country, "legal")),
            ("Sources", r.country_part(country, "sources")),
            ("Hotlines", r.hotlines_page(country)),
        ]
    if target in content.answers and not flow_only:
        answer = content.answers[target]
        shown = [("answer", r.answer(answer, intent=target))]
        if answer.more is not None:
            shown.append(("More", r.answer_more(answer)))
        return shown
    if target in content.flows:
        flow = content.flows[target]
        _, first = flows.start(r, flow)
        shown = [("intro", first[0])]
        shown += [
            (f"question {i + 1}", flows.question_reply(r, flow, i))
            for i in range(len(flow.questions))
        ]
        # Each level as long as it can be: every question answered by its warning answer (what
        # `content check` measures), then what "Why: warning signs" opens.
        actions = flows.result_menu(flow)
        levels = sorted(flow.levels, key=lambda lv: lv.min_score)
        for level in levels:
            result = flows.worst_case(flow, level, r.lang)
            title = f"result: {level.level}, every warning sign found"
            shown.append((title, flows.result_reply(r, flow, result, actions)))
        if levels:
            result = flows.worst_case(flow, levels[-1], r.lang)
            shown.append(("Why: warning signs", flows.why_reply(r, flow, result, actions)))
        return shown
    raise KeyError(target)


def render(title: str, reply: Reply, index: int) -> str:
    """One screen as text: a header with the length, the text, then the buttons in rows."""
    length = len(reply.text)
    mark = f"  << over {FIRST_SCREEN}: the rest is below the fold" if length > FIRST_SCREEN else ""
    lines = [f"=== screen {index}: {title} ({length} characters){mark}", reply.text]
    for row in reply.buttons or []:
        lines.append("  ".join(f"[{b.label}]" + (f"({b.url})" if b.url else "") for b in row))
    return "\n".join(lines)


def main(args: argparse.Namespace) -> int:
    """Print the screens; 2 with a list of what exists when the target is unknown."""
    from bot.config import BotSettings
    from bot.core.adcheckers import AdCheckers
    from bot.modelcache import model_cache_at

    directory: Path = args.dir or Path(__file__).resolve().parents[2] / "content"
    i18n = I18n(LOCALES)  # one set of catalogs for the check on loading and the screens
    # The ad check's model from BOT_MODEL_CACHE_DIR when it is set and holds the model of these
    # rules, as `content check` and the bot read it; the screens do not depend on it.
    checkers = AdCheckers(cache=model_cache_at(BotSettings().model_cache_dir))
    content = load_content(directory, i18n=i18n, ad_checkers=checkers)
    team = not getattr(args, "no_team", False)
    r = Replies(content, i18n.translator(args.lang), team=team)
    try:
        found = screens(content, r, args.target)
    except KeyError:
        print(
            f"unknown: {args.target}. Countries: {', '.join(content.countries)}; "
            f"flows (flow:NAME where NAME is also an intent): {', '.join(content.flows)}; "
            f"intents: {', '.join(sorted(content.answers))}"
        )
        return 2
    print("\n\n".join(render(title, reply, i) for i, (title, reply) in enumerate(found, 1)))
    return 0
