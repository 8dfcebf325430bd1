"""Intent and triage metrics, overall and per language; cross-validation of the embedded model."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from bot.core.triage import Triage, TriageDecision
from bot.nlu.base import RISK_INTENTS, IntentResult
from bot.nlu.data import Example
from bot.nlu.embedded import EmbeddedRecognizer
from bot.nlu.language import detect_language

Outcome = tuple[Example, IntentResult, TriageDecision]


@dataclass(frozen=True, slots=True)
class Metrics:
    """The figures for one set of utterances."""

    n: int
    accuracy: float
    macro_f1: float
    risk_n: int  # utterances whose gold intent is a risk intent
    at_risk_recall: float  # share of those with at_risk true
    rest_n: int
    false_alarm_rate: float  # share of the rest with at_risk true
    language_id: float  # share whose detected language (no client hint) is the labelled one


def _share(flags: Sequence[bool]) -> float:
    return sum(flags) / len(flags) if flags else float("nan")


def compute(outcomes: Sequence[Outcome]) -> Metrics:
    """Accuracy, macro-F1, at-risk recall and false-alarm rate of `outcomes`."""
    gold = [e.intent for e, _, _ in outcomes]
    predicted = [r.intent for _, r, _ in outcomes]
    risky = [d.at_risk for e, _, d in outcomes if e.intent in RISK_INTENTS]
    rest = [d.at_risk for e, _, d in outcomes if e.intent not in RISK_INTENTS]
    macro = (
        float(f1_score(gold, predicted, labels=sorted(set(gold)), average="macro", zero_division=0))
        if gold
        else float("nan")
    )
    return Metrics(
        n=len(outcomes),
        accuracy=_share([g == p for g, p in zip(gold, predicted, strict=True)]),
        macro_f1=macro,
        risk_n=len(risky),
        at_risk_recall=_share(risky),
        rest_n=len(rest),
        false_alarm_rate=_share(rest),
        language_id=_share([detect_language(e.text) == e.language for e, _, _ in outcomes]),
    )


def by_group(outcomes: Sequence[Outcome]) -> dict[str, Metrics]:
    """Metrics overall, per language, and for transliterated text."""
    groups: dict[str, list[Outcome]] = {"all": list(outcomes)}
    for outcome in outcomes:
        example = outcome[0]
        groups.setdefault(example.language, []).append(outcome)
        if example.translit:
            groups.setdefault("translit", []).append(outcome)
    order = ["all", "ru", "be", "en", "translit"]
    return {name: compute(groups[name]) for name in order if name in groups}


KINDS = ("story", "third_person", "negation", "hard_negative", "typo", "layout", "short",
         "mixed", "plain")  # fmt: skip


def by_kind(outcomes: Sequence[Outcome]) -> dict[str, Metrics]:
    """Metrics per kind of message (held-out sets tag each line: story, negation, ...)."""
    groups: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        if outcome[0].kind:
            groups.setdefault(outcome[0].kind, []).append(outcome)
    order = [kind for kind in KINDS if kind in groups] + sorted(set(groups) - set(KINDS))
    return {kind: compute(groups[kind]) for kind in order}


def confusions(outcomes: Sequence[Outcome]) -> Counter[tuple[str, str]]:
    """How often each (gold, predicted) pair of different intents occurs."""
    return Counter((e.intent, r.intent) for e, r, _ in outcomes if e.intent != r.intent)


def confusion_matrix(outcomes: Sequence[Outcome]) -> tuple[list[str], list[list[int]]]:
    """Intent labels (gold and predicted) and counts[gold][predicted]."""
    labels = sorted({e.intent for e, _, _ in outcomes} | {r.intent for _, r, _ in outcomes})
    index = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for example, result, _ in outcomes:
        matrix[index[example.intent]][index[result.intent]] += 1
    return labels, matrix


def missed_risk(outcomes: Sequence[Outcome]) -> list[Outcome]:
    """Risk utterances that triage did not flag: the errors that cost most."""
    return [o for o in outcomes if o[0].intent in RISK_INTENTS and not o[2].at_risk]


def threshold_sweep(
    outcomes: Sequence[Outcome], thresholds: Sequence[float]
) -> list[tuple[float, float, float]]:
    """(threshold, at-risk recall, false-alarm rate) if the model's threshold were each value."""
    rows = []
    for threshold in thresholds:
        flagged = [(e.intent in RISK_INTENTS, d.by_phrase or d.risk_score >= threshold)
                   for e, _, d in outcomes]  # fmt: skip
        recall = _share([f for risk, f in flagged if risk])
        false_alarm = _share([f for risk, f in flagged if not risk])
        rows.append((threshold, recall, false_alarm))
    return rows


def _strata(examples: Sequence[Example], folds: int) -> list[str]:
    # Stratify by intent and language so every fold sees every language; fall back to intent
    # alone when some language has fewer examples of an intent than there are folds.
    fine = [f"{e.intent}|{e.group}" for e in examples]
    if min(Counter(fine).values()) >= folds:
        return fine
    return [e.intent for e in examples]


def cross_validate(
    examples: Sequence[Example],
    triages: dict[str, Triage],
    folds: int = 5,
    seed: int = 0,
    train: Callable[[Sequence[Example]], EmbeddedRecognizer] = EmbeddedRecognizer.train,
) -> dict[str, list[Outcome]]:
    """Held-out outcomes of every example, under each named triage (e.g. with/without phrases)."""
    strata = _strata(examples, folds)
    if min(Counter(e.intent for e in examples).values()) < folds:
        raise ValueError(f"every intent needs at least {folds} examples for {folds}-fold CV")
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    results: list[tuple[int, IntentResult]] = []
    for train_idx, test_idx in splitter.split(list(range(len(examples))), strata):
        recognizer = train([examples[i] for i in train_idx])
        held_out = [examples[i] for i in test_idx]
        parsed = recognizer.parse_many([e.text for e in held_out])
        results += list(zip(test_idx.tolist(), parsed, strict=True))
    results.sort(key=lambda pair: pair[0])
    return {
        name: [(examples[i], r, triage.assess(examples[i].text, r)) for i, r in results]
        for name, triage in triages.items()
    }


def format_table(named: Mapping[str, Sequence[Outcome]]) -> str:
    """A Markdown table of the metrics of each named run (e.g. backend), side by side."""
    header = (
        "| run | group | n | accuracy | macro-F1 | at-risk recall | false alarms | language-id |"
    )
    lines = [header, "|" + "---|" * 8]
    for name, outcomes in named.items():
        groups = by_group(outcomes) | {f"kind:{k}": m for k, m in by_kind(outcomes).items()}
        for group, m in groups.items():
            lines.append(
                f"| {name} | {group} | {m.n} | {m.accuracy:.3f} | {m.macro_f1:.3f} | "
                f"{m.at_risk_recall:.3f} (n={m.risk_n}) | {m.false_alarm_rate:.3f} (n={m.rest_n}) "
                f"| {m.language_id:.3f} |"
            )
    return "\n".join(lines)


def format_confusions(outcomes: Sequence[Outcome], top: int = 15) -> str:
    """The most frequent confusions as a Markdown table, with each gold intent's size."""
    sizes = Counter(e.intent for e, _, _ in outcomes)
    lines = ["| gold | predicted | count | share of gold |", "|---|---|---|---|"]
    for (gold, predicted), count in confusions(outcomes).most_common(top):
        lines.append(f"| {gold} | {predicted} | {count} | {count / sizes[gold]:.2f} |")
    return "\n".join(lines)


def plot_confusion(outcomes: Sequence[Outcome], path: str, title: str) -> None:
    """A row-normalised confusion heat map as PNG."""
    import matplotlib

    matplotlib.use("Agg")  # no display on servers and in CI
    import matplotlib.pyplot as plt
    import numpy as np

    labels, counts = confusion_matrix(outcomes)
    matrix = np.asarray(counts, dtype=float)
    rows = matrix.sum(axis=1, keepdims=True)
    shares = np.divide(matrix, rows, out=np.zeros_like(matrix), where=rows > 0)
    fig, ax = plt.subplots(figsize=(11, 9))
    image = ax.imshow(shares, cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(len(labels)), labels, rotation=90, fontsize=7)
    ax.set_yticks(range(len(labels)), labels, fontsize=7)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    ax.set_title(title)
    for (i, j), count in np.ndenumerate(matrix):
        if count:
            colour = "white" if shares[i, j] > 0.5 else "black"
            ax.text(j, i, str(int(count)), ha="center", va="center", fontsize=6, color=colour)
    fig.colorbar(image, ax=ax, fraction=0.04)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def write_report(
    directory: str, title: str, named: Mapping[str, Sequence[Outcome]], notes: Sequence[str] = ()
) -> list[str]:
    """report.md (tables per run) and confusion[-<run>].png in `directory`; the files written."""
    from pathlib import Path

    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    parts = [f"# {title}", "", *notes, "", "## Metrics", "", format_table(named), ""]
    written: list[str] = []
    for name, outcomes in named.items():
        png = "confusion.png" if len(named) == 1 else f"confusion-{name}.png"
        plot_confusion(outcomes, str(out / png), f"{title}: {name}")
        written.append(str(out / png))
        missed = missed_risk(outcomes)
        parts += [f"## {name}: most frequent confusions", "", format_confusions(outcomes), ""]
        parts += [f"![confusion {name}]({png})", ""]
        # Intents and groups only: the report may be shared, and utterances can be personal.
        by_intent = Counter((e.intent, e.group) for e, _, _ in missed)
        parts += [f"## {name}: risk utterances not flagged ({len(missed)})", ""]
        parts += [f"- {intent} ({group}): {n}" for (intent, group), n in by_intent.most_common()]
        parts.append("")
    (out / "report.md").write_text("\n".join(parts), encoding="utf-8")
    return [str(out / "report.md"), *written]
