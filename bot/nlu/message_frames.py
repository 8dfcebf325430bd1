"""What a message says about itself, for the danger words it carries (issue 10,
nlu_heldout8's kinds; `bot.nlu.mention` uses it for the phrases, `bot.core.triage` for the
classifier's threshold): the writer laughs or tells a friend's joke, in a harmless setting (the
army, sick leave); names a robbery by strangers and no employer, workplace or housing; names a
job ad and says they are still at home; tells a past story from home to warn others; says
nobody forced them; says a post they pass on is "not about me"; names a bank threatening to
take a car or a flat. Transliterated messages are read in their Cyrillic reading too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.nlu.bystander import safe_writer
from bot.nlu.cue_words import has_cue
from bot.nlu.joke_frame import JokeFrame
from bot.nlu.let_offs import LetOffs
from bot.nlu.negation import NEGATORS
from bot.nlu.normalize import clean, cyrillize, cyrillize_lacinka, has_lacinka, has_latin_words

# A joke: laughter written by the writer (bot.nlu.joke_frame.laughing), or a friend's joke.
_JOKE_STEMS = ("шут", "шуч", "пошут", "прикал", "жарт", "смеет", "смеют", "смяец", "смяюц",
               "joke", "joking", "kidding", "laugh", "shut", "smeet")  # fmt: skip
_FRIENDS = frozenset(
    "друг друга друзья подруга подружка брат сестра мама папа жена муж сябар сябры сяброўка "
    "сястра коллега калега знакомый знакомая сосед суседка friend friends mate buddy brother "
    "sister mum mom dad wife husband colleague neighbour".split()
)
# Harmless settings for "locked in": the army, sick leave, quarantine, parents.
_SETTING_STEMS = ("арми", "армі", "казарм", "army", "barrack", "military", "больничн", "бальнічн",
                  "sick", "болею", "хвар", "flu", "грипп", "карантин", "quarantine", "родител",
                  "бацьк", "parent", "бабушк", "бабул", "grandma", "сесси", "экзамен", "exam",
                  "школ", "school")  # fmt: skip
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
                   "hostel", "інтэрнат", "интернат", "брыгадзір", "фірм", "кіраўнік", "менеджар",
                   "пасрэднік", "вярбоўшчык", "каардынатар", "coordinator", "broker",
                   "middleman")  # fmt: skip
# A debt to a bank ("my bank loan debt keeps growing"), not to a person who holds the writer.
# "в кредит дали жильё" (credit from the employer) names no bank: a bank or a mortgage and a debt.
_BANK_STEMS = ("банк", "ипотек", "іпатэк", "bank", "mortgage")
_DEBT_STEMS = ("долг", "доўг", "даўг", "кредит", "крэдыт", "займ", "ипотек", "іпатэк", "debt",
               "owe", "loan", "credit", "mortgage")  # fmt: skip
_CREDITOR_STEMS = ("работодат", "начальн", "бригадир", "брыгадзір", "хозя", "гаспадар", "агент",
                   "агенц", "фирм", "фірм", "наймальн", "працадаў", "посредник", "пасрэднік",
                   "вербовщ", "вярбоўшчык", "координатор", "каардынатар", "employer", "boss",
                   "agenc", "agent", "recruit", "landlord", "foreman", "company", "coordinator",
                   "broker", "middleman")  # fmt: skip
# "not about me", "это не про меня", "гэта не пра мяне": a writer passing on what they saw.
_NOT_ABOUT_ME: tuple[tuple[str, ...], ...] = (
    ("not", "about", "me"), ("isn't", "about", "me"), ("isnt", "about", "me"),
    ("not", "my", "story"), ("не", "про", "меня"), ("не", "обо", "мне"), ("не", "о", "себе"),
    ("не", "пра", "мяне"), ("не", "аба", "мне"),
)  # fmt: skip
# Someone close, in any case ("про сестру", "пра брата"): then it may be about them. Stems err
# towards naming someone ("другой" counts as "друг"): the message is then read as a report.
_KIN_STEMS = ("сестр", "сяст", "брат", "мам", "пап", "муж", "жен", "сын", "доч", "друг",
              "подруг", "сяб", "племян", "пляменн", "дяд", "дзядз", "тет", "sister",
              "brother", "mum", "mom", "dad", "son", "daughter", "husband", "wife", "cousin",
              "nephew", "niece", "friend", "uncle", "aunt")  # fmt: skip
# What such a writer saw: a post, a video, a page, a link on a social network.
_SEEN_STEMS = ("tiktok", "тикток", "тікток", "цікток", "instagram", "инстаграм", "інстаграм",
               "youtube", "ютуб", "facebook", "фейсбук", "telegram", "телеграм", "тэлеграм",
               "video", "видео", "відэа", "post", "пост", "link", "ссылк", "спасылк", "page",
               "страниц", "старонк", "channel", "канал", "reel")  # fmt: skip
# A bank or a lender threatening to take property (a car, a flat) over a loan: not a threat of
# harm. The threat phrases only (bot.nlu.mention), and only with no employer or agency named.
# A credit alone is no lender: "в кредит дали жильё" is credit from the employer.
_LENDER_STEMS = ("банк", "ипотек", "лизинг", "іпатэк", "лізінг", "bank", "mortgage", "leasing",
                 "lender")  # fmt: skip
THREAT_STEMS = ("угрож", "грози", "паграж", "пагроз", "threat")
_PROPERTY_STEMS = ("car", "house", "flat", "apartment", "van", "propert", "машин", "машын",
                   "авто", "аўта", "квартир", "кватэр", "жиль", "жыль", "имуществ",
                   # or money it wants: late fees, penalties, interest, a court claim
                   "fee", "penalt", "fine", "interest", "court", "legal", "штраф", "пен", "неусто",
                   "процент", "працэнт", "суд")  # fmt: skip
# Harm to a person is never a lender's claim: "коллекторы банка угрожают убить".
_HARM_STEMS = ("kill", "hurt", "beat", "убь", "убит", "убіц", "заб'ю", "покалеч", "бить", "біць",
               "изб", "збіц")  # fmt: skip
# A past story told from home to warn others: "я уже дома ... куда передать информацию?"
_HOME = frozenset("home дома домой дадому".split())
_INFORM_STEMS = ("передат", "перадац", "предупред", "папярэдз", "warn", "report", "complain",
                 "пожалова", "паскардз", "сообщ", "паведам", "details", "information", "информац",
                 "звестк", "данные")  # fmt: skip
# The writer is there now: a joke or a quoted ad does not make their own words a mention.
_HERE = frozenset("тут здесь здес here".split())
_ARRIVED_STEMS = ("приехал", "прыехал", "arrived")
# "nobody forced me", "меня никто не заставлял", "not forced": said by a person asking advice.
_NOBODY = frozenset("nobody noone никто ніхто nikto".split())
_FORCE_STEMS = ("forc", "заставл", "застав", "принужд", "прымуш", "примуш", "zastavl", "prinuzhd",
                "pressur")  # fmt: skip
_JUST_ASKING: tuple[tuple[str, ...], ...] = (("just", "want", "to", "know"),
                                             ("only", "want", "to", "know"))  # fmt: skip


def _any_cue(tokens: Sequence[str], cues: Sequence[tuple[str, ...]]) -> bool:
    return has_cue(tokens, cues)


def _joking(tokens: Sequence[str], raw: str, jokes: JokeFrame) -> bool:
    """The writer laughs, or tells a friend's or a relative's joke."""
    if jokes.laughing(tokens, raw):
        return True
    joke = any(word.startswith(_JOKE_STEMS) for word in tokens)
    return joke and any(word in _FRIENDS for word in tokens)


def _harmless_setting(tokens: Sequence[str], jokes: JokeFrame) -> bool:
    """The army, sick leave, parents, a work deadline ("до релиза") or an everyday setting (a
    party, the dishes, a boring job), and no cry ("help")."""
    return not jokes.cries(tokens) and (
        any(word.startswith(_SETTING_STEMS) for word in tokens)
        or jokes.deadline(tokens)
        or jokes.everyday_setting(tokens)
    )


def is_ad(word: str) -> bool:
    return word.startswith(_AD_STEMS) or word in _AD_WORDS


def _names_an_ad(tokens: Sequence[str]) -> bool:
    return any(is_ad(word) for word in tokens)


def _employer_named(tokens: Sequence[str]) -> bool:
    """An employer, agency or workplace named, not right after a negator ("это не работодатель",
    "not my employer")."""
    for at, word in enumerate(tokens):
        if not word.startswith(_EMPLOYER_STEMS):
            continue
        if not negator_near(tokens, at):
            return True
    return False


def negator_near(tokens: Sequence[str], at: int) -> bool:
    """A negator one or two words before token `at`."""
    return any(word in NEGATORS for word in tokens[max(0, at - 2) : at])


def _robbed(tokens: Sequence[str]) -> bool:
    """A robbery named, not right after a negator ("меня не ограбили, это бригадир ...")."""
    return any(
        (word.startswith(_ROBBERY_STEMS) or word in _ROBBERS) and not negator_near(tokens, at)
        for at, word in enumerate(tokens)
    )


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


def _readings(raw: str) -> list[Sequence[str]]:
    """The message's words, and their Cyrillic reading when some are Latin: transliterated
    Russian or Belarusian ("menya ograbili", "u navinach pra rabstva"), or Łacinka ("siabar
    žartuje"; then only that reading: Łacinka read as Russian transliteration is noise)."""
    own = clean(raw)
    if not has_latin_words(own):
        return [own.split()]
    reading = cyrillize_lacinka(own) if has_lacinka(own) else cyrillize(own)
    return [own.split(), reading.split()]


def _bank_debt(tokens: Sequence[str]) -> bool:
    """A debt to a bank: a bank or a mortgage, a debt, and no employer or agency named."""
    return (
        any(word.startswith(_BANK_STEMS) for word in tokens)
        and any(word.startswith(_DEBT_STEMS) for word in tokens)
        and not any(word.startswith(_CREDITOR_STEMS) for word in tokens)
    )


def _not_about_me(tokens: Sequence[str]) -> bool:
    """The writer says it is not about them, passes on a post or a video they saw, and names no
    friend or relative (then it may be about them: "not about me, my sister ...")."""
    return (
        _any_cue(tokens, _NOT_ABOUT_ME)
        and any(word.startswith(_SEEN_STEMS) or is_ad(word) for word in tokens)
        and not any(word in _FRIENDS or word.startswith(_KIN_STEMS) for word in tokens)
    )


def _lender_threat(tokens: Sequence[str]) -> bool:
    """A bank or a lender threatening, property or fees named, no employer or agency, and no
    harm to a person."""
    return (
        any(word.startswith(_LENDER_STEMS) for word in tokens)
        and any(word.startswith(THREAT_STEMS) for word in tokens)
        and any(word.startswith(_PROPERTY_STEMS) for word in tokens)
        and not any(word.startswith(_CREDITOR_STEMS + _HARM_STEMS) for word in tokens)
    )


def _past_story(tokens: Sequence[str]) -> bool:
    """A writer at home telling what an agency did, to warn others or pass it on."""
    home = any(word in _HOME for word in tokens)
    return home and safe_writer(tokens) and any(w.startswith(_INFORM_STEMS) for w in tokens)


@dataclass(frozen=True, slots=True)
class MessageFrames:
    """What one message says about itself, read in each of its readings (module doc)."""

    joking: bool  # the writer laughs, or tells someone's joke
    locked_in_jest: bool  # laughter and a harmless setting (the army, sick leave)
    robbery: bool  # robbed by strangers: no employer, workplace or housing named
    ad: bool  # names a job ad
    still_home: bool  # the writer has not left yet
    past_story: bool  # a writer at home telling what an agency did
    not_forced: bool  # "nobody forced me", "I just want to know"
    here: bool  # the writer is there now: "тут", "здесь", "here", "приехала"
    bank_debt: bool  # a debt to a bank, no employer, agency or landlord named
    not_about_me: bool  # "not about me" and a post or an ad seen, no friend or relative named
    lender_threat: bool  # a bank or a lender and property or fees, no employer named
    past_safe: bool  # a harm told as the past by a writer safe now (bot.nlu.past_safe)
    ongoing: bool  # "still", "again", "до сих пор": it goes on

    def mentioned(self) -> bool:
        """Whether the message mentions its danger words rather than reports them
        (`mentioned_not_reported`)."""
        return (
            self.not_forced
            or self.locked_in_jest
            or (self.ad and self.still_home)
            or self.past_story
            or self.robbery
            or self.bank_debt
            or self.not_about_me
            or self.lender_threat
            or self.past_safe
        )

    @classmethod
    def read(
        cls,
        tokens: Sequence[str],
        raw: str,
        let_offs: LetOffs,
        readings: Sequence[Sequence[str]] | None = None,
    ) -> MessageFrames:
        """The frames of cleaned `tokens` of `raw`; `let_offs`: the content's frames;
        `readings`: those of `raw` when known (`bot.nlu.reading.MessageReading.readings`)."""
        jokes, past = let_offs.jokes, let_offs.past_safe
        readings = _readings(raw) if readings is None else readings
        laughs = jokes.laughing(tokens, raw)
        return cls(
            joking=any(_joking(ts, raw, jokes) for ts in readings),
            locked_in_jest=(laughs or jokes.frame(tokens, raw))
            and any(_harmless_setting(ts, jokes) for ts in readings),
            robbery=any(_robbed(ts) for ts in readings)
            and not any(_employer_named(ts) for ts in readings),
            ad=any(_names_an_ad(ts) for ts in readings),
            still_home=any(_any_cue(ts, _STILL_HOME) for ts in readings),
            past_story=any(_past_story(ts) for ts in readings),
            not_forced=any(_not_forced(ts) or _any_cue(ts, _JUST_ASKING) for ts in readings),
            here=any(w in _HERE or w.startswith(_ARRIVED_STEMS) for ts in readings for w in ts),
            bank_debt=any(_bank_debt(ts) for ts in readings),
            not_about_me=any(_not_about_me(ts) for ts in readings),
            lender_threat=any(_lender_threat(ts) for ts in readings),
            past_safe=any(past.past_and_safe(ts) or past.left_and_safe(ts) for ts in readings),
            ongoing=any(past.goes_on(ts) for ts in readings),
        )


def mentioned_not_reported(tokens: Sequence[str], raw: str, let_offs: LetOffs) -> bool:
    """Whether cleaned `tokens` (of `raw`) say the person was not forced, quote an ad from
    home, joke about a harmless setting, tell a past story from home, name a robbery by
    strangers or a debt to a bank: the classifier's risk evidence alone then needs more weight
    (bot.core.triage)."""
    return MessageFrames.read(tokens, raw, let_offs).mentioned()
