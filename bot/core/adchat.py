"""A chat with an agency pasted for a check (ad33): the job-seeker's questions claim nothing.

"Скинула переписку с агентством" and then turns, each a line that starts with a dash: the
seeker asks "А паспорт надо вам отдавать?", the agency answers "— Нет. … Паспорт всегда
остаётся у вас." The question names a sign to ask about it, so its words raise no flag; the
answer is read as usual and raises what it says itself. A question stays read as written when
nothing answers it (no next turn, or the next turn is a question too), when the answer begins
by confirming it ("— Да, на время оформления"), and when it is the recruiter's ("— Готовы
внести 200€ залога до пятницы?", "— Can you send your passport by DHL?": content/ad_check.yaml
`chat.recruiter`). A question that presupposes the sign (ad33h: a wh-question about handing over
the passport or paying, "— Кому отдавать паспорт?", "- Where do I send the deposit?") keeps its
flags too unless the answer denies it ("— Никому, он всегда у вас", "- Nothing, the employer
pays": `chat.refuse` and `chat.deny`); "— Координатору в аэропорту." denies nothing. A
yes/no question ("— Паспорт сдавать?") answered without a "yes" keeps its flags as well when
the answer names to whom, how or when and denies nothing (ad34a: `chat.implies`, "— Только
бригадиру.", "- The standard 250, to our office."). Nothing here keeps or logs the text.
"""

from __future__ import annotations

import re

from bot.content.models import AdChat
from bot.core.adpatterns import PatternCompiler
from bot.core.adtext import Span, in_cyrillic, normalize, reads_transliterated, sentence_spans

_LINE = re.compile(r"[^\n]*")


class ChatQuestions:
    """content/ad_check.yaml's `chat` compiled (`unasked(text)`: the text without the seeker's
    answered questions). Without `chat`, every text is read as written."""

    def __init__(self, chat: AdChat | None, compiler: PatternCompiler | None = None) -> None:
        compiler = compiler or PatternCompiler()
        letters, latin, _, _ = compiler.readings()
        self._turn = [compiler.compile(p) for p in chat.turn] if chat else []
        words = {name: [p for items in getattr(chat, name).values() for p in items] if chat else []
                 for name in ("confirm", "recruiter", "wh", "acts", "refuse", "deny", "implies")}
        # The answer's first words ("— Да, …", "— Никому, …"); the other words anywhere.
        first, anywhere = "confirm refuse".split(), "recruiter wh acts deny implies".split()
        self._words = {name: [compiler.compile(rf"^[\W_]*(?:{fold(p)})(?!\w)")
                              for fold in (letters, latin) for p in words[name]]
                       for name in first}
        self._words |= {name: [compiler.compile(fold(p))
                               for fold in (letters, latin) for p in words[name]]
                        for name in anywhere}

    def unasked(self, text: str) -> str:
        """`text` with each of the seeker's answered questions blanked (same length, so every
        offset is the ad's own); `text` itself when it holds none."""
        if not self._turn or "?" not in text:
            return text
        asked = self.asked(text)
        if not asked:
            return text
        chars = list(text)
        for span in asked:
            chars[span.start : span.end] = " " * (span.end - span.start)
        return "".join(chars)

    def asked(self, text: str) -> list[Span]:
        """The sentences of `text` that are the seeker's questions answered by the next turn."""
        turns = self._turns(text)
        sentences = sentence_spans(text)
        # Russian typed in Latin letters is read in Cyrillic too; English never ("my" is no "мы").
        cyrillic = reads_transliterated(text)
        found: list[Span] = []
        for index, (start, end, turn) in enumerate(turns):
            answer = turns[index + 1] if index + 1 < len(turns) else None
            answered = answer is not None and answer[2] and self._answers(
                text, answer, cyrillic=cyrillic)
            if not (turn and answer and answered):
                continue
            said = self._unlabelled(text[answer[0] : answer[1]])
            denied = self._has("deny", said, cyrillic) or self._has("refuse", said, cyrillic)
            # ad34a: an answer naming to whom, how or when agrees without a "yes".
            implied = not denied and self._has("implies", said, cyrillic)
            found += [s for s in sentences
                      if start <= s.start and s.end <= end and text[s.start : s.end].endswith("?")
                      and not self._has("recruiter", text[s.start : s.end], cyrillic)
                      and not (implied and self._yes_no(text[s.start : s.end], cyrillic))
                      and (denied or not self._presupposes(text[s.start : s.end], cyrillic))]
        return found

    def _turns(self, text: str) -> list[tuple[int, int, bool]]:
        """The non-blank lines of `text`: start, end, and whether the line is a chat's turn."""
        return [(m.start(), m.end(), any(p.match(normalize(m.group())) for p in self._turn))
                for m in _LINE.finditer(text) if m.group().strip()]

    def _answers(self, text: str, answer: tuple[int, int, bool], *, cyrillic: bool) -> bool:
        """True when the turn `answer` answers the question before it: its first sentence is no
        question of its own, and it does not begin by confirming ("Да", "Yes")."""
        start, end, _ = answer
        first = next((s for s in sentence_spans(text[start:end])), None)
        if first is None or text[start + first.start : start + first.end].endswith("?"):
            return False
        return not self._has("confirm", self._unlabelled(text[start + first.start : end]),
                             cyrillic)

    def _unlabelled(self, line: str) -> str:
        """`line` after its speaker's label ("Менеджер: Нет, …" -> " Нет, …"), if it has one."""
        low = normalize(line)
        labels = [m.end() for p in self._turn if (m := p.match(low)) and m.group().endswith(":")]
        return line[labels[0]:] if labels else line

    def _presupposes(self, question: str, cyrillic: bool) -> bool:
        """True when `question` takes the sign as given: a wh-word ("кому", "how much") and an
        act of handing over or paying ("отдавать", "send", "fee"): `chat.wh`, `chat.acts`."""
        return self._has("wh", question, cyrillic) and self._has("acts", question, cyrillic)

    def _yes_no(self, question: str, cyrillic: bool) -> bool:
        """True when `question` asks yes or no: it holds no wh-word (`chat.wh`), so an answer
        that names to whom or when agrees with it (ad34a); "Когда подписываем?" asks when."""
        return not self._has("wh", question, cyrillic)

    def _has(self, name: str, said: str, cyrillic: bool) -> bool:
        """True when a pattern of `chat.<name>` is found in `said` (the recruiter's words, a
        wh-word…; `confirm` and `refuse` only at its start), in Cyrillic too when transliterated."""
        return any(p.search(one) for one in _read(normalize(said), cyrillic)
                   for p in self._words[name])


def _read(low: str, cyrillic: bool) -> tuple[str, ...]:
    """`low` as written, and in Cyrillic letters when the text is transliterated."""
    return (low, in_cyrillic(low)) if cyrillic else (low,)
