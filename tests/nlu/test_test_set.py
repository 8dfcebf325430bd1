"""nlu/tests/test_nlu.yml, the file both models are measured on, is held out and complete."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

from bot.config import REPO_ROOT, NLUSettings
from bot.nlu.base import ALL_INTENTS, LANGUAGES
from bot.nlu.data import load_examples

TEST_FILE = REPO_ROOT / "nlu" / "tests" / "test_nlu.yml"


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def test_test_file_is_merged_from_its_parts() -> None:
    merge = REPO_ROOT / "scripts" / "merge-nlu-tests.py"
    done = subprocess.run([sys.executable, str(merge), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_no_test_utterance_is_in_the_training_data() -> None:
    training = {_key(e.text) for e in load_examples(NLUSettings().data_dir)}
    leaked = [e.text for e in load_examples(TEST_FILE) if _key(e.text) in training]
    assert not leaked, f"{len(leaked)} test utterances are also training data: {leaked[:10]}"


def test_every_intent_has_five_examples_per_language_and_translit_exists() -> None:
    examples = load_examples(Path(TEST_FILE))
    counts = Counter((e.intent, e.language) for e in examples)
    short = [(i, lang, counts[i, lang]) for i in sorted(ALL_INTENTS) for lang in LANGUAGES
             if counts[i, lang] < 5]  # fmt: skip
    assert not short, short
    assert sum(e.translit for e in examples) >= 20
