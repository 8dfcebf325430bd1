"""The alerting rules and the Grafana dashboard name only metrics the bot exports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from prometheus_client.parser import text_string_to_metric_families

from bot.metrics import Metrics

ROOT = Path(__file__).resolve().parents[2]
NAME = re.compile(r"\bsmb_[a-z_]+")


def exported() -> set[str]:
    """Every series name /metrics can show (counters as _total, histograms as _bucket...)."""
    metrics = Metrics()
    names = set()
    for family in text_string_to_metric_families(metrics.exposition().decode()):
        names.add(family.name)
        suffixes = {"counter": ["_total", "_created"], "histogram": [
            "_bucket", "_sum", "_count", "_created"]}.get(family.type, [])
        names.update(family.name + s for s in suffixes)
    return names


def test_alerting_rules_use_exported_metrics() -> None:
    rules = yaml.safe_load((ROOT / "deploy" / "prometheus" / "alerts.yml").read_text())
    exprs = [rule["expr"] for group in rules["groups"] for rule in group["rules"]]
    assert len(exprs) >= 5
    used = {name for expr in exprs for name in NAME.findall(expr)}
    assert used and used <= exported(), used - exported()


def test_dashboard_uses_exported_metrics() -> None:
    dashboard = json.loads((ROOT / "deploy" / "grafana" / "safe-migration-bot.json").read_text())
    exprs = [t["expr"] for panel in dashboard["panels"] for t in panel["targets"]]
    used = {name for expr in exprs for name in NAME.findall(expr)}
    assert used and used <= exported(), used - exported()



def test_every_exported_metric_is_on_the_dashboard_or_in_a_rule() -> None:
    """A metric nobody can see is a metric nobody reads: each family shows somewhere."""
    dashboard = json.loads((ROOT / "deploy" / "grafana" / "safe-migration-bot.json").read_text())
    texts = [t["expr"] for panel in dashboard["panels"] for t in panel["targets"]]
    for name in ("alerts.yml", "redis-rules.yml"):
        rules = yaml.safe_load((ROOT / "deploy" / "prometheus" / name).read_text())
        texts += [rule["expr"] for group in rules["groups"] for rule in group["rules"]]
    used = {name for text in texts for name in NAME.findall(text)}
    families = {family.name for family in Metrics().registry.collect()}
    unseen = {f for f in families if not any(u == f or u.startswith(f + "_") for u in used)}
    assert unseen == set()
