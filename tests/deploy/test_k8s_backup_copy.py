"""DEPLOY.md's copy of the Kubernetes backups off the cluster, run with bash and a stand-in
kubectl (no cluster here) whose `cp` copies a local directory as the volume: the copy went to
~/smb-backups without `install -d -m 700` and its "keep it to the same 7 days" had no command."""

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
    for day in range(1, 9):  # the volume: one backup a night, as the cluster keeps them
        (volume / f"smb-redis-2026112{day}T031500Z.rdb").write_bytes(b"REDIS")
    run(block, home, volume, bin_dir)
    copy = home / "smb-backups"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o700
    assert stat.S_IMODE((copy / "redis").stat().st_mode) == 0o700
    assert len(list((copy / "redis").glob("smb-redis-*.rdb"))) == 8
    assert [p.name for p in copy.iterdir()] == ["redis"]  # no temporary directory left

    # A week later the first arrivals are 8 days old here; the cluster's retention removed
    # them there, and a volume lost meanwhile must not empty the copy.
    (copy / "erasures.txt").write_text("2026-11-21T10:00:00Z abcdef012345\n")
    old = copy / "redis" / "smb-redis-20261121T031500Z.rdb"
    os.utime(old, (now - 8 * DAY, now - 8 * DAY))
    kept = copy / "redis" / "smb-redis-20261128T031500Z.rdb"
    os.utime(kept, (now - 2 * DAY, now - 2 * DAY))
    for backup in volume.iterdir():
        backup.unlink()
    run(block, home, volume, bin_dir)
    assert not old.exists()
    assert kept.exists() and kept.stat().st_mtime < now - DAY  # not renewed by a re-copy
    assert len(list((copy / "redis").glob("smb-redis-*.rdb"))) == 7
    assert (copy / "erasures.txt").exists()
