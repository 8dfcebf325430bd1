"""Check-in test helpers: a fake clock the scheduler and the engine both read, the bot on the
fake Bot API, an engine bound to a real Redis, and the setup as a person goes through it."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from redis.asyncio import Redis

from bot.checkin.plan import DAY, HOUR
from bot.checkin.store import PlanStore
from bot.config import REPO_ROOT
from bot.core.engine import DialogueEngine
from bot.core.session_store import InMemorySessionStore
from bot.factory import build_triage
from bot.i18n import I18n
from bot.storage.redis import RedisSessionStore
from tests.handoff.telegram import OPS, HandoffBot, sent_to, settings_for
from tests.helpers.chat import plain_settings
from tests.helpers.engine import shared_content, shared_recognizer
from tests.helpers.fake_bot_api import Call, FakeBotAPI
from tests.helpers.telegram_bot import PSEUDONYM_KEY, Person

POLL = 0.05  # the scheduler's tick in tests: real seconds, while the clock jumps by days
SECRET_KEY = PSEUDONYM_KEY  # the bot's BOT_PSEUDONYM_KEY in tests: plans sealed under it
INTERVAL, DURATION, GRACE = 2 * DAY, 14 * DAY, 12 * HOUR  # ci:i:2, ci:d:2, ci:g:12


@dataclass
class FakeClock:
    """Epoch seconds that move only when a test says so."""

    now: float = field(default_factory=time.time)

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def checkin_bot(api: FakeBotAPI, framework: str, redis_url: str, clock: FakeClock) -> HandoffBot:
    return HandoffBot(settings_for(api, framework, redis_url),
                      checkin_options={"clock": clock, "poll": POLL, "lease": 60.0})


async def set_up(person: Person, *, country: str = "PL", employer: str | None = "ООО Ромашка",
                 contact: str | None = None, zone: str | None = None,
                 share_location: bool = False) -> str:
    """Turn check-ins on every 2 days for 2 weeks with 12 hours' grace; the started text.
    `zone`: the clock picked when the country keeps several or is not shared (default UTC)."""
    await person.press("m:checkin")
    await person.press("ci:i:2")
    await person.press("ci:d:2")
    await person.press("ci:g:12")
    await person.press(f"ci:c:{country}")
    if zone is not None or country == "no":  # not shared: the person picks a clock
        await person.press(f"ci:z:{zone or 'utc'}")
    await person.press("ci:l:yes" if share_location else "ci:l:no")
    if employer is None:
        await person.press("ci:skip")
    else:
        await person.say(employer)
    if contact is None:
        [confirm] = await person.press("ci:skip")
    else:
        [confirm] = await person.say(contact)
    assert "ci:go" in untag(confirm.payloads)
    [started] = await person.press("ci:go")
    return started.text


def untag(payloads: list[str]) -> list[str]:
    """Payloads without a setup screen's tag (`ci:go@1a2b3c4d` -> `ci:go`): what kind of button."""
    return [p.split("@", 1)[0] for p in payloads]


def screen_kinds(calls: list[Call]) -> set[str]:
    """The setup screens shown: "i", "d", "g", "c", "z", "l", "skip", "go" (from payloads)."""
    return {p.split(":")[1] for p in untag([p for call in calls for p in call.payloads])
            if p.startswith("ci:") and p != "ci:x"}


async def miss_check_in(person: Person, api: FakeBotAPI, clock: FakeClock, question: str,
                        posted: str = "Case #") -> None:
    """Let the check-in after `set_up` come (its `question` text) and its grace pass: the
    operators get the missed check-in's alert (its head `posted` in their language)."""
    clock.advance(INTERVAL + 1)
    await sent_to(api, person.chat_id, question)
    mark = len(api.calls)
    clock.advance(GRACE + 1)
    await sent_to(api, OPS, posted, since=mark)


async def idle(seconds: float = 10 * POLL) -> None:
    """Let the scheduler tick a few times (for "nothing happened" checks)."""
    await asyncio.sleep(seconds)


def engine(redis: Redis | None, clock: FakeClock | None = None) -> DialogueEngine:
    """The real engine; with `redis`, sessions there and check-in plans bound to it."""
    settings = plain_settings()
    built = DialogueEngine(shared_content(), shared_recognizer(),
                           build_triage(settings, shared_content().matchers),
                           RedisSessionStore(redis) if redis else InMemorySessionStore(),
                           I18n(REPO_ROOT / "locales"), settings)
    if redis is not None:
        built.checkin.bind(PlanStore(redis, SECRET_KEY), clock or FakeClock())
    return built


# What the operators' alert and the set-up's summary say before the destination, per language.
DESTINATION = {"ru": "Страна назначения: ", "be": "Краіна прызначэння: ",
               "en": "Destination country: "}
# What a set-up step says to a message it cannot read, per language.
NOT_UNDERSTOOD = {"ru": "Не понял ответ", "be": "Не зразумеў адказ",
                  "en": "I did not understand that answer"}
