"""A model's cache key changes with anything its training reads: its input files or rules, the
code, the libraries; and with nothing else (the same inputs elsewhere, a file touched)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.content.models import AdCheck
from bot.core.admodel_cache import ad_model_key
from bot.modelcache import model_key, source_digest
from bot.modelcache.key import PACKAGE
from bot.nlu.embedded_cache import nlu_key
from tests.helpers.engine import shared_content

NLU = """version: "3.1"
nlu:
- intent: greet
  examples: |
    - привет
- intent: risk_documents_withheld
  examples: |
    - у меня забрали паспорт
"""


def data_dir(root: Path) -> Path:
    (root / "ru").mkdir(parents=True)
    (root / "ru" / "a.yml").write_text(NLU, encoding="utf-8")
    (root / "ru" / "b.yml").write_text(NLU.replace("привет", "добрый день"), encoding="utf-8")
    return root


def test_an_nlu_data_file_changed_changes_the_key(tmp_path: Path) -> None:
    data = data_dir(tmp_path / "data")
    key = nlu_key(data)
    assert nlu_key(data_dir(tmp_path / "elsewhere")) == key  # where the checkout is: the same
    (data / "ru" / "a.yml").touch()
    assert nlu_key(data) == key
    edited = NLU.replace("у меня забрали паспорт", "у меня забрали паспорт и телефон")
    (data / "ru" / "a.yml").write_text(edited, encoding="utf-8")
    assert nlu_key(data) != key
    (data / "ru" / "a.yml").write_text(NLU, encoding="utf-8")
    assert nlu_key(data) == key
    (data / "ru" / "b.yml").rename(data / "ru" / "c.yml")  # read in another order
    assert nlu_key(data) != key
    (data / "ru" / "c.yml").unlink()
    assert nlu_key(data) != key


def test_the_ad_rules_changed_change_the_key() -> None:
    rules = shared_content().content.ad_check
    assert isinstance(rules, AdCheck)
    key = ad_model_key(rules)
    assert ad_model_key(rules.model_copy(deep=True)) == key
    sentence = rules.training[0]
    relabelled = sentence.model_copy(update={"text": sentence.text + " срочно"})
    assert ad_model_key(rules.model_copy(update={"training": [relabelled, *rules.training[1:]]})) \
        != key
    flag = rules.flags[0]
    fewer = flag.model_copy(update={"examples": {}})
    assert ad_model_key(rules.model_copy(update={"flags": [fewer, *rules.flags[1:]]})) != key
    assert ad_model_key(rules, c=1.0) != key


def test_the_code_and_the_model_name_are_in_the_key(tmp_path: Path) -> None:
    package = tmp_path / "bot"
    shutil.copytree(PACKAGE / "modelcache", package / "modelcache")
    digest = source_digest(package)
    key = model_key("nlu", [b"data"], package=package)
    assert model_key("adcheck", [b"data"], package=package) != key
    assert model_key("nlu", [b"other data"], package=package) != key
    assert model_key("nlu", [b"da", b"ta"], package=package) != key
    (package / "modelcache" / "__pycache__").mkdir(exist_ok=True)
    (package / "modelcache" / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"\0")
    assert source_digest(package) == digest  # byte-code is not source
    source = package / "modelcache" / "key.py"
    source.write_text(source.read_text() + "\n# one more line\n")
    assert source_digest(package) != digest
    assert model_key("nlu", [b"data"], package=package) != key


def test_another_version_of_a_library_changes_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    key = model_key("nlu", [b"data"])
    monkeypatch.setattr("bot.modelcache.key.version", lambda name: "99.0")  # an upgrade
    assert model_key("nlu", [b"data"]) != key
