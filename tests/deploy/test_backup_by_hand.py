"""A backup taken by hand on a systemd install (docs/DEPLOY.md "Back up now"): REDIS_URL, with
Redis's password, is read from the bot's settings file (BACKUP_ENV_FILE), so nothing secret is
typed on a command line. Real redis-server with a password (tests/deploy/test_backup.py)."""

from __future__ import annotations

import os
from pathlib import Path

from tests.deploy.test_backup import DurableRedis, durable, run

__all__ = ["durable"]  # a pytest fixture, used by name
ROOT = Path(__file__).resolve().parents[2]


def test_a_backup_by_hand_reads_redis_url_from_the_bots_env_file(
    durable: DurableRedis, tmp_path: Path
) -> None:
    env_file = tmp_path / ".env"
    # As scripts/set-env.sh writes it, between other settings; a quoted value works too.
    env_file.write_text(f'TELEGRAM_BOT_TOKEN=123:abc\nREDIS_URL="{durable.url}"\nLOG_LEVEL=INFO')
    backups = tmp_path / "backups"
    quiet = run("redis-backup.sh", str(backups),
                env={"REDIS_URL": "", "BACKUP_ENV_FILE": os.path.relpath(env_file, ROOT)})
    assert quiet == ""
    (made,) = backups.glob("smb-redis-*.rdb")
    assert made.stat().st_size > 0


def test_the_documented_backup_by_hand_names_no_secret() -> None:
    """The line DEPLOY.md gives: the settings file's path, never a URL with a password."""
    deploy = (ROOT / "docs" / "DEPLOY.md").read_text()
    (line,) = [x for x in deploy.splitlines() if "BACKUP_ENV_FILE=" in x and "sudo" in x]
    assert "redis://" not in line and "BACKUP_ENV_FILE=/opt/safe-migration-bot/.env" in line
