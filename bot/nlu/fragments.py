"""Short benign fragments: a duration, an amount, an acknowledgement, a topic question, a decline.

A person answers a question or chats in a few words: "на месяц", "2 тыдні", "every 3 days",
"норм", "а паспорт?", "не знаю". The classifier has seen such words mostly inside risk lines
("2 месяца не платят", "забрали паспорт"), so on their own they can carry most of the risk
probability ("на месяц" read as wages withheld at 0.93, "зарплата?" at 1.0) and open the
emergency path for nobody. Triage therefore declines classifier-only risk on a short message
made only of listed words (`Fragments.benign`). The words are content an NGO editor changes
(content/triage_words.yaml, `bot.content.models.TriageWords`); a negator is never among them
(`content check` refuses one), so "не норм" and "not ok" stay with the model, and the danger
phrases decide for every message whatever these lists say ("бьют", "не платят").
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.nlu.normalize import clean, cyrillize_word

# A fragment is at most this many words: a longer message says more than a duration or an "ok",
# and the classifier reads it whole.
MAX_FRAGMENT_WORDS = 3


def _words(items: Iterable[str]) -> frozenset[str]:
    return frozenset(word for item in items for word in clean(item).split())


class Fragments:
    """The short benign messages of one content version, ready to look up.

    `words`: whole words benign in any short message ("месяц", "3", "норм"); `question_words`:
    topic words benign only in a short question ("паспорт?", "зарплата?"); `declines`: whole
    messages ("не знаю", "not now"). All are compared after `clean` (lower case, ё = е).
    """

    def __init__(
        self,
        words: Iterable[str] = (),
        question_words: Iterable[str] = (),
        declines: Iterable[str] = (),
    ) -> None:
        self._words = _words(words)
        self._question_words = _words(question_words)
        self._declines = frozenset(tuple(clean(line).split()) for line in declines)

    def benign(self, tokens: list[str], raw: str = "") -> bool:
        """Whether cleaned `tokens` (of the message `raw`) are a short message of durations,
        numbers, amounts and acknowledgements only ("на два месяца", "3 weeks", "норм"), a short
        topic question ("а паспорт?": `raw` ends with "?"), or a whole decline ("не знаю")."""
        if not tokens or len(tokens) > MAX_FRAGMENT_WORDS:
            return False
        if self._decline(tokens):
            return True
        if all(self._in(token, self._words) for token in tokens):
            return True
        if not raw.rstrip().endswith("?"):
            return False
        either = self._words | self._question_words
        return all(self._in(token, either) for token in tokens) and any(
            self._in(token, self._question_words) for token in tokens
        )

    @staticmethod
    def _in(word: str, words: frozenset[str]) -> bool:
        if word.isdigit() or word in words:
            return True
        # "na mesyac", "norm": transliterated Russian, read back into Cyrillic.
        return word.isascii() and cyrillize_word(word) in words

    def _decline(self, tokens: list[str]) -> bool:
        """Whether cleaned `tokens` are, whole, a decline or an "I don't know"."""
        if tuple(tokens) in self._declines:
            return True
        # "ne znayu", "ne seichas": transliterated Russian, read back into Cyrillic.
        if not all(token.isascii() for token in tokens):
            return False
        return tuple(map(cyrillize_word, tokens)) in self._declines
