"""A seeded Redis (through the real counters and case store) and a running dashboard server."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from aiohttp import web
from redis.asyncio import Redis

from bot.config import REPO_ROOT
from bot.core.events import OperatorAlert
from bot.dashboard.app import DashboardConfig, build_app
from bot.groups.counters import RedisGroupCounters
from bot.handoff.cases import CaseStore
from bot.handoff.stats import CaseCounters
from bot.i18n import I18n
from bot.metrics import Metrics
from bot.metrics_history import MetricsHistory
from bot.privacy import Pseudonymizer
from tests.helpers.redis_server import free_port

TZ = "Europe/Minsk"
TOKEN = "t" * 8 + "-a-long-dashboard-token-for-tests-0123456789"
BOT_TOKEN = "123456:TEST-bot-token"
OPERATOR = 424242001  # an allowed operator's Telegram id
STRANGER = 424242999
PERSON_ID = 987654321012  # a person's Telegram id: must never appear on the dashboard
PERSON_TEXT = "my passport was taken by the foreman Vasily"  # must never appear either
PSEUDONYM_KEY = "dashboard-test-key"
GROUP_IDS = (-1001234567890, -1009876543210)  # Telegram group ids: never on the dashboard


class DayCounters(CaseCounters):
    """The real counters, writing on a chosen day (the seed spreads cases over weeks)."""

    def __init__(self, redis: Redis, day: date) -> None:
        super().__init__(redis, TZ)
        self._day = day

    def _today(self) -> date:
        return self._day


@dataclass(frozen=True)
class Seeded:
    """What the seed wrote, to compare the pages against."""

    today: date
    by_day: dict[date, int]
    countries: dict[str, int]
    indicators: dict[str, int]
    outcomes: dict[str, int]
    taken_seconds: list[int]
    waiting_pseudonym: str
    bot_side: dict[str, int]  # the bot's side page's row id -> today's count
    group_keys: tuple[str, ...] = ()  # the groups' full keyed hashes, in GROUP_IDS order
    groups: tuple[dict[str, int], ...] = ()  # per group (GROUP_IDS order): counter -> count


def today() -> date:
    return datetime.now(ZoneInfo(TZ)).date()


async def seed(redis: Redis, pseudonymizer: Pseudonymizer) -> Seeded:
    """Cases on three days in two weeks, outcomes, response times and an open queue."""
    now = today()
    plan = {
        now: [("ru", "PL", "high", ["risk_documents_withheld", "risk_debt_bondage"]),
              ("be", "PL", "high", ["risk_documents_withheld"]),
              ("en", "DE", "medium", [])],
        now - timedelta(days=1): [("ru", "LT", "high", ["risk_wages_withheld"])],
        now - timedelta(days=8): [("ru", "PL", "low", []), ("ru", "", "", [])],
    }
    countries: dict[str, int] = {}
    indicators: dict[str, int] = {}
    for day, cases in plan.items():
        counters = DayCounters(redis, day)
        for language, country, risk, signs in cases:
            await counters.opened(language, country, "risk", risk, signs)
            key = country or "unknown"
            countries[key] = countries.get(key, 0) + 1
            for sign in signs:
                indicators[sign] = indicators.get(sign, 0) + 1
    today_counters = DayCounters(redis, now)
    await today_counters.outcome("referred")
    await today_counters.outcome("referred")
    await today_counters.outcome("advice")
    taken_seconds = [60, 180, 600]
    for seconds in taken_seconds:
        await today_counters.duration("taken", seconds)
    await today_counters.duration("closed", 3600)

    # Open cases through the real case store: one waiting, one taken by an operator.
    store = CaseStore(redis, 3600)
    waiting_key = pseudonymizer.user_key(PERSON_ID)
    waiting_name = pseudonymizer.pseudonym(waiting_key)
    alert = OperatorAlert(user_key=waiting_key, chat_key=f"tg:{PERSON_ID}", reason="risk",
                          language="ru", country="PL", risk_level="high",
                          summary=(PERSON_TEXT,), user_text=PERSON_TEXT)
    waiting = await store.open(alert, waiting_name)
    await store.update(waiting.id, created=repr(time.time() - 300))
    other_key = pseudonymizer.user_key(PERSON_ID + 1)
    taken = await store.open(replace(alert, user_key=other_key, chat_key=f"tg:{PERSON_ID + 1}"),
                             pseudonymizer.pseudonym(other_key))
    assert await store.take(taken.id, OPERATOR, time.time())

    # The bot's own counters, saved by the bot process's MetricsHistory.
    metrics = Metrics()
    metrics.handled.labels("text").inc(40)
    metrics.handled.labels("button").inc(17)
    metrics.at_risk.labels("phrase").inc(4)
    metrics.at_risk.labels("model").inc(2)
    metrics.alerts_requested.labels("request").inc(3)
    metrics.started.inc(9)
    metrics.other_country_pages.inc(5)
    metrics.count_failover("timeout")
    metrics.count_failover("down")
    metrics.rate_limited.labels("slowed").inc(1)
    metrics.rate_limited.labels("dropped").inc(2)
    await MetricsHistory(redis, metrics, TZ).flush()
    bot_side = {"handled": 57, "started": 9, "at_risk_phrase": 4, "at_risk_model": 2,
                "asked_human": 3, "other_country": 5, "rasa_failover": 2, "rate_limited": 3}

    # Two groups' activity through the real group counters, keyed as the adapter keys them.
    group_keys = tuple(pseudonymizer.user_key(f"tg-group:{chat}") for chat in GROUP_IDS)
    group_counters = RedisGroupCounters(redis, TZ)
    first, second = group_keys
    for _ in range(3):
        await group_counters.count(first, "checked")
    await group_counters.count(first, "warned", "admins_told")
    await group_counters.count(first, "warned")
    await group_counters.count(first, "danger")
    await group_counters.count(second, "checked")
    await group_counters.count(second, "capped")
    groups = ({"checked": 3, "warned": 2, "admins_told": 1, "danger": 1, "capped": 0},
              {"checked": 1, "warned": 0, "admins_told": 0, "danger": 0, "capped": 1})
    return Seeded(now, {d: len(c) for d, c in plan.items()}, countries, indicators,
                  {"referred": 2, "advice": 1}, taken_seconds, waiting_name, bot_side,
                  group_keys, groups)


@pytest.fixture
def pseudonymizer() -> Pseudonymizer:
    return Pseudonymizer(PSEUDONYM_KEY)


@pytest.fixture
async def seeded(redis_client: Redis, pseudonymizer: Pseudonymizer) -> Seeded:
    return await seed(redis_client, pseudonymizer)


def make_config(redis: Redis, pseudonymizer: Pseudonymizer, **overrides: object) -> DashboardConfig:
    config = DashboardConfig(
        redis=redis, i18n=I18n(REPO_ROOT / "locales"), pseudonymizer=pseudonymizer,
        content_dir=REPO_ROOT / "content", timezone=TZ, language="en", token=TOKEN,
        session_s=600, bot_token=BOT_TOKEN, bot_username="smb_test_bot",
        operator_ids=frozenset({OPERATOR}), login_max_age_s=300,
    )
    return replace(config, **overrides)  # type: ignore[arg-type]


@dataclass
class Server:
    url: str
    app: web.Application


async def start_server(config: DashboardConfig) -> tuple[Server, web.AppRunner]:
    app = build_app(config)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    return Server(f"http://127.0.0.1:{port}", app), runner


@pytest.fixture
async def dashboard(redis_client: Redis, pseudonymizer: Pseudonymizer,
                    seeded: Seeded) -> AsyncIterator[Server]:
    server, runner = await start_server(make_config(redis_client, pseudonymizer))
    try:
        yield server
    finally:
        await runner.cleanup()
