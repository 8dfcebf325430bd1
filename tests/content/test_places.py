"""content/places.yaml: `content check` refuses a name that would lead to a wrong country, at
its file and line; the real file passes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.content.models import Country
from bot.content.place_names import read_places
from tests.content.conftest import REAL_CONTENT


@pytest.fixture(scope="module")
def countries() -> dict[str, Country]:
    data = yaml.safe_load((REAL_CONTENT / "countries.yaml").read_text(encoding="utf-8"))
    return {c["id"]: Country.model_validate(c) for c in data["countries"]}


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "places.yaml"
    path.write_text("places:\n" + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(("body", "message", "line"), [
    ('  cities:\n    "PL":\n      - "Kraków, Краков"\n    "SK":\n      - "Краков"\n',
     "'Краков' is also in PL", 6),
    ('  cities:\n    "FR":\n      - "Paris, Варшава"\n', "'Варшава' is also in PL", 4),
    ('  never: ["Brest"]\n  editors:\n    cities:\n      "FR":\n        - "Brest"\n',
     "'Brest' is listed under `never:`", 6),
    ('  cities:\n    "PL":\n      - "Kraków,, Краков"\n', "separated by one comma", 4),
    ('  cities:\n    "pl":\n      - "Kraków"\n', "pl", 3),
])
def test_a_name_that_could_lead_to_a_wrong_country_is_refused(
    tmp_path: Path, countries: dict[str, Country], body: str, message: str, line: int
) -> None:
    _, problems = read_places(_write(tmp_path, body), countries)
    errors = [p for p in problems if p.severity == "error"]
    assert any(message in p.message and p.line == line for p in errors), problems


def test_a_name_of_its_own_country_and_the_real_file_pass(
    tmp_path: Path, countries: dict[str, Country]
) -> None:
    body = '  cities:\n    "PL":\n      - "Warsaw, Kraków"\n'  # "warsaw" is also PL's alias
    places, problems = read_places(_write(tmp_path, body), countries)
    assert places is not None and problems == []
    real, problems = read_places(REAL_CONTENT / "places.yaml", countries)
    assert real is not None and problems == []
