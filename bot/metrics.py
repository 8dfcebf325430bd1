"""Prometheus metrics: one registry per process, built by the factory and passed down.

No message text, phone number or Telegram id ever becomes a label: labels are closed sets
(a kind, an adapter, an outcome). Counters are exposed at `GET /metrics` in Prometheus' text
format (docs/DEPLOY.md lists them with the alerting rules in deploy/).
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

# Seconds: a reply within a second is the goal, an alert taken within minutes.
_HANDLER_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
_ALERT_BUCKETS = (1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 4 * 3600, 24 * 3600)


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

        # Ship-it metrics (issue 12): the rest of the bot increments them where it acts.
        self.handled = Counter(
            "smb_handled_events", "Events the dialogue engine handled, by kind.", ["kind"],
            registry=r,
        )
        self.handler_seconds = Histogram(
            "smb_handler_seconds", "Time the dialogue engine took per event.",
            buckets=_HANDLER_BUCKETS, registry=r,
        )
        self.replies_sent = Counter(
            "smb_replies_sent", "Messages sent to people and operators.", registry=r
        )
        self.telegram_errors = Counter(
            "smb_telegram_errors", "Bot API calls that failed, by method and error class.",
            ["method", "error"], registry=r,
        )
        self.alerts = Counter(
            "smb_alerts", "Operator alerts by stage (queued, posted, escalated, taken).",
            ["stage"], registry=r,
        )
        self.alerts_requested = Counter(
            "smb_alerts_requested", "Operator alerts the engine asked for, by reason.",
            ["reason"], registry=r,
        )
        self.alert_posted_seconds = Histogram(
            "smb_alert_posted_seconds", "From the at-risk message to the alert posted.",
            buckets=_ALERT_BUCKETS, registry=r,
        )
        self.alert_taken_seconds = Histogram(
            "smb_alert_taken_seconds", "From the at-risk message to an operator taking it.",
            buckets=_ALERT_BUCKETS, registry=r,
        )
        self.rasa_failovers = Counter(
            "smb_rasa_failovers", "Parses answered by the embedded model because Rasa failed.",
            registry=r,
        )
        self.redis_up = Gauge(
            "smb_redis_up", "1 while Redis is used, 0 while answering from memory.", registry=r
        )
        self.content_reloads = Counter(
            "smb_content_reloads", "Content reloads, by outcome (ok, rejected).", ["outcome"],
            registry=r,
        )
        self.checkins = Counter(
            "smb_checkins", "Check-in timer events (asked, undelivered, missed, late_answer).",
            ["event"], registry=r,
        )

    def exposition(self) -> bytes:
        """The registry in Prometheus' text exposition format."""
        return generate_latest(self.registry)
