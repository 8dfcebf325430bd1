"""`python -m bot chat`: talk to the engine in a terminal or through a pipe, no Telegram needed.

Buttons are printed as numbered choices; typing the number presses the button. From a pipe,
each line is one message, no prompts are printed, and the end of input ends the chat.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import logging
import sys
from typing import TextIO

from bot.core.commands import is_person_command
from bot.core.engine import DialogueEngine
from bot.core.events import (
    Button,
    EraseUserData,
    EventKind,
    HideChat,
    IncomingEvent,
    OperatorAlert,
    Response,
    SideEffect,
)
from bot.core.session_store import InMemorySessionStore
from bot.i18n import I18n

USER_KEY = "console-user"  # one local person; not an id from any transport
CHAT_KEY = "console"
QUIT = "/quit"


class ConsoleChat:
    """Turns typed lines into events and prints responses with numbered buttons."""

    def __init__(self, engine: DialogueEngine, out: TextIO, language: str | None) -> None:
        self._engine = engine
        self._out = out
        self._language = language
        self._buttons: list[Button] = []

    def event_for(self, line: str) -> IncomingEvent:
        """A button press when the line is the number of a shown button, else text or command."""
        if line.isdigit() and 1 <= int(line) <= len(self._buttons):
            button = self._buttons[int(line) - 1]
            if button.payload:
                return self._event(EventKind.BUTTON, payload=button.payload)
        kind = EventKind.COMMAND if is_person_command(line) else EventKind.TEXT
        return self._event(kind, text=line)

    def _event(
        self, kind: EventKind, *, text: str | None = None, payload: str | None = None
    ) -> IncomingEvent:
        return IncomingEvent(
            USER_KEY, CHAT_KEY, kind, text=text, payload=payload, language_code=self._language
        )

    async def send(self, line: str) -> None:
        """Handle one line and print what the bot answers."""
        self.show(await self._engine.handle(self.event_for(line)))

    def show(self, response: Response) -> None:
        self._buttons = []
        for reply in response.replies:
            print(reply.text, file=self._out)
            for row in reply.buttons:
                for button in row:
                    self._buttons.append(button)
                    target = f" -> {button.url}" if button.url else ""
                    print(f"  [{len(self._buttons)}] {button.label}{target}", file=self._out)
            print(file=self._out)
        for effect in response.effects:
            print(_describe(effect), file=self._out)
        self._out.flush()


def _describe(effect: SideEffect) -> str:
    # What the Telegram adapter and the handoff layer would do; a developer's note, not a reply.
    if isinstance(effect, OperatorAlert):
        shared = "with message" if effect.user_text else "without message"
        return (
            f"[effect: operator alert, reason={effect.reason}, level={effect.risk_level}, "
            f"country={effect.country}, indicators={','.join(effect.indicators)}, {shared}]"
        )
    if isinstance(effect, EraseUserData):
        return "[effect: erase user data]"
    if isinstance(effect, HideChat):
        return f"[effect: hide chat, then send: {effect.notice}]"
    return f"[effect: {type(effect).__name__}]"


async def _run(args: argparse.Namespace) -> int:
    from bot.config import load_settings
    from bot.factory import build_engine

    settings = load_settings()
    interactive = sys.stdin.isatty()
    # The console prints an alert as an effect (a developer's tool): the human offer stays on.
    engine = await build_engine(settings, store=InMemorySessionStore(), handoff_available=True)
    chat = ConsoleChat(engine, sys.stdout, args.lang)
    if interactive:
        tr = I18n(settings.bot.locales_dir).translator(args.lang)
        print(tr.gettext("Local chat. Type a message, a button number, or /quit."), flush=True)
        await chat.send("/start")
    try:
        while True:
            if interactive:
                print("> ", end="", flush=True)
            line = await asyncio.to_thread(sys.stdin.readline)
            if not line:  # end of input
                return 0
            line = line.strip()
            if line == QUIT:
                return 0
            if line:
                await chat.send(line)
    finally:
        await engine.store.aclose()


def main(args: argparse.Namespace) -> int:
    """Run the local chat; returns the exit code."""
    # Warnings only, on stderr: the conversation itself is on stdout.
    logging.basicConfig(
        level=logging.WARNING, stream=sys.stderr, format="%(levelname)s %(message)s"
    )
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8")
    if isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(encoding="utf-8")
    return asyncio.run(_run(args))
