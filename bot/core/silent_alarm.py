"""The silent alarm: a code word that answers with an ordinary phrase and alerts the operators.

The word is kept only as a keyed hash (HMAC-SHA256) in the session, so it is erased by
/delete and expires with the session; it is never logged. Setting the word is the person's
consent in advance: the alert goes out without asking, because asking would give them away.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from collections.abc import Callable

from bot.checkin.typed_answers import typed_yes_no
from bot.content.models import Content
from bot.core import signs
from bot.core.code_words import READINGS, code_words, common_only
from bot.core.commands import command_name
from bot.core.events import (
    Button,
    DeleteTyped,
    EventKind,
    IncomingEvent,
    OperatorAlert,
    Reply,
)
from bot.core.labels import ALARM_EXACT, ALARM_IN_SENTENCE, ALARM_REMOVE
from bot.core.session import PasteQuestion, Session
from bot.core.turn import Turn

log = logging.getLogger(__name__)

COMMAND = "/codeword"
AWAITING = PasteQuestion(what="code_word")  # waiting for the new code word
# "Also inside a longer message?" on screen: a typed "да" / "так" / "no" answers it.
INSIDE = PasteQuestion(what="code_word_inside")
INDICATOR = "silent-alarm"


def _never(text: str) -> bool:
    return False


class SilentAlarmStep:
    """/codeword to set, change or remove the word; the word itself raises the alarm."""

    def __init__(self, key: str | None, *, keep_days: int = 30) -> None:
        """`key`: the secret the word's hash is keyed with; `keep_days`: how many days after
        the person's last message their session, and the word in it, is kept (said on the
        /codeword screen)."""
        self._keep_days = keep_days
        # Without a configured key (the console demo) a per-process one: sessions there do
        # not outlive the process either.
        self._key = (key or secrets.token_hex(32)).encode()

    def digest(self, user_key: str, words: list[str]) -> str:
        """The keyed hash of a normalised word or phrase, bound to this person."""
        message = f"{user_key}\x00{' '.join(words)}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()

    def claims(self, event: IncomingEvent) -> bool:
        """True for /codeword and the buttons under its questions."""
        if event.kind == EventKind.COMMAND:
            return command_name(event.text) == COMMAND
        return event.kind == EventKind.BUTTON and (event.payload or "").startswith("sa:")

    def forget(self, turn: Turn) -> None:
        """Before every event: a code-word screen still in the chat (the explanation, a refused
        word, "also inside a longer message?", "removed") is deleted unless this event goes on
        with it (/codeword, its buttons, or the word typed while it is asked for; a forwarded
        message is someone else's words, never the word). Left there, it would tell whoever
        scrolls the phone that a code word exists. The word's state stays as it was: a word
        whose question went unanswered counts alone only (`alarm_in_sentence` is False)."""
        session, event = turn.session, turn.event
        if session.alarm_setup_from is None:
            return
        typed = event.kind == EventKind.TEXT and not event.forwarded and (
            session.awaiting == AWAITING
            or (session.awaiting == INSIDE and typed_yes_no(
                event.text or "", turn.r.content.checkin) is not None))
        if not typed and not self.claims(event):
            self.clear_screens(turn)

    def clear_screens(self, turn: Turn) -> None:
        """Delete the bot's code-word screens since `alarm_setup_from` (silently: the person's
        own message stays) and end the wait for a word."""
        session, event = turn.session, turn.event
        if session.alarm_setup_from is not None:
            # A button is under an older message: no new one of theirs to stop at.
            until = "" if event.kind == EventKind.BUTTON else event.message_key or ""
            turn.response.effects.append(DeleteTyped(
                event.chat_key, until, deleted="", not_deleted="",
                since=session.alarm_setup_from, prompts_only=True))
        session.alarm_setup_from = None
        if session.awaiting in (AWAITING, INSIDE):
            session.awaiting = None

    def takes(self, session: Session, text: str, content: Content, *,
              danger: bool) -> bool | None:
        """While the word is asked for, every text but a danger phrase is the answer (a bad
        word is asked for again): relayed to a case, the word would be shown to operators.
        While "also inside a longer message?" is asked, a typed yes or no is its answer (in an
        open case it would otherwise be relayed and the question left unanswered).
        None when no word is asked for (bot/core/awaited.py)."""
        if content.silent_alarm is None:
            return None
        if session.awaiting == INSIDE:
            return not danger and typed_yes_no(text, content.checkin) is not None
        if session.awaiting != AWAITING:
            return None
        return not danger

    def on_event(self, turn: Turn) -> None:
        r, session = turn.r, turn.session
        alarm = r.content.silent_alarm
        if alarm is None:
            turn.replies.append(r.main_menu())
            return
        payload = turn.event.payload or ""
        if payload == "sa:remove":
            session.alarm_hash, session.alarm_in_sentence = None, False
            session.awaiting = None
            # The prompt (and /codeword) go now; "removed" itself at the next update (`forget`).
            if turn.event.message_key is not None:
                turn.response.effects.append(DeleteTyped(
                    turn.event.chat_key, turn.event.message_key, deleted="", not_deleted="",
                    since=session.alarm_setup_from))
            session.alarm_setup_from = turn.event.message_key
            turn.replies.append(r.main_menu(r.text(alarm.texts.removed)))
        elif payload in ("sa:in:yes", "sa:in:no") and session.alarm_hash:
            session.alarm_in_sentence = payload == "sa:in:yes"
            if session.awaiting == INSIDE:
                session.awaiting = None
            # The question (and the notice above it) tells of an alarm: deleted once answered;
            # what stays is a neutral "Done" (`saved`).
            if turn.event.message_key is not None:
                turn.response.effects.append(DeleteTyped(
                    turn.event.chat_key, turn.event.message_key, deleted="", not_deleted="",
                    since=session.alarm_setup_from))
            session.alarm_setup_from = None
            turn.replies.append(r.main_menu(r.text(alarm.texts.saved)))
        elif turn.event.kind == EventKind.COMMAND and not r.team:
            # No operators' chat: a word would answer ordinarily and alert nobody.
            session.alarm_setup_from = session.alarm_setup_from or turn.event.message_key
            turn.replies.append(r.main_menu(r.text(alarm.texts.unavailable)))
        elif turn.event.kind == EventKind.COMMAND:
            session.awaiting = AWAITING
            # An earlier screen not yet deleted (/codeword twice) goes with these.
            session.alarm_setup_from = session.alarm_setup_from or turn.event.message_key
            buttons = [[r.action_button("menu")]]
            if session.alarm_hash:
                buttons.insert(0, [Button(r.tr.gettext(ALARM_REMOVE), "sa:remove")])
            said = r.text(alarm.texts.explain).rstrip()
            if alarm.texts.lifetime is not None:
                days = (r.tr.counted(r.text(alarm.texts.lifetime_days), self._keep_days)
                        if alarm.texts.lifetime_days is not None else r.tr.number(self._keep_days))
                lifetime = r.text(alarm.texts.lifetime).replace("{days}", days)
                said = f"{said}\n{lifetime}"
            turn.replies.append(Reply(said, buttons))
        else:
            turn.replies.append(r.main_menu())

    def on_text(self, turn: Turn, text: str, *, danger: Callable[[str], bool] = _never,
                common: Callable[[str], bool] = _never) -> bool:
        """Set the word, or raise the alarm when it is written; True when handled.

        Runs before triage and before anything is logged about the message. While a word is
        being set, `danger` (a danger phrase: not taken, the engine's at-risk path answers it)
        and `common` (a word the bot answers to, e.g. a typed "yes"/"no": it would raise the
        alarm by chance, or the alarm would swallow the answer) keep a text from becoming one.
        """
        r, session, event = turn.r, turn.session, turn.event
        alarm = r.content.silent_alarm
        if alarm is None or event.forwarded:  # someone else's words: never the person's word
            return False
        words = code_words(text)
        if session.awaiting == INSIDE:
            session.awaiting = None
            inside = typed_yes_no(text, r.content.checkin)
            if inside is not None and session.alarm_hash:
                # "да" / "так" / "no" typed instead of pressed: taken as the button. Dropped,
                # a typed "да" left the word counting alone only while they believed otherwise.
                session.alarm_in_sentence = inside
                self.clear_screens(turn)
                turn.replies.append(r.main_menu(r.text(alarm.texts.saved)))
                return True
        if session.awaiting == AWAITING:
            session.awaiting = None
            if danger(text):
                self.clear_screens(turn)  # the numbers come; nothing about a word stays
                return False
            # Typed as a code word, taken or not: whoever reads the phone later must not find
            # it in the chat. Deleted before any reply; the notice says whether it went.
            # The prompts since /codeword go with it (they tell of an alarm).
            if event.message_key is not None:
                turn.response.effects.append(DeleteTyped(
                    event.chat_key, event.message_key, deleted=r.text(alarm.texts.typed_deleted),
                    not_deleted=r.text(alarm.texts.typed_not_deleted),
                    since=session.alarm_setup_from))
            if not words or len(words) > alarm.max_words or len("".join(words)) < alarm.min_chars:
                session.awaiting = AWAITING
                menu = [[r.action_button("menu")]]
                turn.replies.append(Reply(r.text(alarm.texts.invalid), menu))
                return True
            greeting = common_only(text, alarm.common_words)
            if greeting or common(text):
                session.awaiting = AWAITING
                menu = [[r.action_button("menu")]]
                refusal = alarm.texts.greeting if greeting else None
                turn.replies.append(Reply(r.text(refusal or alarm.texts.too_common), menu))
                return True
            session.alarm_hash = self.digest(event.user_key, words)
            # Explicit, whatever comes next: alone only until "also inside" is chosen.
            session.alarm_in_sentence = False
            session.awaiting = INSIDE
            # The question comes after the typed word: from it on, deleted at the next update.
            session.alarm_setup_from = event.message_key
            buttons = [
                [Button(r.tr.gettext(ALARM_IN_SENTENCE), "sa:in:yes")],
                [Button(r.tr.gettext(ALARM_EXACT), "sa:in:no")],
            ]
            turn.replies.append(Reply(r.text(alarm.texts.ask_sentence), buttons))
            log.info("silent alarm word set user=%s", event.user_key[:12])
            return True
        if not session.alarm_hash or not self.written(event.user_key, text, session):
            return False
        if self._found(event.user_key, code_words(text), session) is None:
            # A hash an earlier release made: from now on the newest, so the word counts
            # however it is typed ("поуня" for "Поўня", "дранiкi" for "дранікі").
            older = next((found for reading in READINGS[1:] if (
                found := self._found(event.user_key, reading(text), session)) is not None), None)
            if older is not None:
                session.alarm_hash = self.digest(event.user_key, code_words(" ".join(older)))
        turn.replies.append(Reply(r.text(alarm.texts.ordinary_reply)))
        session.quiet = True  # until the case is announced: bot/core/quiet.py
        turn.response.effects.append(
            OperatorAlert(
                user_key=event.user_key,
                chat_key=event.chat_key,
                reason="risk",
                language=r.lang,
                country=session.country,
                risk_level="high",
                indicators=(INDICATOR, *signs.alert_signs(session)),
                silent=True,
            )
        )
        log.warning("silent alarm raised user=%s", event.user_key[:12])
        return True

    def written_by(self, event: IncomingEvent, session: Session) -> bool:
        """Whether the event is a text the person wrote with their code word: a forwarded
        message (Bot API `forward_origin`) is someone else's words, never the word."""
        if event.kind != EventKind.TEXT or not event.text or event.forwarded:
            return False
        return self.written(event.user_key, event.text, session)

    def written(self, user_key: str, text: str, session: Session) -> bool:
        """Whether `text` is the person's code word (or holds it, if they chose so), read as
        the hash is made now or as an earlier release made it (`READINGS`)."""
        return any(self._found(user_key, words(text), session) is not None
                   for words in READINGS)

    def _found(self, user_key: str, words: list[str], session: Session) -> list[str] | None:
        """The words of `words` that make the code word, or None."""
        hashed = session.alarm_hash
        if not words or hashed is None:
            return None
        if hmac.compare_digest(self.digest(user_key, words), hashed):
            return words
        if not session.alarm_in_sentence:
            return None
        for size in range(1, 4):  # the word may be a phrase of up to three words
            for start in range(len(words) - size + 1):
                window = words[start : start + size]
                if hmac.compare_digest(self.digest(user_key, window), hashed):
                    return window
        return None
