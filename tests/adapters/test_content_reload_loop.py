"""SIGHUP reloads content/ off the event loop: while a reload runs (seconds to tens of seconds of
YAML, checks and model training), /healthz and people are still answered with the old content;
the new content applies once it is ready; a reload that fails keeps the old one."""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import signal
import threading
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from redis.asyncio import Redis

import bot.content.loader as loader
from bot.config import REPO_ROOT, Settings
from bot.content.loader import ContentHolder
from bot.content.models import Content
from bot.content.problems import Problem
from bot.content.reloader import ContentReloader
from bot.core.adcheckers import AdCheckers
from bot.core.session_store import SessionStore
from bot.factory import build_engine
from bot.metrics import Metrics
from tests.adapters.test_at_risk_telegram import Start
from tests.helpers.engine import shared_recognizer, trained_once
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.redis_server import RedisServer, free_port
from tests.helpers.telegram_bot import Person, make_settings

NEW_WELCOME = "Здравствуйте! Это новый текст приветствия."


@pytest.fixture
def holder(tmp_path: Path) -> ContentHolder:
    directory = tmp_path / "content"
    shutil.copytree(REPO_ROOT / "content", directory)
    return ContentHolder(directory, ad_checkers=AdCheckers(trained_once()))


def edit_welcome(holder: ContentHolder) -> str:
    """Change the Russian welcome on disk; returns the one in use."""
    messages = holder.directory / "messages.yaml"
    old = holder.content.messages.welcome.ru
    assert old is not None
    first_line = old.splitlines()[0]
    text = messages.read_text(encoding="utf-8")
    assert first_line in text
    messages.write_text(text.replace(first_line, NEW_WELCOME, 1), encoding="utf-8")
    return first_line


async def test_people_and_healthz_are_answered_while_a_reload_runs(
    holder: ContentHolder, fake_api: FakeBotAPI, redis_server: RedisServer,
    redis_client: Redis, running: Start, monkeypatch: pytest.MonkeyPatch,
) -> None:
    in_reload = threading.Event()  # set by the reload's work once it started
    answered = threading.Event()  # set by the test once it got its answers
    happened: list[str] = []
    check = loader.check_content

    def held_check(*args: Any, **kwargs: Any) -> tuple[Content | None, list[Problem]]:
        in_reload.set()
        answered.wait(30)  # on the event loop (the old code) nothing answers meanwhile
        happened.append("reload done")
        return check(*args, **kwargs)

    async def factory(settings: Settings, store: SessionStore) -> object:
        return await build_engine(settings, store=store, recognizer=shared_recognizer(),
                                  content=holder, handoff_available=True)

    port = free_port()
    settings = make_settings(fake_api, "aiogram", redis_server.url,
                             health_listen=f"127.0.0.1:{port}")
    bot = await running(settings, factory)
    person = Person(bot, fake_api, 6101, "ru")
    old_welcome = edit_welcome(holder)
    monkeypatch.setattr(loader, "check_content", held_check)

    os.kill(os.getpid(), signal.SIGHUP)
    assert await asyncio.to_thread(in_reload.wait, 30)
    async with aiohttp.ClientSession() as http, \
            http.get(f"http://127.0.0.1:{port}/healthz") as resp:
        assert resp.status == 200
    during = await person.say("/start")
    happened.append("answered")
    answered.set()

    assert old_welcome in during[0].text  # the old content serves until the new one is ready
    for _ in range(600):  # installed on the loop right after the worker returns
        if holder.content.messages.welcome.ru.startswith(NEW_WELCOME):
            break
        await asyncio.sleep(0.05)
    after = await person.say("/start")
    assert NEW_WELCOME in after[0].text
    assert happened == ["answered", "reload done"]


async def test_a_reload_that_fails_keeps_the_content_in_use(
    holder: ContentHolder, caplog: pytest.LogCaptureFixture,
) -> None:
    metrics = Metrics()
    before = holder.content

    def broken() -> tuple[Content | None, list[Problem]]:
        raise MemoryError("the model did not fit")

    with caplog.at_level(logging.ERROR):
        await ContentReloader(holder, metrics, prepare=broken).reload_once()
    (holder.directory / "messages.yaml").write_text("messages: [unclosed\n", encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        await ContentReloader(holder, metrics).reload_once()

    assert holder.content is before
    assert "content reload failed (MemoryError), keeping the previous content" in caplog.text
    assert "content reload rejected" in caplog.text
    assert metrics.registry.get_sample_value(
        "smb_content_reloads_total", {"outcome": "rejected"}) == 2


async def test_signals_during_a_reload_ask_for_one_more_not_one_each(
    holder: ContentHolder,
) -> None:
    release = threading.Event()
    runs: list[int] = []

    def prepare() -> tuple[Content | None, list[Problem]]:
        runs.append(len(runs))
        release.wait(30)
        return holder.content, []

    reloader = ContentReloader(holder, Metrics(), prepare=prepare)
    reloader.request()
    await asyncio.sleep(0)
    for _ in range(3):  # the editor saved three more times meanwhile
        reloader.request()
    release.set()
    await reloader.wait()
    assert runs == [0, 1]  # the latest files were read after the last save


async def test_a_stop_during_a_reload_does_not_wait_for_it(holder: ContentHolder) -> None:
    release = threading.Event()
    before = holder.content

    def prepare() -> tuple[Content | None, list[Problem]]:
        release.wait(30)
        return None, []

    reloader = ContentReloader(holder, Metrics(), prepare=prepare)
    reloader.request()
    await asyncio.sleep(0)
    await reloader.aclose()  # returns while the worker still holds on
    assert not release.is_set() and holder.content is before
    release.set()
