"""Whether cron finds the programs of a crontab the docs give.

cron runs a job with `/bin/sh -c` and PATH=/usr/bin:/bin (crontab(5)) unless the file sets
PATH= itself; a program elsewhere (runuser and other admin tools live in /usr/sbin) is "not
found", and the job fails each time with nothing but a mail nobody may read. `cron_problems`
reads a crontab text (a file of /etc/cron.d, with the user after the schedule, or a user's
crontab), follows its PATH= lines, parses each job with bashlex the way sh splits it, and names
each program the job would start that is neither a path nor on that PATH.
"""

from __future__ import annotations

import re
from typing import Any

import bashlex

# crontab(5): the PATH cron gives a job when the file sets none.
CRON_DEFAULT_PATH = "/usr/bin:/bin"
# Where Debian 12 (the documented OS) installs the programs the docs' cron lines start. The
# test machine may lack some (docker, kubectl), so where they live is written down here; a
# new program in a cron line fails the test until its place is added.
DEBIAN_PLACES = {
    "journalctl": "/usr/bin", "runuser": "/usr/sbin", "docker": "/usr/bin",
    "rsync": "/usr/bin", "redis-cli": "/usr/bin", "kubectl": "/usr/local/bin",
    "bash": "/bin", "sh": "/bin", "find": "/usr/bin", "flock": "/usr/bin", "id": "/usr/bin",
}
# Shell builtins start no program.
BUILTINS = frozenset({"cd", "echo", "printf", "test", "[", "export", ":", "true", "false",
                      "exec", "set", "umask"})
SCHEDULE = re.compile(r"^(@\w+|(\S+\s+){4}\S+)\s+")


def _programs(node: Any, found: list[str]) -> None:
    """The first word of each simple command of cron's own shell, $(...) included (not those
    inside a quoted `bash -c '...'` string: they run where that program puts them, e.g. in a
    container)."""
    if node.kind == "command":
        words = [part.word for part in node.parts if part.kind == "word"]
        if words:
            found.append(words[0])
    for child in getattr(node, "parts", []) + getattr(node, "list", []):
        _programs(child, found)
    if getattr(node, "command", None) is not None:
        _programs(node.command, found)


def _merged(directory: str) -> str:
    """Debian 12's merged /usr: /bin is /usr/bin, /sbin is /usr/sbin."""
    return directory.removeprefix("/usr") if directory in ("/usr/bin", "/usr/sbin") else directory


def job_programs(command: str) -> list[str]:
    """The programs a cron job's command line starts, in order (`%` ends the command in cron:
    the docs use none)."""
    found: list[str] = []
    for tree in bashlex.parse(command):
        _programs(tree, found)
    return found


def cron_problems(text: str, system: bool) -> list[str]:
    """Each program of `text`'s jobs that cron would not find. `system`: the /etc/cron.d
    format, with a user name after the schedule."""
    path, problems = CRON_DEFAULT_PATH, []
    for line in text.replace("\\\n", " ").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        setting = re.match(r"^([A-Za-z_]\w*)\s*=\s*(.*)$", line)
        if setting:
            if setting[1] == "PATH":
                path = setting[2].strip("'\"")
            continue
        schedule = SCHEDULE.match(line)
        assert schedule, f"not a cron job or setting: {line}"
        command = line[schedule.end():]
        if system:
            user, _, command = command.partition(" ")
            assert re.fullmatch(r"[a-z_][a-z0-9_-]*", user), f"no user in: {line}"
        dirs = {_merged(directory) for directory in path.split(":")}
        for program in job_programs(command):
            if "/" in program or program in BUILTINS or re.fullmatch(r"\w+=.*", program):
                continue  # a path (absolute, or relative after the job's own cd)
            place = DEBIAN_PLACES.get(program)
            if place is None:
                problems.append(f"{program}: add where Debian 12 installs it to DEBIAN_PLACES")
            elif _merged(place) not in dirs:
                problems.append(f"{program} is in {place}, not on this file's PATH {path}: {line}")
    return problems
