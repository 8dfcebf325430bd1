"""Reading the content directory's YAML files into `Content`'s parts, each problem as
file:line (`Reader`), and the danger-phrase file alone for the NLU tools."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from bot.content.models import Answer, DangerPhrase, Flow, Messages
from bot.content.parsed import Parsed
from bot.content.problems import Problem
from bot.content.yamlfile import Where, display_name, read_yaml, validation_problems

M = TypeVar("M", bound=BaseModel)


def content_files(directory: Path, reader: Reader) -> list[Path]:
    if not directory.is_dir():
        reader.error(display_name(directory), "the directory is missing")
        return []
    files = sorted([*directory.glob("*.yml"), *directory.glob("*.yaml")])
    if not files:
        reader.error(display_name(directory), "no .yml files here")
    return files


class Reader:
    """Reads files into models, collecting problems instead of stopping at the first one."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def error(self, file: str, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(file, line, "error", message))

    def section(self, path: Path, key: str, kind: type, parsed: Parsed) -> tuple[Any, Where] | None:
        """The value under the one top-level `key:` of a file, checked to be a list or mapping."""
        found = self._section(path, key, kind)
        if found is None:
            parsed.failed.add(key)
        return found

    def _section(self, path: Path, key: str, kind: type) -> tuple[Any, Where] | None:
        if not path.is_file():
            self.error(display_name(path), "the file is missing")
            return None
        doc, problems = read_yaml(path)
        self.problems += problems
        if doc is None:
            return None
        if not isinstance(doc.data, dict) or key not in doc.data:
            self.error(doc.file, f"the file must start with `{key}:`", 1)
            return None
        for other in doc.data:
            if other != key:
                self.error(doc.file, f"unknown top-level key '{other}'", doc.line((other,)))
        value = doc.data[key]
        if not isinstance(value, kind):
            shape = "a list (items start with -)" if kind is list else "a mapping (key: value)"
            self.error(doc.file, f"`{key}:` must be {shape}", doc.line((key,)))
            return None
        return value, Where(doc, (key,))

    def validate(self, model: type[M], data: Any, where: Where) -> M | None:
        """The model, or None with the problems recorded at their lines."""
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            self.problems += validation_problems(exc, where)
            return None

    def read_messages(self, path: Path, parsed: Parsed) -> None:
        found = self.section(path, "messages", dict, parsed)
        if found:
            messages = self.validate(Messages, found[0], found[1])
            parsed.messages = (messages, found[1]) if messages else None

    def read_answers(self, path: Path, parsed: Parsed) -> None:
        found = self.section(path, "answers", dict, parsed)
        if not found:
            return
        for intent, data in found[0].items():
            where = found[1] / str(intent)
            answer = self.validate(Answer, data, where)
            if answer is None:
                parsed.failed.add(f"answers:{intent}")
                continue
            if intent in parsed.answers:
                other = parsed.answers[intent][1].location
                self.problems.append(
                    where.problem("error", f"'{intent}' is answered twice ({other})")
                )
                continue
            parsed.answers[str(intent)] = (answer, where)

    def read_list(self, path: Path, key: str, model: type[M], parsed: Parsed) -> None:
        into: dict[str, tuple[M, Where]] = getattr(parsed, key)
        found = self.section(path, key, list, parsed)
        if not found:
            return
        for index, data in enumerate(found[0]):
            where = found[1] / index
            item = self.validate(model, data, where)
            if item is None:
                if isinstance(data, dict):
                    parsed.failed.add(f"{key}:{data.get('id')}")
                continue
            item_id = str(getattr(item, "id"))  # noqa: B009 - every listed model has an id
            if item_id in into:
                self.problems.append(where.problem("error", f"id '{item_id}' is used twice", "id"))
                continue
            into[item_id] = (item, where)

    def read_flow(self, path: Path, parsed: Parsed) -> None:
        doc, problems = read_yaml(path)
        self.problems += problems
        if doc is None:
            parsed.failed.add("flows")
            return
        where = Where(doc, ())
        data = doc.data
        if isinstance(data, dict) and set(data) == {"flow"}:  # also accept a `flow:` wrapper
            data, where = data["flow"], where / "flow"
        flow = self.validate(Flow, data, where)
        if flow is None:
            parsed.failed.add(f"flows:{data.get('id') if isinstance(data, dict) else None}")
            return
        if flow.id in parsed.flows:
            self.problems.append(where.problem("error", f"flow id '{flow.id}' is used twice", "id"))
            return
        parsed.flows[flow.id] = (flow, where)

    def read_danger_phrases(self, path: Path, parsed: Parsed) -> None:
        found = self.section(path, "danger_phrases", dict, parsed)
        if not found:
            return
        for language, phrases in found[0].items():
            where = found[1] / str(language)
            if not isinstance(phrases, list):
                self.problems.append(where.problem("error", f"`{language}:` must be a list"))
                continue
            into = parsed.danger_phrases.setdefault(str(language), [])
            first: dict[str, Where] = {}  # each phrase's first place, to name a repeat
            for index, data in enumerate(phrases):
                phrase = self.validate(DangerPhrase, data, where / index)
                if phrase is None:
                    continue
                key = _phrase_key(phrase.phrase)
                if key in first:
                    # Harmless to the bot (the first one fires), but an editor who changes or
                    # removes one copy expects a change that the other copy undoes.
                    self.problems.append((where / index).problem(
                        "warning",
                        f"the {language} danger phrase '{phrase.phrase}' is listed twice "
                        f"(first at {first[key].location}); keep one",
                        "phrase",
                    ))  # fmt: skip
                    continue
                first[key] = where / index
                into.append((phrase, where / index))


def _phrase_key(phrase: str) -> str:
    """A phrase as the matcher reads it: "Забрал*  паспорт" and "забрал* паспорт" are one."""
    return " ".join(phrase.lower().replace("ё", "е").split())


def read_danger_phrases_file(path: Path) -> dict[str, list[DangerPhrase]]:
    """The danger phrases of one YAML file (`danger_phrases: {lang: [...]}`), without the loader."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        str(lang): [DangerPhrase.model_validate(item) for item in items or []]
        for lang, items in (data or {}).get("danger_phrases", {}).items()
    }
