"""Problems found in content, each pointing at a file and line an editor can open."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in the content: errors stop the bot, warnings are for editors."""

    file: str
    line: int | None
    severity: Severity
    message: str

    @property
    def location(self) -> str:
        """`file:line`, or just `file` when the problem is about the whole file."""
        return f"{self.file}:{self.line}" if self.line else self.file

    def __str__(self) -> str:
        return f"{self.location}: {self.severity}: {self.message}"


class ContentError(Exception):
    """Content that the bot must not run with; `problems` holds every error and warning found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        errors = [str(p) for p in self.problems if p.severity == "error"]
        super().__init__(f"{len(errors)} error(s) in content:\n" + "\n".join(errors))

    @property
    def errors(self) -> list[Problem]:
        """Only the errors."""
        return [p for p in self.problems if p.severity == "error"]
