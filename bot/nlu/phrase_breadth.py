"""The danger-phrase breadth check: a phrase that fires on held-out advice or service lines.

A danger phrase opens the emergency path whatever the classifier says, so a phrase that is too
broad (an editor adds `паспорт*`, and every "how do I renew my passport" gets the emergency
numbers) is a false alarm for many people. This check runs the bot's real matcher over the
held-out NLU lines that are not risk (`nlu/tests/`: advice and service intents) and returns one
warning per phrase that fires on any of them, naming the phrase and an example line.
`scripts/danger-phrase-coverage.py` prints the same finding with the coverage figures.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.content.models import DangerPhrase
from bot.content.problems import Problem
from bot.content.yamlfile import display_name
from bot.core.danger_phrases import DangerPhraseMatcher
from bot.core.triage import let_offs_of
from bot.nlu.base import RISK_INTENTS
from bot.nlu.data import Example, load_many
from bot.nlu.let_offs import LetOffs

EXAMPLE_CHARS = 80  # of the example line quoted in a warning


@dataclass(frozen=True, slots=True)
class BroadPhrase:
    """A danger phrase and the non-risk lines it fires on."""

    phrase: str
    indicator: str
    lines: tuple[Example, ...]


def broad_phrases(
    phrases: Mapping[str, Iterable[DangerPhrase]],
    utterances: Sequence[Example],
    let_offs: LetOffs | None = None,
) -> list[BroadPhrase]:
    """Every phrase that fires on a non-risk utterance, in the order of the phrases file;
    `let_offs`: the frames the matcher reads (`breadth_let_offs`), none by default."""
    matcher = DangerPhraseMatcher(phrases, let_offs)
    fired: dict[tuple[str, str], list[Example]] = {}
    for example in utterances:
        if example.intent in RISK_INTENTS:
            continue
        for match in matcher.find(example.text):
            fired.setdefault((match.phrase, match.indicator), []).append(example)
    order = [(p.phrase, p.indicator) for items in phrases.values() for p in items]
    return [
        BroadPhrase(phrase, indicator, tuple(fired[phrase, indicator]))
        for phrase, indicator in dict.fromkeys(order)
        if (phrase, indicator) in fired
    ]


def _phrase_lines(path: Path) -> dict[str, int]:
    """The 1-based line of each `phrase: "..."` in the danger-phrases file."""
    lines: dict[str, int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        _, found, rest = line.partition('phrase: "')
        if found:
            lines.setdefault(rest.partition('"')[0], number)
    return lines


def breadth_let_offs(frames_file: Path) -> LetOffs:
    """The let-off frames of content/triage_frames.yaml, read alone (none when it has a
    problem: the content check reports it). The joke frame is left out: a phrase that fires on
    an advice line unless it is laughed at is still too broad."""
    from bot.content.triage_frames import read_triage_frames

    frames, _ = read_triage_frames(frames_file)
    return let_offs_of(None, frames)


def breadth_problems(phrases_file: Path, utterance_paths: Sequence[Path]) -> list[Problem]:
    """Warnings for the phrases of `phrases_file` that fire on held-out non-risk lines.

    `utterance_paths` are Rasa NLU YAML files or directories (`nlu/tests`); missing ones are
    skipped (a production image has no test data), and so is an unreadable phrases file (the
    content check reports that already). The let-off lists of triage_frames.yaml beside the
    phrases file apply, as in the bot.
    """
    from bot.content.reader import read_danger_phrases_file
    from bot.content.triage_frames import FILE_NAME

    paths = [path for path in utterance_paths if path.exists()]
    if not paths or not phrases_file.is_file():
        return []
    try:
        phrases = read_danger_phrases_file(phrases_file)
    except Exception:  # broken YAML or shape: the content check's own errors say where
        return []
    where = _phrase_lines(phrases_file)
    problems = []
    let_offs = breadth_let_offs(phrases_file.parent / FILE_NAME)
    for broad in broad_phrases(phrases, load_many(paths), let_offs):
        example = broad.lines[0]
        text = example.text
        if len(text) > EXAMPLE_CHARS:
            text = text[:EXAMPLE_CHARS] + "…"
        problems.append(
            Problem(
                display_name(phrases_file),
                where.get(broad.phrase),
                "warning",
                f"danger phrase '{broad.phrase}' fires on {len(broad.lines)} held-out advice or "
                f"service line(s), e.g. [{example.intent}] '{text}': make it more specific",
            )
        )
    return problems
