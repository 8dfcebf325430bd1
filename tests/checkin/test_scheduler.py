"""The scheduler alone on a real redis-server: retries, the plan's end, metrics, leases."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from redis.asyncio import Redis

from bot.checkin.plan import DAY, HOUR, WEEK, Answer, CheckinPlan
from bot.checkin.scheduler import CheckinScheduler
from bot.checkin.store import PlanStore
from bot.core.events import Reply
from bot.core.messenger import BotApiError
from bot.metrics import Metrics
from tests.checkin.helpers import SECRET_KEY, FakeClock, engine
from tests.helpers.chat import Chat
from tests.helpers.engine import shared_content

USER = "k" * 32


@dataclass
class Phone:
    """The person's side of the Bot API: what was sent, or the error Telegram answers."""

    error: BotApiError | None = None
    sent: list[Reply] = field(default_factory=list)

    async def send(self, chat_id: int, reply: Reply, **_: object) -> list[int]:
        if self.error is not None:
            raise self.error
        self.sent.append(reply)
        return [len(self.sent)]

    async def edit(self, chat_id: int, message_id: int, reply: Reply) -> None: ...
    async def delete(self, chat_id: int, message_ids: Sequence[int]) -> None: ...
    async def answer_callback(self, callback_id: str, text: str | None = None) -> None: ...
    async def create_topic(self, chat_id: int, name: str) -> int:
        return 0
    async def close_topic(self, chat_id: int, thread_id: int) -> None: ...
    async def reopen_topic(self, chat_id: int, thread_id: int) -> None: ...


@dataclass
class Team:
    missed_plans: list[CheckinPlan] = field(default_factory=list)
    late: list[Answer] = field(default_factory=list)

    async def missed(self, user_key: str, plan: CheckinPlan) -> None:
        self.missed_plans.append(plan)

    async def answered_late(self, user_key: str, answer: Answer) -> None:
        self.late.append(answer)


async def _plan(redis: Redis, clock: FakeClock, weeks: int = 1) -> PlanStore:
    store = PlanStore(redis, SECRET_KEY)
    plan = CheckinPlan(chat_key="5551", language="be", interval_s=3 * DAY,
                       duration_s=weeks * WEEK, grace_s=6 * HOUR)
    plan.start(clock.now)
    await store.update(USER, lambda _: plan, now=clock.now)
    return store


def _scheduler(store: PlanStore, phone: Phone, team: Team, clock: FakeClock,
               metrics: Metrics | None = None) -> CheckinScheduler:
    return CheckinScheduler(store, phone, team, lambda: shared_content().content, clock,
                            metrics=metrics, lease=60.0)


async def test_telegram_busy_is_retried_after_the_lease_and_counted_once(
    redis_client: Redis,
) -> None:
    clock, phone, team, metrics = FakeClock(), Phone(), Team(), Metrics()
    store = await _plan(redis_client, clock)
    scheduler = _scheduler(store, phone, team, clock, metrics)
    clock.advance(3 * DAY + 1)
    phone.error = BotApiError(429, "Too Many Requests: retry after 5", retry_after=5)
    assert await scheduler.tick() == 1 and phone.sent == []
    phone.error = None
    assert await scheduler.tick() == 0  # still claimed: nobody else sends meanwhile
    clock.advance(61)
    await scheduler.tick()
    [question] = phone.sent
    assert question.text == "Прывітанне! Як справы, усё ў парадку?"
    assert metrics.checkins.labels("asked")._value.get() == 1
    plan = await store.load(USER)
    assert plan is not None and plan.phase == "asked" and not plan.undelivered


async def test_no_check_in_after_the_plan_end_and_the_plan_is_gone(redis_client: Redis) -> None:
    clock, phone, team = FakeClock(), Phone(), Team()
    store = await _plan(redis_client, clock, weeks=1)
    scheduler = _scheduler(store, phone, team, clock)
    for _ in range(2):  # days 3 and 6 are within the week; day 9 is not
        clock.advance(3 * DAY + 1)
        await scheduler.tick()
        plan = await store.load(USER)
        assert plan is not None and plan.phase == "asked"
        going_on = plan.answered(clock.now)  # as the "All fine" button does
        await store.save(USER, plan if going_on else None, seq=plan.seq, now=clock.now)
    assert await store.load(USER) is None  # answered the last one: over
    assert await store.due_at(USER) is None
    clock.advance(3 * DAY + 1)
    assert await scheduler.tick() == 0
    assert len(phone.sent) == 2 and team.missed_plans == []


async def test_a_plan_shorter_than_its_interval_asks_nothing_and_ends(
    redis_client: Redis,
) -> None:
    clock, phone, team = FakeClock(), Phone(), Team()
    store = PlanStore(redis_client, SECRET_KEY)
    plan = CheckinPlan(chat_key="5551", language="ru", interval_s=7 * DAY, duration_s=DAY,
                       grace_s=6 * HOUR)
    plan.start(clock.now)
    await store.update(USER, lambda _: plan, now=clock.now)
    clock.advance(7 * DAY + 1)
    await _scheduler(store, phone, team, clock).tick()
    assert phone.sent == [] and await store.load(USER) is None


async def test_stop_after_a_missed_check_in_tells_the_team_then_ends_everything(
    redis_client: Redis,
) -> None:
    clock, phone, team = FakeClock(), Phone(), Team()
    chat = Chat(engine(redis_client, clock), language_code="ru", chat_key="5551")
    await chat.command("/start")
    await chat.command("/checkin")
    for payload in ("ci:i:1", "ci:d:1", "ci:g:6", "ci:c:no", "ci:z:utc", "ci:l:no", "ci:skip",
                    "ci:skip", "ci:go"):
        await chat.press(payload)
    store = PlanStore(redis_client, SECRET_KEY)
    scheduler = _scheduler(store, phone, team, clock)
    clock.advance(DAY + 1)
    await scheduler.tick()
    clock.advance(6 * HOUR + 1)
    await scheduler.tick()
    [missed] = team.missed_plans
    assert (missed.country, missed.employer, missed.contact) == (None, None, None)

    await chat.press("ci:stop")
    assert await store.due_at(chat.user_key) == 0.0  # the notice is due at once
    await scheduler.tick()
    assert team.late == ["stop"]
    assert await store.load(chat.user_key) is None
    assert await redis_client.zcard("smb:checkin:due") == 0


async def test_without_its_content_file_nothing_is_asked_and_nobody_is_alerted(
    redis_client: Redis,
) -> None:
    clock, phone, team = FakeClock(), Phone(), Team()
    store = await _plan(redis_client, clock)
    content = shared_content().content.model_copy(update={"checkin": None})
    scheduler = CheckinScheduler(store, phone, team, lambda: content, clock, lease=60.0)
    clock.advance(3 * DAY + 1)
    await scheduler.tick()
    clock.advance(6 * HOUR + 1)
    await scheduler.tick()
    assert phone.sent == [] and team.missed_plans == []
    plan = await store.load(USER)
    assert plan is not None and plan.phase == "waiting"


async def test_an_answer_while_the_alert_is_queued_reaches_the_operators(
    redis_client: Redis,
) -> None:
    clock, phone = FakeClock(), Phone()
    chat = Chat(engine(redis_client, clock), language_code="en", chat_key="5551")

    class AnswersMeanwhile(Team):
        async def missed(self, user_key: str, plan: CheckinPlan) -> None:
            await super().missed(user_key, plan)
            await chat.press("ci:ok")  # pressed just as the alert was being queued

    team = AnswersMeanwhile()
    await chat.command("/start")
    await chat.command("/checkin")
    for payload in ("ci:i:1", "ci:d:1", "ci:g:6", "ci:c:no", "ci:z:utc", "ci:l:no", "ci:skip",
                    "ci:skip", "ci:go"):
        await chat.press(payload)
    store = PlanStore(redis_client, SECRET_KEY)
    scheduler = _scheduler(store, phone, team, clock)
    clock.advance(DAY + 1)
    await scheduler.tick()
    clock.advance(6 * HOUR + 1)
    await scheduler.tick()
    assert len(team.missed_plans) == 1
    await scheduler.tick()
    assert team.late == ["ok"]  # the alert is not left standing unexplained
    plan = await store.load(chat.user_key)
    assert plan is not None and plan.phase == "waiting" and plan.late is None
