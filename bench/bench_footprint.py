"""Memory figures for docs/DEPLOY.md's server size ("1 CPU, 1 GB") and the Kubernetes resources.

Measured on real processes:
- the content directory's size (what the ConfigMaps carry);
- `safe-migration-bot content check`'s peak resident memory (it loads the content and trains
  the embedded model like a start, beside the running bot during an upgrade), from the
  kernel's accounting of the finished child (`os.wait4`, ru_maxrss);
- one bot process (the real runner, webhook mode, aiogram, embedded NLU, one redis-server):
  its resident memory once ready (idle) and its peak (VmHWM) after PEOPLE people x 5 updates,
  through bench/bench_deploy.py's single-replica pass; then its resident memory after each of
  RELOADS content reloads (SIGHUP, `systemctl reload`) and its peak after them.

    .venv/bin/python bench/bench_footprint.py [--people 100] [--checks 3] [--reloads 10]
        [--venv DIR]

--venv: the content check with another install's `safe-migration-bot`, e.g. the production
venv of scripts/install-production.sh (what a server runs; its peak differs from the
developer venv's).

Writes bench-results/footprint.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import bench_deploy  # noqa: E402


def content_bytes() -> int:
    return sum(p.stat().st_size for p in (ROOT / "content").rglob("*")
               if p.is_file() and p.suffix in (".yaml", ".yml"))


def content_check_peak_mib(venv: Path) -> float:
    """Peak RSS of one `content check` run, in MiB (ru_maxrss is in KiB on Linux)."""
    command = [str(venv / "bin" / "safe-migration-bot"), "content", "check"]
    env = {**os.environ, "BOT_CONTENT_DIR": str(ROOT / "content"),
           "BOT_LOCALES_DIR": str(ROOT / "locales"), "BOT_FACTS_DIR": str(ROOT / "data/facts")}
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"content check failed ({child.returncode}): run it to see why")
    return usage.ru_maxrss / 1024


def main(people: int, checks: int, venv: Path, reloads: int = 0) -> dict[str, Any]:
    checked = [round(content_check_peak_mib(venv)) for _ in range(checks)]
    logs = ROOT / "bench-results" / "footprint-logs" / time.strftime("%Y%m%dT%H%M%SZ",
                                                                      time.gmtime())
    (bot,) = asyncio.run(bench_deploy.main(people, [1], logs, reloads))
    return {
        "content_bytes": content_bytes(),
        "content_check_venv": str(venv),
        "content_check_peak_rss_mib": checked,
        "bot_idle_rss_mib": bot["idle_rss_mib"][0],
        "bot_peak_rss_mib": bot["peak_rss_mib"][0],
        "bot_rss_after_each_reload_mib": bot["rss_after_each_reload_mib"],
        "bot_peak_rss_after_reloads_mib": bot["peak_rss_after_reloads_mib"],
        "people": people,
        "load_average": round(os.getloadavg()[0], 1),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--people", type=int, default=100)
    parser.add_argument("--checks", type=int, default=3, help="content check runs")
    parser.add_argument("--reloads", type=int, default=10, help="content reloads (SIGHUP)")
    parser.add_argument("--venv", type=Path, default=Path(sys.executable).parent.parent,
                        help="the install whose content check is measured (default: this one)")
    args = parser.parse_args()
    result = main(args.people, args.checks, args.venv, args.reloads)
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "footprint.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result))
