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
            "smb_updates", "Telegram updates received, by update type (message, "
            "edited_message, callback_query, other).", ["kind"], registry=r
        )
        self.malformed_updates = Counter(
            "smb_malformed_updates",
            "Requests or updates refused or ignored at the edge, by kind.",
            ["kind"],
            registry=r,
        )
        self.at_risk = Counter(
            "smb_at_risk", "Turns that opened the at-risk path, by source (phrase, model, "
            "button, self_check).", ["source"], registry=r,
        )
        self.rate_limited = Counter(
            "smb_rate_limited", "Messages held by the per-person rate limit, by outcome "
            "(slowed: answered later; dropped: a flood, answered with one notice).",
            ["outcome"], registry=r,
        )
        self.started = Counter(
            "smb_started", "Start commands (people starting or restarting the bot).", registry=r
        )
        self.other_country_pages = Counter(
            "smb_other_country_pages",
            "Pages shown for a country without its own page (the universal guidance).",
            registry=r,
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
            "smb_alerts", "Operator alerts by stage (queued, posted, escalated, taken, "
            "posted_unqueued).",
            ["stage"], registry=r,
        )
        self.alerts_requested = Counter(
            "smb_alerts_requested", "Operator alerts the engine asked for, by reason.",
            ["reason"], registry=r,
        )
        self.alert_posted_seconds = Histogram(
            "smb_alert_posted_seconds",
            "From the case opening (the person's consent, right after the at-risk answer) to "
            "its alert posted in the operators' chat.",
            buckets=_ALERT_BUCKETS, registry=r,
        )
        self.alert_taken_seconds = Histogram(
            "smb_alert_taken_seconds",
            "From the case opening to an operator taking it.",
            buckets=_ALERT_BUCKETS, registry=r,
        )
        self.rasa_failovers = Counter(
            "smb_rasa_failovers", "Parses answered by the embedded model because Rasa failed, "
            "by reason (down, timeout, http_status, invalid_json, bad_schema, breaker_open, "
            "error).", ["reason"], registry=r,
        )
        self.redis_up = Gauge(
            "smb_redis_up", "1 while Redis is used, 0 while answering from memory.", registry=r
        )
        self.redis_fallbacks = Counter(
            "smb_redis_fallbacks", "Times Redis went away and the bot fell back to memory.",
            registry=r,
        )
        self.operators_chat_reachable = Gauge(
            "smb_operators_chat_reachable",
            "1 when the start-up check or the last post in the operators' chat went through.",
            registry=r,
        )
        self.content_reloads = Counter(
            "smb_content_reloads", "Content reloads, by outcome (ok, rejected).", ["outcome"],
            registry=r,
        )
        self.outbox = Counter(
            "smb_outbox", "Updates a replica took up from a dead one, by what it found: "
            "resumed (its replies were in the outbox), rerun (not yet answered), "
            "possible_repeat (a Bot API call that was in flight at the kill, sent again).",
            ["event"], registry=r,
        )
        self.inbox_unreplicated = Counter(
            "smb_inbox_unreplicated", "Updates answered 200 whose inbox write fewer Redis "
            "replicas confirmed than REDIS_WAIT_REPLICAS within REDIS_WAIT_TIMEOUT_MS.",
            registry=r,
        )
        self.handling_overruns = Counter(
            "smb_handling_overruns", "Updates whose handling under the person's lock overran "
            "BOT_HANDLING_LIMIT_S and was cut (the lock released, the rest tried again outside "
            "it), by stage: answer, resume, rest.", ["stage"], registry=r,
        )
        self.checkins = Counter(
            "smb_checkins", "Check-in timer events (asked, undelivered, missed, late_answer).",
            ["event"], registry=r,
        )

    def observe_alert(self, stage: str, seconds: float) -> None:
        """Count an alert reaching `stage` ("posted" or "taken") `seconds` after its case
        opened (`Case.created`: the person's consent; the person's own time to decide is not
        the system's and is not in it)."""
        self.alerts.labels(stage).inc()
        histogram = self.alert_posted_seconds if stage == "posted" else self.alert_taken_seconds
        histogram.observe(max(0.0, seconds))

    def count_failover(self, reason: str) -> None:
        """Rasa failed over to the embedded model (`reason`: RasaError's closed set)."""
        self.rasa_failovers.labels(reason).inc()

    def exposition(self) -> bytes:
        """The registry in Prometheus' text exposition format."""
        return generate_latest(self.registry)
