"""First screens fit a phone: an answer's text, a country page and a questionnaire's result,
in every language.

A country page's first screen (bot/core/replies/_countries.py `country_page`) is built from the
loaded content (its numbers come from hotlines.yaml), so it is measured once the content is.

An answer's first screen is its `text:` (the rest is behind "More", `more:`); it is measured as
shown with a team, the longer branch (bot/content/branches.py).

The first screen of a result is the level text, the count of warning signs and `next_steps`
(bot/core/flows.py `result_reply`); it is measured with every question answered by its longest
warning answer, for every level and language, and must stay within FIRST_SCREEN characters.
The explanations behind "Why: warning signs" must fit one Telegram message (MESSAGE_LIMIT).
The screens are built by the bot's own code, so what is measured is what the phone shows.
"""

from __future__ import annotations

from collections.abc import Iterator

from bot.content.models import Content
from bot.content.parsed import Parsed
from bot.content.problems import Problem
from bot.core import flows
from bot.core.replies import Replies
from bot.core.wording import Wording
from bot.i18n import LANGUAGES, I18n


def check_country_pages(content: Content, parsed: Parsed, i18n: I18n) -> Iterator[Problem]:
    """A country page whose first screen is over FIRST_SCREEN characters in some language."""
    for code, country in content.countries.items():
        where = parsed.countries[code][1]
        for language in LANGUAGES:
            length = len(Replies(content, i18n.translator(language)).country_page(country).text)
            if length > flows.FIRST_SCREEN:
                yield where.problem(
                    "error",
                    f"{code}, {language}: the first screen of the page is {length} characters "
                    f"(at most {flows.FIRST_SCREEN}: one phone screen); shorten `caveats:` or "
                    "the first line's entry in hotlines.yaml (the rest is behind buttons)",
                    "caveats",
                    language,
                )


def check_answer_screens(parsed: Parsed, i18n: I18n) -> Iterator[Problem]:
    """An answer whose first screen is over FIRST_SCREEN characters in some language."""
    for _intent, (answer, where) in parsed.answers.items():
        for language in LANGUAGES:
            length = len(Wording(i18n.translator(language)).text(answer.text))
            if length > flows.FIRST_SCREEN:
                yield where.problem(
                    "error",
                    f"text.{language}: the first screen is {length} characters (at most "
                    f"{flows.FIRST_SCREEN}: one phone screen); move the rest to `more:`, "
                    "which is behind a \"More\" button",
                    "text",
                    language,
                )


def check_result_screens(parsed: Parsed, i18n: I18n) -> Iterator[Problem]:
    """A result's first screen over FIRST_SCREEN characters, or its "Why" screen over one
    message, for some level and language."""
    for flow, where in parsed.flows.values():
        actions = flows.result_menu(flow)
        for language in LANGUAGES:
            r = Wording(i18n.translator(language))
            for index, level in enumerate(flow.levels):
                result = flows.worst_case(flow, level, language)
                first = len(flows.result_reply(r, flow, result, actions).text)
                if first > flows.FIRST_SCREEN:
                    yield where.problem(
                        "error",
                        f"levels.{index} ({level.level}), {language}: the first screen of the "
                        f"result is {first} characters with every warning sign found (at most "
                        f"{flows.FIRST_SCREEN}: one phone screen); shorten this level's text "
                        "or `next_steps` (the explanations are behind \"Why: warning signs\")",
                        "levels",
                        index,
                        "text",
                        language,
                    )
            if not flow.levels:
                continue
            result = flows.worst_case(flow, flow.levels[0], language)
            why = len(flows.why_reply(r, flow, result, actions).text)
            if why > flows.MESSAGE_LIMIT:
                yield where.problem(
                    "error",
                    f"{language}: the explanations of all warning signs are {why} characters; "
                    f"Telegram sends at most {flows.MESSAGE_LIMIT} in one message: shorten "
                    "`explain:`",
                    "questions",
                )
