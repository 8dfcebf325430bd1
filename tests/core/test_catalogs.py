"""Every UI string the code uses has a translation, so new strings cannot ship untranslated.

The msgids are re-extracted from the code (babel.cfg, as `pybabel extract` does) into a temporary
template, and each one must have a finished (non-empty, non-fuzzy) msgstr in every catalog, with
the same placeholders as its msgid. When this fails after adding a string: re-extract, update and
translate, then compile (README "UI strings"):

    pybabel -q extract --sort-output -c TRANSLATORS: -F babel.cfg -o locales/messages.pot .
    pybabel -q update --ignore-obsolete -i locales/messages.pot -d locales
    pybabel compile -d locales -D messages

The template itself (`locales/messages.pot`) must hold exactly the code's msgids too: a
translator or a tool that starts from it must not miss a string, nor translate a dead one.
"""

from __future__ import annotations

import gettext
import re
import string
import subprocess
import sys
from collections import Counter

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from bot.config import REPO_ROOT
from bot.i18n import LANGUAGES

LOCALES = REPO_ROOT / "locales"
THREE_FORMS = ("ru", "be")  # Russian and Belarusian: one / few / many

# %s, %d, %(name)s, %-5.2f, %% ... (no space flag: "50 % of" is prose, not a placeholder).
PERCENT = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[#0+-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?(?P<conv>[a-zA-Z%])"
)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """The msgids the code uses now, extracted with the project's babel.cfg."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run(
        [
            sys.executable, "-m", "babel.messages.frontend", "-q", "extract",
            "-F", "babel.cfg", "-o", str(pot), "-c", "TRANSLATORS:", ".",
        ],
        cwd=REPO_ROOT,
        check=True,
    )  # fmt: skip
    with pot.open("rb") as fh:
        catalog = read_po(fh)
    assert any(m.id for m in catalog), "extraction found no msgids: is babel.cfg right?"
    return catalog


def _catalog(lang: str) -> Catalog:
    with (LOCALES / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        return read_po(fh, locale=lang)


def _forms(message: Message) -> tuple[str, ...]:
    forms = message.string if isinstance(message.string, tuple | list) else (message.string,)
    return tuple(str(form or "") for form in forms)


def _ids(message: Message) -> tuple[str, ...]:
    ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
    return tuple(str(i) for i in ids)


def _placeholders(text: str) -> tuple[frozenset[str], Counter[str]]:
    """{fields} by name, and %-placeholders (named by name, positional by conversion)."""
    try:
        fields = frozenset(
            name.split(".")[0].split("[")[0]
            for _, name, _, _ in string.Formatter().parse(text)
            if name is not None
        )
    except ValueError:  # a lone brace: not a str.format template
        fields = frozenset({"<unbalanced brace>"})
    percent: Counter[str] = Counter()
    for match in PERCENT.finditer(text):
        if match["conv"] == "%":
            continue
        percent[f"%({match['name']})" if match["name"] is not None else f"%{match['conv']}"] += 1
    return fields, percent


def _keys(catalog: Catalog) -> set[tuple[tuple[str, ...], str | None]]:
    """Each entry as (its msgid and plural msgid, its context); the header left out."""
    return {(_ids(m), m.context) for m in catalog if m.id}


def test_the_template_holds_the_msgids_of_the_code(extracted: Catalog) -> None:
    with (LOCALES / "messages.pot").open("rb") as fh:
        template = read_po(fh)
    code, pot = _keys(extracted), _keys(template)
    lagging = [f"missing: {ids[0]!r}" for ids, _ in sorted(code - pot, key=str)]
    lagging += [f"no longer in the code: {ids[0]!r}" for ids, _ in sorted(pot - code, key=str)]
    assert lagging == [], "locales/messages.pot lags the code: re-extract (README \"UI " \
        "strings\"), then update the catalogs:\n" + "\n".join(lagging)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_catalog_holds_the_template_and_nothing_dead(lang: str) -> None:
    with (LOCALES / "messages.pot").open("rb") as fh:
        template = _keys(read_po(fh))
    catalog = _keys(_catalog(lang))
    problems = [f"missing: {ids[0]!r}" for ids, _ in sorted(template - catalog, key=str)]
    problems += [f"obsolete: {ids[0]!r}" for ids, _ in sorted(catalog - template, key=str)]
    assert problems == [], f"{lang}: pybabel update --ignore-obsolete, then translate:\n" + \
        "\n".join(problems)


def test_extraction_scans_only_the_bot_package(extracted: Catalog) -> None:
    outside = sorted(
        {path for m in extracted if m.id for path, _ in m.locations if not path.startswith("bot/")}
    )
    assert outside == [], f"babel.cfg scans files outside bot/: {outside}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_msgid_in_the_code_is_translated(extracted: Catalog, lang: str) -> None:
    catalog = _catalog(lang)
    problems = []
    for message in extracted:
        if not message.id:
            continue
        entry = catalog.get(message.id)
        where = ", ".join(f"{path}:{line}" for path, line in message.locations)
        if entry is None:
            problems.append(f"missing: {message.id!r} ({where})")
        elif entry.fuzzy:
            problems.append(f"fuzzy: {message.id!r} ({where})")
        elif isinstance(message.id, tuple) != isinstance(entry.id, tuple):
            problems.append(f"plural mismatch: {message.id!r} ({where})")
        elif not all(_forms(entry)):
            problems.append(f"untranslated: {message.id!r} ({where})")
        elif isinstance(entry.id, tuple) and len(_forms(entry)) != catalog.num_plurals:
            count = len(_forms(entry))
            problems.append(f"{count} plural forms, not {catalog.num_plurals}: {message.id!r}")
    assert problems == [], f"{lang}: re-extract, update and translate:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_survive_translation(extracted: Catalog, lang: str) -> None:
    catalog = _catalog(lang)
    problems = []
    for message in extracted:
        entry = catalog.get(message.id) if message.id else None
        if entry is None or not all(_forms(entry)):
            continue  # reported by the test above
        expected = [_placeholders(text) for text in _ids(message)]
        for form in _forms(entry):
            got = _placeholders(form)
            # A plural form must carry the placeholders of the singular or of the plural msgid.
            if got not in expected:
                problems.append(f"{message.id!r} -> {form!r}: {got} instead of {expected[-1]}")
    assert problems == [], f"{lang}: placeholders differ:\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", THREE_FORMS)
def test_three_plural_forms_in_the_right_order(lang: str) -> None:
    catalog = _catalog(lang)
    assert catalog.num_plurals == 3
    plural = gettext.c2py(catalog.plural_expr)
    assert [plural(n) for n in (1, 21, 101, 2, 3, 4, 22, 0, 5, 11, 12, 14, 111, 25)] == [
        0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2,
    ]  # fmt: skip


def test_placeholder_check_catches_mistakes() -> None:
    assert _placeholders("Question {n} of {total}") == _placeholders("Вопрос {total}: {n}")
    assert _placeholders("Question {n} of {total}") != _placeholders("Вопрос {n} из {всего}")
    assert _placeholders("Hi %(name)s, 100%% sure") != _placeholders("Привет, %(имя)s")
    assert _placeholders("%d of %s") != _placeholders("%s")
    assert _placeholders("{n} found") != _placeholders("{n found")
