"""In the person's chat only their commands are commands (bot/core/commands.py); a slash
before other words is what they wrote: tests/adapters/test_at_risk_telegram.py."""

from __future__ import annotations

import pytest

from bot.adapters.telegram.texts import COMMANDS
from bot.checkin.step import COMMAND as CHECKIN
from bot.core.adcheck_step import COMMAND as CHECKAD
from bot.core.commands import PERSON_COMMANDS, command_name, is_person_command
from bot.core.silent_alarm import COMMAND as CODEWORD
from bot.core.steps import COMMAND_ACTIONS


def test_every_command_the_bot_handles_or_offers_is_a_person_command() -> None:
    handled = {*COMMAND_ACTIONS, "/start", "/help", "/hide", CHECKIN, CHECKAD, CODEWORD}
    offered = {f"/{name}" for name, _ in COMMANDS}
    assert handled | offered == PERSON_COMMANDS


@pytest.mark.parametrize(("text", "name"), [
    ("/START@SafeMigrationBot ref", "/start"), ("/помогите меня держат", "/помогите"), ("", ""),
])
def test_the_command_word(text: str, name: str) -> None:
    assert command_name(text) == name
    assert is_person_command(text) == (name == "/start")
