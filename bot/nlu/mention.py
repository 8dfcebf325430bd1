"""Danger words mentioned, not reported: talk about the topic, an ad quoted from home, a joke,
a robbery by strangers.

Five kinds of benign message carry a danger phrase's words (issue 10, the development set
tests/data/nlu_heldout8.yml):

* talk about the topic: news, a page, an article "about slavery" or "pro rabstvo", thanks for
  a page about debt bondage, "what to do so as not to end up in slavery", a friend's joke "they
  will sell you into slavery". Only a phrase that is a topic word alone ("рабств*", "slavery",
  "debt bondage") is let off, and only after "про" / "about" / a page or the news in its
  clause, after "not" / "avoid" with "end up in" / "попасть в", or in a friend's joke;
* a job ad quoted and asked about before leaving: "в объявлении пишут 'долг за билет гасится
  с первой зарплаты', это ловушка? я ещё дома": a phrase inside quotation marks when the
  message names an ad, or after an ad in its sentence when the writer says they are still at
  home;
* a joke about being locked in: "брата в армии заперли в казарме, ахах", "сижу на больничном,
  никуда не выпускают ахах": laughter and a harmless setting (the army, sick leave, quarantine,
  parents) let off the movement phrases;
* a robbery by strangers: "меня ограбили, забрали паспорт и деньги, это не работодатель":
  the documents phrases are let off when a robbery is named and no employer, agency, landlord or
  workplace is (one named right after a negator, "это не работодатель", does not count).
  The answer is stranded_abroad (the consulate, the police), not the emergency path;
* "nobody forced me into anything, can a contract keep 10% until the season ends?":
  `mentioned_not_reported` is true, so the classifier alone needs more risk evidence
  (bot.core.triage); it is true for the other kinds' frames too.

The danger phrases stay the safety net: "меня продали в рабство", "I'm in debt bondage here",
"я попала в рабство" (no negator, no "about"), "долг за билет растёт, не отпускают" (no quotes,
no ad), "забрали паспорт на работе", "бригадир забрал паспорт" (a workplace or an employer
named), "не выпускают из общежития" (no laughter, no harmless setting) still fire. A message
is read in each form the matcher reads it (transliteration in its Cyrillic reading).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.nlu.general_question import FIRST_PERSON
from bot.nlu.negation import NEGATORS
from bot.nlu.normalize import clean

# Topic words: a phrase made of these alone names the topic, not what happens to the writer.
_TOPIC_STEMS = ("рабств", "slave", "slaver", "enslav", "bondage", "кабал", "traffick",
                "трафик", "debt", "долгов")  # fmt: skip
# "про рабство", "about debt bondage", "pra rabstva"; up to _ABOUT_SPAN words before the phrase.
_ABOUT = frozenset("про о об обо pro about pra аб regarding".split())
_ABOUT_SPAN = 4
# A page, the news, a lecture: the phrase after one of these in its clause is what they say.
_MEDIA_STEMS = ("новост", "навін", "стать", "артыкул", "страниц", "старонк", "сайт", "лекц",
                "видео", "відэа", "пост", "news", "article", "page", "site", "website", "post",
                "lecture", "video", "blog", "блог")  # fmt: skip
# "чтобы не попасть в рабство", "how not to end up in slavery", "how to avoid debt bondage".
_INTO_STEMS = ("попа", "попад", "оказат", "угод", "трап", "апын", "end", "fall", "get",
               "become", "стать")  # fmt: skip
_AVOID_STEMS = ("avoid", "избеж", "избег", "пазбег", "уберечь", "protect", "засцераг")
_AVOID_SPAN = 6
# A joke: laughter written by the writer, or a friend's joke.
_LAUGHTER_STEMS = ("ахах", "хаха", "хех", "haha", "ahah", "hehe", "lol", "lmao", "rofl", "ахаха")
_LAUGHTER_MARKS = re.compile(r"\){3,}|[😂🤣😆😅😹]")
_JOKE_STEMS = ("шут", "шуч", "пошут", "прикал", "жарт", "joke", "joking", "kidding", "shut")
_FRIENDS = frozenset(
    "друг друга друзья подруга подружка брат сестра мама папа жена муж сябар сябры сяброўка "
    "сястра friend friends mate buddy brother sister mum mom dad wife husband".split()
)
# Harmless settings for "locked in": the army, sick leave, quarantine, parents.
_SETTING_STEMS = ("арми", "армі", "казарм", "army", "barrack", "military", "больничн", "бальнічн",
                  "sick", "болею", "хвар", "flu", "грипп", "карантин", "quarantine", "родител",
                  "бацьк", "parent", "бабушк", "бабул", "grandma", "сесси", "экзамен", "exam",
                  "школ", "school")  # fmt: skip
_MOVEMENT_INDICATOR = "risk_movement_restricted"
# A job ad the writer quotes ("в объявлении пишут", "the ad says").
_AD_STEMS = ("объявлен", "обявлен", "вакан", "оголош", "абвестк", "аб'яв", "advert", "posting",
             "listing", "vacanc")  # fmt: skip
_AD_WORDS = frozenset("ad ads offer".split())
# The writer has not left yet: "я ещё дома", "still at home", "ещё не уехала".
_STILL_HOME: tuple[tuple[str, ...], ...] = (
    ("еще", "дома"), ("пока", "дома"), ("пока", "что", "дома"), ("еще", "не", "уехал"),
    ("еще", "не", "уехала"), ("еще", "не", "поехал"), ("еще", "не", "поехала"),
    ("яшчэ", "дома"), ("пакуль", "дома"), ("яшчэ", "не", "паехаў"), ("яшчэ", "не", "паехала"),
    ("still", "at", "home"), ("still", "home"), ("haven't", "left"), ("havent", "left"),
    ("not", "left", "yet"), ("haven't", "gone"), ("havent", "gone"), ("before", "i", "go"),
)  # fmt: skip
# Quotation marks; an apostrophe only where it does not sit inside a word ("I'm", "з'ехаць").
_QUOTE = re.compile(r"[«»\"“”„]|(?<!\w)'|'(?!\w)")
_SENTENCE_BREAK = re.compile(r"[.!?\n…]+")
# A robbery by strangers, and who must not be named for it to be one.
_ROBBERY_STEMS = ("ограб", "обокр", "грабит", "грабеж", "украл", "украд", "кража", "краж",
                  "карманн", "абрабав", "абакр", "скрал", "скраў", "крадзеж", "злодз", "rob",
                  "mugg", "stole", "thie", "pickpocket")  # fmt: skip
_ROBBERS = frozenset("вор воры воров ворам ворами thief".split())
_EMPLOYER_STEMS = ("работ", "начальн", "бригадир", "хозя", "агент", "агенц", "фирм", "наймальн",
                   "гаспадар", "працадаў", "прац", "employer", "boss", "agenc", "agent", "recruit",
                   "landlord", "foreman", "company", "work", "job", "посредник", "вербовщ",
                   "координатор", "каардынатар", "менеджер", "manager", "supervisor", "owner",
                   "завод", "ферм", "farm", "factory", "склад", "warehouse", "общежит", "общаг",
                   "hostel", "інтэрнат", "интернат")  # fmt: skip
_DOCUMENTS_INDICATOR = "risk_documents_withheld"
# "nobody forced me", "меня никто не заставлял", "not forced": said by a person asking advice.
_NOBODY = frozenset("nobody noone никто ніхто nikto".split())
_FORCE_STEMS = ("forc", "заставл", "застав", "принужд", "прымуш", "примуш", "zastavl", "prinuzhd",
                "pressur")  # fmt: skip
_JUST_ASKING: tuple[tuple[str, ...], ...] = (("just", "want", "to", "know"),
                                             ("only", "want", "to", "know"))  # fmt: skip


def _has(tokens: Sequence[str], at: int, cue: tuple[str, ...]) -> bool:
    return tuple(tokens[at : at + len(cue)]) == cue


def _any_cue(tokens: Sequence[str], cues: Sequence[tuple[str, ...]]) -> bool:
    return any(_has(tokens, at, cue) for at in range(len(tokens)) for cue in cues)


def _spans(raw: str, pattern: re.Pattern[str], count: int) -> list[int] | None:
    """The number of the `pattern`-separated part of `raw` each of its `count` cleaned tokens is
    in, or None when they do not line up."""
    numbers: list[int] = []
    for number, part in enumerate(pattern.split(raw)):
        numbers += [number] * len(clean(part).split())
    return numbers if len(numbers) == count else None


def _laughing(tokens: Sequence[str], raw: str) -> bool:
    return _LAUGHTER_MARKS.search(raw) is not None or any(
        word.startswith(_LAUGHTER_STEMS) for word in tokens
    )


def _joking(tokens: Sequence[str], raw: str) -> bool:
    """The writer laughs, or tells a friend's or a relative's joke."""
    if _laughing(tokens, raw):
        return True
    joke = any(word.startswith(_JOKE_STEMS) for word in tokens)
    return joke and any(word in _FRIENDS for word in tokens)


def _harmless_setting(tokens: Sequence[str]) -> bool:
    return any(word.startswith(_SETTING_STEMS) for word in tokens)


def _is_ad(word: str) -> bool:
    return word.startswith(_AD_STEMS) or word in _AD_WORDS


def _names_an_ad(tokens: Sequence[str]) -> bool:
    return any(_is_ad(word) for word in tokens)


def _employer_named(tokens: Sequence[str]) -> bool:
    """An employer, agency or workplace named, not right after a negator ("это не работодатель",
    "not my employer")."""
    for at, word in enumerate(tokens):
        if not word.startswith(_EMPLOYER_STEMS):
            continue
        if not _negated(tokens, at):
            return True
    return False


def _negated(tokens: Sequence[str], at: int) -> bool:
    """A negator one or two words before token `at`."""
    return any(word in NEGATORS for word in tokens[max(0, at - 2) : at])


def _robbed(tokens: Sequence[str]) -> bool:
    return any(w.startswith(_ROBBERY_STEMS) or w in _ROBBERS for w in tokens)


def _not_forced(tokens: Sequence[str]) -> bool:
    for at, word in enumerate(tokens):
        if not word.startswith(_FORCE_STEMS):
            continue
        before = tokens[max(0, at - 3) : at]
        if any(w in _NOBODY for w in before) or (at and tokens[at - 1] in NEGATORS):
            return True
        if at >= 2 and tokens[at - 2 : at] == ["no", "one"]:
            return True
    return False


def mentioned_not_reported(tokens: Sequence[str], raw: str) -> bool:
    """Whether cleaned `tokens` (of `raw`) say the person was not forced, quote an ad from
    home, joke about a harmless setting, or name a robbery by strangers: the classifier's risk
    evidence alone then needs more weight (bot.core.triage)."""
    if _not_forced(tokens) or _any_cue(tokens, _JUST_ASKING):
        return True
    if _laughing(tokens, raw) and _harmless_setting(tokens):
        return True
    if _names_an_ad(tokens) and _any_cue(tokens, _STILL_HOME):
        return True
    return _robbed(tokens) and not _employer_named(tokens)


class Mentions:
    """Which danger-phrase matches of one cleaned message are mentions, not reports (module
    doc). `clauses`: the clause number of each token (`bot.nlu.negation.clause_numbers`)."""

    def __init__(self, tokens: Sequence[str], clauses: Sequence[int] | None, raw: str) -> None:
        self._tokens = tokens
        self._clauses = clauses
        self._joking = _joking(tokens, raw)
        self._locked_in_jest = _laughing(tokens, raw) and _harmless_setting(tokens)
        self._robbery = _robbed(tokens) and not _employer_named(tokens)
        self._ad = ad = _names_an_ad(tokens)
        self._still_home = _any_cue(tokens, _STILL_HOME)
        self._quotes = _spans(raw, _QUOTE, len(tokens)) if ad else None
        self._sentences = _spans(raw, _SENTENCE_BREAK, len(tokens)) if ad else None

    def _same_clause(self, at: int, start: int) -> bool:
        return self._clauses is None or self._clauses[at] == self._clauses[start]

    def _topic_talk(self, start: int, end: int) -> bool:
        tokens = self._tokens
        if not all(w.startswith(_TOPIC_STEMS) for w in tokens[start:end]):
            return False
        if self._joking:
            return True
        for at in range(start - 1, -1, -1):
            if not self._same_clause(at, start) or tokens[at] in FIRST_PERSON:
                return False
            word = tokens[at]
            if word.startswith(_MEDIA_STEMS):
                return True
            near = start - at
            if near <= _ABOUT_SPAN and word in _ABOUT:
                return True
            if near <= _AVOID_SPAN and word.startswith(_AVOID_STEMS):
                return True
            if near <= _AVOID_SPAN and word.startswith(_INTO_STEMS) and _negated(tokens, at):
                return True  # "чтобы не попасть в рабство", "so as not to end up in slavery"
        return False

    def _ad_words(self, start: int) -> bool:
        if not self._ad:
            return False
        quotes, sentences = self._quotes, self._sentences
        if quotes is not None and quotes[start] % 2 == 1:
            return True  # inside quotation marks, in a message about an ad
        if not self._still_home or sentences is None:
            return False
        return any(
            sentences[at] == sentences[start] and _is_ad(self._tokens[at]) for at in range(start)
        )

    def covers(self, start: int, length: int, indicator: str) -> bool:
        """Whether a phrase of `length` words starting at token `start`, pointing to
        `indicator`, is mentioned rather than reported."""
        if start >= len(self._tokens):
            return False
        if self._topic_talk(start, min(start + length, len(self._tokens))):
            return True
        if self._ad_words(start):
            return True
        if indicator == _MOVEMENT_INDICATOR and self._locked_in_jest:
            return True
        return indicator == _DOCUMENTS_INDICATOR and self._robbery
