"""A directory of trained models, one `.npz` file each, read and written as data only.

A file holds the model's numeric arrays and one JSON document (format, model name, key, and
what the model keeps as text: vocabularies, labels) stored as bytes. It is read with
`allow_pickle=False`, so no file can carry code; what it decides is only as trustworthy as
the directory, which must be writable by the bot alone (docs/DEPLOY.md).

A file that is missing, unreadable, corrupt, or of another format, model or key is logged
(its file name and the reason: no text of any person) and read as "not cached": the caller
trains as before. A file is written to a temporary name in the same directory and renamed
into place, so two processes starting at once each read a whole file or none; a failed write
is logged and the trained model used all the same. Of each model name the KEEP files used
last are kept.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

FORMAT = 1  # the layout of a file; a change makes every older file "another format"
KEEP = 6  # files of one model name: the content in use, reloads, other checkouts (tests)
META = "meta"  # the array holding the JSON document
STALE_TEMP_S = 600.0  # a temporary file this old was left by a process that died writing it


@dataclass(frozen=True, slots=True)
class CachedModel:
    """What a model is saved as: `meta` (JSON-able: vocabularies, labels) and named arrays."""

    meta: dict[str, Any]
    arrays: dict[str, np.ndarray]


class ModelCache:
    """`load(name, key)` and `save(name, key, model)` in `directory` (created on first save,
    readable and writable by its owner only)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def path(self, name: str, key: str) -> Path:
        """The file of model `name` with `key` (a hex digest)."""
        return self.directory / f"{name}-{key[:40]}.npz"

    def load(self, name: str, key: str) -> CachedModel | None:
        """The model saved under `name` and `key`, or None (logged) when there is none or it
        cannot be used."""
        path = self.path(name, key)
        try:
            # The file opened here: numpy leaves its own handle open when a zip is damaged.
            with path.open("rb") as file, np.load(file, allow_pickle=False) as data:
                arrays = {field: np.asarray(data[field]) for field in data.files}
        except FileNotFoundError:
            log.info("model cache: no %s model for this input; training it", name)
            return None
        except Exception as exc:  # any damage to the file (zip, header, array data)
            log.warning("model cache: %s unreadable (%s); training the model instead",
                        path.name, type(exc).__name__)
            return None
        meta = _meta(arrays.pop(META, None))
        wanted = {"format": FORMAT, "name": name, "key": key}
        if meta is None or any(meta.get(field) != value for field, value in wanted.items()):
            log.warning("model cache: %s is of another format or key; training the model "
                        "instead", path.name)
            return None
        try:
            os.utime(path)  # used now: kept by the pruning of older files
        except OSError:
            pass  # a read-only directory still serves its files
        return CachedModel(meta, arrays)

    def save(self, name: str, key: str, model: CachedModel) -> None:
        """Write `model` under `name` and `key` (temporary file, then rename); a failure is
        logged, never raised."""
        path = self.path(name, key)
        meta = {**model.meta, "format": FORMAT, "name": name, "key": key}
        document = np.frombuffer(json.dumps(meta, ensure_ascii=False).encode(), dtype=np.uint8)
        temporary: str | None = None
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{name}-", suffix=".tmp",
                                                 dir=self.directory)
            with os.fdopen(handle, "wb") as file:
                arrays: dict[str, Any] = {META: document, **model.arrays}
                np.savez(file, allow_pickle=False, **arrays)  # an object array: ValueError
            os.replace(temporary, path)
            temporary = None
        except (OSError, ValueError) as exc:
            log.warning("model cache: %s not written (%s); the model is used all the same",
                        path.name, type(exc).__name__)
        finally:
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)
        self._prune(name)

    def _prune(self, name: str) -> None:
        try:
            files = [(p.stat().st_mtime, p) for p in self.directory.glob(f"{name}-*.npz")]
            stale = time.time() - STALE_TEMP_S
            temporaries = [p for p in self.directory.glob(f".{name}-*.tmp")
                           if p.stat().st_mtime < stale]
        except OSError:
            return  # another process pruned at the same moment
        old = [p for _, p in sorted(files, key=lambda pair: pair[0], reverse=True)[KEEP:]]
        for file in [*old, *temporaries]:
            try:
                file.unlink(missing_ok=True)
            except OSError:
                pass  # the next save tries again


def model_cache_at(directory: Path | None) -> ModelCache | None:
    """The cache in `directory` (BOT_MODEL_CACHE_DIR); None when it is not set: train."""
    return ModelCache(directory) if directory is not None else None


def _meta(array: np.ndarray | None) -> dict[str, Any] | None:
    if array is None or array.dtype != np.uint8 or array.ndim != 1:
        return None
    try:
        found = json.loads(array.tobytes().decode())
    except ValueError:  # also UnicodeDecodeError
        return None
    return found if isinstance(found, dict) else None
