"""Read Rasa 3.x NLU YAML (`nlu/data/<lang>/*.yml`, `nlu/tests/*.yml`) into labelled examples."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.nlu.base import LANGUAGES
from bot.nlu.language import detect_language
from bot.nlu.normalize import has_cyrillic, has_latin_words

# `[text](entity)`, `[text](entity:value)` and `[text]{"entity": ...}` keep only `text`.
_ENTITY = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")


# libyaml's reader where PyYAML was built with it (the same documents, same Python objects):
# the pure-Python one spent most of a second of every start-up on nlu/data.
_FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class NLUDataError(ValueError):
    """A training or test file that is not Rasa NLU YAML."""


@dataclass(frozen=True, slots=True)
class Example:
    """One labelled utterance."""

    text: str
    intent: str
    language: str  # "ru", "be" or "en"
    translit: bool = False  # Russian (or Belarusian) written in Latin letters
    kind: str = ""  # how it is written (held-out sets): "story", "negation", "layout", ...

    @property
    def group(self) -> str:
        """The language with transliteration as its own group: "ru", "ru-translit", ..."""
        return f"{self.language}-translit" if self.translit else self.language


def strip_entities(text: str) -> str:
    """The utterance without Rasa entity annotations."""
    return _ENTITY.sub(r"\1", text).strip()


def yaml_files(path: Path) -> list[Path]:
    """The YAML files `load_examples` reads: `path` itself, or every .yml/.yaml under it in
    path order. Raises NLUDataError when `path` does not exist."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise NLUDataError(f"{path}: no such file or directory")
    return sorted(p for p in path.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())


def _block_texts(examples: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Texts of one block with their own metadata: `examples: |` or a list of {text, metadata}."""
    if isinstance(examples, str):
        for line in examples.splitlines():
            line = line.strip()
            if line.startswith("- "):
                yield line[2:], {}
            elif line:
                raise NLUDataError(f"{where}: example line does not start with '- ': {line[:40]}")
    elif isinstance(examples, list):
        for item in examples:
            if isinstance(item, dict) and isinstance(item.get("text"), str):
                meta = item.get("metadata")
                yield item["text"], meta if isinstance(meta, dict) else {}
            elif isinstance(item, str):
                yield item, {}
            else:
                raise NLUDataError(f"{where}: unreadable example {item!r:.60}")
    else:
        raise NLUDataError(f"{where}: `examples` must be a block string or a list")


def _examples_of(file: Path) -> Iterator[Example]:
    text = file.read_text(encoding="utf-8")
    try:
        doc = yaml.load(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        try:  # the pure-Python reader's words for what is wrong, as before libyaml was used
            doc = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise NLUDataError(f"{file}: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("nlu"), list):
        return  # domain.yml, config.yml, stories: not NLU data
    dir_language = file.parent.name if file.parent.name in LANGUAGES else None
    for index, block in enumerate(doc["nlu"]):
        if not isinstance(block, dict) or "intent" not in block:
            continue  # synonym / regex / lookup blocks carry no labelled utterances
        where = f"{file}: nlu[{index}] ({block['intent']})"
        found = block.get("metadata")
        block_meta: dict[str, Any] = found if isinstance(found, dict) else {}
        for raw, own_meta in _block_texts(block.get("examples", ""), where):
            text = strip_entities(raw)
            if not text:
                continue
            meta = {**block_meta, **own_meta}
            language = meta.get("language")
            if language not in LANGUAGES:
                language = dir_language or detect_language(text)
            translit = meta.get("translit")
            if translit is None:
                lowered = text.lower()
                # Unlabelled Latin-letter Russian/Belarusian counts as transliterated.
                translit = (
                    language != "en" and has_latin_words(lowered) and not has_cyrillic(lowered)
                )
            kind = meta.get("kind")
            yield Example(
                text,
                str(block["intent"]),
                language,
                bool(translit),
                kind if isinstance(kind, str) else "",
            )


def load_examples(path: Path) -> list[Example]:
    """Every labelled utterance in a Rasa NLU YAML file, or in every such file under a directory."""
    return [example for file in yaml_files(path) for example in _examples_of(file)]


def load_many(paths: Iterable[Path]) -> list[Example]:
    """`load_examples` over several files or directories, in order."""
    return [example for path in paths for example in load_examples(path)]
