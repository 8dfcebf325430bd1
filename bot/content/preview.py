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
from bot.core.replies import Replies
from bot.i18n import load_i18n

FIRST_SCREEN = 700  # characters: about one phone screen of text above the buttons
LOCALES = Path(__file__).resolve().parents[2] / "locales"


def screens(content: Content, r: Replies, target: str) -> list[tuple[str, Reply]]:
    """(title, reply) for each screen of an intent's answer, a country or a flow.

    Raises KeyError when `target` is none of these.
    """
    if target.upper() in content.countries:
        country = content.countries[target.upper()]
        return [
            ("country page", r.country_page(country)),
            ("More: legal work", r.country_part(country, "legal")),
            ("Sources", r.country_part(country, "sources")),
            ("Hotlines", r.hotlines_page(country)),
        ]
    if target in content.answers:
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
        for level in sorted(flow.levels, key=lambda lv: lv.min_score):
            result = flows.Result(level.min_score, level, [])
            actions: list[str] = list(getattr(flow, "menu", None) or ["menu"])
            shown.append((f"result: {level.level}", flows.result_reply(r, flow, result, actions)))
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
    directory: Path = args.dir or Path(__file__).resolve().parents[2] / "content"
    content = load_content(directory)
    r = Replies(content, load_i18n(LOCALES).translator(args.lang))
    try:
        found = screens(content, r, args.target)
    except KeyError:
        print(
            f"unknown: {args.target}. Countries: {', '.join(content.countries)}; "
            f"flows: {', '.join(content.flows)}; intents: {', '.join(sorted(content.answers))}"
        )
        return 2
    print("\n\n".join(render(title, reply, i) for i, (title, reply) in enumerate(found, 1)))
    return 0
