"""Where a secret would show in `ps`: the command lines (argv) of processes.

Two ways to look, both used by tests/deploy/test_password_argv.py:
- `ArgvLog` runs real scripts with every program on PATH replaced by a shim that records its
  argv and then runs the real program, so each process a script starts is seen;
- `argv_problems` reads a shell command (a line of docs/DEPLOY.md, a Kubernetes job's `sh -c`)
  with bashlex, the way bash splits it, and names each word that a process would receive in
  its argv holding the password, a variable that holds it, or redis-cli's `-a`.
Shell builtins (printf, read, export, ...) start no process, and `NAME=value cmd` puts the
value in cmd's environment, which only its own user and root can read: neither is argv.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

import bashlex

# What docs/DEPLOY.md's placeholders for Redis's password become before a line is read.
PASSWORD = "SMB-TEST-PASSWORD"
# Variables that hold the password (REDIS_URL carries it in its user part), and Rasa's token,
# a secret of the same kind (whoever has it can replace Rasa's model).
SECRET_VARIABLES = frozenset({"REDISCLI_AUTH", "REDIS_PASSWORD", "REDIS_URL",
                              "REDIS_SENTINEL_PASSWORD", "RASA_TOKEN"})
BUILTINS = frozenset({"printf", "echo", "read", "export", "cd", "test", "[", "unset", "local",
                      ":", "set", "true", "false"})
SHELLS = frozenset({"sh", "bash"})
# redis-cli's options that take the password as their value.
PASSWORD_OPTIONS = frozenset({"-a", "--pass"})

SHIM = """#!/bin/sh
# Records this program's argv (one record, ended by the ASCII record separator, as an
# argument may hold newlines), then runs the real program of the same name.
name=${0##*/}
{ printf '%s' "$name"; for arg in "$@"; do printf ' %s' "$arg"; done; printf '\036'; } >>"$ARGV_LOG"
IFS=:
for dir in $ARGV_REAL_PATH; do
    if [ -f "$dir/$name" ] && [ -x "$dir/$name" ]; then exec "$dir/$name" "$@"; fi
done
echo "argv shim: no $name on $ARGV_REAL_PATH" >&2
exit 127
"""


class ArgvLog:
    """A PATH on which every program records its command line in `log` before it runs."""

    def __init__(self, place: Path, real_path: str) -> None:
        self.shims = place / "shims"
        self.shims.mkdir()
        self.log = place / "argv.log"
        self.log.touch()
        self.real_path = real_path
        shim = place / "shim.sh"
        shim.write_text(SHIM)
        shim.chmod(shim.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        for directory in real_path.split(":"):
            if not os.path.isdir(directory):
                continue
            for name in os.listdir(directory):
                link = self.shims / name
                if not link.exists() and os.access(os.path.join(directory, name), os.X_OK):
                    link.symlink_to(shim)

    def env(self, **extra: str) -> dict[str, str]:
        return {**os.environ, "PATH": str(self.shims), "ARGV_REAL_PATH": self.real_path,
                "ARGV_LOG": str(self.log), **extra}

    def lines(self) -> list[str]:
        """One per process: its program's name, then its arguments, space-separated."""
        return self.log.read_text().split("\036")[:-1]

    def holding(self, secret: str) -> list[str]:
        return [line for line in self.lines() if secret in line]


def _variables(word: Any) -> set[str]:
    """The variables a word expands ($NAME, ${NAME...}); single quotes expand none."""
    names = set()
    for part in getattr(word, "parts", []):
        if part.kind == "parameter":
            names.add(re.match(r"\w*", part.value)[0])  # type: ignore[index]
    return names


def _substitutions(node: Any) -> list[Any]:
    """The commands inside $(...) of a word or an assignment."""
    found = []
    for part in getattr(node, "parts", []):
        if part.kind in ("commandsubstitution", "processsubstitution"):
            found.append(part.command)
        found.extend(_substitutions(part))
    return found


def _command(node: Any, secrets: frozenset[str], problems: list[str]) -> None:
    words = [part for part in node.parts if part.kind == "word"]
    for part in node.parts:
        for inner in _substitutions(part):
            _walk(inner, secrets, problems)
    if not words or words[0].word in BUILTINS:
        return
    texts = [word.word for word in words]
    for word in words:
        leaked = _variables(word) & secrets
        if PASSWORD in word.word or leaked:
            problems.append(f"{texts[0]} gets {word.word!r} in its argv")
        elif re.match(rf"({'|'.join(secrets)})=", word.word):
            problems.append(f"{texts[0]} gets {word.word!r} (an assignment as an argument)")
    if "redis-cli" in texts and PASSWORD_OPTIONS & set(texts):
        problems.append(f"redis-cli with -a: {' '.join(texts)}")
    for index, text in enumerate(texts[:-2]):
        if text.rsplit("/", 1)[-1] in SHELLS and texts[index + 1] == "-c":
            problems.extend(argv_problems(texts[index + 2], secrets))


def _walk(node: Any, secrets: frozenset[str], problems: list[str]) -> None:
    if node.kind == "command":
        _command(node, secrets, problems)
        return
    for child in getattr(node, "parts", []) + getattr(node, "list", []):
        _walk(child, secrets, problems)
    if getattr(node, "command", None) is not None:
        _walk(node.command, secrets, problems)


def argv_problems(command: str, secrets: frozenset[str] = SECRET_VARIABLES) -> list[str]:
    """Each way `command` (shell syntax) puts the Redis password in a process's argv."""
    problems: list[str] = []
    for tree in bashlex.parse(command):
        _walk(tree, secrets, problems)
    return problems


def with_placeholders_filled(text: str) -> str:
    """docs' placeholders as bash can read them: the password's become PASSWORD, the others
    (`<host>`, `<VERSION>`) a plain word."""
    text = re.sub(r"<(the )?password>|(?<=:)PASSWORD(?=@)", PASSWORD, text)
    return re.sub(r"<[A-Za-z][\w ]*>", "PLACEHOLDER", text)


FENCE = r"^[ \t]*```"


def _block_commands(body: str) -> list[str]:
    """A block's commands: continued lines (a trailing \\, |, && or ||) joined."""
    commands, pending = [], ""
    for line in body.replace("\\\n", " ").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        pending = f"{pending} {line}".strip()
        if not pending.endswith(("|", "&&", "||")):
            commands.append(pending)
            pending = ""
    return commands + ([pending] if pending else [])


def documented_commands(markdown: str) -> list[tuple[str, str]]:
    """(kind, command) for every command of the ```sh and ```crontab blocks and every
    inline `code` span that runs redis-cli or passes a password."""
    found = []
    blocks = re.findall(FENCE + r"(sh|crontab)\n(.*?)" + FENCE, markdown, re.M | re.S)
    for kind, body in blocks:
        for command in _block_commands(body):
            if kind == "crontab" and re.match(r"[A-Z_]+=", command):
                continue  # cron's own environment settings, in a file: not a command
            found.append((kind, with_placeholders_filled(command)))
    prose = re.sub(FENCE + r".*?" + FENCE, "", markdown, flags=re.M | re.S)
    for span in re.findall(r"`([^`]+)`", prose):
        span = " ".join(span.split())
        if " " in span and re.search(r"redis-cli|REDISCLI_AUTH|password>|PASSWORD@|"
                                     r"with-redis-auth|erasure-record\.sh|RASA_TOKEN|"
                                     r"auth-token", span):
            found.append(("inline", with_placeholders_filled(span)))
    return found
