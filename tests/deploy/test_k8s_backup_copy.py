"""DEPLOY.md's copy of the Kubernetes backups off the cluster, run with bash and a stand-in
kubectl (no cluster here) whose `cp` copies a local directory as the volume: the copy went to
~/smb-backups without `install -d -m 700` and its "keep it to the same 7 days" had no command,
then counted from a file's arrival (a backup copied late outlived its 7 days)."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KUBECTL = """#!/bin/sh
# kubectl for DEPLOY.md's reader block: the volume is $FAKE_VOLUME
[ "$1" = -n ] && shift 2
case "$1" in
    get) echo smb-backup-reader-1-pod ;;
    exec) ls -l "$FAKE_VOLUME" ;;
    cp) mkdir -p "$3" && cp -r "$FAKE_VOLUME/." "$3/" ;;
esac
"""
DAY = 86400


def reader_block() -> str:
    deploy = (ROOT / "docs" / "DEPLOY.md").read_text()
    (block,) = [b for b in re.findall(r"```sh\n(.*?)```", deploy, re.S)
                if "create job smb-backup-reader-1" in b]
    return block


def taken(at: float) -> str:
    """A backup's file name as scripts/redis-backup.sh writes it, taken at `at` (epoch s)."""
    return time.strftime("smb-redis-%Y%m%dT%H%M%SZ.rdb", time.gmtime(at))


def run(block: str, home: Path, volume: Path, bin_dir: Path) -> None:
    env = {**os.environ, "HOME": str(home), "FAKE_VOLUME": str(volume),
           "PATH": f"{bin_dir}:{os.environ['PATH']}"}
    subprocess.run(["bash", "-euo", "pipefail", "-c", block], env=env, check=True, timeout=60,
                   capture_output=True)


def test_the_documented_copy_is_private_keeps_7_days_and_survives_a_lost_volume(
    tmp_path: Path,
) -> None:
    block = reader_block()
    home, volume, bin_dir = tmp_path / "home", tmp_path / "volume", tmp_path / "bin"
    for directory in (home, volume, bin_dir):
        directory.mkdir()
    (bin_dir / "kubectl").write_text(KUBECTL)
    (bin_dir / "kubectl").chmod(0o755)
    now = time.time()
    for day in range(7):  # the volume: one backup a night, as the cluster keeps them
        (volume / taken(now - day * DAY - 3600)).write_bytes(b"REDIS")
    run(block, home, volume, bin_dir)
    copy = home / "smb-backups"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o700
    assert stat.S_IMODE((copy / "redis").stat().st_mode) == 0o700
    assert len(list((copy / "redis").glob("smb-redis-*.rdb"))) == 7
    assert [p.name for p in copy.iterdir()] == ["redis"]  # no temporary directory left

    # Later: a backup taken 8 days ago arrives only now (the copy was skipped for days), one
    # taken 2 days ago arrived then; the volume is lost meanwhile.
    (copy / "erasures.txt").write_text("2026-11-21T10:00:00Z abcdef012345\n")
    late = copy / "redis" / taken(now - 8 * DAY)
    late.write_bytes(b"REDIS")  # its file time is now: only its name says how old it is
    kept = copy / "redis" / taken(now - 2 * DAY - 3600)
    os.utime(kept, (now - 2 * DAY, now - 2 * DAY))
    for backup in volume.iterdir():
        backup.unlink()
    run(block, home, volume, bin_dir)
    assert not late.exists()  # gone 7 days after it was taken, whenever it arrived
    assert kept.exists() and kept.stat().st_mtime < now - DAY  # not renewed by a re-copy
    assert len(list((copy / "redis").glob("smb-redis-*.rdb"))) == 7
    assert (copy / "erasures.txt").exists()
