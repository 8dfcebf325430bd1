"""Every metric the bot declares is counted where its event happens, read back from /metrics.

The events are real: people and operators on the fake Bot API over HTTP, a real redis-server,
the real engine and handoff; only Rasa is a closed port. A static check keeps the kind: a
metric declared in `Metrics` that no code outside bot/metrics.py touches fails the first test.
"""

from __future__ import annotations

import ast
import asyncio
import os
import re
import shutil
import signal
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr
from redis.asyncio import Redis

from bot.adapters.telegram.runner import EngineFactory
from bot.config import REPO_ROOT, Settings
from bot.content.loader import ContentHolder
from bot.core.adcheckers import AdCheckers
from bot.core.session_store import SessionStore
from bot.factory import build_engine, build_triage
from bot.handoff.opschat import OperatorsChat
from bot.metrics import Metrics
from tests.handoff.telegram import (
    OPS,
    HandoffBot,
    Operator,
    case_of,
    consent,
    reach_consent,
    recorded,
    sent_to,
    settings_for,
)
from tests.helpers.chat import plain_settings
from tests.helpers.engine import shared_content, shared_recognizer
from tests.helpers.fake_bot_api import FakeBotAPI, callback_update, message_update, user
from tests.helpers.redis_server import RedisServer, free_port, running_redis
from tests.helpers.telegram_bot import Person, RunningBot, make_settings

Start = Callable[..., Awaitable[RunningBot]]
StartHandoff = Callable[[HandoffBot], Awaitable[HandoffBot]]
Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]
FRAMEWORKS = pytest.mark.parametrize("framework", ["aiogram", "ptb"])


@pytest.fixture
async def bots() -> AsyncIterator[StartHandoff]:
    """Handoff bots started with `await bots(HandoffBot(...))`, all stopped at the end."""
    started: list[HandoffBot] = []

    async def start(bot: HandoffBot) -> HandoffBot:
        await bot.start()
        started.append(bot)
        return bot

    try:
        yield start
    finally:
        for bot in started:
            await bot.stop()


async def scrape(base: str) -> Samples:
    """GET /metrics, parsed with prometheus_client's own parser: {(sample, labels): value}."""
    async with aiohttp.ClientSession() as http, http.get(f"{base}/metrics") as resp:
        assert resp.status == 200
        text = await resp.text()
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


async def eventually(base: str, check: Callable[[Samples], bool], within: float = 15.0) -> Samples:
    """Scrape until `check` holds (background work such as posting an alert takes a moment)."""
    deadline = asyncio.get_running_loop().time() + within
    while True:
        samples = await scrape(base)
        if check(samples):
            return samples
        if asyncio.get_running_loop().time() > deadline:
            return samples  # the caller's assert shows what was there
        await asyncio.sleep(0.05)


async def readyz(base: str) -> tuple[int, dict[str, Any]]:
    async with aiohttp.ClientSession() as http, http.get(f"{base}/readyz") as resp:
        return resp.status, await resp.json()


async def chat_check(base: str, until: str, within: float = 15.0) -> tuple[int, dict[str, Any]]:
    """/readyz until its operators_chat check says `until` (or time is up)."""
    deadline = asyncio.get_running_loop().time() + within
    while True:
        status, body = await readyz(base)
        if body["checks"]["operators_chat"] == until or \
                asyncio.get_running_loop().time() > deadline:
            return status, body
        await asyncio.sleep(0.05)


def with_health(settings: Settings) -> tuple[Settings, str]:
    port = free_port()
    settings.bot = settings.bot.model_copy(update={"health_listen": f"127.0.0.1:{port}"})
    return settings, f"http://127.0.0.1:{port}"


# ---------------------------------------------------------------------- the kind, statically
def test_every_declared_metric_is_counted_somewhere_outside_its_declaration() -> None:
    metrics = Metrics()
    declared = {name for name, attr in vars(metrics).items() if name != "registry"
                and hasattr(attr, "_name")}  # prometheus_client metric objects
    tree = ast.parse((REPO_ROOT / "bot" / "metrics.py").read_text(encoding="utf-8"))
    # Helpers on Metrics (observe_alert, count_failover) count for the metrics they touch.
    helpers: dict[str, set[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name not in ("__init__", "exposition"):
            helpers[node.name] = {n.attr for n in ast.walk(node) if isinstance(n, ast.Attribute)}
    code = "\n".join(path.read_text(encoding="utf-8")
                     for path in (REPO_ROOT / "bot").rglob("*.py")
                     if path != REPO_ROOT / "bot" / "metrics.py")
    used = {name for name in declared if re.search(rf"\.{name}\b", code)}
    for helper, touched in helpers.items():
        if re.search(rf"\.{helper}\b", code):
            used |= touched & declared
    assert declared - used == set(), "declared in Metrics but never counted"


# ---------------------------------------------------------------------- a person and a case
@FRAMEWORKS
async def test_a_case_from_start_to_taken_is_counted_at_each_step(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    bots: StartHandoff,
) -> None:
    settings, base = with_health(settings_for(fake_api, framework, redis_server.url))
    bot = await bots(HandoffBot(settings))
    person, operator = Person(bot, fake_api, 8101, "ru"), Operator(fake_api)

    await reach_consent(person)  # /start, a danger phrase, the country button
    samples = await scrape(base)
    assert value(samples, "smb_started_total") == 1
    assert value(samples, "smb_at_risk_total", source="phrase") == 1
    assert value(samples, "smb_updates_total", kind="message") == 2
    assert value(samples, "smb_updates_total", kind="callback_query") == 1
    assert value(samples, "smb_handled_events_total", kind="command") == 1
    assert value(samples, "smb_handler_seconds_count") == 3
    assert value(samples, "smb_replies_sent_total") >= 3

    await consent(person, "h:yes")
    (alert,) = await sent_to(fake_api, OPS, "Case #")
    case = case_of(alert)
    await recorded(redis_client, case)
    samples = await eventually(
        base, lambda s: value(s, "smb_alerts_total", stage="posted") == 1)
    assert value(samples, "smb_alerts_requested_total", reason="risk") == 1
    assert value(samples, "smb_alerts_total", stage="queued") == 1
    assert value(samples, "smb_alerts_total", stage="posted") == 1
    assert value(samples, "smb_alert_posted_seconds_count") == 1
    assert value(samples, "smb_operators_chat_reachable") == 1

    mark = len(fake_api.calls)
    await operator.press(f"op:take:{case}")
    await sent_to(fake_api, person.chat_id, "подключился", since=mark)
    samples = await eventually(base, lambda s: value(s, "smb_alerts_total", stage="taken") == 1)
    assert value(samples, "smb_alerts_total", stage="taken") == 1
    assert value(samples, "smb_alert_taken_seconds_count") == 1
    assert value(samples, "smb_alert_taken_seconds_sum") < 60  # seconds, from the case's start
    # No person, no case in any name or label: values are counts and times (a timestamp may
    # hold any digits, so they are not searched).
    named = "\n".join(f"{name} {labels}" for name, labels in samples)
    assert "8101" not in named and case not in named


async def test_an_untaken_alert_is_counted_as_escalated(
    fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    bots: StartHandoff,
) -> None:
    settings, base = with_health(settings_for(fake_api, "aiogram", redis_server.url))
    bot = await bots(HandoffBot(settings, {"escalate_after": 0.3}))
    person = Person(bot, fake_api, 8102, "ru")
    await reach_consent(person)
    await consent(person, "h:yes")
    await sent_to(fake_api, OPS, "Case #")

    samples = await eventually(
        base, lambda s: value(s, "smb_alerts_total", stage="escalated") >= 1)
    assert value(samples, "smb_alerts_total", stage="escalated") >= 1
    assert value(samples, "smb_alerts_total", stage="taken") == 0


async def test_the_menu_path_counts_a_button_risk_and_the_other_country_page(
    fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    running: Start, engine_factory: EngineFactory,
) -> None:
    settings, base = with_health(make_settings(fake_api, "aiogram", redis_server.url))
    bot = await running(settings, engine_factory)
    person = Person(bot, fake_api, 8103, "en")
    await person.say("/start")
    await person.press("m:country")  # "which country do you want to read about?"
    await person.press("p:other")  # a country without its own page
    await person.press("m:help_now")

    samples = await scrape(base)
    assert value(samples, "smb_other_country_pages_total") == 1
    assert value(samples, "smb_at_risk_total", source="button") == 1
    assert value(samples, "smb_at_risk_total", source="phrase") == 0


# Messages the classifier finds risky with no danger phrase in them (one is enough; the test
# fails, saying so, if new danger phrases come to cover them all).
MODEL_ONLY = ["не выпускают с фабрики", "hозяин держит меня взаперти",
              "нас не выпускают из общежития после смены"]


async def test_a_risk_only_the_model_sees_is_counted_as_model(
    fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    running: Start, engine_factory: EngineFactory,
) -> None:
    content = shared_content().content
    triage = build_triage(plain_settings(), shared_content().matchers)(content)
    decisions = {t: triage.assess(t, await shared_recognizer().parse(t, "ru")) for t in MODEL_ONLY}
    text = next((t for t, d in decisions.items() if d.at_risk and not d.by_phrase), None)
    assert text is not None, f"no message left that only the model flags: {decisions}"
    settings, base = with_health(make_settings(fake_api, "aiogram", redis_server.url))
    bot = await running(settings, engine_factory)
    person = Person(bot, fake_api, 8109, "ru")
    await person.say("/start")
    await person.say(text)

    samples = await scrape(base)
    assert value(samples, "smb_at_risk_total", source="model") == 1
    assert value(samples, "smb_at_risk_total", source="phrase") == 0


# ---------------------------------------------------------------------- limits and failures
async def test_rate_limited_messages_are_counted_slowed_or_dropped(
    fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    running: Start, engine_factory: EngineFactory,
) -> None:
    # Two at once, then one every 20 s, waiting at most 1 s: the rest of a burst is a flood.
    settings, base = with_health(make_settings(
        fake_api, "aiogram", redis_server.url, rate_limit=3, rate_burst=2, rate_max_delay_s=1))
    bot = await running(settings, engine_factory)
    person = Person(bot, fake_api, 8104, "ru")
    for i in range(6):
        await fake_api.push(message_update(fake_api, person.user, text=f"вопрос {i}"))
    await fake_api.wait_calls("sendMessage", 2, person.chat_id)
    await bot.settle()
    await fake_api.quiet(0.5)
    await bot.settle()

    samples = await scrape(base)
    dropped = value(samples, "smb_rate_limited_total", outcome="dropped")
    assert dropped >= 1
    # Every message is either handled (at once or slowed) or dropped as part of the flood.
    assert dropped == 6 - value(samples, "smb_handled_events_total", kind="text")


async def test_telegram_errors_are_counted_by_method_and_class(
    fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    running: Start, engine_factory: EngineFactory,
) -> None:
    settings, base = with_health(make_settings(fake_api, "ptb", redis_server.url))
    bot = await running(settings, engine_factory)
    person = Person(bot, fake_api, 8105, "ru")
    fake_api.fail("sendMessage", 403, "Forbidden: bot was blocked by the user",
                  chat_id=person.chat_id, times=5)
    await fake_api.push(message_update(fake_api, person.user, text="/start"))
    await fake_api.wait_calls("sendMessage", 1, person.chat_id)
    await bot.settle()

    samples = await scrape(base)
    errors = {labels: v for (name, labels), v in samples.items()
              if name == "smb_telegram_errors_total"}
    assert errors and all(dict(labels)["method"] == "sendMessage" for labels in errors)
    assert all(dict(labels)["error"] == "BotApiError" for labels in errors)


async def test_a_redis_outage_is_counted_once_as_a_fallback(
    fake_api: FakeBotAPI, running: Start, engine_factory: EngineFactory,
) -> None:
    with running_redis() as redis:
        settings, base = with_health(make_settings(fake_api, "aiogram", redis.url))
        bot = await running(settings, engine_factory)
        person = Person(bot, fake_api, 8106, "ru")
        await person.say("/start")
        redis.stop()
        await person.say("как найти работу")  # answered from memory
        await person.say("/menu")
        samples = await scrape(base)
        assert value(samples, "smb_redis_fallbacks_total") == 1  # one outage, not per call
        assert value(samples, "smb_redis_up") == 0
        redis.start()


async def test_rasa_failing_over_is_counted_by_reason(
    fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis, running: Start,
) -> None:
    # The runner's own engine (no test factory): Rasa on a port nobody listens on.
    settings, base = with_health(make_settings(fake_api, "aiogram", redis_server.url))
    settings.nlu = settings.nlu.model_copy(update={"backend": "rasa"})
    settings.rasa = settings.rasa.model_copy(update={"url": f"http://127.0.0.1:{free_port()}"})
    bot = await running(settings)
    person = Person(bot, fake_api, 8107, "ru")
    await person.say("как найти работу в Польше")

    samples = await scrape(base)
    failovers = {dict(labels)["reason"]: v for (name, labels), v in samples.items()
                 if name == "smb_rasa_failovers_total"}
    assert failovers.get("down", 0) >= 1
    assert set(failovers) <= {"down", "timeout", "http_status", "invalid_json", "bad_schema",
                              "breaker_open", "error"}


async def test_sighup_reloads_are_counted_by_outcome(
    fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis, running: Start,
    tmp_path: Path, ad_checkers: AdCheckers,
) -> None:
    directory = tmp_path / "content"
    shutil.copytree(REPO_ROOT / "content", directory)
    holder = ContentHolder(directory, ad_checkers=ad_checkers)

    async def factory(settings: Settings, store: SessionStore) -> object:
        return await build_engine(settings, store=store, recognizer=shared_recognizer(),
                                  content=holder, handoff_available=True)

    settings, base = with_health(make_settings(fake_api, "aiogram", redis_server.url))
    await running(settings, factory)
    os.kill(os.getpid(), signal.SIGHUP)  # the bot's handler is installed while it runs
    await eventually(base, lambda s: value(s, "smb_content_reloads_total", outcome="ok") == 1)
    (directory / "messages.yaml").write_text("messages: [unclosed\n", encoding="utf-8")
    os.kill(os.getpid(), signal.SIGHUP)

    samples = await eventually(
        base, lambda s: value(s, "smb_content_reloads_total", outcome="rejected") == 1)
    assert value(samples, "smb_content_reloads_total", outcome="ok") == 1
    assert value(samples, "smb_content_reloads_total", outcome="rejected") == 1


# ---------------------------------------------------------------------- the operators' chat
@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_readiness_reports_the_operators_chat_without_asking_telegram_per_probe(
    mode: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    bots: StartHandoff,
) -> None:
    settings = settings_for(fake_api, "aiogram", redis_server.url)
    if mode == "webhook":
        settings.bot = settings.bot.model_copy(update={"mode": "webhook"})
        settings.webhook = settings.webhook.model_copy(update={
            "url": "https://bot.example.org/tg/hook", "secret": SecretStr("hook-secret")})
        base = f"http://{settings.webhook.listen}"
    else:
        settings, base = with_health(settings)
    await bots(HandoffBot(settings))

    status, body = await readyz(base)
    assert status == 200 and body["checks"]["operators_chat"] == "ok"  # getChat at start
    asked = len(fake_api.calls_to("getChat")) + len(fake_api.calls_to("getChatMember"))
    for _ in range(3):
        await readyz(base)
    assert len(fake_api.calls_to("getChat")) + len(fake_api.calls_to("getChatMember")) == asked

    # The bot is removed from the group; the next alert finds out, and readiness says so.
    fake_api.kill_chat(OPS, 403, "Forbidden: bot was kicked from the supergroup chat")
    await trigger_alert(fake_api, mode, base)
    status, body = await chat_check(base, until="unreachable (CHAT_GONE)")
    assert body["checks"]["operators_chat"] == "unreachable (CHAT_GONE)"
    assert status == 200 and body["ready"] is True  # people still get the bot's answers
    assert value(await scrape(base), "smb_operators_chat_reachable") == 0


async def trigger_alert(api: FakeBotAPI, mode: str, base: str) -> None:
    """A person at risk agrees to a human: the handoff queues and tries to post the alert
    (through getUpdates when polling, POSTed to the webhook otherwise)."""
    person = user(8108, "ru")
    updates = [message_update(api, person, text="/start"),
               message_update(api, person, text="у меня забрали паспорт и не отпускают"),
               callback_update(api, person, "c:PL"), callback_update(api, person, "h:yes")]
    for update in updates:
        mark = len(api.calls)
        if mode == "polling":
            await api.push(update)
        else:
            update.setdefault("update_id", 9000 + len(api.calls))
            headers = {"X-Telegram-Bot-Api-Secret-Token": "hook-secret"}
            async with aiohttp.ClientSession() as http, http.post(
                    f"{base}/tg/hook", json=update, headers=headers) as resp:
                assert resp.status == 200
        await api.wait_calls("sendMessage", 1, 8108, since=mark)


async def test_readiness_shows_a_moved_operators_chat(
    fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    bots: StartHandoff,
) -> None:
    moved = OPS - 1
    fake_api.kill_chat(OPS, 400, "Bad Request: group chat was upgraded to a supergroup chat",
                       migrate_to_chat_id=moved)
    settings, base = with_health(settings_for(fake_api, "ptb", redis_server.url))
    await bots(HandoffBot(settings))

    status, body = await readyz(base)
    assert body["checks"]["operators_chat"] == f"moved to {moved}: set OPERATOR_CHAT_ID"
    assert status == 200


async def test_readiness_without_redis_reports_the_plain_alert_chat(
    fake_api: FakeBotAPI, running: Start, engine_factory: EngineFactory,
) -> None:
    settings, base = with_health(make_settings(fake_api, "aiogram", None, operator_chat_id=OPS))
    bot = await running(settings, engine_factory)
    status, body = await readyz(base)
    assert status == 200 and body["checks"]["operators_chat"] == "ok"
    assert "redis" not in body["checks"]

    # Without Redis an alert is posted straight away (no queue, no case): counted as such.
    person = Person(bot, fake_api, 8110, "ru")
    await person.say("/start")
    await person.say("у меня забрали паспорт и не отпускают")
    await person.press("c:PL")
    await person.press("h:yes")
    await sent_to(fake_api, OPS, "New case: ")  # the plain alert, in OPERATOR_LANGUAGE
    samples = await scrape(base)
    assert value(samples, "smb_alerts_total", stage="posted_unqueued") == 1
    assert value(samples, "smb_alerts_total", stage="queued") == 0

    fake_api.kill_chat(OPS, 400, "Bad Request: chat not found")
    await person.say("/operator")
    await person.press("h:yes", replies=0)
    status, body = await chat_check(base, until="unreachable (CHAT_GONE)")
    assert body["checks"]["operators_chat"] == "unreachable (CHAT_GONE)" and status == 200


async def test_replicas_share_what_the_operators_chat_answered(redis_client: Redis) -> None:
    # Two replicas on one Redis: what one saw at its last post, the other's probe reports.
    seen, other = Metrics(), Metrics()
    first, second = OperatorsChat(OPS, redis_client, seen), OperatorsChat(OPS, redis_client, other)
    assert await second.status() == "not checked"
    await first.mark(False, why="CHAT_GONE")
    assert await first.status() == "unreachable (CHAT_GONE)"
    assert await second.status() == "unreachable"
    assert value_of(other, "smb_operators_chat_reachable") == 0
    await first.mark(True)
    assert await second.status() is None
    assert value_of(other, "smb_operators_chat_reachable") == 1


def value_of(metrics: Metrics, name: str) -> float | None:
    return metrics.registry.get_sample_value(name)
