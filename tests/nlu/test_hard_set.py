"""nlu/tests/hard/test_nlu_hard.yml: the held-out set of messages as people write them."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

from bot.config import REPO_ROOT, NLUSettings
from bot.nlu.base import RISK_INTENTS
from bot.nlu.data import load_examples
from bot.nlu.evaluate import KINDS

HARD_FILE = REPO_ROOT / "nlu" / "tests" / "hard" / "test_nlu_hard.yml"


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def test_no_hard_line_is_training_data() -> None:
    training = {_key(e.text) for e in load_examples(NLUSettings().data_dir)}
    leaked = [e.text for e in load_examples(HARD_FILE) if _key(e.text) in training]
    assert not leaked, leaked[:10]


def test_every_line_has_a_kind_and_every_kind_and_language_is_there() -> None:
    examples = load_examples(HARD_FILE)
    assert len(examples) >= 300
    assert {e.kind for e in examples} == set(KINDS)
    assert {e.language for e in examples} == {"ru", "be", "en"}
    assert sum(e.translit for e in examples) >= 30
    risky = Counter(e.kind for e in examples if e.intent in RISK_INTENTS)
    # negated real risk and look-alikes both sides of the line
    assert risky["negation"] >= 10 and risky["short"] >= 10 and risky["layout"] >= 5
    assert sum(e.kind == "hard_negative" and e.intent not in RISK_INTENTS for e in examples) >= 30


def test_nlu_eval_prints_figures_per_kind_and_language_id() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "nlu", "eval", str(HARD_FILE)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO_ROOT,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "language-id" in done.stdout
    for group in ("| all |", "| translit |", *(f"| kind:{kind} |" for kind in KINDS)):
        assert group in done.stdout, group
