"""A step the person starts in an open case takes its own typed answer (bot/core/awaited.py):
the code word, an ad to check, a check-in setup question are never relayed to the operators;
a danger phrase typed there ends the step and reaches the case. Fake Bot API, real Redis."""

from __future__ import annotations

from typing import Any

import pytest
from redis.asyncio import Redis

from tests.checkin.helpers import FakeClock, checkin_bot
from tests.handoff.telegram import (
    OPS,
    HandoffBot,
    consent,
    pseudonym,
    reach_consent,
    sent_to,
)
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.redis_server import RedisServer
from tests.helpers.telegram_bot import Person

FRAMEWORKS = pytest.mark.parametrize("framework", ["aiogram", "ptb"])
# An ad with trafficking signs (a passport handover, a vague job with age and looks).
AD = ("Предлагаем работу танцовщицей в клубе в Турции. Возраст до 25, рост от 170, фото в "
      "купальнике прислать. Билеты в долг, отработаешь. Паспорт будет у администратора.")


@pytest.fixture
async def bot(framework: str, start_bot: Any) -> HandoffBot:
    return await start_bot(framework)


async def _in_a_case(bot: HandoffBot, api: FakeBotAPI, user_id: int, command: str
                     ) -> tuple[Person, int]:
    """A person with an open case who then sends `command`; and where the calls stood before
    it (what the operators' chat got since then is what the step let through)."""
    person = Person(bot, api, user_id, "ru")
    await reach_consent(person)
    await consent(person, "h:yes")
    await sent_to(api, OPS, "Case #")
    mark = len(api.calls)
    # A message right after "passed to our team" is relayed with no reply (no second place).
    await person.say(command, replies=1 if command.startswith("/") else 0)
    return person, mark


def _forwarded() -> dict[str, Any]:
    return {"type": "hidden_user", "sender_user_name": "Recruiter", "date": 1_700_000_000}


def _ops_texts(api: FakeBotAPI, since: int) -> str:
    return "\n".join(call.text for call in api.calls_to("sendMessage", OPS, since))


@FRAMEWORKS
async def test_a_code_word_set_in_an_open_case_is_saved_not_relayed(
    fake_api: FakeBotAPI, bot: HandoffBot
) -> None:
    person, mark = await _in_a_case(bot, fake_api, 5201, "/codeword")
    asked = await person.say("кактус")
    assert {"sa:in:yes", "sa:in:no"} <= {p for call in asked for p in call.payloads}
    await person.press("sa:in:no")
    await fake_api.quiet()
    assert "кактус" not in _ops_texts(fake_api, mark).lower()  # never shown to operators

    mark = len(fake_api.calls)
    [reply] = await person.say("Кактус")  # the alarm works: ordinary reply, alert in the case
    assert reply.text == "Спасибо, записал! Хорошего дня 🙂"
    await sent_to(fake_api, OPS, "a silent alert in this open case", since=mark)
    assert "актус" not in _ops_texts(fake_api, mark)


@FRAMEWORKS
async def test_an_ad_pasted_after_checkad_in_an_open_case_is_checked_not_relayed(
    fake_api: FakeBotAPI, bot: HandoffBot
) -> None:
    person, mark = await _in_a_case(bot, fake_api, 5202, "/checkad")
    report = await person.say(AD)
    text = "\n".join(call.text for call in report)
    assert "Уровень риска: высокий" in text and "Паспорт будет у администратора" in text
    await fake_api.quiet()
    assert "администратора" not in _ops_texts(fake_api, mark)  # the ad is not passed on

    # The step ended with the check: the next message is the operators' again.
    mark = len(fake_api.calls)
    await person.say("а что мне теперь делать?", replies=0)
    await sent_to(fake_api, OPS, f"{pseudonym(5202)}: а что мне теперь делать?", since=mark)


@FRAMEWORKS
@pytest.mark.parametrize(("command", "user_id"), [("/codeword", 5203), ("/checkad", 5204)])
async def test_a_danger_phrase_at_the_step_ends_it_and_reaches_the_case(
    fake_api: FakeBotAPI, bot: HandoffBot, command: str, user_id: int
) -> None:
    """Someone takes the phone away mid-step: what the person writes about it is theirs to
    tell the team, never a code word or an ad; and what comes next is no longer the step's."""
    person, _ = await _in_a_case(bot, fake_api, user_id, command)
    mark = len(fake_api.calls)
    told = await person.say("меня бьют, заберите меня")
    assert "112" in told[0].text  # the numbers at once, as anywhere: the team may take minutes
    [relayed] = await sent_to(fake_api, OPS, "меня бьют, заберите меня", since=mark)
    assert "⚠️" in relayed.text  # the danger-phrase layer speaks in the case
    mark = len(fake_api.calls)
    await person.say("кактус", replies=0)  # no longer taken as the word or the ad
    await sent_to(fake_api, OPS, f"{pseudonym(user_id)}: кактус", since=mark)


@FRAMEWORKS
async def test_a_danger_phrase_at_a_check_in_setup_question_goes_to_the_case(
    framework: str, fake_api: FakeBotAPI, redis_server: RedisServer, redis_client: Redis,
    bots: Any,
) -> None:
    """The setup takes its typed answers in an open case (tests/checkin); a danger phrase
    typed at its question is the team's, and the setup no longer takes what follows."""
    bot = await bots(checkin_bot(fake_api, framework, redis_server.url, FakeClock()))
    person, _ = await _in_a_case(bot, fake_api, 5205, "/checkin")
    for payload in ("ci:i:2", "ci:d:2", "ci:g:12", "ci:c:PL", "ci:l:no"):
        await person.press(payload)  # now the employer's name is asked for
    mark = len(fake_api.calls)
    told = await person.say("меня бьют, заберите меня")
    assert "112" in told[0].text
    [relayed] = await sent_to(fake_api, OPS, "меня бьют, заберите меня", since=mark)
    assert "⚠️" in relayed.text
    mark = len(fake_api.calls)
    await person.say("ООО Ромашка", replies=0)  # no longer taken for the employer's name
    await sent_to(fake_api, OPS, f"{pseudonym(5205)}: ООО Ромашка", since=mark)


@FRAMEWORKS
async def test_danger_written_in_an_open_case_gets_the_numbers_at_once(
    fake_api: FakeBotAPI, bot: HandoffBot
) -> None:
    """At-risk messages in a case nobody has taken yet (the queue may take minutes): the phone
    gets the emergency number at once each time, the case the message with its ⚠️ line. An
    ordinary message there gets no numbers. (A taken case: the operator answers,
    tests/handoff/test_telegram_failures.py.)"""
    person, _ = await _in_a_case(bot, fake_api, 5207, "ещё вопрос")
    for text in ("он меня бьёт прямо сейчас", "они опять угрожают, мне страшно"):
        mark = len(fake_api.calls)
        told = await person.say(text)
        assert any("112" in call.text for call in told)
        [relayed] = await sent_to(fake_api, OPS, text, since=mark)
        assert "⚠️" in relayed.text
    mark = len(fake_api.calls)
    await person.say("спасибо, жду", replies=0)
    await sent_to(fake_api, OPS, f"{pseudonym(5207)}: спасибо, жду", since=mark)
    since = fake_api.calls_to("sendMessage", person.chat_id, mark)
    assert not [call for call in since if "112" in call.text]


@FRAMEWORKS
async def test_an_ad_checked_in_an_open_case_asks_nothing_and_tells_the_case_its_flags(
    fake_api: FakeBotAPI, bot: HandoffBot
) -> None:
    """adcheck16: a person from the team is already there, so the check of an ad with
    trafficking signs ends with its level, not "Хотите этого?"; the case is told an ad was
    checked, by its red flags and level, never its words."""
    person, mark = await _in_a_case(bot, fake_api, 5208, "/checkad")
    report = await person.say(AD)
    text = "\n".join(call.text for call in report)
    assert "Уровень риска: высокий" in text
    assert "Хотите" not in text
    assert "h:yes" not in {p for call in report for p in call.payloads}
    [note] = await sent_to(fake_api, OPS, "checked a job ad", since=mark)
    assert "passport_handover" in note.text or "Passport" in note.text or "rf-" in note.text
    assert "администратора" not in _ops_texts(fake_api, mark)


@FRAMEWORKS
async def test_a_forwarded_ad_in_an_open_case_is_checked_and_its_flags_told_to_the_case(
    fake_api: FakeBotAPI, bot: HandoffBot
) -> None:
    """adcheck16: a recruiter's ad forwarded in an open case is checked for the person (not
    relayed unchecked); the case gets the note with its flags, never the ad."""
    person, mark = await _in_a_case(bot, fake_api, 5209, "ещё вопрос")
    mark = len(fake_api.calls)
    report = await person.send(text=AD, forward_origin=_forwarded())
    text = "\n".join(call.text for call in report)
    assert "Уровень риска" in text and "Паспорт будет у администратора" in text
    await sent_to(fake_api, OPS, "checked a job ad", since=mark)
    assert "администратора" not in _ops_texts(fake_api, mark)


@FRAMEWORKS
async def test_a_forwarded_cry_in_an_open_case_still_reaches_the_case(
    fake_api: FakeBotAPI, bot: HandoffBot
) -> None:
    """The other side: a friend's cry forwarded in an open case is the team's to read."""
    person, _ = await _in_a_case(bot, fake_api, 5210, "ещё вопрос")
    mark = len(fake_api.calls)
    cry = "Меня заперли на ферме, забрали паспорт, помогите"
    await person.send(text=cry, forward_origin=_forwarded(), replies=0)
    await sent_to(fake_api, OPS, "забрали паспорт", since=mark)
