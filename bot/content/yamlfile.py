"""Read a YAML file and remember the line of every key and list item, for file:line problems."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from bot.content.problems import Problem, Severity

M = TypeVar("M", bound=BaseModel)

Key = str | int
YamlPath = tuple[Key, ...]


@dataclass(frozen=True)
class YamlDoc:
    """A parsed file: its data and the 1-based line of each path (mapping key or list item)."""

    file: str  # how the file is named in problems
    data: Any
    lines: dict[YamlPath, int] = field(default_factory=dict)

    def line(self, path: YamlPath) -> int:
        """The line of `path`, or of its nearest parent that is in the file."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return line
        return 1


@dataclass(frozen=True)
class Where:
    """A place in a YAML file where a model came from, so later checks can point back at it.

    `elsewhere`: parts of the model read from other files (each job-ad flag from a file of its
    own): a path below this place -> where that part is, so a problem inside it names its file.
    """

    doc: YamlDoc
    path: YamlPath
    elsewhere: Mapping[YamlPath, Where] = field(default_factory=dict, compare=False)

    def problem(self, severity: Severity, message: str, *sub: Key) -> Problem:
        """A problem at this place (or at `sub` below it)."""
        at = self
        for key in sub:
            at = at / key
        return Problem(at.doc.file, at.doc.line(at.path), severity, message)

    @property
    def location(self) -> str:
        """`file:line` of this place."""
        return f"{self.doc.file}:{self.doc.line(self.path)}"

    def __truediv__(self, key: Key) -> Where:
        path = (*self.path, key)
        return self.elsewhere.get(path) or Where(self.doc, path, self.elsewhere)


def display_name(path: Path) -> str:
    """The path relative to the working directory when possible: clickable in editors' terminals."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


# libyaml's parser when PyYAML was built with it: the pure-Python one spends seconds on the
# content and facts files. Both keep the marks (lines) that the problems need.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """SafeLoader that leaves dates as text (the models parse them, with a line for a bad one)
    and turns any value it cannot build into a marked error instead of a bare exception."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        # LookupError: PyYAML reads `value[0]` of an empty scalar tagged `!!int`.
        except (ValueError, TypeError, OverflowError, ArithmeticError, LookupError) as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read the value: {exc}", node.start_mark
            ) from exc


# "2026-13-20" would make PyYAML's date constructor raise a plain ValueError; as text it reaches
# pydantic, which reports it on its line like any other bad value.
def _date_as_text(loader: _Loader, node: yaml.Node) -> str:
    assert isinstance(node, yaml.ScalarNode)
    return str(loader.construct_scalar(node))


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _date_as_text)


def read_yaml(path: Path) -> tuple[YamlDoc | None, list[Problem]]:
    """Parse one file; a syntax error comes back as a problem with its line, not an exception."""
    name = display_name(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(name, None, "error", f"cannot read the file: {exc}")]
    loader: _Loader | None = None
    try:
        loader = _Loader(text)  # the pure-Python reader checks the characters here
        # Composing the node tree first keeps the marks (lines) that plain yaml.safe_load drops.
        node = loader.get_single_node()
        if node is None:
            return YamlDoc(name, None), []
        lines: dict[YamlPath, int] = {(): node.start_mark.line + 1}
        problems: list[Problem] = []
        _index(node, (), lines, problems, name, set())
        data = loader.construct_document(node)
    except yaml.reader.ReaderError as exc:  # a NUL or control character
        at = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else 1
        return None, [Problem(name, at, "error", f"broken YAML: {exc.reason}")]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        parts = (exc.context, exc.problem)
        detail = " ".join(" ".join(str(part).split()) for part in parts if part)
        # libyaml names no character ("found character that cannot start any token"): the
        # marked line itself tells whether a tab is to blame.
        lines_of_text = text.split("\n")
        marked = lines_of_text[mark.line] if mark and mark.line < len(lines_of_text) else ""
        tab = "\\t" in detail or "\t" in marked
        hint = " (use spaces, not tabs, to indent)" if tab else ""
        return None, [
            Problem(name, mark.line + 1 if mark else 1, "error", f"broken YAML: {detail}{hint}")
        ]
    except yaml.YAMLError as exc:
        return None, [Problem(name, 1, "error", "broken YAML: " + " ".join(str(exc).split()))]
    except RecursionError:
        return None, [Problem(name, 1, "error", "broken YAML: nested too deeply")]
    finally:
        if loader is not None:
            loader.dispose()
    return YamlDoc(name, data, lines), problems


def _index(
    node: yaml.Node,
    path: YamlPath,
    lines: dict[YamlPath, int],
    problems: list[Problem],
    name: str,
    seen_nodes: set[int],
) -> None:
    # An alias (*name) points at a node indexed already: walking it again could loop forever
    # (`&a [*a]`) or take exponential time (nested aliases).
    if id(node) in seen_nodes:
        return
    seen_nodes.add(id(node))
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = key_node.start_mark.line + 1
            if key in seen:
                # PyYAML silently keeps the last duplicate: an editor would lose text unnoticed.
                problems.append(
                    Problem(
                        name, line, "error", f"key '{key}' appears twice (also on line {seen[key]})"
                    )
                )
            seen[key] = line
            lines[(*path, key)] = line
            _index(value_node, (*path, key), lines, problems, name, seen_nodes)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*path, index)] = item.start_mark.line + 1
            _index(item, (*path, index), lines, problems, name, seen_nodes)


def validation_problems(exc: ValidationError, where: Where) -> list[Problem]:
    """Turn pydantic's errors into problems on the line of the offending key or item."""
    problems = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        label = ".".join(str(part) for part in (*where.path, *loc))
        problems.append(where.problem("error", f"{label}: {_explain(err)}", *loc))
    return problems


def _explain(err: Any) -> str:
    kind, loc = err["type"], err["loc"]
    if kind == "extra_forbidden" and loc:
        return f"unknown key '{loc[-1]}' (a typo, or a key this file does not use)"
    if kind == "missing" and loc:
        return f"the key '{loc[-1]}' is missing"
    if kind == "string_type" and isinstance(err.get("input"), int | float):
        return 'expected text; put numbers in quotes, e.g. "112"'
    if kind.startswith("date"):
        return "expected a date like 2026-11-01"
    if kind == "string_pattern_mismatch" and loc and loc[-1] == "checked_by":
        return "an editor's name or initials, e.g. \"A. K.\" (no digits, no e-mail)"
    return str(err["msg"])


def read_optional_section(
    path: Path, key: str, model: type[M], missing: str
) -> tuple[M | None, Where | None, list[Problem]]:
    """An optional file holding only `key:` validated as `model`.

    Returns (value, where, problems); value is None when the file is missing (one warning,
    `missing` says what is then off), unreadable, or invalid (file:line problems).
    """
    name = display_name(path)
    if not path.is_file():
        return None, None, [Problem(name, None, "warning", f"the file is missing: {missing}")]
    doc, problems = read_yaml(path)
    if doc is None:
        return None, None, problems
    if not isinstance(doc.data, dict) or set(doc.data) != {key}:
        only = Problem(name, 1, "error", f"the file must hold only `{key}:`")
        return None, None, [*problems, only]
    where = Where(doc, (key,))
    try:
        return model.model_validate(doc.data[key]), where, problems
    except ValidationError as exc:
        return None, None, [*problems, *validation_problems(exc, where)]
