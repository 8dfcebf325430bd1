"""Asking for a person typed in an open case ("can I talk to a person?", "дайце чалавека"): the
text reaches the case as every text does, and the person gets the one short "we have your
request" (`handoff_have_request`), as with the button, and nothing more. The other side: a
message that only mentions a person is relayed with no reply from the bot. Fake Bot API over
real HTTP, real redis-server, both adapters."""

from __future__ import annotations

import pytest

from tests.handoff.telegram import (
    OPS,
    HandoffBot,
    consent,
    pseudonym,
    reach_consent,
    sent_to,
)
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

AT_RISK = {
    "ru": "у меня забрали паспорт и не отпускают",
    "be": "у мяне забралі пашпарт і не адпускаюць",
    "en": "they took my passport and do not let me leave",
}
ASKS = {
    "ru": ("можно поговорить с человеком?", "дайте человека"),
    "be": ("дайце чалавека", "можна пагаварыць з чалавекам?"),
    "en": ("can I talk to a person?", "I want to talk to someone from your team"),
}
MENTIONS = {  # a person named, no ask: the team reads it, the bot says nothing
    "ru": "мой работодатель — человек жестокий",
    "be": "мой начальнік — жорсткі чалавек",
    "en": "the man who hired me said he would keep my passport",
}
HAVE = {"ru": "Ваш запрос уже у нашей команды", "be": "Ваш запыт ужо ў нашай каманды",
        "en": "We have your request"}


@pytest.mark.parametrize(("framework", "language"),
                         [("aiogram", "ru"), ("ptb", "be"), ("aiogram", "en")])
async def test_a_typed_ask_for_a_person_is_relayed_and_answered_as_the_button(
    framework: str, language: str, fake_api: FakeBotAPI, start_bot
) -> None:
    bot: HandoffBot = await start_bot(framework)
    user_id = {"ru": 7401, "be": 7402, "en": 7403}[language]
    person = Person(bot, fake_api, user_id, language)
    await reach_consent(person, AT_RISK[language])
    await consent(person, "h:yes")
    await sent_to(fake_api, OPS, "Case #")
    await bot.settle()
    for ask in ASKS[language]:
        mark = len(fake_api.calls)
        [reply] = await person.say(ask)
        assert reply.text.startswith(HAVE[language]), reply.text
        assert "m:hotlines" in reply.payloads and "h:yes" not in reply.payloads
        await sent_to(fake_api, OPS, f"{pseudonym(user_id)}: {ask}", since=mark)
        await bot.settle()
        told = [c.text for c in fake_api.calls_to("sendMessage", user_id, mark)]
        assert told == [reply.text], told  # once, and nothing more (no place in the queue)

    mark = len(fake_api.calls)
    await person.say(MENTIONS[language], replies=0)
    await sent_to(fake_api, OPS, f"{pseudonym(user_id)}: {MENTIONS[language]}", since=mark)
    await bot.settle()
    assert not [c.text for c in fake_api.calls_to("sendMessage", user_id, mark)
                if HAVE[language] in c.text]
