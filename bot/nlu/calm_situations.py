"""Calm situations of round 18 (issue 10; bot.nlu.calm_frames holds other kinds): messages
whose danger words are not the writer's situation, each kind with the indicators it lets off.

* **A safety plan talked through before a trip**: a code word or a check-in agreed with family,
  asked about ("if I write it, it means I'm held by force — is that a good idea?", "калі не
  пазваню ў нядзелю, значыць мяне выкралі 😄 а калі сур'ёзна, як дамовіцца?"), or "what if"
  asked by someone who has not left yet. Needs a condition ("если", "калі", "if") and a
  question, and no cry for help: "меня держат, это наш код" has no condition and is a report.
* **A thing, not a person**: a phone or a screen that is locked ("help" there is about the
  phone), a pet that took the passport, an escape room ("квест"). No employer, agency or guard
  is named.
* **An idiom**: "в долгу как в шелку" / "у доўгу як у шоўку" / "up to my ears in debt" (debt
  only, not with a coercive means, a boss or working it off: bot.nlu.coercion), "trapped in
  Warsaw" asked with a visa and "legally" (only the "trapped"/"застряла" phrases, not "не
  выпускают").

Cleaned tokens are read as written and in Cyrillic (transliterated Russian), as a bag of words.
* **A harm reported from home** (`reported_from_home`), in Belarusian and transliteration.
* **Others' stories quoted, "not my case"** (`not_my_case`), in a long calm message.

The danger phrases (bot.nlu.mention) and the classifier's evidence (bot.core.triage) are let off
for the kind's indicators only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.nlu.cue_words import has_cue
from bot.nlu.normalize import cyrillize, has_latin_words

MOVEMENT = "risk_movement_restricted"
DOCUMENTS = "risk_documents_withheld"
DEBT = "risk_debt_bondage"
ALL_RISKS = frozenset({MOVEMENT, DOCUMENTS, DEBT, "risk_violence_threats", "risk_wages_withheld",
                       "risk_deceptive_job", "emergency_now"})  # fmt: skip

# A condition, or a sign that stands for something ("a phrase that means I'm locked in").
_CONDITION = frozenset("если калі if esli kali means mean значит значыць znachit".split())
# A plan's own words ("кодовое слово", "умоўны знак", "code word"); agreeing ("договориться",
# "agree") only with family named: "договор" alone is a contract.
_PLAN_STEMS = ("кодов", "кодав", "стоп-слов", "условн", "умоўн", "codeword")
_AGREE_STEMS = ("договорит", "договорим", "договорил", "дамовіц", "дамовім", "дамовіл",
                "agree", "arrange")  # fmt: skip
_FAMILY_STEMS = ("мам", "пап", "родн", "родит", "бацьк", "сям'", "сем", "сестр", "брат",
                 "family", "relatives", "parents", "mum", "mom", "sister", "brother")
_PLAN_PAIRS = (("code", "word"), ("safe", "word"), ("secret", "phrase"), ("secret", "word"),
               ("code", "phrase"), ("check", "in"))  # fmt: skip
_NOT_LEFT = (("еще", "не", "уехал"), ("еще", "даже", "не", "уехал"), ("яшчэ", "не", "паехал"),
             ("яшчэ", "нават", "не", "паехал"), ("haven't", "even", "left"), ("haven't", "left"),
             ("not", "left", "yet"), ("havent", "left"))  # fmt: skip
_ASK_WORDS = frozenset(
    "идея ідэя idea как як how what что што совет парада advice should стоит варта".split()
)
_CRY = frozenset("помогите дапамажыце ратуйце спасите help sos".split())
# People who hold others: with one named, "locked" and "took" may be theirs.
_CAPTOR_STEMS = ("работодат", "наймальн", "хозя", "гаспадар", "начальн", "бригадир", "брыгадз",
                 "агентств", "агенцтв", "охран", "ахоўн", "boss", "employer", "agency", "guard",
                 "owner", "landlord", "foreman", "supervisor")  # fmt: skip
# A device taken, a door or a room: then a lock word is about a person ("took my phone and
# locked the door", "забрали телефон и закрыли дверь").
_TAKEN_STEMS = ("took", "taken", "take", "забра", "отобра", "отня", "адабра", "zabra", "otobra")
_DOOR_STEMS = ("door", "room", "двер", "дзвер", "комнат", "пакой", "пакоі", "dver", "komnat")
_DEVICE_STEMS = ("телефон", "тэлефон", "смартфон", "экран", "phone", "screen", "iphone",
                 "айфон", "ноутбук", "laptop", "ekran", "telefon", "smartfon")  # fmt: skip
# A person locked in or kept: then "заблокировали телефон" is part of a report.
_PERSON_LOCK_STEMS = ("запер", "зачын", "взапер", "закрыл", "выпуска", "держ", "трыма", "held",
                      "hold", "keep", "kept", "menya", "меня", "нас", "мяне", "us")  # fmt: skip
_DEVICE_SPAN = 3
_LOCKED_IN = (("locked", "in"), ("locked", "inside"), ("locked", "up"), ("locked", "me"))
_LOCKED_DEVICE_STEMS = ("заблок", "zablok", "заблак", "locked", "блокир", "пароль", "password",
                        "pin")  # fmt: skip
_PET_WORDS = frozenset("кот кота коту котик кошка кошку кот кацяня cat cats kitten dog puppy "
                       "сабака сабакі собака собаки хомяк".split())  # fmt: skip
_GAME_STEMS = ("квест", "квэст", "escape-room", "эскейп")
_GAME_PAIRS = (("escape", "room"), ("escape", "rooms"), ("квест", "комнат"))
_SILK = frozenset("шелку шелках шоўку шоўках shelku shelkah shelkakh".split())
_WORK_OFF_STEMS = ("отработ", "адпрац", "work", "отпуска", "адпуска", "выпуска")
_EARS = (("up", "to", "my", "ears"), ("up", "to", "our", "ears"))
_TRAPPED_STEMS = ("trapped", "stuck", "застрял", "затрымал", "zastryal")
_VISA_STEMS = ("виз", "віз", "visa", "viz")
_LEGAL_STEMS = ("легальн", "законн", "legal", "lawful")


def _words(tokens: Sequence[str]) -> list[str]:
    """The tokens as written and in Cyrillic (transliterated Russian reads as Russian)."""
    text = " ".join(tokens)
    if not has_latin_words(text):
        return list(tokens)  # Cyrillic only: nothing to transliterate
    return [*tokens, *cyrillize(text).split()]


def _pair(tokens: Sequence[str], pairs: Sequence[tuple[str, ...]]) -> bool:
    return has_cue(tokens, pairs)


def _any_stem(words: Sequence[str], stems: tuple[str, ...]) -> bool:
    return any(word.startswith(stems) for word in words)


def safety_plan(
    tokens: Sequence[str], raw: str, words: Sequence[str] | None = None
) -> bool:
    """A plan agreed before or around a trip, asked about (module doc)."""
    words = _words(tokens) if words is None else words
    if _CRY & set(words) or not _CONDITION & set(words):
        return False
    asked = "?" in raw or bool(_ASK_WORDS & set(words))
    plan = _any_stem(words, _PLAN_STEMS) or _pair(tokens, _PLAN_PAIRS) or (
        _any_stem(words, _AGREE_STEMS) and _any_stem(words, _FAMILY_STEMS)
    )
    not_left = any(_pair(words, (cue,)) or _prefix_pair(words, cue) for cue in _NOT_LEFT)
    return asked and (plan or not_left)


def _prefix_pair(words: Sequence[str], cue: tuple[str, ...]) -> bool:
    """`cue` in `words`, its last word a stem ("уехала" for "уехал")."""
    size = len(cue)
    return any(
        tuple(words[at : at + size - 1]) == cue[:-1] and words[at + size - 1].startswith(cue[-1])
        for at in range(len(words) - size + 1)
    )


def _locked_device(tokens: Sequence[str]) -> bool:
    """A device word with a lock word at most `_DEVICE_SPAN` words from it ("my phone is
    locked", "телефон заблокирован"), and no one "locked in" ("I'm locked in a room, they took my
    phone" is a person), no device taken and no door or room ("they took my phone and locked the
    door")."""
    if _pair(tokens, _LOCKED_IN) or _any_stem(tokens, _TAKEN_STEMS + _DOOR_STEMS):
        return False
    devices = [at for at, w in enumerate(tokens) if w.startswith(_DEVICE_STEMS)]
    return any(
        tokens[near].startswith(_LOCKED_DEVICE_STEMS)
        for at in devices
        for near in range(max(0, at - _DEVICE_SPAN), min(len(tokens), at + _DEVICE_SPAN + 1))
    )


def thing_frame(
    tokens: Sequence[str], words: Sequence[str] | None = None
) -> frozenset[str]:
    """The indicators a locked phone, a pet or an escape room lets off (module doc)."""
    words = _words(tokens) if words is None else words
    if _any_stem(words, _CAPTOR_STEMS):
        return frozenset()
    let_off: set[str] = set()
    if _locked_device(tokens) and not _any_stem(words, _PERSON_LOCK_STEMS):
        let_off |= {MOVEMENT, "emergency_now"}
    if _PET_WORDS & set(words):
        let_off.add(DOCUMENTS)
    if _any_stem(words, _GAME_STEMS) or _pair(tokens, _GAME_PAIRS):
        let_off.add(MOVEMENT)
        let_off.add("risk_deceptive_job")  # "they locked us in" reads as a trap job too
    return frozenset(let_off)


def idiom_frame(
    tokens: Sequence[str], coercive: tuple[str, ...], words: Sequence[str] | None = None
) -> frozenset[str]:
    """The indicators an idiom lets off: debt "как в шелку", "up to my ears" (module doc);
    `coercive`: the content's stems of coercive means (bot.nlu.coercion.Coercion.stems)."""
    words = _words(tokens) if words is None else words
    coerced = _any_stem(words, coercive + _CAPTOR_STEMS + _WORK_OFF_STEMS)
    if (_SILK & set(words) or _pair(tokens, _EARS)) and not coerced:
        return frozenset({DEBT})
    return frozenset()


def stranded_legally(tokens: Sequence[str]) -> bool:
    """"Trapped in Warsaw, my visa extension was refused, how do I leave legally?": stuck in a
    country, not held; the "trapped" phrases are let off (`trapped_words`), no other."""
    words = _words(tokens)
    return (
        _any_stem(words, _TRAPPED_STEMS)
        and _any_stem(words, _VISA_STEMS)
        and _any_stem(words, _LEGAL_STEMS)
        and not _any_stem(words, _CAPTOR_STEMS)
    )


def trapped_words(phrase: Sequence[str]) -> bool:
    """Whether a danger phrase's words say "trapped"/"застряла", not "не выпускают"."""
    return _any_stem(phrase, _TRAPPED_STEMS)


# A harm that is over, told from home to report it (Belarusian and transliterated forms; read
# in Cyrillic, so "ya doma" is "я дома"): home now, and the past or a wish to report.
_HOME_NOW = (("я", "дома"), ("уже", "дома"), ("ужо", "дома"), ("ўжо", "дома"),
             ("i'm", "home"), ("im", "home"), ("back", "home"), ("she's", "home"),
             ("he's", "home"), ("is", "home"), ("вернулась", "домой"), ("вернулся", "домой"),
             ("вернулас", "домой"), ("вярнулася", "дадому"), ("вярнуўся", "дадому"),
             ("came", "home"), ("returned", "home"))  # fmt: skip
_PAST_CUES = (("в", "прошлом"), ("у", "мінулым"), ("у", "минулым"), ("летась",), ("летас",),
              ("last", "year"), ("years", "ago"), ("год", "назад"), ("год", "таму"),
              ("гадоў", "таму"), ("гады", "таму"))  # fmt: skip
_REPORT_STEMS = ("заяв", "заяў", "пакара", "наказа", "паведам", "сообщ", "пожал", "жалоб",
                 "скарг", "скарж", "скард", "паскардз", "report", "punish", "complain", "куды",
                 "куда")  # fmt: skip
# It goes on, or someone is still there: "там", "ещё", "still", "до сих пор".
_STILL = frozenset("там tam there still ещё еще яшчэ eshche esche опять снова зноў again "
                   "сих дагэтуль".split())  # fmt: skip


def reported_from_home(
    tokens: Sequence[str], words: Sequence[str] | None = None
) -> bool:
    """A harm that is over, told by a writer (or a friend) home and fine now who wants it
    reported: "летась мяне не выпускалі з фермы, цяпер я дома, куды пісаць?", "v proshlom godu
    u menya zabrali pasport, seichas ya doma, kuda zayavit?". Not with anyone still there or
    anything going on ("я уже дома, а подругу там держат"), nor with a cry for help."""
    words = _words(tokens) if words is None else words
    if _STILL & set(words) or _CRY & set(words):
        return False
    home = _pair(words, _HOME_NOW)
    return home and (_pair(words, _PAST_CUES) or _any_stem(words, _REPORT_STEMS))


# Stories read or heard about others, and "that's not my case": the danger words are quoted.
_NOT_MINE = (("не", "мой", "случай"), ("не", "мой", "выпадак"), ("not", "my", "case"),
             ("не", "про", "меня"), ("не", "пра", "мяне"), ("not", "about", "me"),
             ("не", "моя", "ситуация"), ("не", "мая", "сітуацыя"), ("not", "my", "situation"))
_HEARD_STEMS = ("начита", "начыта", "читал", "чытал", "read", "истори", "гістор", "stories",
                "horror", "страшн", "жахл", "слыш", "чул", "heard")  # fmt: skip
# The writer there now ("сейчас на ферме", "but now it is"): then "not my case" was before.
_NOW = frozenset("вчера учора yesterday today сегодня сёння now сейчас цяпер зараз сеичас "
                 "сейчас вчера".split())  # fmt: skip


def not_my_case(
    tokens: Sequence[str], words: Sequence[str] | None = None
) -> bool:
    """Stories of others quoted, and "that's not my case" ("I've read horror stories about
    locked dorms and passports taken, that's not my case, I'm asking about a repayment
    clause"); not with "now", "yesterday" or a cry ("but yesterday they took ours")."""
    words = _words(tokens) if words is None else words
    if _NOW & set(words) or _CRY & set(words):
        return False
    return _pair(words, _NOT_MINE) and _any_stem(words, _HEARD_STEMS)


@dataclass(frozen=True, slots=True)
class CalmSituation:
    """The calm situations of one message, its words transliterated once for every frame."""

    story: bool  # a safety plan, a harm reported from home, others' stories quoted
    let_off: frozenset[str]  # what a thing (`thing_frame`) or an idiom (`idiom_frame`) lets off

    @classmethod
    def read(cls, tokens: Sequence[str], raw: str, coercive: tuple[str, ...]) -> CalmSituation:
        """The situations of cleaned `tokens` of `raw`; `coercive`: as for `idiom_frame`."""
        words = _words(tokens)
        return cls(
            story=(safety_plan(tokens, raw, words) or reported_from_home(tokens, words)
                   or not_my_case(tokens, words)),
            let_off=thing_frame(tokens, words) | idiom_frame(tokens, coercive, words),
        )


def calm_let_off(tokens: Sequence[str], raw: str, coercive: tuple[str, ...]) -> frozenset[str]:
    """Every indicator the message's calm frames let off (all risks under a safety plan or a
    harm reported from home); `coercive`: as for `idiom_frame`."""
    situation = CalmSituation.read(tokens, raw, coercive)
    return ALL_RISKS if situation.story else situation.let_off
