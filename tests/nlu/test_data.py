"""Reading Rasa NLU YAML training and test files."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.config import REPO_ROOT
from bot.nlu import data
from bot.nlu.data import Example, NLUDataError, load_examples

DATA = Path(__file__).resolve().parents[1] / "data"

YAML = """version: "3.1"
nlu:
- intent: risk_documents_withheld
  metadata:
    language: ru
    translit: true
  examples: |
    - u menya zabrali [pasport](document)
- intent: greet
  examples: |
    - прывітанне
    - привет
- synonym: passport
  examples: |
    - pasport
- intent: goodbye_thanks
  examples:
  - text: thanks a lot
    metadata: {language: en}
"""


def test_reads_blocks_metadata_and_strips_entities(tmp_path: Path) -> None:
    folder = tmp_path / "be"
    folder.mkdir()
    (folder / "nlu.yml").write_text(YAML, encoding="utf-8")
    (tmp_path / "domain.yml").write_text("version: '3.1'\nintents: [greet]\n", encoding="utf-8")
    assert load_examples(tmp_path) == [
        Example("u menya zabrali pasport", "risk_documents_withheld", "ru", True),
        # No block metadata: the folder name gives the language.
        Example("прывітанне", "greet", "be", False),
        Example("привет", "greet", "be", False),
        Example("thanks a lot", "goodbye_thanks", "en", False),
    ]


def test_without_metadata_or_language_folder_the_language_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "test_nlu.yml"
    path.write_text("nlu:\n- intent: greet\n  examples: |\n    - privet\n    - hello there\n",
                    encoding="utf-8")  # fmt: skip
    assert load_examples(path) == [
        Example("privet", "greet", "ru", True),
        Example("hello there", "greet", "en", False),
    ]


def test_a_broken_file_is_reported_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "bad.yml"
    path.write_text("nlu:\n- intent: greet\n  examples: |\n    hello\n", encoding="utf-8")
    with pytest.raises(NLUDataError, match=r"bad\.yml"):
        load_examples(path)


def test_libyaml_reads_every_training_and_test_file_as_the_python_reader_did(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # libyaml saves most of a second of every start-up; the examples (so the model trained on
    # them and every intent it gives) must be the very ones the pure-Python reader gave.
    paths = [REPO_ROOT / "nlu" / "data", *sorted(DATA.glob("nlu_heldout*.yml"))]
    fast = [load_examples(path) for path in paths]
    monkeypatch.setattr(data, "_FAST_LOADER", yaml.SafeLoader)
    assert fast == [load_examples(path) for path in paths]
    assert len(fast[0]) > 5000 and all(fast)
