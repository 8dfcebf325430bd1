"""What the handoff does when Telegram refuses a call: one table for every call and answer.

Each Bot API call the handoff makes is a `Call`; each refusal is read once into a `Refusal`
(from the error code, description and parameters Telegram sent); `POLICY` says what happens.
Call sites ask `decide(call, exc)` and act on the `Outcome`, so no call site invents its own
handling. docs/OPERATORS.md ("What the bot does when ...") lists this table; a test keeps the
two in step.

429 and 5xx reach this table only after the transport's limiter has already waited and retried
(`bot.adapters.telegram.limiter`): by then the call has failed for good, for now.
"""

from __future__ import annotations

from enum import StrEnum

from bot.core.messenger import BotApiError


class Call(StrEnum):
    """A Bot API call the handoff makes."""

    TO_PERSON = "sendMessage to the person"
    TO_OPERATORS = "sendMessage in the operators' chat (alert, relay, note)"
    EDIT_ALERT = "editMessageText of the alert"
    ANSWER_PRESS = "answerCallbackQuery"
    CREATE_TOPIC = "createForumTopic"
    REOPEN_TOPIC = "reopenForumTopic"
    CLOSE_TOPIC = "closeForumTopic"
    MEMBER_CHECK = "getChatMember of an operator"


class Refusal(StrEnum):
    """Telegram's answer, in kinds that need different handling."""

    BLOCKED = "403 bot blocked by the user (or user deactivated)"
    CHAT_GONE = "403 kicked / 400 chat not found / no right to post"
    MIGRATED = "400 with parameters.migrate_to_chat_id"
    THREAD_GONE = "400 message thread not found"
    TOPIC_CLOSED = "400 TOPIC_CLOSED"
    REFUSED = "any other 400"
    FLOOD = "429 (after the limiter's waits)"
    SERVER = "5xx or network (after the limiter's retries)"


class Outcome(StrEnum):
    """What the bot does; the text is what docs/OPERATORS.md says."""

    PERSON_UNREACHABLE = (
        "the case gets a note \"not delivered: the person has blocked the bot\" (also when "
        "their account or chat is gone); Close and Not at risk still close the case, answer "
        "the press and free the operator's slot; Unreachable is the suggested outcome"
    )
    PERSON_NOT_DELIVERED = (
        "the case gets a note that this message was not delivered (send it again later); "
        "closing still closes"
    )
    FOLLOW_MIGRATION = (
        "the new chat id is logged loudly (set OPERATOR_CHAT_ID to it) and used from then on "
        "by the running process; the call is made again there"
    )
    REOPEN_TOPIC = "the topic is reopened and the message posted again; if the bot may not, "\
        "as for a deleted topic"
    NEW_TOPIC = (
        "a new topic is made for the case (its first message names the old one) and the message "
        "posted there; if that fails, it is posted in the main chat with the case's name"
    )
    MAIN_CHAT = "posted in the main chat with the case's name (replies to it reach the case)"
    OPERATORS_UNREACHABLE = (
        "the operators' chat is marked unreachable: the person is told at once and gets the "
        "numbers (never a queue place); an alert stays queued and is posted again later"
    )
    POST_NOTE = "a short note is posted in the case instead of the edit"
    REPLY_MODE = "no topic: the case works by replies to its alert (topics tried again later)"
    IGNORE = "logged; nothing else (the action itself was done)"
    REFUSE_FOR_NOW = "the operator is refused for now (unknown means no)"


_TO_OPERATORS = {
    Refusal.BLOCKED: Outcome.OPERATORS_UNREACHABLE,
    Refusal.CHAT_GONE: Outcome.OPERATORS_UNREACHABLE,
    Refusal.MIGRATED: Outcome.FOLLOW_MIGRATION,
    Refusal.THREAD_GONE: Outcome.NEW_TOPIC,
    Refusal.TOPIC_CLOSED: Outcome.REOPEN_TOPIC,
    Refusal.REFUSED: Outcome.MAIN_CHAT,
    Refusal.FLOOD: Outcome.OPERATORS_UNREACHABLE,
    Refusal.SERVER: Outcome.OPERATORS_UNREACHABLE,
}

POLICY: dict[Call, dict[Refusal, Outcome]] = {
    Call.TO_PERSON: {
        Refusal.BLOCKED: Outcome.PERSON_UNREACHABLE,
        Refusal.CHAT_GONE: Outcome.PERSON_UNREACHABLE,
        Refusal.MIGRATED: Outcome.PERSON_NOT_DELIVERED,
        Refusal.THREAD_GONE: Outcome.PERSON_NOT_DELIVERED,
        Refusal.TOPIC_CLOSED: Outcome.PERSON_NOT_DELIVERED,
        Refusal.REFUSED: Outcome.PERSON_NOT_DELIVERED,
        Refusal.FLOOD: Outcome.PERSON_NOT_DELIVERED,
        Refusal.SERVER: Outcome.PERSON_NOT_DELIVERED,
    },
    Call.TO_OPERATORS: _TO_OPERATORS,
    Call.CREATE_TOPIC: {
        **_TO_OPERATORS,
        Refusal.THREAD_GONE: Outcome.REPLY_MODE,
        Refusal.TOPIC_CLOSED: Outcome.REPLY_MODE,
        Refusal.REFUSED: Outcome.REPLY_MODE,  # not a forum, or no right to manage topics
        Refusal.FLOOD: Outcome.REPLY_MODE,
        Refusal.SERVER: Outcome.REPLY_MODE,
    },
    # Topics and messages stay in the old group: after a migration there is nothing to reopen
    # or edit (the new id is followed all the same, whatever the call).
    Call.REOPEN_TOPIC: {refusal: Outcome.NEW_TOPIC for refusal in Refusal},
    Call.EDIT_ALERT: {refusal: Outcome.POST_NOTE for refusal in Refusal},
    Call.CLOSE_TOPIC: {refusal: Outcome.IGNORE for refusal in Refusal},
    Call.ANSWER_PRESS: {refusal: Outcome.IGNORE for refusal in Refusal},
    Call.MEMBER_CHECK: {refusal: Outcome.REFUSE_FOR_NOW for refusal in Refusal},
}


def refusal_of(exc: BaseException) -> Refusal:
    """Read Telegram's answer (or a failure without one) into a `Refusal`."""
    if not isinstance(exc, BotApiError):
        return Refusal.SERVER  # no answer from Telegram: a network failure or a bug of ours
    text = exc.description.lower()
    if exc.migrate_to_chat_id:
        return Refusal.MIGRATED
    if exc.code == 429:
        return Refusal.FLOOD
    if exc.code == 403:
        if "blocked by the user" in text or "user is deactivated" in text:
            return Refusal.BLOCKED
        return Refusal.CHAT_GONE  # kicked, not a member, can't initiate conversation
    if exc.code == 400:
        if "thread not found" in text:
            return Refusal.THREAD_GONE
        if "topic_closed" in text:
            return Refusal.TOPIC_CLOSED
        if ("chat not found" in text or "not enough rights to send" in text
                or "chat_write_forbidden" in text or "have no rights to send" in text
                or "upgraded to a supergroup" in text):
            return Refusal.CHAT_GONE
        return Refusal.REFUSED
    return Refusal.SERVER


def decide(call: Call, exc: BaseException) -> Outcome:
    """What to do when `call` failed with `exc` (see `POLICY`)."""
    return POLICY[call][refusal_of(exc)]


def migrated_to(exc: BaseException) -> int | None:
    """The operators' chat's new id when Telegram says the group became a supergroup."""
    return exc.migrate_to_chat_id if isinstance(exc, BotApiError) else None


def policy_table() -> str:
    """The policy as a Markdown table, as docs/OPERATORS.md shows it (answers with the same
    outcome on one row)."""
    rows = ["| When the bot calls | and Telegram answers | the bot |", "|---|---|---|"]
    for call, answers in POLICY.items():
        by_outcome: dict[Outcome, list[Refusal]] = {}
        for refusal, outcome in answers.items():
            by_outcome.setdefault(outcome, []).append(refusal)
        for outcome, refusals in by_outcome.items():
            what = "anything" if len(refusals) == len(Refusal) else \
                "; ".join(r.value for r in refusals)
            rows.append(f"| {call.value} | {what} | {outcome.value} |")
    return "\n".join(rows)
