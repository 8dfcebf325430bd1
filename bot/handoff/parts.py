"""The handoff's parts, built once by `build_handoff` and passed to the actions, the relay,
the poster and the service: stores and settings, plus `person` (speaking to the person) and
`board` (what operators see). A plain record: it has no behaviour of its own, renders
nothing and never touches the person's session (only the engine writes that)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from bot.config import OperatorSettings
from bot.core.messenger import Messenger
from bot.core.session import Session
from bot.handoff.audit import Audit
from bot.handoff.auth import OperatorAuth
from bot.handoff.blocks import Blocks
from bot.handoff.board import CaseBoard
from bot.handoff.cases import CaseStore
from bot.handoff.directory import OperatorDirectory
from bot.handoff.escalation import WaitingList
from bot.handoff.hours import OperatorHours
from bot.handoff.opschat import OperatorsChat
from bot.handoff.person import PersonLine
from bot.handoff.queue import AlertQueue
from bot.handoff.stats import CaseCounters
from bot.metrics import Metrics
from bot.privacy import Pseudonymizer

# Danger-phrase indicators found in a text, in a language (the triage's matcher).
DangerCheck = Callable[[str, str], Sequence[str]]
# Whether a text (in the person's language) asks for a person: the engine's asks_for_person.
PersonAskCheck = Callable[[str, str], Awaitable[bool]]


class SessionReader(Protocol):
    """Reading the person's session (its last known copy while Redis is down); never writing."""

    async def load(self, user_key: str) -> Session | None: ...


@dataclass(slots=True, frozen=True)
class HandoffParts:
    """Who does what in the handoff; each part receives only what it needs."""

    messenger: Messenger
    settings: OperatorSettings
    cases: CaseStore
    queue: AlertQueue
    waiting: WaitingList
    audit: Audit
    counters: CaseCounters
    auth: OperatorAuth
    hours: OperatorHours
    pseudonymizer: Pseudonymizer
    ops: OperatorsChat
    directory: OperatorDirectory
    blocks: Blocks
    person: PersonLine
    board: CaseBoard
    sessions: SessionReader | None = None
    danger: DangerCheck | None = None
    asks_person: PersonAskCheck | None = None
    canned_file: Path | None = None  # content/canned_replies.yaml, read on each /r
    metrics: Metrics = field(default_factory=Metrics)  # the process's registry (runner's)
