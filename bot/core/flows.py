"""The questionnaire runner: job-offer check and situation self-check from content/flows/*.yml.

A result is two screens. The first holds the essentials and stays one phone screen long
(FIRST_SCREEN characters, checked by `content check` for the worst case): the risk level, how
many warning signs were found, what to do now, and the flow's own buttons (`menu:`). Why each
answer is a warning sign is one tap away, behind "Why: warning signs" (`fw:<flow id>`), because
each flagged answer adds its explanation and eleven of them fill four screens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.content.branches import for_team
from bot.content.models import Content, Flow, FlowLevel, FlowOption, FlowQuestion
from bot.core.events import Button, Reply
from bot.core.labels import WHY_SIGNS_LABEL
from bot.core.session import FlowState
from bot.core.wording import HUMAN, Wording

JOB_CHECK = "job_offer_check"
SELF_CHECK = "situation_check"
FLOW_FOR_ACTION: dict[str, str] = {"job_check": JOB_CHECK, "self_check": SELF_CHECK}
# Only in the self-check does a strong answer mean "in danger now"; in the job check it is a
# warning sign about an offer the person has not yet taken.
STRONG_OPENS_RISK: frozenset[str] = frozenset({SELF_CHECK})
WHY_PREFIX = "fw"  # `fw:<flow id>`: the explanations of the warning signs of the last result
FIRST_SCREEN = 700  # characters: about one phone screen of text above the buttons
MESSAGE_LIMIT = 4096  # characters: the most Telegram sends in one message

Step = Literal["next", "done", "strong", "stale"]
_NUMBER = re.compile(r"^\s*(\d{1,2})\s*[.)]?\s*$")
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Result:
    """Where a finished (or cut short) questionnaire ended."""

    score: int
    level: FlowLevel
    flagged: list[tuple[FlowQuestion, FlowOption]]


def flow_of(content: Content, state: FlowState | None) -> Flow | None:
    """The questionnaire `state` belongs to; None without a state (or after a reload that
    dropped its flow)."""
    return content.flows.get(state.flow_id) if state is not None else None


def is_active(state: FlowState | None, flow: Flow | None) -> bool:
    """True while the person is still answering this flow's questions."""
    return state is not None and flow is not None and state.step < len(flow.questions)


def question_reply(r: Wording, flow: Flow, step: int) -> Reply:
    """Question `step` with "question n of N" and one button per option."""
    question = flow.questions[step]
    counter = r.tr.gettext("Question {n} of {total}").format(
        n=r.tr.number(step + 1), total=r.tr.number(len(flow.questions))
    )
    buttons = [
        [Button(f"{i}. {r.text(o.label)}", f"f:{flow.id}:{question.id}:{o.id}")]
        for i, o in enumerate(question.options, start=1)
    ]
    buttons.append([r.action_button("menu")])
    return Reply(f"{counter}\n\n{r.text(question.text)}", buttons)


def start(r: Wording, flow: Flow) -> tuple[FlowState, list[Reply]]:
    """A fresh state, the flow's title and intro, and its first question."""
    intro = Reply(f"{r.text(flow.title)}\n\n{r.text(flow.intro)}".strip())
    return FlowState(flow_id=flow.id), [intro, question_reply(r, flow, 0)]


def _normal(text: str) -> str:
    return " ".join(_WORD.findall(text.lower().replace("ё", "е")))


def find_option(question: FlowQuestion, text: str) -> FlowOption | None:
    """The option a typed answer means: its number, its label in any language, or a first word
    that only one option's label starts with ("да" for "Да, забрали")."""
    number = _NUMBER.match(text)
    if number:
        index = int(number.group(1)) - 1
        return question.options[index] if 0 <= index < len(question.options) else None
    typed = _normal(text)
    if not typed:
        return None
    starts: list[FlowOption] = []
    for option in question.options:
        labels = [_normal(v) for v in (option.label.ru, option.label.be, option.label.en) if v]
        if typed in labels:
            return option
        if any(label.startswith(typed + " ") for label in labels):
            starts.append(option)
    return starts[0] if len(starts) == 1 else None


def record(state: FlowState, flow: Flow, question_id: str, option_id: str) -> Step:
    """Record an answer to the current question and say what comes next."""
    if state.flow_id != flow.id or not is_active(state, flow):
        return "stale"
    question = flow.questions[state.step]
    option = next((o for o in question.options if o.id == option_id), None)
    if question.id != question_id or option is None:
        return "stale"  # an old button from an earlier question or an edited flow
    state.answers[question.id] = option.id
    state.step += 1
    if option.strong and flow.id in STRONG_OPENS_RISK:
        state.step = len(flow.questions)  # the questionnaire stops: help comes first
        return "strong"
    return "done" if state.step >= len(flow.questions) else "next"


def answered(flow: Flow, answers: dict[str, str]) -> list[tuple[FlowQuestion, FlowOption]]:
    """Each answered question with the chosen option, in the flow's order."""
    pairs = []
    for question in flow.questions:
        option = next((o for o in question.options if o.id == answers.get(question.id)), None)
        if option is not None:
            pairs.append((question, option))
    return pairs


def evaluate(flow: Flow, answers: dict[str, str]) -> Result:
    """Total score, the level it reaches, and the answers that are warning signs."""
    pairs = answered(flow, answers)
    score = sum(o.score for _, o in pairs)
    levels = sorted(flow.levels, key=lambda lv: lv.min_score)
    level = next((lv for lv in reversed(levels) if score >= lv.min_score), levels[0])
    if any(o.strong for _, o in pairs) and flow.id in STRONG_OPENS_RISK:
        level = levels[-1]
    return Result(score, level, [(q, o) for q, o in pairs if o.score > 0 or o.strong])


def result_menu(flow: Flow) -> list[str]:
    """The buttons under the flow's result, as its YAML lists them (`menu:`), and the main menu."""
    actions = list(flow.menu)
    if "menu" not in actions:
        actions.append("menu")
    return actions


def count_line(r: Wording, n: int) -> str:
    """"3 warning signs found", with the plural form the language needs for `n`."""
    return r.tr.ngettext("{n} warning sign found", "{n} warning signs found", n).format(
        n=r.tr.number(n)
    )


def result_reply(r: Wording, flow: Flow, result: Result, actions: list[str]) -> Reply:
    """The first screen of a result: the risk level, the count of warning signs, the next
    steps, then "Why: warning signs" (when there are any) and the flow's buttons."""
    n = len(result.flagged)
    # The next steps name the "Talk to a person" button in their [team] line: without that
    # button here (the offer of a person follows at once) the line would send them looking.
    steps = for_team(flow.next_steps.get(r.lang), r.team and HUMAN in actions).strip()
    parts = [r.text(result.level.text), count_line(r, n), steps]
    why = [[Button(r.tr.gettext(WHY_SIGNS_LABEL), f"{WHY_PREFIX}:{flow.id}")]] if n else []
    return Reply("\n\n".join(p for p in parts if p), why + r.action_rows(actions))


def why_reply(r: Wording, flow: Flow, result: Result, actions: list[str]) -> Reply:
    """Behind "Why: warning signs": why each flagged answer matters, in the flow's order."""
    parts = [count_line(r, len(result.flagged))]
    for question, option in result.flagged:
        # The explanation stands alone; without one, the question and the answer given.
        why = r.text(option.explain) or f"{r.text(question.text)} {r.text(option.label)}"
        parts.append(f"⚠ {why}")
    return Reply("\n\n".join(p for p in parts if p), r.action_rows(actions))


def worst_case(flow: Flow, level: FlowLevel, language: str) -> Result:
    """A result at `level` with every question answered by its longest warning answer in
    `language`: the longest that level's screens can be (what `content check` measures)."""
    flagged = []
    for question in flow.questions:
        warnings = [o for o in question.options if o.score > 0 or o.strong]
        if warnings:
            longest = max(warnings, key=lambda o: len(o.explain.get(language) if o.explain
                                                      else question.text.get(language)))
            flagged.append((question, longest))
    return Result(level.min_score, level, flagged)


def strong_indicators(flow: Flow, answers: dict[str, str]) -> list[str]:
    """The facts indicator ids of the strong answers given."""
    return [q.indicator for q, o in answered(flow, answers) if o.strong]


def summary(flow: Flow, answers: dict[str, str], language: str = "ru") -> tuple[str, ...]:
    """Short lines for an operator: indicator id and the chosen answer in the operators'
    language (the alert carries the person's own language separately); "(!)" marks a warning."""
    return tuple(
        f"{q.indicator} {q.id}: {o.label.get(language)}"
        + (" (!)" if o.score > 0 or o.strong else "")
        for q, o in answered(flow, answers)
    )
