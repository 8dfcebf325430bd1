"""Every redis-cli the docs give authenticates: the AOF upgrade's `redis-cli CONFIG SET
appendonly yes` ran without the password and got NOAUTH from a Redis that had one (and the
restart after it then started empty). A documented redis-cli gets the password by
`--askpass`, through scripts/with-redis-auth.sh, inside the compose redis container (whose
REDISCLI_AUTH is set), or after an `export REDISCLI_AUTH` earlier in its block; never by -a."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FENCE = re.compile(r"^[ \t]*```(\w*)\n(.*?)^[ \t]*```", re.M | re.S)
AUTHENTICATED = re.compile(r"--askpass|with-redis-auth\.sh|docker compose exec")


def unauthenticated(markdown: str) -> list[str]:
    """The redis-cli commands of `markdown` (code blocks, their commented-out commands too,
    and inline code) that would reach Redis without its password."""
    found = []
    for _, body in FENCE.findall(markdown):
        exported = False
        for line in body.splitlines():
            exported = exported or "export REDISCLI_AUTH" in line
            if re.search(r"\bredis-cli\b(?!'s)", line) and not exported and not (
                    AUTHENTICATED.search(line)):
                found.append(line.strip())
    prose = FENCE.sub("", markdown)
    for span in re.findall(r"`([^`]+)`", prose):
        span = " ".join(span.split())
        # a command (`redis-cli ... CONFIG SET ...`), not a mention of an option (`--rdb`)
        if re.match(r"redis-cli( \S+)* [A-Z]{3,}\b", span) and not AUTHENTICATED.search(span):
            found.append(span)
    return found


def test_every_documented_redis_cli_has_the_password() -> None:
    for doc in ("docs/DEPLOY.md", "docs/REDIS.md", "deploy/rasa.md", "README.md"):
        assert unauthenticated((ROOT / doc).read_text()) == [], doc


def test_the_check_catches_the_aof_upgrade_without_auth() -> None:
    old = "```sh\n# upgrading: AOF on first\n#   redis-cli CONFIG SET appendonly yes\n```\n"
    assert unauthenticated(old) == ["#   redis-cli CONFIG SET appendonly yes"]
    fixed = old.replace("# upgrading", "# read -rs REDISCLI_AUTH && export REDISCLI_AUTH")
    assert unauthenticated(fixed) == []
    assert unauthenticated("run `redis-cli CONFIG SET appendonly yes` first") != []
