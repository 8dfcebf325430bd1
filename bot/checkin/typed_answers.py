"""Whole-message answers typed instead of pressing a check-in button: under a check-in
("ок", "плохо", "стоп"), at a setup step ("skip", "отмена", "включить"), and a typed yes or no.
The words are content's (content/checkin.yaml), compared with punctuation, case and ё ignored.
"""

from __future__ import annotations

from bot.checkin.plan import Answer
from bot.content.models import Checkin

__all__ = ["typed_answer", "typed_cancel", "typed_skip", "typed_start", "typed_yes_no"]


def _normal(text: str) -> str:
    """Lower case, ё as е, a word's first ў as у ("ўсё добра" is "усё добра"), letters, digits
    and apostrophes only, single spaces."""
    kept = "".join(ch if ch.isalnum() or ch in "'’" else " " for ch in text.lower())
    words = kept.replace("ё", "е").replace("’", "'").split()
    return " ".join("у" + word[1:] if word.startswith("ў") else word for word in words)


def _signs(text: str) -> str:
    """The message's signs without spaces, emoji variation selectors or skin tones: "👍🏻 " is
    "👍". Read only when the message has no letter or digit ("👍", "+")."""
    return "".join(ch for ch in text if not ch.isspace() and ch != "\ufe0f"
                   and not "\U0001f3fb" <= ch <= "\U0001f3ff")


def _said_as(text: str, words: list[str]) -> bool:
    """Whether the whole message is one of `words`: compared normalised, or, for a message
    and a word with no letter or digit ("👍", "+"), sign by sign."""
    said = _normal(text)
    if said:
        return said in {_normal(w) for w in words}
    signs = _signs(text)
    return bool(signs) and signs in {_signs(w) for w in words if not _normal(w)}


LONGEST = 60  # characters: a longer message is another sentence, not an answer
TROUBLE_MOST_WORDS = 8  # "плохо, хозяин не платит и не отпускает": still an answer


def typed_answer(text: str, texts: Checkin, *, loose: bool = False) -> Answer | None:
    """"ok", "help" or "stop" when the whole message is one of content's typed answers
    (`typed_ok`, `typed_not_fine`, `typed_stop`; a sign alone, "👍" or "+", as listed there),
    else None; an "ok" or a "stop" with only courtesy after it (`words.courtesy`: "спасибо",
    "pls", "уже") counts, and so does an "ok" after a typed yes ("да, всё ок"). With `loose`
    (a message the at-risk path has answered already, with the numbers where the person is), a
    short one starting with a "not fine" one is "help" too. "Not fine" is looked up first: a
    message that is both never passes for "all right"."""
    said = _normal(text)
    if not said:  # a sign alone: "👍", "+", "👎"
        return ("help" if _said_as(text, texts.typed_not_fine)
                else "stop" if _said_as(text, texts.typed_stop)
                else "ok" if _said_as(text, texts.typed_ok) else None)
    if len(said) > LONGEST:
        return None
    not_fine = {_normal(t) for t in texts.typed_not_fine}
    # A bare no ("нет", "no") is "Not fine" alone, never as the start of a longer message.
    bare_no = {_normal(w) for w in texts.words.no_words}
    if said in not_fine or (loose and len(said.split()) <= TROUBLE_MOST_WORDS and any(
            said.startswith(word + " ") for word in not_fine - bare_no if word)):
        return "help"  # `loose`: "плохо, не платят", trouble said first, is "Not fine" too
    courtesy = {_normal(t) for t in texts.words.courtesy}
    if _one_of(said, {_normal(t) for t in texts.typed_stop}, courtesy):
        return "stop"  # "stop pls", "хватит уже"
    oks = {_normal(t) for t in texts.typed_ok}
    first, _, rest = said.partition(" ")
    if _one_of(said, oks, courtesy) or (
            first in {_normal(w) for w in texts.words.yes_words} and _one_of(rest, oks, courtesy)):
        return "ok"  # "всё ок, спасибо"; "да, всё ок", "так, усё добра"
    return None


def _one_of(said: str, phrases: set[str], courtesy: set[str]) -> bool:
    """Whether `said` is one of `phrases`, alone or with only courtesy words after it."""
    return any(phrase and (said == phrase or (said.startswith(phrase + " ") and all(
        word in courtesy for word in said.removeprefix(phrase).split())))
        for phrase in phrases)


def typed_skip(text: str, texts: Checkin) -> bool:
    """Whether a typed name or contact means "Skip", as the button does: the whole message is
    one of content's `typed_skip` words ("skip", "нет", "няма", "propustit"), or it has no
    letter or digit at all ("-", "…")."""
    return not _normal(text) or _said_as(text, texts.typed_skip)


CANCEL_MOST_WORDS = 6  # "хватит, не спрашивай меня больше": longer is another sentence


def typed_start(text: str, texts: Checkin) -> bool:
    """Whether a message typed on the setup's last screen means "Turn on": the whole message
    is one of content's `typed_start` words ("включить", "turn on"), or a typed yes."""
    said = _normal(text)
    return bool(said) and (said in {_normal(t) for t in texts.typed_start}
                           or typed_yes_no(text, texts) is True)


def typed_cancel(text: str, texts: Checkin, *, whole: bool = False) -> bool:
    """Whether a message typed at a setup step means "Cancel": one of content's
    `typed_cancel` words, as the whole message or (unless `whole`) at its start, in a short
    message ("хватит, не спрашивай больше", "stop it")."""
    said = _normal(text)
    if not said:
        return False
    words = {_normal(t) for t in texts.typed_cancel}
    if said in words:
        return True
    if whole or len(said.split()) > CANCEL_MOST_WORDS:
        return False
    return any(said.startswith(word + " ") for word in words if word)


def typed_yes_no(text: str, texts: Checkin | None) -> bool | None:
    """True for a typed yes, False for a no (by the first word of up to three; content's
    `words.yes_words` and `words.no_words`), else None."""
    words = _normal(text).split()
    if texts is None or not words or len(words) > 3:
        return None
    if words[0] in {_normal(w) for w in texts.words.yes_words}:
        return True
    return False if words[0] in {_normal(w) for w in texts.words.no_words} else None
