"""The bot in a public group: ad warnings, the minimal reply to danger, group commands.

`GroupDesk.handle(message, ...) -> GroupResponse`. Nothing here imports a Telegram framework,
keeps a message's text or discusses a person's situation: a danger phrase is answered with the
emergency number for the group's country (if set) and a private link, nothing else; quotes
from an ad are masked (`mask.py`). Commands are in `commands.py`.
"""

from __future__ import annotations

from bot.core.groups.commands import GroupCommands
from bot.core.groups.model import AdminCheck, AdWarnings, GroupMessage, GroupResponse, Sender
from bot.core.groups.replies import GroupReplies


class GroupDesk:
    """Answers group messages: commands, strong ads, danger phrases, mentions."""

    def __init__(self, replies: GroupReplies) -> None:
        self.replies = replies
        self._commands = GroupCommands(replies)

    # ---------------------------------------------------------------- a message
    async def handle(self, message: GroupMessage, *, username: str,
                     is_admin: AdminCheck) -> GroupResponse:
        """What to do about one group message (nothing, most of the time)."""
        response = GroupResponse()
        if message.sender == Sender.BOT:
            return response
        settings = await self.replies.store.load(message.group_key)
        if message.command is not None:
            if message.sender != Sender.CHANNEL:
                await self._commands.handle(message, settings, response,
                                            username=username, is_admin=is_admin)
            return response
        text = message.text
        if not text or not text.strip():
            return response
        r = self.replies
        parts = r.parts()
        checker = parts.checker
        # A channel's post is not a member speaking: ads only, never the danger reply.
        person = message.sender in (Sender.MEMBER, Sender.ANONYMOUS_ADMIN)
        in_danger = person and bool(parts.danger.find(text))
        # A linked channel's post copied into its group carries a forward origin too, but it
        # is the channel's own post: judged as a post, not with a forward's lower bar.
        forwarded = message.forwarded and not message.automatic_forward
        checking = checker is not None and settings.ads != AdWarnings.OFF
        if checking and checker is not None and checker.looks_like_ad(text, forwarded=forwarded):
            report = checker.check(text)
            await r.counters.count(message.group_key, "checked")
            if report.strong:
                # A member's own post may be their own story: the private door for help too.
                own_story = in_danger and not message.forwarded
                await r.warn(message, settings, report, text, response, username=username,
                             with_help=own_story)
                if response.replies:  # the public warning (with the help line if needed)
                    return response
        if in_danger:
            await r.danger_reply(message, settings, response, username=username)
        elif message.addressed and person and await r.allow(message, settings, "reply"):
            language = r.language(settings, message, text)  # the words' language first
            response.replies.append(r.help_reply(language, username, message.message_id))
        return response

