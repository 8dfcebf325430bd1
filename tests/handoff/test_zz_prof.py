import time, pytest
from tests.handoff.test_telegram_handoff import *  # noqa
from tests.handoff import telegram as T

@pytest.mark.parametrize("framework", ["aiogram"])
async def test_prof(framework, fake_api, redis_server, redis_client, bots):
    t=time.monotonic()
    bot = await bots(HandoffBot(settings_for(fake_api, framework, redis_server.url)))
    print("start", time.monotonic()-t); t=time.monotonic()
    person = Person(bot, fake_api, 556, "ru")
    await person.say("/start", replies=3); print("start msg", time.monotonic()-t); t=time.monotonic()
    await person.say("у меня забрали паспорт и не отпускают", replies=2); print("risk", time.monotonic()-t); t=time.monotonic()
    await person.press("c:PL", replies=3); print("country", time.monotonic()-t); t=time.monotonic()
    await consent(person); print("consent", time.monotonic()-t); t=time.monotonic()
    await sent_to(fake_api, OPS, "Case #"); print("alert", time.monotonic()-t); t=time.monotonic()
