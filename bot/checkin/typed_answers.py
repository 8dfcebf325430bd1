"""Whole-message answers typed instead of pressing a check-in button: under a check-in
("ок", "плохо", "стоп"), at a setup step ("skip", "отмена", "включить"), and a typed yes or no.
The words are content's (content/checkin.yaml), compared with punctuation, case and ё ignored.
"""

from __future__ import annotations

from bot.checkin.plan import Answer
from bot.content.models import Checkin

__all__ = ["typed_answer", "typed_cancel", "typed_skip", "typed_start", "typed_yes_no"]


def _normal(text: str) -> str:
    """Lower case, ё as е, letters, digits and apostrophes only, single spaces."""
    kept = "".join(ch if ch.isalnum() or ch in "'’" else " " for ch in text.lower())
    return " ".join(kept.replace("ё", "е").replace("’", "'").split())


LONGEST = 60  # characters: a longer message is another sentence, not an answer
TROUBLE_MOST_WORDS = 8  # "плохо, хозяин не платит и не отпускает": still an answer


def typed_answer(text: str, texts: Checkin, *, loose: bool = False) -> Answer | None:
    """"ok", "help" or "stop" when the whole message is one of content's typed answers
    (`typed_ok`, `typed_not_fine`, `typed_stop`), else None; an "ok" with only courtesy after
    it (`words.courtesy`: "спасибо") is "ok". With `loose` (a message the at-risk path has
    answered already, with the numbers where the person is), a short one starting with a "not
    fine" one is "help" too. "Not fine" is looked up first: a message that is both never passes
    for "all right"."""
    said = _normal(text)
    if not said or len(said) > LONGEST:
        return None
    not_fine = {_normal(t) for t in texts.typed_not_fine}
    if said in not_fine or (loose and len(said.split()) <= TROUBLE_MOST_WORDS and any(
            said.startswith(word + " ") for word in not_fine if word)):
        return "help"  # `loose`: "плохо, не платят", trouble said first, is "Not fine" too
    if said in {_normal(t) for t in texts.typed_stop}:
        return "stop"
    courtesy = {_normal(t) for t in texts.words.courtesy}
    for ok in (_normal(t) for t in texts.typed_ok):
        if ok and (said == ok or (said.startswith(ok + " ") and all(
                word in courtesy for word in said.removeprefix(ok).split()))):
            return "ok"  # "всё ок, спасибо"
    return None


def typed_skip(text: str, texts: Checkin) -> bool:
    """Whether a typed name or contact means "Skip", as the button does: the whole message is
    one of content's `typed_skip` words ("skip", "нет", "няма", "propustit"), or it has no
    letter or digit at all ("-", "…")."""
    said = _normal(text)
    return not said or said in {_normal(t) for t in texts.typed_skip}


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
