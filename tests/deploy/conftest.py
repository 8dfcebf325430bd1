"""Fixtures shared by the deployment tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.deploy.test_backup import DurableRedis


@pytest.fixture
def servers() -> Iterator[tuple[DurableRedis, DurableRedis]]:
    """Two password-protected redis-servers with deploy/redis.conf: a backup's source and a
    restore's target."""
    source, target = DurableRedis(), DurableRedis()
    try:
        source.up()
        target.up()
        yield source, target
    finally:
        source.close()
        target.close()
