"""What every group answer needs: the content of the moment, languages, the cap, counters.

`GroupReplies` is shared by the desk (`desk.py`: ads and danger) and the group commands
(`commands.py`); it keeps only what the factory gives it, and the parts built from the
current content (rebuilt after a reload).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from bot.content.models import Content
from bot.core.adcheck import AdChecker, AdReport, Span, quote
from bot.core.adcheckers import AdCheckers
from bot.core.countries import CountryIndex, callers_of
from bot.core.danger_matchers import DangerMatchers
from bot.core.danger_phrases import DangerPhraseMatcher
from bot.core.events import Button
from bot.core.groups import texts as T
from bot.core.groups.deeplink import CHECK_AD, HELP, start_link
from bot.core.groups.mask import MASK_CHAR, hide_personal, tidy
from bot.core.groups.model import (
    AdminNotice,
    AdWarnings,
    GroupMessage,
    GroupReply,
    GroupResponse,
    GroupSettings,
)
from bot.core.groups.ports import GroupCounters, GroupLimiter, GroupSettingsStore, Lane
from bot.core.replies import Replies
from bot.i18n import DEFAULT_LANGUAGE, I18n, normalize_language
from bot.nlu.language import detect_language

log = logging.getLogger(__name__)

FLAGS_SHOWN = 4  # a public warning stays short
# One person writing their story in several messages gets one danger reply in this time: a
# reply under each would point the whole group at them. Kept in memory only (bounded).
DANGER_QUIET_S = 600.0
DANGER_SENDERS_KEPT = 10_000
QUOTE_CHARS = 60
# A title-case word ("Ольга", "Sergei"; not "РАБОТА"), and what ends a sentence before one.
_TITLE_WORD = re.compile(r"(?<![\w'’-])[A-ZА-ЯЁІЎ][a-zа-яёіў'’-]+")
_SENTENCE_END = ".!?\n"


@dataclass(frozen=True, slots=True)
class ContentParts:
    """What is built from one content: the ad checker (None without rules), the danger
    phrases and the country names."""

    content: Content
    checker: AdChecker | None
    danger: DangerPhraseMatcher
    places: CountryIndex


class GroupReplies:
    """The parts every group answer is built from."""

    def __init__(
        self,
        content: Callable[[], Content],
        i18n: I18n,
        store: GroupSettingsStore,
        limiter: GroupLimiter,
        counters: GroupCounters,
        ad_checkers: AdCheckers | None = None,
        matchers: DangerMatchers | None = None,
    ) -> None:
        """`matchers`: the process's danger-phrase matchers (shared with the engine's triage);
        by default this desk's own."""
        self._content = content
        self._matchers = matchers or DangerMatchers()
        self._i18n = i18n
        self.store = store
        self._limiter = limiter
        self.counters = counters
        self._parts: ContentParts | None = None
        self._ad_checkers = ad_checkers or AdCheckers()
        self._danger_answered: dict[str, float] = {}  # sender key -> monotonic time

    # ---------------------------------------------------------------- per content
    def parts(self) -> ContentParts:
        """The parts for the content of the moment (built again only after a reload)."""
        content = self._content()
        if self._parts is None or self._parts.content is not content:
            checker = self._ad_checkers.for_content(content)
            self._parts = ContentParts(content, checker, self._matchers.for_content(content),
                                       CountryIndex(content.countries, content.places,
                                                    callers_of(content)))
        return self._parts

    def replies_in(self, language: str) -> Replies:
        parts = self.parts()
        return Replies(parts.content, self._i18n.translator(language), parts.places)

    def language(self, settings: GroupSettings, message: GroupMessage, text: str | None) -> str:
        """The group's language if chosen; else the message's own; else the sender's app's."""
        if settings.language:
            return settings.language
        client = normalize_language(message.language_code)
        if text:
            return detect_language(text, prior=client or DEFAULT_LANGUAGE)
        return client or DEFAULT_LANGUAGE

    async def allow(self, message: GroupMessage, settings: GroupSettings, lane: Lane) -> bool:
        """One public reply from the group's allowance (counted as `capped` when refused)."""
        if await self._limiter.allow(message.group_key, settings.cap, lane):
            return True
        await self.counters.count(message.group_key, "capped")
        return False

    async def warn(self, message: GroupMessage, settings: GroupSettings, report: AdReport,
                   text: str, response: GroupResponse, *, username: str,
                   with_help: bool = False, requested: bool = False,
                   ad_id: int | None = None, capped: bool = True) -> None:
        """A strong ad: the warning in the group, or to the admins, or nothing (settings).

        `requested`: someone asked with /check, which is answered in the group whatever the
        setting (it is that member's question); `ad_id`: the ad's message (default: `message`);
        `capped`: False when the caller has taken this reply from the allowance already.
        """
        mode = AdWarnings.ON if requested else settings.ads
        if mode == AdWarnings.OFF:
            return
        language = settings.language or detect_language(
            text, prior=normalize_language(message.language_code) or DEFAULT_LANGUAGE)
        r = self.replies_in(language)
        lines = flag_lines(r, report, text)
        target = ad_id if ad_id is not None else message.message_id
        if capped and not await self.allow(message, settings, "reply"):
            return
        if mode == AdWarnings.ADMINS:
            body = "\n".join([r.tr.gettext(T.ADMIN_AD), *lines])
            response.admin_notices.append(AdminNotice(
                body, message_id=target, link_label=r.tr.gettext(T.ADMIN_LINK)))
            await self.counters.count(message.group_key, "admins_told")
            return
        parts = ["⚠️ " + r.tr.gettext(T.AD_WARNING), *lines, r.tr.gettext(T.AD_CHECK_PRIVATELY)]
        buttons = _link_row(r.tr.gettext(T.AD_BUTTON), start_link(username, CHECK_AD))
        if with_help:  # an ad that also reads as a cry for help: the private door too
            parts.append(r.tr.gettext(T.DANGER_PRIVATE))
            buttons += _link_row(r.tr.gettext(T.DANGER_BUTTON), start_link(username, HELP))
        response.replies.append(GroupReply("\n".join(parts), buttons, reply_to=target))
        await self.counters.count(message.group_key, "warned")
        log.info("group ad warning group=%s flags=%s", message.group_key[:12],
                 ",".join(f.rule.id for f in report.flags))

    async def danger_reply(self, message: GroupMessage, settings: GroupSettings,
                           response: GroupResponse, *, username: str) -> None:
        """The minimal public answer: the emergency number (group's country) and a private
        link. No question, no word about what was written. Said once per sender in
        `DANGER_QUIET_S` (their next messages are left alone)."""
        if self._answered_lately(message.sender_key):
            return
        if not await self.allow(message, settings, "danger"):
            return
        language = self.language(settings, message, message.text)
        r = self.replies_in(language)
        parts = []
        # The country the message names ("я в Дубае", "my friend in Lithuania") before the
        # group's: a group about Poland has members elsewhere, and the wrong country's number
        # wastes the one call. It is the writer's own word, not something the bot adds.
        named = self.parts().places.find(message.text or "")
        country = named.code if named is not None else settings.country
        if country and country in r.content.countries:
            numbers = emergency_numbers(r, country)
            if numbers:
                parts.append(r.tr.gettext(T.DANGER_NUMBER).format(
                    country=r.country_name(country), numbers=numbers))
        parts.append(r.tr.gettext(T.DANGER_PRIVATE))
        buttons = _link_row(r.tr.gettext(T.DANGER_BUTTON), start_link(username, HELP))
        response.replies.append(GroupReply("\n".join(parts), buttons,
                                           reply_to=message.message_id))
        if buttons:  # without the link (no getMe yet) the next message gets another chance
            self._note_answered(message.sender_key)
        await self.counters.count(message.group_key, "danger")
        log.info("group danger reply group=%s", message.group_key[:12])

    def _answered_lately(self, sender: str | None) -> bool:
        """Whether this sender got a danger reply (with its link) within `DANGER_QUIET_S`."""
        if sender is None or sender not in self._danger_answered:
            return False
        return time.monotonic() - self._danger_answered[sender] < DANGER_QUIET_S

    def _note_answered(self, sender: str | None) -> None:
        if sender is None:
            return
        now = time.monotonic()
        if len(self._danger_answered) >= DANGER_SENDERS_KEPT:
            self._danger_answered = {k: t for k, t in self._danger_answered.items()
                                     if now - t < DANGER_QUIET_S}
            if len(self._danger_answered) >= DANGER_SENDERS_KEPT:
                self._danger_answered.pop(next(iter(self._danger_answered)))
        self._danger_answered[sender] = now

    def help_reply(self, language: str, username: str, reply_to: int | None) -> GroupReply:
        r = self.replies_in(language)
        buttons = _link_row(r.tr.gettext(T.OPEN_BUTTON), start_link(username))
        return GroupReply(r.tr.gettext(T.HELP), buttons, reply_to=reply_to)


def emergency_numbers(r: Replies, country: str) -> str:
    """The country's emergency numbers, as dialled ("112, 997"), from content's hotlines."""
    numbers = [p.number for h in r.emergency(country) for p in h.phones]
    return ", ".join(dict.fromkeys(numbers))


def flag_lines(r: Replies, report: AdReport, text: str) -> list[str]:
    """One line per red flag: its title and the ad's words that raised it, personal data
    masked (the quote is cut from a copy with every contact already overwritten)."""
    hidden = hide_personal(text)
    lines = []
    for found in report.flags[:FLAGS_SHOWN]:
        words = _quoted(hidden, found.spans[0]) if found.spans else ""
        title = r.text(found.rule.title)
        lines.append(f"• {title}: «{words}»" if words else f"• {title}")
    return lines


def _quoted(hidden: str, span: Span) -> str:
    """The flag's words with a little context; only the words themselves when the context
    holds a contact (the name next to a phone number is as personal as the number) or a
    capitalised word inside a sentence (most likely a person's name: "координатор Ольга
    Сидорова", "pay Sergei"; a place name is lost with it, which costs the warning nothing)."""
    around = quote(hidden, span, QUOTE_CHARS)
    own = hidden[span.start:span.end]
    context = around.replace(" ".join(own.split()), " ", 1)
    if (MASK_CHAR in around and MASK_CHAR not in own) or _names_a_person(context):
        around = " ".join(own.split())
    # The flag's own words can hold a name too: a model flag quotes its whole sentence
    # ("Пишите в вайбер +48 ..., Марина.").
    return tidy(_hide_names(around))


def _hide_names(text: str) -> str:
    """`text` with every title-case word inside a sentence overwritten, as `_names_a_person`
    reads a name: "Пишите в вайбер •••, Марина." keeps no name."""
    for word in _TITLE_WORD.finditer(text):
        before = text[:word.start()].rstrip()
        if before and before[-1] not in _SENTENCE_END:
            text = text[:word.start()] + MASK_CHAR * len(word.group()) + text[word.end():]
    return text


def _names_a_person(context: str) -> bool:
    """Whether the quote's context holds a title-case word that does not open a sentence
    (the text cut before it, marked "…", counts as inside a sentence)."""
    for word in _TITLE_WORD.finditer(context):
        before = context[:word.start()].rstrip()
        if before and before[-1] not in _SENTENCE_END:
            return True
    return False


def _link_row(label: str, url: str | None) -> list[list[Button]]:
    return [[Button(label, url=url)]] if url else []
