"""The webhook's edge on its own: kinds, the metric, one log line per kind per minute."""

from __future__ import annotations

import json
import logging

import pytest

from bot.adapters.telegram.edge import UpdateGate, valid_text
from bot.metrics import Metrics

GOOD = {"update_id": 1, "message": {
    "message_id": 1, "date": 1_700_000_000, "chat": {"id": 5, "type": "private"},
    "from": {"id": 5, "is_bot": False, "first_name": "A"}, "text": "hi \ud83d"}}


def count(metrics: Metrics, kind: str) -> float:
    value = metrics.registry.get_sample_value("smb_malformed_updates_total", {"kind": kind})
    return value or 0.0


def test_a_good_update_passes_with_valid_text() -> None:
    verdict = UpdateGate().check(json.dumps(GOOD).encode())
    assert verdict.status == 200 and verdict.update is not None
    assert verdict.update["message"]["text"] == "hi \ufffd"
    assert valid_text("ok ✓") == "ok ✓" and valid_text("\udc00x") == "\ufffdx"


def test_malformed_input_is_counted_and_logged_once_a_minute(
    caplog: pytest.LogCaptureFixture,
) -> None:
    now = [0.0]
    metrics = Metrics()
    gate = UpdateGate(metrics, clock=lambda: now[0])
    bad = json.dumps({"update_id": 2, "message": {"text": "private words"}}).encode()
    with caplog.at_level(logging.WARNING):
        for _ in range(100):
            assert gate.check(bad).status == 200
            assert gate.check(b"nope").status == 400
        now[0] = 61.0
        gate.check(bad)
    assert count(metrics, "invalid_message") == 101 and count(metrics, "not_json") == 100
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 3  # two kinds, then the first kind again a minute later
    assert "99 more since the last notice" in lines[2]
    assert all(r.levelno == logging.WARNING for r in caplog.records)
    assert not any("private words" in line for line in lines)


def test_depth_and_size_limits() -> None:
    gate = UpdateGate(max_body=1000, max_depth=8)
    nested = {"update_id": 3, "x": [[[[[[[[[]]]]]]]]]}
    assert gate.check(json.dumps(nested).encode()).malformed == "too_deep"
    assert gate.check(b" " * 1001).status == 413
