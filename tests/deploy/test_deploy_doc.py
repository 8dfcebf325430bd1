"""docs/DEPLOY.md against the files it tells people to use: who runs which command, the
version they pin, the settings that must agree between the docs, .env.example, redis.conf,
the compose file, the unit and the journald drop-in."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = (ROOT / "docs" / "DEPLOY.md").read_text()


def section(title: str) -> str:
    start = DEPLOY.index(f"\n## {title}")
    end = DEPLOY.find("\n## ", start + 1)
    return DEPLOY[start:end if end > 0 else None]


def code_lines(text: str) -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
    return [line.strip() for block in blocks for line in block.splitlines()
            if line.strip() and not line.strip().startswith("#")]


def test_the_compose_walk_gives_root_steps_to_root_and_no_sudo_to_deploy() -> None:
    """`deploy` was told to run sudo: it has no sudo. Root's steps come first, marked, and
    everything after "become deploy" runs without it."""
    compose = section("A small server with Docker Compose")
    root_part, deploy_part = compose.split("everything below is done as `deploy`, with no sudo")
    assert "*As root*" in root_part
    assert "usermod -aG docker deploy" in root_part
    assert not [line for line in code_lines(deploy_part) if line.startswith("sudo")]
    assert "sudo" not in " ".join(code_lines(root_part))  # root runs them as they are
    # The nightly jobs of a compose install are deploy's own crontab, not /etc/cron.d.
    backups = section("Backups")
    compose_cron = backups[backups.index("### Backups with compose"):
                           backups.index("### Retention")]
    assert "crontab -e" in compose_cron
    assert all(not re.match(r"\S+ \S+ \S+ \S+ \S+ (deploy|root) ", line)
               for line in code_lines(compose_cron))


def test_every_clone_uses_the_upstream_placeholder_and_a_pinned_version() -> None:
    """No invented repository address; a tag or a commit, never a branch."""
    clones = [line for line in DEPLOY.splitlines() if "git clone" in line]
    assert clones and all("<UPSTREAM_URL>" in line for line in clones), clones
    assert "github.com/<your-org>" not in DEPLOY
    assert "<UPSTREAM_URL>" in section("Versions: where the code comes from and which one you run")
    checkouts = [line for line in DEPLOY.splitlines() if re.search(r"git checkout <", line)]
    assert checkouts and all(re.search(r"git checkout <(VERSION|new tag)>", x) for x in checkouts)


def test_the_changelog_has_the_upgrade_notes_convention_and_this_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text()
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    headings = re.findall(r"^## (.+)$", changelog, re.M)
    assert headings[0] == "Unreleased" or headings[0].startswith(f"{version} ")
    assert version in changelog and "v<version>" in changelog
    for release in re.split(r"^## ", changelog, flags=re.M)[1:]:
        assert "### Upgrade notes" in release, release.splitlines()[0]
    assert "CHANGELOG.md" in section("Upgrading")


def test_the_directories_the_unit_sets_are_the_ones_the_docs_repeat() -> None:
    """.env.example said a systemd install needs none of BOT_*_DIR, while the unit sets them
    and DEPLOY.md's content check needs them: one story now."""
    unit = (ROOT / "deploy" / "safe-migration-bot.service").read_text()
    dirs = set(re.findall(r"^Environment=((?:BOT_\w+|NLU)_DIR|NLU_DATA_DIR)=", unit, re.M))
    assert {"BOT_CONTENT_DIR", "BOT_LOCALES_DIR", "BOT_FACTS_DIR", "NLU_DATA_DIR"} <= dirs
    example = (ROOT / ".env.example").read_text()
    assert "a systemd install from the clone needs none" not in example
    assert "the systemd unit (Environment=" in example
    (check,) = [line for line in " ".join(section("Upgrading").split()).split("; ")
                if "venv/bin/safe-migration-bot content check" in line]
    named = set(re.findall(r"\b(BOT_\w+_DIR)=", check))
    assert named == {d for d in dirs if d.startswith("BOT_")}, named


def shipped_maxmemory() -> str:
    conf = (ROOT / "deploy" / "redis.conf").read_text()
    (value,) = re.findall(r"^maxmemory (\S+)$", conf, re.M)
    return value


def test_maxmemory_is_raised_without_editing_a_tracked_file() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    redis = compose["services"]["redis"]
    assert '--maxmemory "$$REDIS_MAXMEMORY"' in " ".join(redis["command"])
    wanted = f"${{REDIS_MAXMEMORY:-{shipped_maxmemory()}}}"
    assert redis["environment"]["REDIS_MAXMEMORY"] == wanted
    example = (ROOT / ".env.example").read_text()
    assert f"REDIS_MAXMEMORY={shipped_maxmemory()}" in example.splitlines()
    assert "safe-migration-bot.local.conf" in section("A small server with systemd")
    assert not re.search(r"\b[Ee]dit\w* [^.]*deploy/redis\.conf", DEPLOY.replace(
        "Never by\nediting the tracked `deploy/redis.conf`", ""))


def test_redis_conf_and_deploy_md_give_the_same_size_for_the_shipped_maxmemory() -> None:
    """redis.conf said 10,000 people a month, DEPLOY.md 500 new people a day."""
    conf = (ROOT / "deploy" / "redis.conf").read_text()
    (people,) = re.findall(r"about ([\d,]+) new people a day", conf)
    rows = re.findall(r"^\| ([\d,]+) \| [^|]+\| [^|]+\| (\w+)", section("Capacity"), re.M)
    assert (people, shipped_maxmemory()) in rows, rows


def test_compose_bounds_every_service_log() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    for name, service in compose["services"].items():
        if service.get("restart") == "no":
            continue  # one-shot helpers print a line and stop
        logging = service.get("logging")
        assert logging and logging["driver"] == "json-file", name
        assert logging["options"]["max-size"] and int(logging["options"]["max-file"]) >= 1
    options = compose["services"]["bot"]["logging"]["options"]
    logs = section("Logs and their retention")
    assert f"`max-size: {options['max-size']}`, `max-file: \"{options['max-file']}\"`" in logs


def test_the_journal_retention_installed_is_the_one_documented() -> None:
    """MaxRetentionSec deletes only closed journal files; the active one is closed after
    MaxFileSec (journald's default: 1 month), so with MaxRetentionSec=14day alone an erased
    person's lines lived ~6 weeks, not the 14 days the docs said. The bound the docs give is
    the sum of both."""
    conf = (ROOT / "deploy" / "journald-safe-migration-bot.conf").read_text()
    (days,) = re.findall(r"^MaxRetentionSec=(\d+)day$", conf, re.M)
    (file_days,) = re.findall(r"^MaxFileSec=(\d+)day$", conf, re.M)
    bound = int(days) + int(file_days)
    logs = section("Logs and their retention")
    assert f"at most {bound} days: `MaxRetentionSec={days}day`" in logs
    assert f"`MaxFileSec={file_days}day` closes the active file" in logs
    assert f"at most {bound} days" in conf
    assert f"(the bot's log lines hold keyed hashes) at most {bound} days" in DEPLOY
    assert not re.search(r"\b(\d+) days \(`MaxRetentionSec", DEPLOY)  # the old claim
    assert "deploy/journald-safe-migration-bot.conf /etc/systemd/journald.conf.d/" in DEPLOY


def test_the_production_venv_and_backups_in_the_clone_are_ignored(tmp_path: Path) -> None:
    """DEPLOY.md puts ./venv (systemd) and ./backups (compose) in the clone: `git status`
    listed them, and a `git add -A` would have committed people's data."""
    for path in ("venv/bin/python", "backups/smb-redis-20261130T031500Z.rdb",
                 "deploy/kubernetes/site/secrets.env", "backups/erasures.txt"):
        result = subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT, timeout=30)
        assert result.returncode == 0, f"{path} is not ignored"


def test_rsyslog_gets_none_of_the_bots_lines_so_the_journal_bound_holds() -> None:
    """Ubuntu forwards the journal to rsyslog, whose /var/log/syslog is kept 4 weeks: the
    erasure lines outlived the 14 days the journal keeps."""
    conf = (ROOT / "deploy" / "rsyslog-safe-migration-bot.conf").read_text()
    rules = [line for line in conf.splitlines() if line and not line.startswith("#")]
    assert rules == ["if $programname startswith 'safe-migration-bot' then stop"]
    for unit in (ROOT / "deploy").glob("safe-migration-bot*.service"):
        (name,) = re.findall(r"^SyslogIdentifier=(\S+)$", unit.read_text(), re.M)
        assert name.startswith("safe-migration-bot"), unit.name
    assert "deploy/rsyslog-safe-migration-bot.conf /etc/rsyslog.d/10-" in DEPLOY
    assert ("`deploy/rsyslog-safe-migration-bot.conf` installed as `/etc/rsyslog.d/10-"
            in section("Logs and their retention"))


def test_the_systemd_install_leaves_one_redis_url_in_env(tmp_path: Path) -> None:
    """The install appended a REDIS_URL line to a .env copied from .env.example, which has
    one: two lines, the first without the password. (Then `sed -i` took the URL on its
    command line, password and all; now it comes on stdin: tests/deploy/test_password_argv.py.)"""
    (line,) = [x for x in DEPLOY.splitlines() if "scripts/set-env.sh .env REDIS_URL" in x]
    assert "| sudo -u smbot scripts/set-env.sh" in line
    env = tmp_path / ".env"
    shutil.copy(ROOT / ".env.example", env)
    env.chmod(0o600)
    command = line.replace("sudo -u smbot scripts/", f"{ROOT}/scripts/")
    subprocess.run(["bash", "-c", command], cwd=tmp_path, check=True, timeout=30,
                   env={**os.environ, "REDIS_PASSWORD": "s3cret"})
    urls = [x for x in env.read_text().splitlines() if x.startswith("REDIS_URL=")]
    assert urls == ["REDIS_URL=redis://:s3cret@127.0.0.1:6379/0"]
    assert oct(env.stat().st_mode & 0o777) == "0o600"
    # Everything else of the file is kept, in its order.
    assert [x for x in env.read_text().splitlines() if not x.startswith("REDIS_URL=")] == [
        x for x in (ROOT / ".env.example").read_text().splitlines()
        if not x.startswith("REDIS_URL=")]


def test_the_dashboard_unit_runs_the_dashboard_on_loopback_behind_its_login() -> None:
    unit = (ROOT / "deploy" / "safe-migration-bot-dashboard.service").read_text()
    assert "ExecStart=/opt/safe-migration-bot/venv/bin/safe-migration-bot dashboard" in unit
    assert "DASHBOARD_LISTEN" not in "".join(
        x for x in unit.splitlines() if x.startswith("Environment="))  # loopback default
    doc = section("The NGO dashboard")
    for how in ("deploy/safe-migration-bot-dashboard.service", "-p 127.0.0.1:8090:8090",
                "Kubernetes", "DASHBOARD_TOKEN", "ssh -L 8090:127.0.0.1:8090"):
        assert how in doc, how


def mib(size: str) -> float:
    """`64mb`, `7gb`, `1Gi`, `256Mi` in MiB."""
    number, unit = re.fullmatch(r"(\d+)\s*([a-zA-Z]+)", size).groups()  # type: ignore[union-attr]
    return float(number) * {"mb": 1, "mi": 1, "gb": 1024, "gi": 1024}[unit.lower()]


def test_the_sizing_table_grows_the_backup_volume_and_restore_job_with_redis() -> None:
    """The table sized Redis only: a 7gb Redis with the shipped 1Gi volume and a 1Gi restore
    job loses its backups and its restore."""
    rows = [line.split("|")[1:-1] for line in section("Capacity").splitlines()
            if re.match(r"\| [\d,]+ \| ", line)]
    sizing = [r for r in rows if len(r) == 5]
    assert len(sizing) == 4
    for row in sizing:
        redis = mib(re.search(r"(\d+[mg]b)", row[3]).group(1))  # type: ignore[union-attr]
        volume, memory, tmp = re.findall(r"(\d+Gi)", row[4])
        assert mib(volume) >= 8 * redis and mib(memory) >= redis + 256
        assert mib(tmp) >= redis + 1024, row
    components = ROOT / "deploy" / "kubernetes" / "components" / "backup"
    pvc = yaml.safe_load((components / "pvc.yaml").read_text())
    restore = yaml.safe_load((components / "restore.yaml").read_text())
    spec = restore["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    (tmp_volume,) = [v for v in spec["volumes"] if v["name"] == "tmp"]
    shipped = (f"{pvc['spec']['resources']['requests']['storage']}; "
               f"{spec['containers'][0]['resources']['limits']['memory']}, "
               f"{tmp_volume['emptyDir']['sizeLimit']} (as shipped)")
    assert shipped in sizing[0][4]


def test_the_per_core_rate_is_the_one_the_cpu_figures_give() -> None:
    """"150-170 updates a second" did not follow from the table's 5.7-9.0 ms per update (the
    runs' table is in DEPLOY-EVIDENCE.md, the claim in DEPLOY.md)."""
    capacity = section("Capacity")
    evidence = (ROOT / "docs" / "DEPLOY-EVIDENCE.md").read_text()
    runs = evidence[evidence.index("## Capacity"):evidence.index("\n## ", evidence.index(
        "## Capacity"))]
    per_update = [float(x) for x in re.findall(r"\| ([\d.]+) ms \|", runs)]
    low, high = round(1000 / max(per_update), -1), round(1000 / min(per_update), -1)
    claim = re.search(r"one core handles roughly\s+(\d+)-(\d+) updates", capacity)
    assert claim, "the per-core claim"
    assert abs(int(claim.group(1)) - low) <= 5 and abs(int(claim.group(2)) - high) <= 5


def test_the_systemd_walk_says_which_env_settings_and_how_to_edit_smbots_file() -> None:
    """"fill it in as above" pointed at the compose step, whose REDIS_PASSWORD and
    REDIS_MAXMEMORY only compose reads, and did not say how an admin edits a mode-600 file
    that smbot owns."""
    from tests.deploy.test_env_example import SCRIPT_SETTINGS, every_setting

    systemd = section("A small server with systemd")
    assert "as above" not in systemd
    text = " ".join(line.strip().lstrip("# ") for line in systemd.splitlines())
    (named,) = re.findall(r"Fill in \.env: (.*?) as in step", text)
    names = set(re.findall(r"\b[A-Z][A-Z0-9_]{3,}\b", named))
    assert names and names <= every_setting() and not names & SCRIPT_SETTINGS, names
    assert "sudoedit -u smbot .env" in systemd
    assert re.search(r"\| sudo -u smbot scripts/set-env\.sh \.env [A-Z_]+", systemd)
