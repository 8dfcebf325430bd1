"""A fake Telegram Bot API on loopback (real HTTP): records calls, serves updates, fails on cue."""

from __future__ import annotations

import asyncio
import html
import itertools
import json
import re
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.helpers.redis_server import free_port

TOKEN = "123456789:AAEfakeTokenForTestsOnly_0123456789"
BOT_USER = {"id": 123456789, "is_bot": True, "first_name": "Safe Migration", "username": "smb_bot"}
# Parameters that are plain strings even when they look like JSON ("123", "true").
_STRINGS = {"text", "callback_query_id", "name", "url", "secret_token", "parse_mode", "caption"}
_TAG = re.compile(r"<[^>]+>")
# Service messages (members joining or leaving, a group upgraded, ...): every bot gets them.
_SERVICE = ("new_chat_members", "left_chat_member", "migrate_to_chat_id", "group_chat_created",
            "supergroup_chat_created", "pinned_message")


@dataclass
class Call:
    """One Bot API request as the fake saw it."""

    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return int(value) if value is not None else None

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))

    @property
    def payloads(self) -> list[str]:
        markup = self.params.get("reply_markup") or {}
        rows = markup.get("inline_keyboard", [])
        return [b["callback_data"] for row in rows for b in row if "callback_data" in b]


@dataclass
class _Failure:
    status: int
    description: str
    retry_after: int | None
    parameters: dict[str, Any] | None = None
    hang: float = 0.0  # seconds to hold the request before answering (0: answer at once)
    when: Callable[[dict[str, Any]], bool] | None = None  # only calls with such parameters


# What Telegram answers about a chat the bot can no longer use (real descriptions).
BLOCKED = (403, "Forbidden: bot was blocked by the user")
CHAT_NOT_FOUND = (400, "Bad Request: chat not found")
KICKED = (403, "Forbidden: bot was kicked from the supergroup chat")
KICKED_GROUP = (403, "Forbidden: bot was kicked from the group chat")
NO_SEND_RIGHTS = (400, "Bad Request: not enough rights to send text messages to the chat")
# sendMessage to someone who never opened the bot's chat (an admin who never pressed Start).
CANT_INITIATE = (403, "Forbidden: bot can't initiate conversation with a user")
THREAD_NOT_FOUND = (400, "Bad Request: message thread not found")
TOPIC_CLOSED = (400, "Bad Request: TOPIC_CLOSED")
NO_TOPIC_RIGHTS = (400, "Bad Request: not enough rights to manage topics")
UPGRADED = (400, "Bad Request: group chat was upgraded to a supergroup chat")
CANT_PARSE = (400, "Bad Request: can't parse entities: Unsupported start tag \"b\" at byte "
                   "offset 0")
SERVER_ERROR = (500, "Internal Server Error")
# deleteMessage: the id is not (or no longer) in the chat; or it is, but the bot may not delete
# it (sent 48 hours ago or more; another member's message in a group where the bot is no admin
# with can_delete_messages).
DELETE_NOT_FOUND = (400, "Bad Request: message to delete not found")
CANT_DELETE = (400, "Bad Request: message can't be deleted")
DELETE_WINDOW = 48 * 3600  # seconds after sending during which a message can be deleted
BUTTON_DATA_INVALID = (400, "Bad Request: BUTTON_DATA_INVALID")  # callback_data not 1-64 bytes
# The rights the set-up in docs/OPERATORS.md gives the bot in the operators' supergroup.
ADMIN_RIGHTS: dict[str, Any] = {
    "status": "administrator", "can_be_edited": False, "is_anonymous": False,
    "can_manage_chat": True, "can_delete_messages": True, "can_manage_video_chats": False,
    "can_restrict_members": False, "can_promote_members": False, "can_change_info": False,
    "can_invite_users": False, "can_post_stories": False, "can_edit_stories": False,
    "can_delete_stories": False, "can_pin_messages": False, "can_manage_topics": True,
    "can_send_welcome_messages": False,
}


def chat_type(chat_id: int) -> str:
    """Telegram's chat type by id: people > 0, supergroups -100..., basic groups other < 0."""
    if chat_id > 0:
        return "private"
    return "supergroup" if str(chat_id).startswith("-100") else "group"


class FakeBotAPI:
    """`/bot<token>/<method>` like api.telegram.org; `base_url` goes into TELEGRAM_API_BASE."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._by_chat: dict[int, list[Call]] = defaultdict(list)  # the same calls, by chat
        self.chats: dict[int, dict[int, str]] = defaultdict(dict)  # chat -> visible messages
        self.keyboards: dict[tuple[int, int], Any] = {}  # (chat, message) -> its inline keyboard
        # (chat, message) -> (its `date`, its sender's id): what deleteMessage checks.
        self.origins: dict[tuple[int, int], tuple[int, int]] = {}
        self.topics: dict[int, dict[int, bool]] = defaultdict(dict)  # chat -> topic -> closed?
        # chat -> user -> getChatMember status ("member" or "left"; "left" when not listed)
        self.members: dict[int, dict[int, str]] = defaultdict(dict)
        # The bot's own getChatMember per chat (default: ADMIN_RIGHTS, as the set-up asks).
        self.bot_member: dict[int, dict[str, Any]] = {}
        self.forums: set[int] = set()  # supergroups with topics on (getChat's is_forum)
        self.blocked: set[int] = set()  # people who blocked the bot (403 on sends to them)
        self.strangers: set[int] = set()  # people who never started the bot (403 on sends)
        self.muted: set[int] = set()  # groups where the bot may not post (400 on sends)
        # Telegram's privacy mode (on for a new bot): in groups where the bot is no admin it
        # gets only commands, mentions of it and replies to its messages; the rest is dropped
        # by `push` and kept in `unseen` (what the bot never received).
        self.privacy_mode = True
        self.unseen: list[dict[str, Any]] = []
        # chat -> the answer every call about it gets: gone, kicked, or upgraded (migrated).
        self.dead_chats: dict[int, _Failure] = {}
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1000)
        self._message_ids: dict[int, itertools.count[int]] = defaultdict(lambda: itertools.count(1))
        self._new_update = asyncio.Condition()
        self._new_call = asyncio.Condition()
        # (method, chat id or None for any chat) -> scripted answers, used before real ones
        self._failures: dict[tuple[str, int | None], deque[_Failure]] = defaultdict(deque)
        self._released = asyncio.Event()  # set on stop: hanging requests end then
        self._slow: dict[tuple[str, int | None], deque[float]] = defaultdict(deque)
        # method -> seconds every call of it takes to be answered (Telegram's own latency);
        # the call is recorded (Telegram has it) before the wait: a client killed meanwhile
        # never learns that it went through.
        self.latency: dict[str, float] = {}
        self._runner: web.AppRunner | None = None
        self.port = free_port()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._on_request)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    async def stop(self) -> None:
        self._released.set()
        if self._runner is not None:
            await self._runner.cleanup()

    # ---------------------------------------------------------------- test controls
    def fail(self, method: str, status: int, description: str = "", *,
             retry_after: int | None = None, times: int = 1,
             parameters: dict[str, Any] | None = None, chat_id: int | None = None) -> None:
        """Answer the next `times` calls of `method` (to `chat_id`, else to any chat) with an
        error like Telegram's: `{"ok": false, "error_code", "description", "parameters"}`."""
        for _ in range(times):
            self._failures[(method, chat_id)].append(
                _Failure(status, description, retry_after, parameters))

    def slow(self, method: str, seconds: float, chat_id: int | None = None) -> None:
        """The next call of `method` (to `chat_id`) is done at once, as Telegram would, but
        its answer comes `seconds` later: a client that gives up meanwhile never learns."""
        self._slow[(method, chat_id)].append(seconds)

    def kill_chat(self, chat_id: int, status: int, description: str, *,
                  migrate_to_chat_id: int | None = None) -> None:
        """From now on every call about `chat_id` fails like Telegram's answer for a chat
        that is gone ("chat not found"), left (403) or upgraded (400 with migrate_to_chat_id)."""
        parameters = {"migrate_to_chat_id": migrate_to_chat_id} if migrate_to_chat_id else None
        self.dead_chats[chat_id] = _Failure(status, description, None, parameters)

    def delete_topic(self, chat_id: int, thread_id: int) -> None:
        """An operator deleted a forum topic: sends to it now fail with "thread not found"."""
        self.topics[chat_id].pop(thread_id, None)

    def rights(self, chat_id: int) -> dict[str, Any]:
        """The bot's getChatMember in `chat_id` (ADMIN_RIGHTS unless a test changed them).

        In a private chat (a person's id) the bot is a plain "member", as Telegram answers.
        """
        default = {"status": "member"} if chat_id > 0 else ADMIN_RIGHTS
        return self.bot_member.get(chat_id, default)

    def hang(self, method: str, *, chat_id: int | None = None, seconds: float = 3600.0,
             times: int = 1, when: Callable[[dict[str, Any]], bool] | None = None) -> None:
        """Hold the next `times` calls of `method` (to `chat_id`; only those whose parameters
        satisfy `when`) for `seconds` (or until the fake stops), then answer them normally: a
        Bot API that stopped answering."""
        for _ in range(times):
            self._failures[(method, chat_id)].append(
                _Failure(0, "", None, hang=seconds, when=when))

    def clear_failures(self) -> None:
        """Forget every scripted failure and hang not used yet."""
        self._failures.clear()

    async def push(self, update: dict[str, Any]) -> int:
        """Queue an update for getUpdates (gives it an update_id unless it has one)."""
        update.setdefault("update_id", next(self._update_ids))
        message = update.get("message") or update.get("edited_message")
        if message is not None and not self._visible(message):
            self.unseen.append(update)
            return int(update["update_id"])
        if message is not None:
            self.chats[message["chat"]["id"]][message["message_id"]] = message.get("text", "")
            sender = int((message.get("from") or {}).get("id", 0))
            self.origins[(message["chat"]["id"], message["message_id"])] = (
                int(message.get("date") or time.time()), sender)
        async with self._new_update:
            self._updates.append(update)
            self._new_update.notify_all()
        return int(update["update_id"])

    def _visible(self, message: dict[str, Any]) -> bool:
        """Whether Telegram would deliver this group message to the bot (privacy mode)."""
        chat = message["chat"]
        if chat["type"] not in ("group", "supergroup") or not self.privacy_mode:
            return True
        if self.rights(int(chat["id"])).get("status") in ("administrator", "creator"):
            return True  # an admin bot gets every message whatever its privacy mode
        if any(k in message for k in _SERVICE):
            return True  # service messages reach the bot in privacy mode too
        text = str(message.get("text") or message.get("caption") or "")
        reply = message.get("reply_to_message") or {}
        return (text.startswith("/") or f"@{BOT_USER['username']}" in text
                or (reply.get("from") or {}).get("id") == BOT_USER["id"])

    def new_message_id(self, chat_id: int) -> int:
        return next(self._message_ids[chat_id])

    def calls_to(self, method: str, chat_id: int | None = None, since: int = 0) -> list[Call]:
        return [c for c in self.calls[since:]
                if c.method == method and (chat_id is None or c.chat_id == chat_id)]

    async def wait_calls(self, method: str, count: int, chat_id: int | None = None,
                         since: int = 0, within: float = 15.0) -> list[Call]:
        """Wait until at least `count` calls of `method` (to `chat_id`) arrived after `since`."""
        async def enough() -> None:
            async with self._new_call:
                await self._new_call.wait_for(
                    lambda: len(self.calls_to(method, chat_id, since)) >= count
                )
        await asyncio.wait_for(enough(), within)
        return self.calls_to(method, chat_id, since)

    async def wait_chat(self, chat_id: int, done: Callable[[list[Call]], bool],
                        within: float = 15.0) -> list[Call]:
        """Wait until `done(calls to chat_id so far)`; cheap with many chats (an index)."""
        calls = self._by_chat[chat_id]

        async def enough() -> None:
            async with self._new_call:
                await self._new_call.wait_for(lambda: done(calls))
        await asyncio.wait_for(enough(), within)
        return list(calls)

    async def quiet(self, period: float = 0.3, within: float = 15.0) -> None:
        """Wait until no call has arrived for `period` seconds."""
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            last = self.calls[-1].at if self.calls else 0.0
            idle = time.monotonic() - last
            if idle >= period:
                return
            await asyncio.sleep(period - idle)
        raise TimeoutError("the bot kept calling the API")

    # ---------------------------------------------------------------- the API
    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            data = await request.json()
            return dict(data) if isinstance(data, dict) else {}
        form = await request.post()
        params: dict[str, Any] = {}
        for key, value in form.items():
            text = value if isinstance(value, str) else str(value)
            if key in _STRINGS:
                params[key] = text
                continue
            try:
                params[key] = json.loads(text)
            except ValueError:
                params[key] = text
        params.update({k: v for k, v in request.query.items() if k not in params})
        return params

    async def _on_request(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != TOKEN:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        params = await self._params(request)
        if method != "getUpdates":
            async with self._new_call:
                call = Call(method, params)
                self.calls.append(call)
                if call.chat_id is not None:
                    self._by_chat[call.chat_id].append(call)
                self._new_call.notify_all()
        failure = self._scripted(method, params)
        if failure is not None and failure.hang:
            try:
                await asyncio.wait_for(self._released.wait(), failure.hang)
            except TimeoutError:
                pass
            if self._released.is_set():
                return _error(502, "Bad Gateway")  # shutting down: nobody waits for this
        elif failure is not None:
            return _error(failure.status, failure.description, failure.retry_after,
                          failure.parameters)
        chat = params.get("chat_id")
        dead = self.dead_chats.get(int(chat)) if chat is not None else None
        if dead is not None:
            return _error(dead.status, dead.description, None, dead.parameters)
        if method == "getUpdates":
            return _ok(await self._get_updates(params))
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            return _error(404, "Not Found: method not found")
        response = handler(params)
        delays = self._slow.get((method, int(chat) if chat is not None else None))
        if delays:
            await asyncio.sleep(delays.popleft())
        if self.latency.get(method):
            await asyncio.sleep(self.latency[method])
        return response

    def _scripted(self, method: str, params: dict[str, Any]) -> _Failure | None:
        chat = str(params.get("chat_id", ""))
        keys = [(method, int(chat))] if chat.lstrip("-").isdigit() else []
        for key in (*keys, (method, None)):
            queue = self._failures.get(key)
            if queue and (queue[0].when is None or queue[0].when(params)):
                return queue.popleft()
        return None

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        async with self._new_update:
            # Updates below the offset are confirmed: Telegram forgets them.
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
            if not self._updates and timeout:
                try:
                    await asyncio.wait_for(self._new_update.wait(), timeout)
                except TimeoutError:
                    pass
            allowed = params.get("allowed_updates")
            if isinstance(allowed, str):
                allowed = json.loads(allowed)
            if allowed:
                # Telegram drops the kinds the bot did not ask for (the last list given).
                self._updates = [u for u in self._updates
                                 if any(kind in u for kind in allowed)]
            return list(self._updates[: int(params.get("limit") or 100)])

    def _message(self, params: dict[str, Any], message_id: int | None = None) -> web.Response:
        chat_id = int(params["chat_id"])
        text = html.unescape(_TAG.sub("", str(params.get("text", ""))))
        if message_id is None:
            message_id = self.new_message_id(chat_id)
        self.chats[chat_id][message_id] = text
        self.keyboards[(chat_id, message_id)] = _keyboard(params)
        self.origins.setdefault((chat_id, message_id), (int(time.time()), BOT_USER["id"]))
        message: dict[str, Any] = {
            "message_id": message_id, "from": BOT_USER, "date": int(time.time()), "text": text,
            "chat": {"id": chat_id, "type": chat_type(chat_id),
                     **({"first_name": "Person"} if chat_id > 0 else {"title": "Operators"})},
        }
        if params.get("message_thread_id"):
            message["message_thread_id"] = params["message_thread_id"]
            message["is_topic_message"] = True
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        return _ok(message)

    def _m_getMe(self, params: dict[str, Any]) -> web.Response:
        return _ok({**BOT_USER, "can_join_groups": True,
                    "can_read_all_group_messages": not self.privacy_mode,
                    "supports_inline_queries": False})

    def _m_sendMessage(self, params: dict[str, Any]) -> web.Response:
        chat_id = int(params["chat_id"])
        if chat_id in self.blocked:
            return _error(*BLOCKED)
        if chat_id in self.strangers:
            return _error(*CANT_INITIATE)
        if chat_id in self.muted:
            return _error(*NO_SEND_RIGHTS)
        if len(str(params.get("text", ""))) > 4096:
            return _error(400, "Bad Request: message is too long")
        if _bad_buttons(params):
            return _error(*BUTTON_DATA_INVALID)
        thread = params.get("message_thread_id")
        if thread:
            # Only real topics are threads one can post in (a reply chain in General is not).
            topics = self.topics.get(chat_id, {})
            if int(thread) not in topics:
                return _error(*THREAD_NOT_FOUND)
            # A closed topic takes posts only from admins who may manage topics.
            if topics[int(thread)] and not self.rights(chat_id).get("can_manage_topics"):
                return _error(*TOPIC_CLOSED)
        return self._message(params)

    def _m_copyMessage(self, params: dict[str, Any]) -> web.Response:
        # Like sendMessage for the destination (blocked person, topics); Telegram answers with
        # a MessageId only. The copy is recorded as "copy:<from chat>:<message>".
        chat_id = int(params["chat_id"])
        if chat_id in self.blocked:
            return _error(*BLOCKED)
        thread = params.get("message_thread_id")
        if thread:
            topics = self.topics.get(chat_id, {})
            if int(thread) not in topics:
                return _error(*THREAD_NOT_FOUND)
            if topics[int(thread)] and not self.rights(chat_id).get("can_manage_topics"):
                return _error(*TOPIC_CLOSED)
        message_id = self.new_message_id(chat_id)
        self.chats[chat_id][message_id] = f"copy:{params['from_chat_id']}:{params['message_id']}"
        self.origins[(chat_id, message_id)] = (int(time.time()), BOT_USER["id"])
        return _ok({"message_id": message_id})

    def _m_editMessageText(self, params: dict[str, Any]) -> web.Response:
        # Like Telegram: the same message comes back changed; without reply_markup the inline
        # keyboard is removed; an edit that changes nothing is refused.
        chat_id, message_id = int(params["chat_id"]), int(params["message_id"])
        if message_id not in self.chats[chat_id]:
            return _error(400, "Bad Request: message to edit not found")
        if len(str(params.get("text", ""))) > 4096:
            return _error(400, "Bad Request: MESSAGE_TOO_LONG")
        if _bad_buttons(params):
            return _error(*BUTTON_DATA_INVALID)
        text = html.unescape(_TAG.sub("", str(params.get("text", ""))))
        if (text == self.chats[chat_id][message_id]
                and _keyboard(params) == self.keyboards.get((chat_id, message_id))):
            return _error(400, "Bad Request: message is not modified: specified new message "
                               "content and reply markup are exactly the same as a current "
                               "content and reply markup of the message")
        return self._message(params, message_id)

    def text_of(self, chat_id: int, message_id: int) -> str:
        """A message's text as people see it now (after edits)."""
        return self.chats[chat_id][message_id]

    def buttons_of(self, chat_id: int, message_id: int) -> list[str]:
        """The callback payloads under a message now (after edits)."""
        rows = self.keyboards.get((chat_id, message_id)) or []
        return [b["callback_data"] for row in rows for b in row if "callback_data" in b]

    def _m_deleteMessage(self, params: dict[str, Any]) -> web.Response:
        # Telegram's limits: a message younger than 48 hours; in a private chat the bot may
        # delete its own and the person's messages, in a group its own, or any as an admin
        # with can_delete_messages.
        chat_id, message_id = int(params["chat_id"]), int(params["message_id"])
        if message_id not in self.chats[chat_id]:
            return _error(*DELETE_NOT_FOUND)
        sent, sender = self.origins.get((chat_id, message_id), (int(time.time()), 0))
        if time.time() - sent >= DELETE_WINDOW:
            return _error(*CANT_DELETE)
        if chat_id < 0 and sender != BOT_USER["id"] and not self.rights(chat_id).get(
                "can_delete_messages"):
            return _error(*CANT_DELETE)
        del self.chats[chat_id][message_id]
        return _ok(True)

    def visible(self, chat_id: int, message_id: int) -> bool:
        """Whether the message is still in the chat for whoever opens it (not deleted)."""
        return message_id in self.chats[chat_id]

    def _m_deleteMessages(self, params: dict[str, Any]) -> web.Response:
        chat = self.chats[int(params["chat_id"])]
        for message_id in params["message_ids"]:
            chat.pop(int(message_id), None)  # like Telegram: missing ones are skipped
        return _ok(True)

    def _m_createForumTopic(self, params: dict[str, Any]) -> web.Response:
        if not self.rights(int(params["chat_id"])).get("can_manage_topics"):
            return _error(*NO_TOPIC_RIGHTS)
        thread = self.new_message_id(int(params["chat_id"]))
        self.topics[int(params["chat_id"])][thread] = False
        return _ok({"message_thread_id": thread, "name": params["name"], "icon_color": 7322096})

    def _m_closeForumTopic(self, params: dict[str, Any]) -> web.Response:
        topics = self.topics[int(params["chat_id"])]
        thread = int(params["message_thread_id"])
        if thread not in topics:
            return _error(400, "Bad Request: message thread not found")
        if topics[thread]:
            return _error(400, "Bad Request: TOPIC_NOT_MODIFIED")
        topics[thread] = True
        return _ok(True)

    def _m_reopenForumTopic(self, params: dict[str, Any]) -> web.Response:
        topics = self.topics[int(params["chat_id"])]
        thread = int(params["message_thread_id"])
        if thread not in topics:
            return _error(*THREAD_NOT_FOUND)
        if not self.rights(int(params["chat_id"])).get("can_manage_topics"):
            return _error(*NO_TOPIC_RIGHTS)
        if not topics[thread]:
            return _error(400, "Bad Request: TOPIC_NOT_MODIFIED")
        topics[thread] = False
        return _ok(True)

    def _m_getChat(self, params: dict[str, Any]) -> web.Response:
        chat_id = int(params["chat_id"])
        gifts = {"unlimited_gifts": False, "limited_gifts": False, "unique_gifts": False,
                 "premium_subscription": False, "gifts_from_channels": False}
        common = {"id": chat_id, "accent_color_id": 0, "max_reaction_count": 11,
                  "accepted_gift_types": gifts}
        if chat_id > 0:  # a person's id (one who started the bot): Telegram says "private"
            return _ok({**common, "type": "private", "first_name": "Person"})
        if chat_type(chat_id) == "group":
            # A basic group (no -100): Telegram has no topics there; a test may still list it
            # in `forums` to check that a plain group with topics on would be refused.
            return _ok({**common, "type": "group", "title": "Operators",
                        **({"is_forum": True} if chat_id in self.forums else {}),
                        "permissions": {"can_send_messages": True}})
        return _ok({**common, "type": "supergroup", "title": "Operators",
                    "is_forum": chat_id in self.forums or bool(self.topics.get(chat_id)),
                    "permissions": {"can_send_messages": True, "can_manage_topics": False}})

    def _m_getChatMember(self, params: dict[str, Any]) -> web.Response:
        user_id = int(params["user_id"])
        if user_id == BOT_USER["id"]:
            return _ok({**self.rights(int(params["chat_id"])), "user": BOT_USER})
        status = self.members[int(params["chat_id"])].get(user_id, "left")
        return _ok(_member(status, user_id))

    def _m_getChatAdministrators(self, params: dict[str, Any]) -> web.Response:
        # The human admins (as listed in `members`), then the bot itself when it is one.
        chat_id = int(params["chat_id"])
        admins = [_member(status, user_id) for user_id, status in self.members[chat_id].items()
                  if status in ("creator", "administrator")]
        if self.rights(chat_id).get("status") == "administrator":
            admins.append({**self.rights(chat_id), "user": BOT_USER})
        return _ok(admins)

    def _true(self, params: dict[str, Any]) -> web.Response:
        return _ok(True)

    _m_answerCallbackQuery = _m_setMyCommands = _m_setWebhook = _m_deleteWebhook = _true


def _member(status: str, user_id: int) -> dict[str, Any]:
    """A ChatMember as Telegram sends it: each status has its own required fields."""
    person = {"id": user_id, "is_bot": False, "first_name": "Someone"}
    if status == "administrator":
        return {**ADMIN_RIGHTS, "user": person}
    if status == "creator":
        return {"status": "creator", "user": person, "is_anonymous": False}
    return {"status": status, "user": person}


def _keyboard(params: dict[str, Any]) -> list[list[dict[str, Any]]] | None:
    markup = params.get("reply_markup")
    if isinstance(markup, str):
        markup = json.loads(markup)
    rows = (markup or {}).get("inline_keyboard") if isinstance(markup, dict) else None
    return rows or None


def _bad_buttons(params: dict[str, Any]) -> bool:
    """Telegram refuses an inline button whose callback_data is not 1-64 bytes."""
    rows = _keyboard(params) or []
    return any(not 1 <= len(str(b["callback_data"]).encode()) <= 64
               for row in rows for b in row if "callback_data" in b)


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


def _error(status: int, description: str, retry_after: int | None = None,
           parameters: dict[str, Any] | None = None) -> web.Response:
    """Telegram's error answer: ok=false, error_code, description and any parameters."""
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = dict(parameters)
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
        body["description"] = description or f"Too Many Requests: retry after {retry_after}"
    return web.json_response(body, status=status)


# ---------------------------------------------------------------- update builders
def user(user_id: int, language_code: str = "ru") -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": "Person", "language_code": language_code}


def message_update(api: FakeBotAPI, sender: dict[str, Any], *, text: str | None = None,
                   chat: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    """An update with a message from `sender` in their private chat (or in `chat`)."""
    chat = chat or {"id": sender["id"], "type": "private", "first_name": sender["first_name"]}
    message: dict[str, Any] = {
        "message_id": api.new_message_id(chat["id"]), "from": sender, "chat": chat,
        "date": int(time.time()), **extra,
    }
    if text is not None:
        message["text"] = text
        if text.startswith("/"):
            length = len(text.split(" ", 1)[0])
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
    return {"message": message}


def group(chat_id: int = -1001500, title: str = "Работа в Польше") -> dict[str, Any]:
    """A group chat as updates carry it (a supergroup for -100... ids, else a basic group)."""
    return {"id": chat_id, "type": chat_type(chat_id), "title": title}


def url_buttons(call: Call) -> list[str]:
    """The URLs of a sent message's inline buttons (deep links)."""
    markup = call.params.get("reply_markup") or {}
    if isinstance(markup, str):
        markup = json.loads(markup)
    return [b["url"] for row in markup.get("inline_keyboard", []) for b in row if "url" in b]


def callback_update(api: FakeBotAPI, sender: dict[str, Any], data: str,
                    message_id: int | None = None) -> dict[str, Any]:
    """An update for a pressed inline button under one of the bot's messages."""
    chat = {"id": sender["id"], "type": "private", "first_name": sender["first_name"]}
    message = {"message_id": message_id or 1, "from": BOT_USER, "chat": chat,
               "date": int(time.time()), "text": "..."}
    query_id = str(next(api._update_ids))
    return {"callback_query": {"id": query_id, "from": sender, "chat_instance": "ci",
                               "message": message, "data": data}}
