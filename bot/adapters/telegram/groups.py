"""Group chats on Telegram: an aiogram or PTB update in, the core's `GroupDesk`, Bot API out.

Shared by both adapters' group routers (`aiogram_app.build_group_router`, `ptb_app`'s group
handler); they send here only messages from groups and supergroups that are not the
operators' chat (`GroupGate.takes`), so the operators' side is scoped exactly as before.

What a group's message becomes (read in `group_messages.py`): a `GroupMessage` with the
group's keyed hash (never its id outside this module), the sender reduced to member /
anonymous admin / channel / bot, a command only when it is meant for this bot (`/check` or
`/check@<this bot>`). What Telegram refuses is handled here: removed from the group (403):
the group's settings are forgotten; no right to post (400): logged, nothing else; upgraded
to a supergroup: settings move along.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Any, Protocol

from bot.adapters.telegram.group_messages import read_group_message
from bot.adapters.telegram.state import ChatState
from bot.core.events import Button, Reply
from bot.core.groups import GroupDesk, GroupResponse, Sender
from bot.core.messenger import BotApiError
from bot.handoff.failures import Refusal, refusal_of
from bot.privacy import Pseudonymizer

log = logging.getLogger(__name__)

GROUP_TYPES = ("group", "supergroup")
ADMIN_STATUSES = ("creator", "administrator", "owner")
REMOVED_STATUSES = ("left", "kicked")  # ChatMember.status when the bot is out of the chat
MAX_GROUPS_LOGGED = 100


class GroupMessenger(Protocol):
    """What the gate asks of the Bot API (`BotApiMessenger` does all of it)."""

    async def send(self, chat_id: int, reply: Reply, *, thread_id: int | None = None,
                   reply_to: int | None = None) -> list[int]: ...

    async def member_status(self, chat_id: int, user_id: int) -> str: ...

    async def identity(self) -> tuple[int, str, bool]: ...

    async def admin_ids(self, chat_id: int) -> list[int]: ...


def group_key(pseudonymizer: Pseudonymizer, chat_id: int) -> str:
    """The group's keyed hash: distinct from any person's (another input), stable per key."""
    return pseudonymizer.user_key(f"tg-group:{chat_id}")


def message_link(chat_id: int, message_id: int) -> str | None:
    """t.me/c/<id>/<message>: opens a supergroup's message for its members; None for a
    basic group (Telegram has no such link there)."""
    text = str(chat_id)
    if not text.startswith("-100"):
        return None
    return f"https://t.me/c/{text[4:]}/{message_id}"


class GroupGate:
    """Reads group updates for the desk and carries out its `GroupResponse`."""

    def __init__(self, desk: GroupDesk, messenger: GroupMessenger, pseudonymizer: Pseudonymizer,
                 state: ChatState, is_operators_chat: Callable[[int], bool],
                 send_budget: float = 15.0) -> None:
        self._desk = desk
        self._messenger = messenger
        self._pseudonymizer = pseudonymizer
        self._state = state
        self._is_operators_chat = is_operators_chat
        self._send_budget = send_budget
        self._me: tuple[int, str, bool] | None = None  # getMe: id, username, reads all
        self._groups_logged: set[int] = set()
        self._in_flight = 0
        self._idle = asyncio.Event()
        self._idle.set()

    def takes(self, chat_id: int, chat_type: str) -> bool:
        """Whether a message from this chat is the group router's (not the operators')."""
        return str(chat_type) in GROUP_TYPES and not self._is_operators_chat(chat_id)

    async def drain(self) -> None:
        await self._idle.wait()

    async def _identity(self) -> tuple[int, str, bool]:
        """getMe once per gate: id, username for links, reach (an object's state, not a
        module global). When it fails, this message is answered without a link (a danger
        reply must not wait for it) and getMe is asked again with the next one."""
        if self._me is None:
            try:
                self._me = await self._messenger.identity()
            except Exception as exc:
                log.warning("getMe failed: %s; replying without links", type(exc).__name__)
                return 0, "", False
        return self._me

    async def handle_update(self, update: Any) -> None:
        """Entry point for both adapters' group routers; never raises."""
        self._in_flight += 1
        self._idle.clear()
        try:
            await self._handle(update)
        except Exception as exc:
            # The type only: an exception's text could quote the message.
            log.error("group update failed: %s", type(exc).__name__)
        finally:
            self._in_flight -= 1
            if self._in_flight == 0:
                self._idle.set()

    async def _handle(self, update: Any) -> None:
        member = getattr(update, "my_chat_member", None)
        if member is not None:
            await self._membership(member)
            return
        message = getattr(update, "message", None)
        # An edit: a harmless post turned into a scam ad later is checked then (commands are
        # answered once, when sent; a message answered already is not answered again).
        edited = message is None
        if edited:
            message = getattr(update, "edited_message", None)
        if message is None:
            return
        chat_id = int(message.chat.id)
        self._log_group(chat_id)
        if not await self._state.first_time(int(update.update_id)):
            return  # a redelivery
        migrated = getattr(message, "migrate_to_chat_id", None)
        if migrated:
            await self._move_settings(chat_id, int(migrated))
            return
        bot_id, username, reads_all = await self._identity()
        read = read_group_message(message, group_key(self._pseudonymizer, chat_id), username)
        if read is None:
            return
        if edited and (read.command is not None
                       or read.message_id in await self._answered(read.group_key)):
            return
        joined = getattr(message, "new_chat_members", None) or []
        if any(int(member.id) == bot_id for member in joined):
            # Just added: say once what the bot does here (as /help; admins then /settings).
            read = replace(read, command="/help", sender=Sender.MEMBER)
        if read.command == "/settings":
            read = replace(read, sees_all=reads_all or await self._is_admin(chat_id, bot_id))
        user = getattr(message, "from_user", None)
        if user is not None and read.sender == Sender.MEMBER:
            read = replace(read, sender_key=self._pseudonymizer.user_key(
                f"tg-group-sender:{chat_id}:{int(user.id)}"))

        async def is_admin() -> bool:
            if read.sender == Sender.ANONYMOUS_ADMIN:
                return True  # only an admin can post as the group
            return user is not None and await self._is_admin(chat_id, int(user.id))

        response = await self._desk.handle(read, username=username, is_admin=is_admin)
        if read.command is None and (response.replies or response.admin_notices):
            await self._mark_answered(read.group_key, read.message_id)
        thread = (getattr(message, "message_thread_id", None)
                  if getattr(message, "is_topic_message", None) else None)
        await self._deliver(chat_id, read.group_key, response, thread)

    async def _membership(self, member: Any) -> None:
        """The bot's own membership changed: removed or left, the group's settings go at once
        (Telegram sends nothing more from a group the bot is no longer in)."""
        chat = member.chat
        if not self.takes(int(chat.id), str(getattr(chat.type, "value", chat.type))):
            return
        status = member.new_chat_member.status
        if str(getattr(status, "value", status)) in REMOVED_STATUSES:
            await self._desk.replies.store.forget(group_key(self._pseudonymizer, int(chat.id)))
            log.info("removed from a group: its settings are forgotten")

    async def _answered(self, group: str) -> list[int]:
        """Group messages the bot answered in the last 48 hours (ids, under the group's key
        in the chat state's recent-messages list; expiring as it does)."""
        try:
            return await self._state.recent(group)
        except Exception as exc:
            log.warning("answered messages unknown: %s", type(exc).__name__)
            return []

    async def _mark_answered(self, group: str, message_id: int) -> None:
        try:
            await self._state.remember(group, [message_id])
        except Exception as exc:
            log.warning("answered message not remembered: %s", type(exc).__name__)

    async def _is_admin(self, chat_id: int, user_id: int) -> bool:
        """getChatMember now (never remembered: admins change). An admin bot sees every
        message whatever its privacy mode."""
        try:
            status = await self._messenger.member_status(chat_id, user_id)
        except Exception as exc:
            log.warning("getChatMember failed: %s", type(exc).__name__)
            return False
        return status in ADMIN_STATUSES

    async def _deliver(self, chat_id: int, group: str, response: GroupResponse,
                       thread: int | None) -> None:
        try:
            async with asyncio.timeout(self._send_budget):
                for reply in response.replies:
                    await self._send_reply(chat_id, group, Reply(reply.text, reply.buttons),
                                           thread, reply.reply_to)
                for notice in response.admin_notices:
                    await self._tell_admins(chat_id, notice.text, notice.buttons,
                                            notice.message_id, notice.link_label)
        except BotApiError as exc:
            await self._refused(chat_id, group, exc)
        except TimeoutError:
            log.warning("group reply not delivered: the send budget ran out")

    async def _send_reply(self, chat_id: int, group: str, reply: Reply, thread: int | None,
                          reply_to: int | None) -> None:
        """One public reply; where its place is gone, the group itself still gets it.

        A topic closed or deleted since the message was posted (400 "TOPIC_CLOSED", "message
        thread not found") must not silence a reply to a person in danger: it goes to the
        group's General topic instead, without `reply_to` (that message is in the old topic).
        A group upgraded to a supergroup (400 with migrate_to_chat_id) gets it in the new chat,
        its settings moved along. Other refusals are raised to `_refused`.
        """
        try:
            await self._messenger.send(chat_id, reply, thread_id=thread, reply_to=reply_to)
            return
        except BotApiError as exc:
            refusal = refusal_of(exc)
            if refusal is Refusal.MIGRATED and exc.migrate_to_chat_id is not None:
                await self._move_settings(chat_id, exc.migrate_to_chat_id)
                log.warning("group reply sent again: the group became a supergroup")
                await self._messenger.send(exc.migrate_to_chat_id, reply)
            elif thread is not None and refusal in (Refusal.THREAD_GONE, Refusal.TOPIC_CLOSED):
                log.warning("group reply sent to the General topic: its topic is %s",
                            "closed" if refusal is Refusal.TOPIC_CLOSED else "gone")
                await self._messenger.send(chat_id, reply)
            else:
                raise

    async def _tell_admins(self, chat_id: int, text: str, buttons: list[list[Button]],
                           message_id: int | None, link_label: str) -> None:
        """Each human admin privately; those who never started the bot cannot be written to
        (403 "bot can't initiate conversation"), which is expected and skipped."""
        link = message_link(chat_id, message_id) if message_id is not None else None
        rows = list(buttons) + ([[Button(link_label, url=link)]] if link and link_label else [])
        told = 0
        for admin in await self._messenger.admin_ids(chat_id):
            try:
                await self._messenger.send(admin, Reply(text, rows))
                told += 1
            except BotApiError as exc:
                if exc.code != 403:
                    raise
        log.info("group ad told to %d admin(s)", told)

    async def _refused(self, chat_id: int, group: str, exc: BotApiError) -> None:
        if exc.migrate_to_chat_id is not None:
            await self._move_settings(chat_id, exc.migrate_to_chat_id)
            log.warning("group reply not delivered: the group became a supergroup")
        elif exc.code == 403:
            # Kicked or left: nothing about the group is kept any longer.
            await self._desk.replies.store.forget(group)
            log.warning("group reply refused (403, no longer a member): settings forgotten")
        else:
            log.warning("group reply refused (%s): e.g. no right to post there", exc.code)

    async def _move_settings(self, old: int, new: int) -> None:
        store = self._desk.replies.store
        old_key = group_key(self._pseudonymizer, old)
        settings = await store.load(old_key)
        await store.save(group_key(self._pseudonymizer, new), settings)
        await store.forget(old_key)

    def _log_group(self, chat_id: int) -> None:
        """Name a group chat once (INFO): how operators learn OPERATOR_CHAT_ID (docs/OPERATORS.md;
        a group's id names no person; bounded, so a bot in many groups cannot grow it)."""
        if chat_id in self._groups_logged or len(self._groups_logged) >= MAX_GROUPS_LOGGED:
            return
        self._groups_logged.add(chat_id)
        log.info("message from a group chat that is not the operators' chat: chat_id=%s", chat_id)

