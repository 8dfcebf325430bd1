"""One check: a phrase listed under two check-in answers that mean different things
(content/checkin.yaml `typed_ok`, `typed_not_fine`, `typed_stop`) is an error, naming the
phrase and both lists. Typed under the question, it would be read as only one of them (the
person's "да" taken for "stop asking", say)."""

from __future__ import annotations

from bot.content.models import Checkin
from bot.content.problems import Problem
from bot.content.yamlfile import Where

__all__ = ["ANSWER_LISTS", "answer_list_problems"]

ANSWER_LISTS = ("typed_ok", "typed_not_fine", "typed_stop")


def _normal(phrase: str) -> str:
    """As the bot compares a typed answer: lower case, ё as е, a word's first ў as у,
    punctuation dropped; a phrase with no letter or digit ("👍") as it is, spaces dropped."""
    kept = "".join(ch if ch.isalnum() or ch in "'’" else " " for ch in phrase.lower())
    words = kept.replace("ё", "е").replace("’", "'").split()
    said = " ".join("у" + word[1:] if word.startswith("ў") else word for word in words)
    return said or "".join(phrase.split()).replace("\ufe0f", "")


def answer_list_problems(checkin: Checkin, where: Where) -> list[Problem]:
    """An error at each phrase already listed under an earlier answer list (`ANSWER_LISTS`
    order), its message naming the phrase and both lists; [] when every phrase is in one."""
    first: dict[str, str] = {}
    problems: list[Problem] = []
    for name in ANSWER_LISTS:
        for i, phrase in enumerate(getattr(checkin, name)):
            key = _normal(phrase)
            if not key:
                continue
            other = first.setdefault(key, name)
            if other != name:
                problems.append((where / name / i).problem(
                    "error", f"“{phrase}” is in both {other} and {name}: a typed answer can "
                    "mean only one of them; keep it in one list"))
    return problems
