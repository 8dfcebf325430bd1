"""A hotline's shown `note:` is words a person can act on, never an editor's remark about
sources or checks (adflow17: "the member list is out of date", "the link is the Slovakia
page" were shown under "Help from any country"). Remarks go in `editor_note:`."""

from __future__ import annotations

from pathlib import Path

from bot.content.loader import check_content
from bot.core.adcheckers import AdCheckers
from tests.content.conftest import REAL_CONTENT, replace_once

# The tester's two notes as they were shown, in each language.
OLD_NOTES = {
    "intl-la-strada-international": {
        "ru": "Список членов устарел (в нём ещё есть ликвидированная организация из Беларуси).",
        "be": "Спіс членаў састарэў (у ім яшчэ ёсць ліквідаваная арганізацыя з Беларусі).",
        "en": "The member list is out of date (it still names a liquidated Belarusian "
              "organisation).",
    },
    "intl-eu-national-hotlines": {
        "ru": "Ссылка ведёт на страницу Словакии; страницы других стран ЕС — в том же разделе.",
        "be": "Спасылка вядзе на старонку Славакіі; старонкі іншых краін ЕС — у тым жа раздзеле.",
        "en": "The link is the Slovakia page; other EU countries have pages in the same section.",
    },
}


def _remarks(directory: Path, ad_checkers: AdCheckers) -> list[str]:
    _, problems = check_content(directory, ad_checkers=ad_checkers)
    return [str(p) for p in problems if "editor's remark" in p.message]


def _note_line(path: Path, entry: str, language: str) -> tuple[int, str]:
    """The line of `entry`'s shown note in `language`, and its text as written."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index(f"  - id: {entry}")
    note = next(i for i in range(start, len(lines)) if lines[i] == "    note:")
    at = next(i for i in range(note, len(lines)) if lines[i].startswith(f"      {language}: "))
    return at + 1, lines[at].split(": ", 1)[1]


def test_the_repository_shows_no_editors_remark_in_a_note(ad_checkers: AdCheckers) -> None:
    assert _remarks(REAL_CONTENT, ad_checkers) == []


def test_the_testers_notes_are_flagged_in_every_language(
    content_dir: Path, ad_checkers: AdCheckers,
) -> None:
    path = content_dir / "hotlines.yaml"
    expected = []
    for entry, notes in OLD_NOTES.items():
        for language, old in notes.items():
            line, shown = _note_line(path, entry, language)
            replace_once(path, f"      {language}: {shown}", f'      {language}: "{old}"')
            expected.append(f"hotlines.yaml:{line}: warning: note ({language})")
    remarks = _remarks(content_dir, ad_checkers)
    assert all(any(e in r for r in remarks) for e in expected), remarks
    assert len(remarks) == len(expected)  # the editor_note's sources are never flagged
