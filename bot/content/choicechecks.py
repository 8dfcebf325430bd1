"""Texts that depend on a choice are chosen by it: no text promises what its branch does not do.

A choice splits what happens next into branches, and some texts are shown on only some of them:

- team: an operators' chat is configured ("team") or not ("no team"); a text shown either
  way marks its lines true only with a team (`[team]`, bot/content/branches.py), and the bot
  leaves those lines and the "Talk to a person" button out without one;
- consent: the answer to the offer of a person: "answers only", "answers and message",
  "declined";
- hours: the team is working now ("open") or not ("closed") when a case is queued;
- country: the country the person is in is known ("country known") or not ("country unknown").

SHOWN_ON says on which branches a text is shown (every text not named there: both team
branches, and no branch of the other choices). CLAIMS says what a text may promise and on which
branches that is false; a text that promises it on such a branch is an error. Both tables are
here, next to each other, so that a new text or a new choice is one line each.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase

from pydantic import BaseModel

from bot.content.branches import TEAM_MARK, team_lines
from bot.content.parsed import Parsed
from bot.content.problems import Problem
from bot.content.textchecks import texts
from bot.content.yamlfile import Where
from bot.nlu.base import LANGUAGES

CHOICES: dict[str, frozenset[str]] = {
    "team": frozenset({"team", "no team"}),
    "consent": frozenset({"answers only", "answers and message", "declined"}),
    "hours": frozenset({"open", "closed"}),
    "country": frozenset({"country known", "country unknown"}),
}


@dataclass(frozen=True)
class Claim:
    """Something a text can promise, the words that promise it, and where it is not true."""

    says: str
    false_on: frozenset[str]
    words: re.Pattern[str]


CLAIMS: tuple[Claim, ...] = (
    Claim(
        "a person from our team is involved",
        frozenset({"no team"}),
        re.compile(
            r"человек\w*\s+из\s+(нашей\s+)?команды|поговорить с человеком|"
            r"наша команда\s+(\w+\s+)?(получит|увидит|прочитает|ответит|свяжется)|"
            r"чалавек\w*\s+з\s+(нашай\s+)?каманды|пагаварыць з чалавекам|"
            r"наша каманда\s+(\w+\s+)?(атрымае|убачыць|прачытае|адкажа|звяжацца)|"
            r"person from (our|the) team|talk to a person|our team will",
            re.IGNORECASE,
        ),
    ),
    Claim(
        "the team sees what the person wrote in their own words",
        frozenset({"answers only"}),
        re.compile(r"сообщени|паведамленн|your messages|what you wrote", re.IGNORECASE),
    ),
    Claim(
        "the team is not working now",
        frozenset({"open"}),
        re.compile(r"не работает|не працуе|not working", re.IGNORECASE),
    ),
    Claim(
        "a person answers soon",
        frozenset({"closed"}),
        re.compile(
            r"скоро|сейчас ответ|сразу ответ|хутка|зараз адказ|адразу адказ|"
            r"\bsoon\b|right away|answer(s)? now",
            re.IGNORECASE,
        ),
    ),
    Claim(
        "the numbers are for the country the person is in",
        frozenset({"country unknown"}),
        re.compile(
            r"для Вашей страны|номер\w* (выше|ниже)[^.]*Вашей стран|для Вашай краіны|"
            r"нумар\w* (вышэй|ніжэй)[^.]*Вашай краін|for your country|numbers? (above|below)"
            r"[^.]*your country",
            re.IGNORECASE,
        ),
    ),
)

# Texts shown only on some branches (a key is the file kind and the path in it; * matches any
# part). Each says where it is shown in the code that shows it.
SHOWN_ON: dict[str, frozenset[str]] = {
    # bot/core/human_offer.py HumanOffer.ask: only with a team
    "messages.offer_human": frozenset({"team"}),
    "messages.handoff_consent": frozenset({"team"}),
    "messages.handoff_consent_ad": frozenset({"team"}),
    "messages.handoff_consent_plain": frozenset({"team"}),
    # bot/core/human_offer.py HumanOffer.consent: after "Yes, share my answers" and "Yes, also
    # share my message"
    "messages.human_requested": frozenset({"team", "answers only", "answers and message"}),
    # bot/handoff/service.py _tell_queued: operators on duty now, or not
    "messages.handoff_queued": frozenset({"team", "open"}),
    "messages.handoff_out_of_hours": frozenset({"team", "closed"}),
    "messages.handoff_place": frozenset({"team"}),
    "messages.handoff_have_request": frozenset({"team"}),
    "messages.handoff_taken": frozenset({"team"}),
    "messages.handoff_closed": frozenset({"team"}),
    "messages.handoff_stopped": frozenset({"team"}),
    "messages.handoff_stop_button": frozenset({"team"}),
    # bot/core/human_offer.py HumanOffer.ask without an operators' chat; bot/handoff when it is down
    "messages.handoff_unreachable": frozenset({"no team"}),
    # bot/core/replies.py other_country: a country without a page, or none named
    "messages.other_country": frozenset({"team", "no team", "country unknown"}),
    # bot/core/steps.py answer_intent: "human_operator" is the offer of a person, not this
    # answer, which only the preview shows
    "answers.human_operator.*": frozenset({"team"}),
    # bot/core/checkin*: check-ins are offered only with a team (a missed one alerts it)
    "checkin.*": frozenset({"team"}),
}


def branches_of(key: str) -> frozenset[str]:
    """The branches a text is shown on (see SHOWN_ON)."""
    for pattern, branches in SHOWN_ON.items():
        if fnmatchcase(key, pattern):
            return branches
    return CHOICES["team"]


def check_choice_texts(parsed: Parsed) -> Iterator[Problem]:
    """A text (or a line of it) that promises what one of its branches does not do."""
    for prefix, model, where in _items(parsed):
        yield from check_section_texts(prefix, model, where)


def check_section_texts(prefix: str, model: BaseModel, where: Where) -> Iterator[Problem]:
    """The same rule for the texts of one item or one single-section file (`ad_check`,
    `silent_alarm`, `checkin`: named by their key, as SHOWN_ON names them)."""
    for path, text in texts(model, ()):
        shown = branches_of(".".join(str(p) for p in (prefix, *path)))
        for language in LANGUAGES:
            raw = getattr(text, language) or ""
            if any(TEAM_MARK in line for line in team_lines(raw)[0]):
                yield where.problem(
                    "error",
                    f"{'.'.join(map(str, path))}.{language}: {TEAM_MARK} is not at the start "
                    "of a line, so people would see it; start the line with it",
                    *path,
                    language,
                )
            both, team_only = team_lines(raw)
            said = [("\n".join(both), shown)]
            if team_only:
                said.append(("\n".join(team_only), shown - {"no team"}))
            for value, branches in said:
                for claim in CLAIMS:
                    found = claim.words.search(value)
                    wrong = sorted(claim.false_on & branches)
                    if found and wrong:
                        yield where.problem(
                            "error",
                            f"{'.'.join(map(str, path))}.{language}: '{found.group()}' says "
                            f"{claim.says}, but this text is also shown on the branch "
                            f"'{' / '.join(wrong)}'; {_fix(claim)}",
                            *path,
                            language,
                        )


def _items(parsed: Parsed) -> Iterator[tuple[str, BaseModel, Where]]:
    """Every item with texts, named as SHOWN_ON names it ("answers.human_operator")."""
    if parsed.messages:
        yield "messages", parsed.messages[0], parsed.messages[1]
    kinds: dict[str, Mapping[str, tuple[BaseModel, Where]]] = {
        "answers": parsed.answers,
        "hotlines": parsed.hotlines,
        "countries": parsed.countries,
        "flows": parsed.flows,
    }
    for kind, items in kinds.items():
        for item_id, (model, where) in items.items():
            yield f"{kind}.{item_id}", model, where


def _fix(claim: Claim) -> str:
    if claim.false_on == {"no team"}:
        return "start the line with [team] so that it is shown only with a team"
    return "say only what is true on every branch it is shown on"
