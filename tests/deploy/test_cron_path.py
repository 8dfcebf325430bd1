"""Every crontab the docs give finds its programs on the PATH cron gives it: the erasure
list's /etc/cron.d line called runuser (/usr/sbin) on cron's default PATH /usr/bin:/bin and
failed every 15 minutes without a word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.deploy.cron_check import cron_problems, job_programs

ROOT = Path(__file__).resolve().parents[2]
CRONTAB = re.compile(r"^[ \t]*```crontab\n(.*?)^[ \t]*```", re.M | re.S)


def crontabs() -> list[tuple[str, str, bool]]:
    """(where, text, system) for every ```crontab block of the docs and every cron file of
    deploy/; `system`: the prose before the block (since its heading) installs it in
    /etc/cron.d, whose lines name a user after the schedule."""
    found = []
    for doc in sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md"),
                       *(ROOT / "deploy").rglob("*.md")]):
        text = doc.read_text()
        for number, match in enumerate(CRONTAB.finditer(text)):
            before = text[:match.start()]
            since_heading = before[before.rfind("\n#"):]
            found.append((f"{doc.relative_to(ROOT)} #{number}", match[1],
                          "/etc/cron.d/" in since_heading))
    for cron in sorted((ROOT / "deploy").rglob("*cron*")):
        if cron.is_file():
            found.append((str(cron.relative_to(ROOT)), cron.read_text(), True))
    return found


def test_the_docs_give_both_kinds_of_crontab() -> None:
    kinds = {system for _, _, system in crontabs()}
    assert kinds == {True, False}


@pytest.mark.parametrize(("where", "text", "system"), crontabs(),
                         ids=[where for where, _, _ in crontabs()])
def test_every_cron_job_finds_its_programs(where: str, text: str, system: bool) -> None:
    assert cron_problems(text, system) == []


def test_the_check_catches_a_program_off_crons_default_path() -> None:
    line = "*/15 * * * * root journalctl -u x | runuser -u smbot -- /opt/x/list.sh record f\n"
    assert job_programs(line.split(" root ", 1)[1]) == ["journalctl", "runuser"]
    assert [problem.split(":")[0] for problem in cron_problems(line, system=True)] == [
        "runuser is in /usr/sbin, not on this file's PATH /usr/bin"]
    assert cron_problems("PATH=/usr/sbin:/usr/bin:/bin\n" + line, system=True) == []
    assert cron_problems("* * * * * cd /x && frobnicate\n", system=False) == [
        "frobnicate: add where Debian 12 installs it to DEBIAN_PLACES"]
    # a program inside $(...) runs in cron's shell too; one in a quoted bash -c string does not
    assert job_programs("docker compose exec redis bash -c 'runuser x' $(runuser y)") == [
        "docker", "runuser"]
