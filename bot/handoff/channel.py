"""Where a case's messages go in the operators' chat, whatever Telegram says about it.

Its topic, else as a reply to its alert; a closed topic is reopened, a deleted one replaced by
a new topic linking the old, else the main chat with the case's name; a moved chat is followed
(see `bot.handoff.failures` for the whole policy). `OperatorsUnreachable` when nothing can be
posted: the caller tells the person.
"""

from __future__ import annotations

import logging

from redis.exceptions import RedisError

from bot.core.events import Reply
from bot.core.messenger import Messenger
from bot.handoff.case import Case
from bot.handoff.cases import CaseStore
from bot.handoff.failures import Call, Outcome, decide, migrated_to, refusal_of
from bot.handoff.labels import OperatorTexts
from bot.handoff.opschat import OperatorsChat
from bot.i18n import N_, I18n
from bot.storage.health import unless_full

log = logging.getLogger(__name__)

CONTINUES_HERE = N_("Case {case} continues here: its earlier topic is closed or deleted ({link}).")
IN_MAIN_CHAT = N_("Case {case} (#{id}), its topic is closed or deleted; reply to this message "
                  "to answer the person:")


class OperatorsUnreachable(Exception):
    """Nothing could be posted in the operators' chat (gone, left, down): see `failures`."""


class CaseChannel:
    """Posts in the operators' chat for the handoff; `text` translates operator notes."""

    def __init__(self, messenger: Messenger, ops: OperatorsChat, cases: CaseStore,
                 i18n: I18n, language: str) -> None:
        self._messenger = messenger
        self.ops = ops
        self._cases = cases
        self.texts = OperatorTexts(i18n.translator(language))

    def text(self, msgid: str, **values: object) -> str:
        """An operator-facing text in OPERATOR_LANGUAGE, from the gettext catalogs."""
        return self.texts.text(msgid, **values)

    async def send(self, reply: Reply, *, thread_id: int | None = None,
                   reply_to: int | None = None) -> list[int]:
        """sendMessage in the operators' chat, following a migration once; records whether
        the chat took it. Raises what Telegram answered (`BotApiError`)."""
        for _ in range(2):
            chat_id = self.ops.id
            if chat_id is None:
                return []
            try:
                ids = await self._messenger.send(chat_id, reply, thread_id=thread_id,
                                                reply_to=reply_to)
            except Exception as exc:
                new_id = migrated_to(exc)
                if new_id is not None:
                    self.ops.migrate(new_id)
                    # Topics and messages of the old group do not exist in the new one.
                    thread_id = reply_to = None
                    continue
                if decide(Call.TO_OPERATORS, exc) is Outcome.OPERATORS_UNREACHABLE:
                    await self.ops.mark(False, why=refusal_of(exc).name)
                raise
            await self.ops.mark(True)
            return ids
        raise OperatorsUnreachable("the operators' chat moved twice")

    async def post(self, case: Case, reply: Reply, *, link: bool = True) -> list[int]:
        """Post into the case: its topic, or as a reply to its alert; link what was posted
        (unless `link` is False: the caller records it).

        A deleted or closed topic never loses the message (see `failures.POLICY`): the topic
        is reopened, or a new one made, or it goes to the main chat. Raises
        `OperatorsUnreachable` when nothing could be posted.
        """
        if self.ops.id is None:
            return []
        thread = case.thread_id or None
        try:
            ids = await self.send(
                reply, thread_id=thread, reply_to=None if thread else (case.alert_msg or None))
        except OperatorsUnreachable:
            raise
        except Exception as exc:
            ids = await self._post_elsewhere(case, reply, decide(Call.TO_OPERATORS, exc), exc)
        if link and self.ops.id is not None:
            # Posted: a link refused (Redis full, or gone since the post) must not make a
            # caller, who retries after a Redis failure, post it again.
            try:
                await unless_full(self._cases.refs.link_messages(self.ops.id, ids, case.id))
            except (RedisError, OSError) as exc:
                log.warning("posted in the case, not linked (%s) case=%s", type(exc).__name__,
                            case.id)
        return ids

    async def _post_elsewhere(self, case: Case, reply: Reply, outcome: Outcome,
                              exc: BaseException) -> list[int]:
        """The case's topic refused the post: reopen it, or a new topic, or the main chat."""
        log.warning("post in the case refused (%s) case=%s", outcome.name, case.id)
        if outcome is Outcome.OPERATORS_UNREACHABLE:
            raise OperatorsUnreachable(type(exc).__name__) from exc
        chat_id = self.ops.id
        if outcome is Outcome.REOPEN_TOPIC and case.thread_id and chat_id is not None:
            try:
                await self._messenger.reopen_topic(chat_id, case.thread_id)
            except Exception as reopen_exc:
                log.info("reopening the topic refused (%s) case=%s",
                         decide(Call.REOPEN_TOPIC, reopen_exc).name, case.id)
                outcome = Outcome.NEW_TOPIC
            else:
                return await self._try(case, reply, thread_id=case.thread_id)
        if outcome in (Outcome.NEW_TOPIC, Outcome.REOPEN_TOPIC) and chat_id is not None:
            old = case.thread_id
            thread = await self.new_topic(case)
            if thread is not None:
                link = topic_link(chat_id, old) if old else "-"
                await self._try(case, Reply(self.text(
                    CONTINUES_HERE, case=case.pseudonym, link=link)), thread_id=thread)
                return await self._try(case, reply, thread_id=thread)
        head = self.text(IN_MAIN_CHAT, case=case.pseudonym, id=case.id)
        return await self._try(case, Reply(f"{head}\n{reply.text}", reply.buttons))

    async def _try(self, case: Case, reply: Reply, *, thread_id: int | None = None) -> list[int]:
        try:
            return await self.send(reply, thread_id=thread_id)
        except OperatorsUnreachable:
            raise
        except Exception as exc:
            if thread_id is not None and decide(Call.TO_OPERATORS, exc) in (
                    Outcome.NEW_TOPIC, Outcome.REOPEN_TOPIC, Outcome.MAIN_CHAT):
                head = self.text(IN_MAIN_CHAT, case=case.pseudonym, id=case.id)
                return await self._try(case, Reply(f"{head}\n{reply.text}", reply.buttons))
            raise OperatorsUnreachable(type(exc).__name__) from exc

    async def new_topic(self, case: Case) -> int | None:
        """A forum topic for the case, linked to it; None when topics cannot be made."""
        chat_id = self.ops.id
        if chat_id is None:
            return None
        name = " · ".join(p for p in (case.pseudonym, case.language, case.country) if p)
        for _ in range(2):
            try:
                thread_id = await self._messenger.create_topic(chat_id, name)
                break
            except Exception as exc:
                new_id = migrated_to(exc)
                if new_id is not None and new_id != chat_id:
                    self.ops.migrate(new_id)
                    chat_id = new_id
                    continue
                log.info("forum topic not made (%s) case=%s",
                         decide(Call.CREATE_TOPIC, exc).name, case.id)
                return None
        else:
            return None
        await unless_full(self._cases.link_topic(chat_id, thread_id, case.id))
        case.thread_id = thread_id
        return thread_id


def topic_link(chat_id: int, thread_id: int) -> str:
    """A t.me link to a topic of a private supergroup (-100<internal> -> t.me/c/<internal>)."""
    internal = str(chat_id).removeprefix("-100")
    return f"https://t.me/c/{internal}/{thread_id}"
