"""Danger words mentioned, not reported: talk about the topic, an ad quoted from home, a joke,
a robbery by strangers.

Five kinds of benign message carry a danger phrase's words (issue 10, the development set
tests/data/nlu_heldout8.yml):

* talk about the topic: news, a page, an article "about slavery" or "pro rabstvo", thanks for
  a page about debt bondage, "what to do so as not to end up in slavery", a friend's joke "they
  will sell you into slavery". Only a phrase that is a topic word alone ("рабств*", "slavery",
  "debt bondage") is let off, and only after "про" / "about" / a page or the news in its
  clause, after "not" / "avoid" with "end up in" / "попасть в", in a friend's joke, or in a
  question about a contract's terms ("is this training-cost clause debt bondage?");
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
* a post passed on "not about me" (no friend or relative named), a question about a person in
  general ("can you tell when a person is in slavery?"), a bank threatening to take a car or a
  flat (the threat phrases only, no employer or agency named);
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
from bot.nlu.let_offs import LetOffs
from bot.nlu.message_frames import THREAT_STEMS, MessageFrames, is_ad, negator_near
from bot.nlu.normalize import clean

# Topic words: a phrase made of these alone names the topic, not what happens to the writer.
_TOPIC_STEMS = ("рабств", "slave", "slaver", "enslav", "bondage", "кабал", "traffick",
                "трафик", "debt", "долгов")  # fmt: skip
# "про рабство", "about debt bondage", "pra rabstva"; up to _ABOUT_SPAN words before the phrase.
_ABOUT = frozenset("про пра о об обо аб pro pra about regarding".split())
_ABOUT_SPAN = 4
# A page, the news, a lecture, television: a topic word after one in its clause is their topic.
_MEDIA_STEMS = ("новост", "навін", "навин", "статья", "статье", "статью", "статьи", "артыкул",
                "страниц", "старонк", "сайт", "лекц", "видео", "відэа", "пост", "news",
                "article", "page", "site", "website", "post", "lecture", "video", "blog",
                "блог", "watch", "смотрел", "показыва", "паказва", "глядзел", "tv", "телек",
                "телик", "телевиз", "тэлевіз")  # fmt: skip
# "чтобы не попасть в рабство", "how not to end up in slavery", "how to avoid debt bondage".
_INTO_STEMS = ("попа", "попад", "оказат", "угод", "трап", "апын", "end", "fall", "get",
               "become", "стать")  # fmt: skip
_AVOID_STEMS = ("avoid", "избеж", "избег", "пазбег", "уберечь", "protect", "засцераг")
_AVOID_SPAN = 6
# "can you tell when a person is in slavery?": a topic word about a person in general, asked.
_ANYONE = frozenset(
    "человек человека люди людей чалавек чалавека людзі людзей person someone somebody anyone "
    "people workers".split()
)
# "is this clause in my contract debt bondage?": a topic word asked about a contract's terms
# (round 19b). Only the topic phrases; "they keep my passport" in the same message still fires.
_CONTRACT_STEMS = ("договор", "дагавор", "контракт", "кантракт", "contract", "clause", "пункт",
                   "умов", "dogovor", "kontrakt", "agreement", "соглашени",
                   "пагадненн")  # fmt: skip
_MOVEMENT_INDICATOR = "risk_movement_restricted"
# "меня продали", "they sold us": let off before a transfer at work, joked about.
_SALE_STEMS = ("прода", "прада", "sold", "sell", "prodal")
_DOCUMENTS_INDICATOR = "risk_documents_withheld"
_DECEPTION_INDICATOR = "risk_deceptive_job"
# A writer at home reporting their own past employer (`MessageFrames.past_story`), nothing going
# on: the harms of work that are over when the person has left. Not violence or threats.
_PAST_HARMS = frozenset({"risk_wages_withheld", "risk_documents_withheld",
                         "risk_movement_restricted", "risk_debt_bondage"})  # fmt: skip
# Quotation marks; an apostrophe only where it does not sit inside a word ("I'm", "з'ехаць").
_QUOTE = re.compile(r"[«»\"“”„]|(?<!\w)'|'(?!\w)")
_SENTENCE_BREAK = re.compile(r"[.!?\n…]+")


def _spans(raw: str, pattern: re.Pattern[str], count: int) -> list[int] | None:
    """The number of the `pattern`-separated part of `raw` each of its `count` cleaned tokens is
    in, or None when they do not line up."""
    numbers: list[int] = []
    for number, part in enumerate(pattern.split(raw)):
        numbers += [number] * len(clean(part).split())
    return numbers if len(numbers) == count else None


class Mentions:
    """Which danger-phrase matches of one cleaned message are mentions, not reports (module
    doc). `clauses`: the clause number of each token (`bot.nlu.negation.clause_numbers`)."""

    def __init__(
        self, tokens: Sequence[str], clauses: Sequence[int] | None, raw: str, let_offs: LetOffs
    ) -> None:
        jokes = let_offs.jokes
        self._tokens = tokens
        self._clauses = clauses
        self._said = said = MessageFrames.read(tokens, raw, let_offs)
        self._quotes = _spans(raw, _QUOTE, len(tokens)) if said.ad else None
        self._sentences = _spans(raw, _SENTENCE_BREAK, len(tokens)) if said.ad else None
        self._asked = "?" in raw
        self._raw, self._jokes = raw, jokes
        self._over = jokes.over(tokens, raw)
        self._not_held = let_offs.not_held.read(tokens)
        self._coercive = let_offs.coercion.stems
        self._situations = let_offs.calm_situations
        self._calm: frozenset[str] | None = None  # read on the first phrase that needs it

    def _same_clause(self, at: int, start: int) -> bool:
        return self._clauses is not None and self._clauses[at] == self._clauses[start]

    def _topic_talk(self, start: int, end: int) -> bool:
        tokens = self._tokens
        if not all(w.startswith(_TOPIC_STEMS) for w in tokens[start:end]):
            return False
        if self._said.joking and not self._said.here:
            return True  # "друг шутит, что меня продадут в рабство"; not "я тут в рабстве ахах"
        if self._about_anyone(start):
            return True  # "ты можаш распазнаць, калі чалавек у рабстве?"
        if self._asked and any(w.startswith(_CONTRACT_STEMS) for w in tokens):
            return True  # "этот пункт договора — это долговая кабала?"
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
            if near <= _AVOID_SPAN and word.startswith(_INTO_STEMS) and negator_near(tokens, at):
                return True  # "чтобы не попасть в рабство", "so as not to end up in slavery"
        return False

    def _about_anyone(self, start: int) -> bool:
        """A question about a person in general: a word like "человек" or "someone" before the
        phrase in its clause, and no first-person word or "here" in the clause."""
        if not self._asked or self._said.here or self._clauses is None:
            return False
        clause = [w for w, c in zip(self._tokens, self._clauses, strict=True)
                  if c == self._clauses[start]]  # fmt: skip
        before = self._tokens[:start]
        return not any(w in FIRST_PERSON for w in clause) and any(
            w in _ANYONE and self._same_clause(at, start) for at, w in enumerate(before)
        )

    def _ad_words(self, start: int) -> bool:
        if not self._said.ad:
            return False
        quotes, sentences = self._quotes, self._sentences
        if quotes is not None and quotes[start] % 2 == 1 and not self._said.here:
            return True  # inside quotation marks, in a message about an ad, asked from afar
        if not self._said.still_home or sentences is None:
            return False
        return any(
            sentences[at] == sentences[start] and is_ad(self._tokens[at]) for at in range(start)
        )

    def covers(self, start: int, length: int, indicator: str) -> bool:
        """Whether a phrase of `length` words starting at token `start`, pointing to
        `indicator`, is mentioned rather than reported."""
        if start >= len(self._tokens):
            return False
        if self._topic_talk(start, min(start + length, len(self._tokens))):
            return True
        if self._ad_words(start) or self._said.not_about_me:
            return True  # a quoted ad asked about from home; a post passed on "not about me"
        if self._said.past_safe:
            return True  # "I was a victim years ago, now I volunteer" (bot.nlu.past_safe)
        phrase = self._tokens[start : start + length]
        # a code word asked about, a locked phone, the cat and the passport, "в долгу как в
        # шелку", "trapped in Warsaw ... leave legally" (bot.nlu.calm_situations)
        if self._calm is None:
            self._calm = self._situations.let_off(self._tokens, self._raw, self._coercive)
        situations = self._situations
        if indicator in self._calm or (
            situations.trapped_words(phrase) and situations.stranded_legally(self._tokens)
        ):
            return True
        if self._not_held.covers(phrase, indicator):
            return True  # "pasport u nee, nikto ee ne derzhit" (bot.nlu.not_held)
        if self._said.lender_threat and any(w.startswith(THREAT_STEMS) for w in phrase):
            return True  # "my bank is threatening to take my car"
        if indicator == _MOVEMENT_INDICATOR and (self._said.locked_in_jest or self._over):
            return True  # "заперли в туалете 😂 уже выпустили" (bot.nlu.joke_frame)
        if any(w.startswith(_SALE_STEMS) for w in phrase) and self._jokes.transfer_after(
            self._tokens, self._raw, start + length
        ):
            return True  # "меня продали в другую бригаду 😂"
        if indicator == _DECEPTION_INDICATOR and self._said.past_story:
            return True
        if indicator in _PAST_HARMS and self._said.past_story and not self._said.ongoing:
            return True  # "I worked there in 2024, they never paid me, I'm home now, report"
        return indicator == _DOCUMENTS_INDICATOR and self._said.robbery
