"""The key of a cached model: a SHA-256 of everything its training reads.

What a model is trained from (the nlu/data files' bytes, the ad check's rules as JSON) is one
part; the rest is the same for every model: every file of the `bot` package (the training code
and everything it calls: text preparation, transliteration, the patterns' readings), and the
versions of Python and of the libraries that train or read (numpy, SciPy, scikit-learn, PyYAML,
pydantic). Hashing the whole package rather than the modules one model imports is a superset:
a change anywhere in the code trains once more, a change that matters can never be missed.
"""

from __future__ import annotations

import hashlib
import platform
import sys
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent  # bot/
LIBRARIES = ("numpy", "scipy", "scikit-learn", "PyYAML", "pydantic")


def source_digest(package: Path = PACKAGE) -> str:
    """SHA-256 (hex) of every file under `package` (path and bytes; byte-code excluded)."""
    digest = hashlib.sha256()
    files = sorted(p for p in package.rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")
    for file in files:
        digest.update(file.relative_to(package).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def _versions() -> str:
    found = [f"python {sys.version}", f"machine {platform.machine()}"]
    for name in LIBRARIES:
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            found.append(f"{name} -")
    return "\n".join(found)


def model_key(name: str, inputs: Iterable[bytes], *, package: Path = PACKAGE) -> str:
    """SHA-256 (hex) of the model's `name`, its training `inputs` (in order), the source of
    `package` and the versions of Python and the libraries (LIBRARIES)."""
    digest = hashlib.sha256()
    for part in (name.encode(), source_digest(package).encode(), _versions().encode()):
        digest.update(hashlib.sha256(part).digest())
    for part in inputs:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()
