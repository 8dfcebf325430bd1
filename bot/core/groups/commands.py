"""Slash commands in a group: /help, /hotlines [country], /check (a reply to an ad), /settings.

Everything said here is public information; anything personal is answered with the private
link. Settings change only for the group's admins (checked with the transport at the moment
of asking, never remembered), as `/settings <name> <value>` so that they work in privacy mode.
"""

from __future__ import annotations

from dataclasses import replace

from bot.core.groups import texts as T
from bot.core.groups.model import (
    MAX_CAP,
    AdminCheck,
    AdWarnings,
    GroupMessage,
    GroupReply,
    GroupResponse,
    GroupSettings,
)
from bot.core.groups.replies import GroupReplies
from bot.core.replies import Replies
from bot.i18n import DEFAULT_LANGUAGE, LANGUAGES, normalize_language

# Commands the bot answers in groups; any other (another bot's) is left alone.
KNOWN = ("/help", "/start", "/hotlines", "/check", "/checkad", "/settings")
_ADS = {"on": AdWarnings.ON, "admins": AdWarnings.ADMINS, "off": AdWarnings.OFF}
_NONE = ("none", "off", "auto", "-")


class GroupCommands:
    """Answers the group commands into a `GroupResponse`."""

    def __init__(self, replies: GroupReplies) -> None:
        self._r = replies

    def _language(self, settings: GroupSettings, message: GroupMessage) -> str:
        return (settings.language or normalize_language(message.language_code)
                or DEFAULT_LANGUAGE)

    async def handle(self, message: GroupMessage, settings: GroupSettings,
                     response: GroupResponse, *, username: str, is_admin: AdminCheck) -> None:
        command = message.command
        if command not in KNOWN:
            return
        if command == "/settings":
            await self._settings(message, settings, response, is_admin)
            return
        if not await self._r.allow(message, settings, "reply"):
            return
        language = self._language(settings, message)
        if command in ("/help", "/start"):
            response.replies.append(self._r.help_reply(language, username, message.message_id))
        elif command == "/hotlines":
            response.replies.append(self._hotlines(message, settings, language))
        else:
            await self._check(message, settings, response, username, language)

    def _hotlines(self, message: GroupMessage, settings: GroupSettings,
                  language: str) -> GroupReply:
        r = self._r.replies_in(language)
        places = self._r.parts().places
        code = settings.country
        if message.args.strip():
            match = places.find(message.args)
            wanted = message.args.strip().upper()
            code = match.code if match is not None else (
                wanted if wanted in r.content.countries else None)
            if code is None:
                return GroupReply(r.tr.gettext(T.UNKNOWN_COUNTRY), reply_to=message.message_id)
        if code is not None and code in r.content.countries:
            heading = r.tr.gettext(T.HOTLINES_FOR).format(country=r.country_name(code))
        else:
            heading, code = r.tr.gettext(T.HOTLINES_ANY), None
        return GroupReply(f"{heading}\n\n{r.numbers(code)}", reply_to=message.message_id)

    async def _check(self, message: GroupMessage, settings: GroupSettings,
                     response: GroupResponse, username: str, language: str) -> None:
        """/check as a reply to an ad: its warning signs under the ad, or that none showed."""
        r = self._r.replies_in(language)
        text = message.reply_to_text
        checker = self._r.parts().checker
        if not text or not text.strip() or checker is None or message.reply_to_id is None:
            response.replies.append(GroupReply(r.tr.gettext(T.CHECK_HOW),
                                               reply_to=message.message_id))
            return
        report = checker.check(text)
        await self._r.counters.count(message.group_key, "checked")
        if report.strong:
            # The cap was taken for this command already: the warning is its answer.
            await self._r.warn(message, settings, report, text, response, username=username,
                               requested=True, ad_id=message.reply_to_id, capped=False)
        else:
            response.replies.append(GroupReply(r.tr.gettext(T.AD_NO_FLAGS),
                                               reply_to=message.reply_to_id))

    async def _settings(self, message: GroupMessage, settings: GroupSettings,
                        response: GroupResponse, is_admin: AdminCheck) -> None:
        language = self._language(settings, message)
        r = self._r.replies_in(language)
        if not await is_admin():
            if await self._r.allow(message, settings, "reply"):
                response.replies.append(GroupReply(r.tr.gettext(T.ADMINS_ONLY),
                                                   reply_to=message.message_id))
            return
        words = message.args.split()
        if words:
            changed = self._change(settings, words)
            if changed is None:
                text = f"{r.tr.gettext(T.SETTINGS_BAD)}\n\n{r.tr.gettext(T.SETTINGS_HOW)}"
                response.replies.append(GroupReply(text, reply_to=message.message_id))
                return
            await self._r.store.save(message.group_key, changed)
            settings = changed
            r = self._r.replies_in(self._language(settings, message))
            lead = r.tr.gettext(T.SETTINGS_SAVED) + "\n\n"
        else:
            lead = ""
        response.replies.append(GroupReply(lead + self._screen(r, settings, message),
                                           reply_to=message.message_id))

    def _change(self, settings: GroupSettings, words: list[str]) -> GroupSettings | None:
        """The settings after `/settings <name> <value...>`; None when not understood."""
        name, value = words[0].lower(), " ".join(words[1:]).strip()
        low = value.lower()
        if name == "ads" and low in _ADS:
            return replace(settings, ads=_ADS[low])
        if name == "language":
            if low in _NONE:
                return replace(settings, language=None)
            return replace(settings, language=low) if low in LANGUAGES else None
        if name == "country" and value:
            if low in _NONE:
                return replace(settings, country=None)
            parts = self._r.parts()
            match = parts.places.find(value)
            code = match.code if match is not None else value.upper()
            return replace(settings, country=code) if code in parts.content.countries else None
        if name == "cap" and value.isdigit() and 1 <= int(value) <= MAX_CAP:
            return replace(settings, cap=int(value))
        return None

    def _screen(self, r: Replies, settings: GroupSettings, message: GroupMessage) -> str:
        tr = r.tr
        ads = {AdWarnings.ON: T.ADS_ON, AdWarnings.ADMINS: T.ADS_ADMINS,
               AdWarnings.OFF: T.ADS_OFF}[settings.ads]
        language = settings.language or tr.gettext(T.LANGUAGE_AUTO)
        country = (r.country_name(settings.country) if settings.country
                   else tr.gettext(T.COUNTRY_NONE))
        lines = [
            tr.gettext(T.SETTINGS_TITLE),
            tr.gettext(T.SETTING_ADS).format(value=tr.gettext(ads)),
            tr.gettext(T.SETTING_LANGUAGE).format(value=language),
            tr.gettext(T.SETTING_COUNTRY).format(value=country),
            tr.gettext(T.SETTING_CAP).format(value=settings.cap),
            "",
            tr.gettext(T.PRIVACY_OFF if message.sees_all else T.PRIVACY_ON),
            "",
            tr.gettext(T.SETTINGS_HOW),
        ]
        return "\n".join(lines)
