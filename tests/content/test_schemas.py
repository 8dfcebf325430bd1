"""The JSON Schemas editors' tools use match the models, and every content file names its own."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pytest

from bot.content.schemas import KINDS, SCHEMA_DIR, main, schema_text
from tests.content.conftest import REAL_CONTENT


def test_committed_schemas_match_the_models() -> None:
    for kind in KINDS:
        committed = (SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8")
        assert committed == schema_text(kind), f"run `python -m bot content schemas` ({kind})"
    assert main(argparse.Namespace(check=True, out=None)) == 0


def test_a_stale_schema_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argparse.Namespace(check=False, out=tmp_path)) == 0
    (tmp_path / "hotlines.schema.json").write_text("{}", encoding="utf-8")
    assert main(argparse.Namespace(check=True, out=tmp_path)) == 1
    assert "hotlines.schema.json: error: out of date" in capsys.readouterr().out


def test_every_content_file_names_its_schema() -> None:
    files = [*REAL_CONTENT.glob("*.yaml"), *REAL_CONTENT.glob("*/*.yml"),
             *REAL_CONTENT.glob("*/*.yaml")]
    assert any(path.parent.name == "ad_flags" for path in files)
    assert len(files) >= 8
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        found = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert found, f"{path}: first line must name its schema"
        schema = (path.parent / found.group(1)).resolve()
        assert schema.is_file(), f"{path}: {schema} does not exist"


def test_the_schema_rejects_what_the_loader_rejects() -> None:
    hotlines = json.loads(schema_text("hotlines"))
    hotline = hotlines["$defs"]["Hotline"]
    assert hotline["additionalProperties"] is False  # a typo such as "phnoes:" is underlined
    assert hotline["properties"]["last_checked"]["format"] == "date"
    assert set(hotline["required"]) >= {"id", "country", "kind", "name", "source"}
