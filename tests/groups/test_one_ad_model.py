"""A bot process trains the ad check's sentence model once per content (about a second or two
each time): the content check at start-up trains it, and the dialogue's /checkad and the group
desk answer with that very checker. Before, the engine trained it again at start-up and the
group desk a third time, on the first group message."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from redis.asyncio import Redis

from bot.config import REPO_ROOT, Settings
from bot.content.loader import ContentHolder
from bot.content.models import AdCheck
from bot.core.adcheck import AdChecker, build_ad_checker
from bot.core.adcheckers import AdCheckers
from bot.core.session_store import SessionStore
from bot.factory import build_engine
from bot.nlu.base import IntentRecognizer
from tests.groups.conftest import GroupMember
from tests.groups.test_groups_telegram import MEMBER, SCAM_AD, join_groups
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import Person, RunningBot, make_settings

Start = Callable[..., Awaitable[RunningBot]]
GROUP = {"id": -1001501, "type": "supergroup", "title": "Работа в Литве"}


async def test_one_trained_checker_answers_checkad_and_the_group_warning(
    fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis, running: Start,
    engine_parts: tuple[ContentHolder, IntentRecognizer],
) -> None:
    built: list[AdCheck] = []

    def build(rules: AdCheck) -> AdChecker:
        built.append(rules)
        return build_ad_checker(rules)  # rules and the trained model, as the bot runs them

    holder = ContentHolder(REPO_ROOT / "content", ad_checkers=AdCheckers(build))
    assert len(built) == 1  # the content check tried the flags' examples on it

    async def factory(settings: Settings, store: SessionStore) -> object:
        return await build_engine(settings, store=store, recognizer=engine_parts[1],
                                  content=holder, handoff_available=True)

    join_groups(fake_api, (GROUP,))
    bot = await running(make_settings(fake_api, "aiogram", redis_server.url), factory)
    person = Person(bot, fake_api, 6001, "ru")
    await person.say("/start")
    assert "Вставьте текст вакансии" in "\n".join(c.text for c in await person.say("/checkad"))
    report = "\n".join(c.text for c in await person.say(SCAM_AD))
    assert "Тревожных признаков" in report and "150 евро" in report

    warning = await GroupMember(bot, fake_api, redis_client, MEMBER, GROUP).post(SCAM_AD)
    assert len(warning) == 1 and "оплатить 150 евро" in warning[0].text
    assert len(built) == 1
