"""The Redis alerting rules name metrics the bot really exports (a typo would never fire)."""

from __future__ import annotations

import re

import yaml

from bot.config import REPO_ROOT
from bot.metrics import Metrics

RULES = REPO_ROOT / "deploy" / "prometheus" / "redis-rules.yml"


def test_every_metric_in_the_redis_rules_is_exported() -> None:
    doc = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    rules = [rule for group in doc["groups"] for rule in group["rules"]]
    exported = set(re.findall(r"^# TYPE (\S+) ", Metrics().exposition().decode(), re.M))
    exported |= {f"{name}_total" for name in exported}  # counters are exposed with _total
    names = {n for rule in rules for n in re.findall(r"\bsmb_[a-z_]+", rule["expr"])}
    assert names and names <= exported, names - exported
    assert {"SmbRedisEvictedKeys", "SmbRedisOutOfMemory"} <= {rule["alert"] for rule in rules}
