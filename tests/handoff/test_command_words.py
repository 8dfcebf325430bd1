"""The command words of the operators' commands and of the person's /stop and /delete in a
case are read by one function, `bot.core.commands.command_name`: in any case ("/BLOCK 3") and
with the "@BotName" Telegram adds in a group when a command is picked from the menu
("/block@smb_bot 3"), each command is still that command, and a longer word ("/blockade") is
not it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from redis.asyncio import Redis

from bot.adapters.telegram.updates import TgInput
from bot.core.events import EventKind, IncomingEvent
from bot.core.groups.deeplink import start_payload
from bot.handoff.alerts import is_note
from bot.handoff.blocks import BlockCommand, parse_block_command
from bot.handoff.canned import canned_command
from bot.handoff.relay import _is as is_button_or_command
from bot.handoff.reopen import is_reopen_command
from bot.handoff.transfer import transfer_argument
from tests.handoff.telegram import (
    OPS,
    Operator,
    case_of,
    consent,
    in_thread,
    reach_consent,
    sent_to,
)
from tests.helpers.fake_bot_api import FakeBotAPI
from tests.helpers.telegram_bot import Person


def _reopen(text: str) -> bool:
    return is_reopen_command(TgInput(update_id=1, chat_id=OPS, chat_type="supergroup",
                                     user_id=1, kind=EventKind.COMMAND, text=text))


def _stop(text: str) -> bool:
    return is_button_or_command(IncomingEvent("u", "1", EventKind.COMMAND, text=text),
                                "h:stop", "/stop")


def _deep_link(text: str) -> str | None:
    return start_payload(IncomingEvent("u", "1", EventKind.COMMAND, text=text))


# (how the command is read, the command as operators are told to write it, what it means,
#  a word that only starts like it)
COMMANDS: list[tuple[str, Callable[[str], Any], str, Any, str]] = [
    ("canned", canned_command, "/r can_you_talk", "can_you_talk", "/rr can_you_talk"),
    ("canned", canned_command, "/reply can_you_talk", "can_you_talk", "/replies x"),
    ("block", parse_block_command, "/block 3", BlockCommand(True, 3), "/blockade 3"),
    ("unblock", parse_block_command, "/unblock anna", BlockCommand(False, pseudonym="anna"),
     "/unblocked anna"),
    ("transfer", transfer_argument, "/transfer Ala", "Ala", "/transfers Ala"),
    ("reopen", _reopen, "/reopen", True, "/reopened"),
    ("note", is_note, "/note check the agency", True, "/notes check the agency"),
    ("stop", _stop, "/stop", True, "/stopped"),
    ("deep link", _deep_link, "/start help", "help", "/started help"),
]


@pytest.mark.parametrize(("read", "plain", "meaning", "longer"),
                         [c[1:] for c in COMMANDS], ids=[c[0] for c in COMMANDS])
def test_a_command_is_read_in_any_case_and_with_the_bots_name(
    read: Callable[[str], Any], plain: str, meaning: Any, longer: str
) -> None:
    word, _, rest = plain.partition(" ")
    upper = f"{word.upper()} {rest}".strip()
    named = f"{word}@smb_bot {rest}".strip()
    named_upper = f"{word.upper()}@SMB_bot {rest}".strip()
    for text in (plain, upper, named, named_upper):
        assert read(text) == meaning, text
    assert read(longer) in (None, False), longer
    assert read("") in (None, False)


async def test_operators_commands_as_telegram_sends_them_in_the_operators_group(
    fake_api: FakeBotAPI, redis_client: Redis, start_bot
) -> None:
    """End to end (the "@BotName" is the transport's to strip: one adapter is enough): each
    command written as Telegram sends it in a group, or in capitals, does what it says."""
    bot = await start_bot()
    person, operator = Person(bot, fake_api, 645, "ru"), Operator(fake_api)
    await reach_consent(person)
    await consent(person)
    (alert,) = await sent_to(fake_api, OPS, "Case #")
    case, thread = case_of(alert), int(alert.params["message_thread_id"])

    async def operator_writes(text: str, answer: str) -> None:
        mark = len(fake_api.calls)
        await operator.write(text, thread_id=thread)
        await sent_to(fake_api, OPS, answer, since=mark, where=in_thread(thread))
        await fake_api.quiet()
        assert not fake_api.calls_to("sendMessage", person.chat_id, since=mark), text

    await operator_writes("/R@smb_bot", "Canned replies")
    await operator.press(f"op:take:{case}")
    await operator_writes("/NOTE@smb_bot check the agency", "📝 Note")
    await operator_writes("/REOPEN@smb_bot", "This case is open: nothing to reopen.")
    await operator_writes("/TRANSFER@smb_bot", "No other operator is known yet")
    await operator_writes("/BLOCK@smb_bot 3", "is blocked for 3 days by")
    await operator_writes("/Reopen", "The person is blocked: /unblock first.")
    assert (await redis_client.hget(f"smb:handoff:case:{case}", "state")) == "closed"

    # Blocked, the person gets the neutral reply; erasing their data is never blocked,
    # however they write /delete (before, only the exact "/delete" passed).
    (neutral,) = await person.say("/menu")
    assert "недоступен" in neutral.text
    (erased,) = await person.say("/DELETE")
    assert erased.text == "Все Ваши данные здесь удалены."
