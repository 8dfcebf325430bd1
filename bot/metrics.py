"""Prometheus metrics: one registry per process, built by the factory and passed down.

No message text, phone number or Telegram id ever becomes a label: labels are closed sets
(a kind, an adapter, an outcome). Counters are exposed at `GET /metrics` in Prometheus' text
format (see docs/OPERATIONS.md once the ship-it work lands).
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, generate_latest


class Metrics:
    """Every metric the bot exports; build one per process and pass it to the parts."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.updates = Counter(
            "smb_updates", "Telegram updates received, by kind.", ["kind"], registry=r
        )
        self.malformed_updates = Counter(
            "smb_malformed_updates",
            "Requests or updates refused or ignored at the edge, by kind.",
            ["kind"],
            registry=r,
        )
        self.at_risk = Counter(
            "smb_at_risk", "Messages that opened the at-risk path, by source.", ["source"],
            registry=r,
        )
        self.rate_limited = Counter(
            "smb_rate_limited", "Messages slowed by the per-person rate limit.", registry=r
        )
        self.redis_oom_refusals = Counter(
            "smb_redis_oom_refusals", "Redis writes refused with OOM.", registry=r
        )
        self.redis_used_memory = Gauge(
            "smb_redis_used_memory_bytes", "Redis used_memory at the last check.", registry=r
        )
        self.redis_maxmemory = Gauge(
            "smb_redis_maxmemory_bytes", "Redis maxmemory (0: no limit).", registry=r
        )
        self.redis_evicted_keys = Gauge(
            "smb_redis_evicted_keys", "Redis evicted_keys (must stay 0).", registry=r
        )

    def exposition(self) -> bytes:
        """The registry in Prometheus' text exposition format."""
        return generate_latest(self.registry)
