"""After a silent alarm, "как дела?" (and anything else ordinary) gets the ordinary
`later_reply` ("Записал, спасибо 👍"), never a refusal ("I can't help with that ... if you are
in trouble") and nothing that gives the alarm away: over the fake Bot API with the case the
alarm opened and with one already open when the word came (the text is relayed to it). The
console, which has no case to relay to, and its other side (a danger phrase still gets the
numbers): tests/adapters/test_console_checkin_silent.py. Real redis-server, both adapters."""

from __future__ import annotations

import re

import pytest

from tests.handoff.telegram import (
    OPS,
    HandoffBot,
    consent,
    pseudonym,
    reach_consent,
    sent_to,
    silent_alarm,
)
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person

HOW_ARE_YOU = {"ru": "как дела?", "be": "як справы?", "en": "how are you?"}
WORD = {"ru": "голубцы", "be": "дранікі", "en": "pancakes"}
LATER = {"ru": "Записал, спасибо 👍", "be": "Запісаў, дзякуй 👍", "en": "Noted, thanks 👍"}
DANGER = {"ru": "меня бьют", "be": "мяне б'юць", "en": "they beat me"}
# A refusal, a topic list, help, the team or a queue: what must not follow the alarm.
GIVES_AWAY = re.compile(r"\d|не помогу|не дапамагу|can't help|cannot help|в беде|у бядзе|"
                        r"trouble|очеред|чарг|queue|команд|каманд|team|помощ|дапамог|help|"
                        r"оператор|operator", re.I)
AT_RISK = {
    "ru": "у меня забрали паспорт и не отпускают",
    "be": "у мяне забралі пашпарт і не адпускаюць",
    "en": "they took my passport and do not let me leave",
}


@pytest.mark.parametrize("framework", ["aiogram", "ptb"])
async def test_after_the_code_word_how_are_you_is_ordinary_and_reaches_the_case(
    framework: str, fake_api: FakeBotAPI, start_bot
) -> None:
    """The case the alarm opened, and one the person was talking in when the word came:
    "как дела?" is relayed to it and answered ordinarily."""
    bot: HandoffBot = await start_bot(framework)
    for user_id, language in ((7521, "ru"), (7522, "be"), (7523, "en")):
        # The case the alarm opens itself (nothing on the phone knew of a team).
        person = Person(bot, fake_api, user_id, language)
        await silent_alarm(person, fake_api, WORD[language])
        mark = len(fake_api.calls)
        [reply] = await person.say(HOW_ARE_YOU[language])
        assert reply.text == LATER[language] and not reply.payloads
        await sent_to(fake_api, OPS, f"{pseudonym(user_id)}: {HOW_ARE_YOU[language]}",
                      since=mark)
    for user_id, language in ((7511, "ru"), (7512, "be"), (7513, "en")):
        # A case the person was already talking in when the word came.
        person = Person(bot, fake_api, user_id, language)
        await person.say("/start")
        await person.say("/codeword")
        await person.say(WORD[language])
        await person.press("sa:in:no")
        mark = len(fake_api.calls)
        await reach_consent(person, AT_RISK[language])
        await consent(person, "h:yes")
        await sent_to(fake_api, OPS, "Case #", since=mark)
        await person.say(WORD[language])
        await bot.settle()
        mark = len(fake_api.calls)
        [reply] = await person.say(HOW_ARE_YOU[language])
        assert reply.text == LATER[language] and not GIVES_AWAY.search(reply.text)
        await sent_to(fake_api, OPS, f"{pseudonym(user_id)}: {HOW_ARE_YOU[language]}",
                      since=mark)
