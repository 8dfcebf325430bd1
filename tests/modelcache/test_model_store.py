"""The model cache's files: a model comes back as saved; a file that is missing, corrupt, cut
short, of another key or carrying a pickled object is ignored with a log line (no input text in
it) and reads as "not cached"; a failed write never stops the caller; writes are whole files
(renamed into place), and old files are pruned."""

from __future__ import annotations

import io
import logging
import os
import threading
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest

from bot.modelcache import CachedModel, ModelCache
from bot.modelcache.store import KEEP

KEY = "a" * 64
OTHER = "b" * 64
SECRET_WORD = "паспорт забрали"  # a vocabulary term: must never reach a log line


def model() -> CachedModel:
    return CachedModel({"terms": {"chars": [SECRET_WORD, "ok"]}, "intents": ["a", "b"]},
                       {"coef": np.arange(6, dtype=np.float64).reshape(2, 3),
                        "idf_chars": np.array([1.5, 2.5])})


def same(found: CachedModel | None, wanted: CachedModel) -> bool:
    return (found is not None and all(found.meta[k] == v for k, v in wanted.meta.items())
            and found.arrays.keys() == wanted.arrays.keys()
            and all(np.array_equal(found.arrays[k], v) for k, v in wanted.arrays.items()))


def test_a_saved_model_comes_back_as_saved(tmp_path: Path) -> None:
    cache = ModelCache(tmp_path / "models")  # created on the first save
    cache.save("nlu", KEY, model())
    assert same(cache.load("nlu", KEY), model())
    assert [p.name for p in (tmp_path / "models").iterdir()] == [cache.path("nlu", KEY).name]
    assert (tmp_path / "models").stat().st_mode & 0o077 == 0  # the bot's user alone


def test_no_file_reads_as_not_cached(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, "bot.modelcache"):
        assert ModelCache(tmp_path).load("nlu", KEY) is None
    assert "training it" in caplog.text


@pytest.mark.parametrize("damage", ["garbage", "cut", "empty", "no meta"])
def test_a_damaged_file_is_ignored_with_a_log_line(
    damage: str, tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    cache = ModelCache(tmp_path)
    cache.save("nlu", KEY, model())
    path = cache.path("nlu", KEY)
    whole = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"\x00not a zip file" * 100)
    elif damage == "cut":
        path.write_bytes(whole[: len(whole) // 2])
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        np.savez(path, coef=np.zeros(3))
    with caplog.at_level(logging.INFO, "bot.modelcache"):
        assert cache.load("nlu", KEY) is None
    assert path.name in caplog.text
    assert SECRET_WORD not in caplog.text


def test_a_file_of_another_key_or_model_is_ignored(
    tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    cache = ModelCache(tmp_path)
    cache.save("nlu", KEY, model())
    # Renamed by hand (or a truncated hash that collides): its own key says it is another.
    cache.path("nlu", KEY).rename(cache.path("nlu", OTHER))
    with caplog.at_level(logging.WARNING, "bot.modelcache"):
        assert cache.load("nlu", OTHER) is None
    assert "another format or key" in caplog.text
    cache.path("nlu", OTHER).rename(cache.path("adcheck", KEY))
    assert cache.load("adcheck", KEY) is None


def test_a_pickled_object_in_a_file_is_never_unpickled(tmp_path: Path) -> None:
    cache = ModelCache(tmp_path)
    cache.save("nlu", KEY, model())
    path = cache.path("nlu", KEY)
    buffer = io.BytesIO()
    np.save(buffer, np.array([{"code": "would run"}], dtype=object), allow_pickle=True)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("coef2.npy", buffer.getvalue())
    assert cache.load("nlu", KEY) is None
    with pytest.raises(ValueError):  # and an object array is never written either
        np.savez(io.BytesIO(), allow_pickle=False, x=np.array([object()], dtype=object))


def test_a_failed_write_is_logged_and_not_raised(
    tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    blocker = tmp_path / "a file, not a directory"
    blocker.write_text("")
    cache = ModelCache(blocker / "models")
    with caplog.at_level(logging.WARNING, "bot.modelcache"):
        cache.save("nlu", KEY, model())
    assert "not written" in caplog.text
    assert cache.load("nlu", KEY) is None


def test_processes_writing_at_once_leave_whole_files(tmp_path: Path) -> None:
    cache = ModelCache(tmp_path)
    seen: list[CachedModel | None] = []

    def start() -> None:  # what each bot process does: read, else train and save, read again
        seen.append(cache.load("nlu", KEY))
        cache.save("nlu", KEY, model())
        seen.append(cache.load("nlu", KEY))

    threads = [threading.Thread(target=start) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(found is None or same(found, model()) for found in seen)
    assert same(seen[-1], model())
    assert sorted(p.name for p in tmp_path.iterdir()) == [cache.path("nlu", KEY).name]


def test_only_the_last_used_files_of_a_model_are_kept(tmp_path: Path) -> None:
    cache = ModelCache(tmp_path)
    keys = [f"{n:x}" * 64 for n in range(KEEP + 2)]
    long_ago = time.time() - 1000
    for n, key in enumerate(keys):
        cache.save("adcheck", key, model())
        os.utime(cache.path("adcheck", key), (long_ago + n, long_ago + n))  # used in this order
        if n == 0:
            cache.save("nlu", key, model())  # another model's files are its own
    kept = {key for key in keys if cache.path("adcheck", key).exists()}
    assert kept == set(keys[-KEEP:])
    assert cache.path("nlu", keys[0]).exists()
