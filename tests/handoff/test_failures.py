"""The failure policy: every call has an outcome for every answer, and the docs show it."""

from __future__ import annotations

import pytest

from bot.config import REPO_ROOT
from bot.core.messenger import BotApiError
from bot.handoff.failures import POLICY, Call, Outcome, Refusal, decide, policy_table, refusal_of


def test_every_call_has_an_outcome_for_every_answer() -> None:
    assert set(POLICY) == set(Call)
    for call, answers in POLICY.items():
        assert set(answers) == set(Refusal), call


def test_docs_show_the_policy_as_the_code_has_it() -> None:
    text = (REPO_ROOT / "docs" / "OPERATORS.md").read_text(encoding="utf-8")
    assert policy_table() in text


@pytest.mark.parametrize(("error", "refusal"), [
    (BotApiError(403, "Forbidden: bot was blocked by the user"), Refusal.BLOCKED),
    (BotApiError(403, "Forbidden: user is deactivated"), Refusal.BLOCKED),
    (BotApiError(403, "Forbidden: bot was kicked from the supergroup chat"), Refusal.CHAT_GONE),
    (BotApiError(400, "Bad Request: chat not found"), Refusal.CHAT_GONE),
    (BotApiError(400, "Chat not found"), Refusal.CHAT_GONE),  # PTB drops "Bad Request: "
    (BotApiError(400, "Bad Request: message thread not found"), Refusal.THREAD_GONE),
    (BotApiError(400, "Topic_closed"), Refusal.TOPIC_CLOSED),
    (BotApiError(400, "x", migrate_to_chat_id=-1001), Refusal.MIGRATED),
    (BotApiError(429, "Too Many Requests: retry after 5", retry_after=5), Refusal.FLOOD),
    (BotApiError(500, "Internal Server Error"), Refusal.SERVER),
    (BotApiError(400, "Bad Request: message is too long"), Refusal.REFUSED),
    (TimeoutError(), Refusal.SERVER),
])
def test_answers_are_read_as_telegram_words_them(error: BaseException, refusal: Refusal) -> None:
    assert refusal_of(error) is refusal


def test_a_blocked_person_never_stops_a_close() -> None:
    blocked = BotApiError(403, "Forbidden: bot was blocked by the user")
    assert decide(Call.TO_PERSON, blocked) is Outcome.PERSON_UNREACHABLE
