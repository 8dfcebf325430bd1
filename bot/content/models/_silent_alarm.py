"""The silent alarm's texts (content/silent_alarm.yaml)."""

from __future__ import annotations

from pydantic import Field

from bot.content.models._base import CountedText, LocalizedText, Strict


def _words() -> list[str]:
    return []


class SilentAlarmTexts(Strict):
    """The screens of the silent alarm (duress word)."""

    explain: LocalizedText  # what it does, who sees what; "write the word now"
    invalid: LocalizedText  # not a usable word (length, a command)
    unavailable: LocalizedText  # no operators' chat here: a word would alert nobody
    too_common: LocalizedText  # a word the bot answers to ("yes", "no"): choose another
    # A greeting, a thanks, a "how are you" (`common_words`): written by chance every day,
    # choose a rarer word. Absent: `too_common`.
    greeting: LocalizedText | None = None
    ask_sentence: LocalizedText  # count it inside a longer message too?
    # How long the word lasts, after `explain`: `{days}` is BOT_SESSION_TTL_DAYS (the word is
    # kept that many days after the person's last message) with its word, in the form of
    # `lifetime_days` for that number ("30 дней", "21 день"). Absent: not said.
    lifetime: LocalizedText | None = None
    lifetime_days: CountedText | None = None  # "{n} день|{n} дня|{n} дней"; with `lifetime`
    saved: LocalizedText
    # Before the next screen, once the message with the word was deleted from the chat, or
    # could not be (then: delete it yourself). Nothing may quote the word.
    typed_deleted: LocalizedText
    typed_not_deleted: LocalizedText
    removed: LocalizedText
    # The answer to the code word: ordinary, no numbers, no word about help, so that whoever
    # holds the phone learns nothing.
    ordinary_reply: LocalizedText
    # The answer to anything written afterwards while the team is quietly on it (after the
    # code word or a missed check-in, until an operator writes to them); ordinary too. Absent:
    # `ordinary_reply` again.
    later_reply: LocalizedText | None = None


class SilentAlarm(Strict):
    """The duress word: texts only; the word itself is kept as a keyed hash in the session."""

    texts: SilentAlarmTexts
    min_chars: int = 3
    max_words: int = 3
    # Words people write by chance every day (greetings, thanks, "how are you", goodbyes), in
    # lower case, ru/be/en/translit: a code word made only of them is refused (`greeting`).
    common_words: list[str] = Field(default_factory=_words)
    # Give-away words: a text someone else may see (`ordinary_reply`, `later_reply`, the
    # check-in's question, answer and buttons) must hold none, as a word or a word's start
    # (stems: "помощ", "help"); `content check` refuses them. Lower case.
    giveaway_words: list[str] = Field(default_factory=_words)
