"""`python -m bot nlu parse|eval|cv`: classify utterances, evaluate backends, cross-validate."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.config import Settings, load_settings
from bot.content.models import DangerPhrase, TriageFrames, TriageWords
from bot.core.adcheckers import AdCheckers
from bot.core.danger_phrases import DangerPhraseMatcher
from bot.core.long_message import part_risk
from bot.core.triage import Triage, TriageDecision, fragments_of, let_offs_of
from bot.modelcache import ModelCache, model_cache_at
from bot.nlu.base import IntentRecognizer, IntentResult
from bot.nlu.data import Example, load_examples
from bot.nlu.embedded_cache import trained_recognizer
from bot.nlu.evaluate import (
    Outcome,
    cross_validate,
    format_confusions,
    format_table,
    missed_risk,
    threshold_sweep,
    write_report,
)
from bot.nlu.language import detect_language

RecognizerFactory = Callable[[Settings], IntentRecognizer]
SWEEP = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6)


def _embedded(settings: Settings) -> IntentRecognizer:
    return trained_recognizer(settings.nlu.data_dir, model_cache_at(settings.bot.model_cache_dir))


def _rasa(settings: Settings) -> IntentRecognizer:
    from bot.nlu.rasa import from_settings  # httpx and the client only when asked for

    return from_settings(settings)


FACTORIES: dict[str, RecognizerFactory] = {"local": _embedded, "embedded": _embedded, "rasa": _rasa}


def load_danger_phrases(
    content_dir: Path, cache: ModelCache | None = None
) -> dict[str, list[DangerPhrase]]:
    """The danger phrases from content/, through the content loader when content is valid;
    `cache`: where the content check's ad model is read from (BOT_MODEL_CACHE_DIR)."""
    from bot.content.loader import load_content
    from bot.content.reader import read_danger_phrases_file

    try:
        return load_content(content_dir, ad_checkers=AdCheckers(cache=cache)).danger_phrases
    except Exception as exc:  # content elsewhere broken: triage still needs these
        print(f"warning: content not loaded ({type(exc).__name__}); reading danger_phrases.yaml",
              file=sys.stderr)  # fmt: skip
    return read_danger_phrases_file(content_dir / "danger_phrases.yaml")


def load_triage_words(content_dir: Path) -> TriageWords | None:
    """content/triage_words.yaml, read alone (None, with a warning, when it has a problem)."""
    from bot.content.triage_words import FILE_NAME, read_triage_words

    words, problems = read_triage_words(content_dir / FILE_NAME)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    return words


def load_triage_frames(content_dir: Path) -> TriageFrames | None:
    """content/triage_frames.yaml, read alone (None, with a warning, when it has a problem)."""
    from bot.content.triage_frames import FILE_NAME, read_triage_frames

    frames, problems = read_triage_frames(content_dir / FILE_NAME)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    return frames


def build_triage(settings: Settings, *, phrases: bool = True) -> Triage:
    """Triage with the real danger phrases (or none, to measure the classifier alone), the
    short-message words of content/triage_words.yaml and the let-off words of
    content/triage_frames.yaml."""
    content_dir = settings.bot.content_dir
    cache = model_cache_at(settings.bot.model_cache_dir)
    found = load_danger_phrases(content_dir, cache) if phrases else {}
    words = load_triage_words(content_dir)
    let_offs = let_offs_of(words, load_triage_frames(content_dir))
    return Triage(
        DangerPhraseMatcher(found, let_offs),
        settings.nlu.risk_threshold,
        fragments_of(words),
        let_offs,
    )


def _utterances(args: argparse.Namespace) -> list[str]:
    if args.text:  # each argument is one utterance (quote multi-word ones)
        return list(args.text)
    return [line.strip() for line in sys.stdin if line.strip()]


async def _assessed(
    recognizer: IntentRecognizer, triage: Triage, text: str, result: IntentResult
) -> TriageDecision:
    """Triage as the bot runs it: the whole message, then a long one part by part."""
    decision = triage.assess(text, result)
    if not decision.at_risk:
        by_part = await part_risk(text, result, recognizer.parse, triage)
        if isinstance(by_part, TriageDecision):
            return by_part
    return decision


async def _parse_all(recognizer: IntentRecognizer, triage: Triage, texts: Sequence[str]) -> None:
    try:
        for text in texts:
            result = await recognizer.parse(text)
            decision = await _assessed(recognizer, triage, text, result)
            row = {
                "text": text,
                "language": detect_language(text),
                "intent": result.intent,
                "confidence": round(result.confidence, 4),
                "at_risk": decision.at_risk,
            }
            print(json.dumps(row, ensure_ascii=False), flush=True)
    finally:
        await recognizer.aclose()


def parse_main(args: argparse.Namespace) -> int:
    """`nlu parse [TEXT ...]`: one JSON line per utterance, from the arguments or stdin."""
    settings = load_settings()
    backend = args.backend or settings.nlu.backend
    recognizer = FACTORIES[backend](settings)
    asyncio.run(_parse_all(recognizer, build_triage(settings), _utterances(args)))
    return 0


async def _outcomes(
    recognizer: IntentRecognizer, triage: Triage, examples: Sequence[Example]
) -> list[Outcome]:
    outcomes: list[Outcome] = []
    try:
        for example in examples:
            result: IntentResult = await recognizer.parse(example.text)
            decision = await _assessed(recognizer, triage, example.text, result)
            outcomes.append((example, result, decision))
    finally:
        await recognizer.aclose()
    return outcomes


def eval_main(args: argparse.Namespace) -> int:
    """`nlu eval FILE [--backend local|rasa|both] [--report DIR]` on the same utterances."""
    settings = load_settings()
    examples = load_examples(Path(args.file))
    if not examples:
        print(f"no labelled utterances in {args.file}", file=sys.stderr)
        return 1
    names = ["local", "rasa"] if args.backend == "both" else [args.backend]
    triage = build_triage(settings)
    named = {name: asyncio.run(_outcomes(FACTORIES[name](settings), triage, examples))
             for name in names}  # fmt: skip
    print(f"{len(examples)} utterances from {args.file}; risk threshold "
          f"{settings.nlu.risk_threshold}\n")  # fmt: skip
    print(format_table(named))
    for name, outcomes in named.items():
        print(f"\n{name}: most frequent confusions\n{format_confusions(outcomes, top=10)}")
        print(f"{name}: risk utterances not flagged: {len(missed_risk(outcomes))}")
    if args.report:
        notes = [f"File: `{args.file}` ({len(examples)} utterances). "
                 f"Risk threshold {settings.nlu.risk_threshold}, danger phrases on."]  # fmt: skip
        for path in write_report(args.report, "NLU evaluation", named, notes):
            print(f"wrote {path}")
    return 0


def lines_outside(data_dir: Path, names: set[str]) -> set[tuple[str, str]]:
    """(text, intent) of the training lines in files not named one of `names`."""
    files = sorted(p for p in data_dir.rglob("*") if p.suffix in (".yml", ".yaml"))
    return {(e.text, e.intent) for f in files if f.name not in names for e in load_examples(f)}


def cv_main(args: argparse.Namespace) -> int:
    """`nlu cv [--folds N] [--seed S] [--older-than FILE]`: held-out metrics of the embedded
    model on its own training data."""
    settings = load_settings()
    examples = load_examples(settings.nlu.data_dir)
    triages = {
        "model": build_triage(settings, phrases=False),
        "model+phrases": build_triage(settings),
    }
    named = cross_validate(examples, triages, folds=args.folds, seed=args.seed)
    print(f"{args.folds}-fold cross-validation on {len(examples)} utterances from "
          f"{settings.nlu.data_dir}; risk threshold {settings.nlu.risk_threshold}\n")  # fmt: skip
    print(format_table(named))
    if args.older_than:
        older = lines_outside(settings.nlu.data_dir, set(args.older_than))
        scored = {name: [o for o in outcomes if (o[0].text, o[0].intent) in older]
                  for name, outcomes in named.items()}  # fmt: skip
        print(
            f"\nthe same, scored on the {len(scored['model'])} lines outside "
            f"{', '.join(sorted(args.older_than))} (trained on all)\n{format_table(scored)}"
        )
    print(f"\nmost frequent confusions\n{format_confusions(named['model'], top=15)}")
    for name, outcomes in named.items():
        print(f"\nthreshold sweep ({name}): threshold, at-risk recall, false-alarm rate")
        for threshold, recall, false_alarm in threshold_sweep(outcomes, SWEEP):
            print(f"  {threshold:.2f}  {recall:.3f}  {false_alarm:.3f}")
    return 0
