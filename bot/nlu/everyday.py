"""Everyday trouble told in the words of a danger (a fresh tester's false alarms, set 12).

Five kinds of benign message carry the words of a risk:

* "help" about a nuisance: "сосед сверлит стену с утра до ночи, помогите", "the gym locked my
  locker and I can't get my stuff, help". A cry for help with a noisy neighbour, or a thing
  locked (a locker, a bike, a car), not a person: `nuisance` raises the classifier's bar and
  `locked_thing` drops its movement evidence (bot.core.triage). "помогите, меня не выпускают",
  "they locked me in the locker room, help" (a person after the lock verb) stay at risk;
* hyperbole: "телефон сел, помру без интернета 😅", "I'll die without coffee": death "without"
  a comfort (the internet, coffee, a phone) is not a threat to life (`hyperbole`); "умру без
  еды, нас не кормят" is no comfort and stays with the model and the phrases;
* a short delay of pay: "salary delayed 3 days because of holidays", "зарплату задержали на
  два дня из-за праздников": a delay of days or for a holiday, not "always" or "again"
  (`short_delay`); the phrases of a delay do not fire and the wages evidence does not count.
  "зарплату задерживают третий месяц", "salary delayed again, 2 months now" stay at risk;
* a dismissal looming: "мне угрожает увольнение", "мне пагражае звальненне" (the dismissal is
  the subject, in the nominative): no one threatens the writer (`dismissal_looms`); "мне
  угрожают, если уйду", "угрожают увольнением, если откажу" (a person threatens) still fire;
* not admitted to work: "не выпускаюць на працу без медкніжкі", "не выпускают на смену без
  медкнижки": "не выпускают НА работу" is about starting a shift, not about leaving
  (`to_work`, for the movement phrases' match). "не выпускают из общежития" still fires.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.nlu.coercion import names_coercion
from bot.nlu.negation import NEGATORS

# A cry for help.
_HELP = frozenset(
    "помогите помоги памажыце дапамажыце дапамажы help pomogite pomogi sos".split()
)
# A nuisance at home: a neighbour's drilling, noise, music (a neighbour must be named: "i cant
# talk loud, help" is a cry).
_NEIGHBOUR_STEMS = ("сосед", "сусед", "суседз", "neighbo", "sosed")
_NUISANCE_STEMS = ("сверл", "дрел", "дрыл", "свідр", "ремонт", "рамонт", "шум", "музык",
                   "drill", "noise", "noisy", "music", "renovat", "sverl")  # fmt: skip
# A lock verb; a thing locked; a person locked (then it is not a thing).
_LOCK_STEMS = ("lock", "запер", "закры", "зачын", "zaper", "zakry")
_THING_STEMS = ("locker", "шкафчик", "шафк", "bike", "bicycle", "велосипед", "ровар", "car",
                "машин", "машын", "scooter", "самокат", "suitcase", "чемодан", "валіз",
                "stuff", "вещи", "рэчы")  # fmt: skip
_PERSON = frozenset("me us him her them меня нас его её ее их мяне яго яе іх menya nas".split())
# Death "without" a comfort: "помру без интернета", "I'll die without coffee".
_DEATH_STEMS = ("помру", "умру", "сдохну", "памру", "памру", "die", "dying", "pomru", "umru")
_WITHOUT = frozenset("без without bez".split())
_COMFORT_STEMS = ("интернет", "инет", "інтэрнэт", "internet", "wifi", "wi-fi", "вайфа",
                  "кофе", "кава", "кавы", "coffee", "телефон", "тэлефон", "phone", "сериал",
                  "серыял", "netflix", "шоколад", "chocolate", "сладк", "салодк", "tiktok",
                  "тикток", "sleep", "сна", "сну", "internet", "kofe")  # fmt: skip
# A delay of pay; what makes it short or ordinary; what makes it chronic.
_DELAY_STEMS = ("delay", "late", "задерж", "затрым", "zaderzh")
_HOLIDAY_STEMS = ("holiday", "праздник", "свят", "weekend", "выходн", "выхадн", "bank",
                  "банк", "prazdnik")  # fmt: skip
_DAY = frozenset("day days дня дней день дні дзён дзень dnya dney".split())
_SMALL = frozenset("1 2 3 4 5 a one two three four five couple few пару два две три четыре "
                   "пять несколько пару дзве тры чатыры некалькі dva tri".split())
_CHRONIC_STEMS = ("always", "again", "every", "всегда", "опять", "снова", "каждый", "заўсёды",
                  "зноў", "кожны", "month", "месяц", "месяц", "week", "недел", "тыдн",
                  "vsegda", "opyat", "snova")  # fmt: skip
# A threat verb and a dismissal as its subject ("мне угрожает увольнение") or its object
# ("threatened to fire me", "угрожают уволить", "пагражае звальненнем", "grozyat uvolit").
THREAT_VERB_STEMS = ("угрожа", "угроз", "грози", "грозя", "пригроз", "пагража", "пагроз", "ugrozh",
                 "ugroz", "grozi", "grozya", "prigroz", "threat")  # fmt: skip
_DISMISSAL_STEMS = ("увольн", "уволи", "уволь", "сокращ", "звальн", "звольн", "скарач", "штраф",
                    "uvoln", "uvoli", "uvol", "zvaln", "zvoln", "fire", "firing", "sack",
                    "dismiss", "shtraf")  # fmt: skip
# A dismissal named without a threat verb: "he said he'll fire me", "сказал, что уволит". English
# "fire" and "sack" only with a person after them ("fire me", "sack us"): "fire in the dorm" is not.
_DISMISS_VERB_STEMS = ("уволи", "уволю", "уволя", "звольн", "uvoli", "uvolyu", "uvolya", "dismiss")
_FIRE = frozenset("fire sack fires sacks".split())
_FIRED = frozenset("me us you him her them everyone anyone all".split())
# "не выпускают НА работу": a shift not started, not a door.
_TO = frozenset("на na".split())
_WORK_STEMS = ("работ", "прац", "смен", "змен", "лини", "рейс", "объект", "rabot", "smen")


# The evidence a cry about a nuisance carries from "помогите" alone (bot.core.triage drops it).
CRY_INDICATORS = frozenset({"emergency_now"})


def nuisance(tokens: Sequence[str]) -> bool:
    """A cry for help about a noisy neighbour: a help word, a neighbour and a nuisance."""
    return (
        any(word in _HELP for word in tokens)
        and any(word.startswith(_NEIGHBOUR_STEMS) for word in tokens)
        and any(word.startswith(_NUISANCE_STEMS) for word in tokens)
    )


def locked_thing(tokens: Sequence[str]) -> bool:
    """A thing locked (a locker, a bike), and no person right after any lock verb."""
    thing = any(word.startswith(_THING_STEMS) for word in tokens)
    locks = [at for at, word in enumerate(tokens) if word.startswith(_LOCK_STEMS)]
    person = any(w in _PERSON for at in locks for w in tokens[max(0, at - 1) : at + 3])
    return thing and bool(locks) and not person


def hyperbole(tokens: Sequence[str]) -> bool:
    """Death "without" a comfort ("помру без интернета", "die without coffee")."""
    for at, word in enumerate(tokens):
        if not word.startswith(_DEATH_STEMS):
            continue
        after = tokens[at + 1 : at + 4]
        for n, w in enumerate(after[:-1]):
            if w in _WITHOUT and after[n + 1].startswith(_COMFORT_STEMS):
                return True
    return False


def short_delay(tokens: Sequence[str]) -> bool:
    """A delay of pay for a holiday or of a few days, and nothing chronic ("always", months)."""
    if not any(word.startswith(_DELAY_STEMS) for word in tokens):
        return False
    if any(word.startswith(_CHRONIC_STEMS) for word in tokens):
        return False
    holiday = any(word.startswith(_HOLIDAY_STEMS) for word in tokens)
    days = any(w in _DAY and tokens[at - 1] in _SMALL for at, w in enumerate(tokens) if at)
    return holiday or days


# Pay read through taxes: "брутто от нетто", "на руки меньше, это налоги?", "gross and net".
_TAX_STEMS = ("брутт", "нетт", "налог", "подоходн", "падатк", "падатак", "brutto", "netto",
              "gross", "tax", "nalog")  # fmt: skip
# Poland's social insurance (ZUS) as a whole word: as a stem "зус" began Belarusian "зусім"
# ("at all"), and "заробак не далі зусім" was read as a tax question.
_TAX_WORDS = frozenset({"zus", "zusu", "zusie", "зус", "зуса", "зусу", "зусе"})
_UNPAID_STEMS = ("не плат", "не заплат", "не выплач", "не плоц", "не заплоц", "ne plat",
                 "not paid", "unpaid", "not pay", "never paid", "haven't paid", "havent paid")
_MONTH_STEMS = ("месяц", "month", "mesyac", "mesyats")


def tax_question(tokens: Sequence[str]) -> bool:
    """Pay explained by taxes (gross and net, "на руки меньше, это налоги?"): the model reads
    wages withheld from pay words alone. Not when pay is not paid at all, for months, or a
    coercive means is named (bot.nlu.coercion)."""
    if not any(word.startswith(_TAX_STEMS) or word in _TAX_WORDS for word in tokens):
        return False
    text = " ".join(tokens)
    if any(stem in text for stem in _UNPAID_STEMS) or names_coercion(tokens):
        return False
    return not any(word.startswith(_MONTH_STEMS + _CHRONIC_STEMS) for word in tokens)

def delay_phrase(words: Sequence[str]) -> bool:
    """Whether a danger phrase's words name a delay ("salary delayed", "задерживают зарплату")."""
    return any(word.startswith(_DELAY_STEMS) for word in words)


def _dismissal_named(tokens: Sequence[str]) -> bool:
    """A dismissal verb ("уволит", "звольніць", "fire me"), with or without a threat verb."""
    return any(
        word.startswith(_DISMISS_VERB_STEMS) or (word in _FIRE and tokens[at + 1 : at + 2] != []
                                                 and tokens[at + 1] in _FIRED)
        for at, word in enumerate(tokens)
    )  # fmt: skip


def dismissal_looms(tokens: Sequence[str]) -> bool:
    """A threat of dismissal, not of harm: every threat verb has a dismissal within the next three
    words ("мне угрожает увольнение", "threatened to fire me", "угрожают уволить", "пагражае
    звальненнем"), or there is no threat verb and a dismissal is named ("the boss said he'll fire
    me if I'm late again", "сказал, что уволит"); and the message names no coercive means
    (bot.nlu.coercion: "угрожают уволить и избить", "he'll tell the migration office", a debt,
    a passport, the family)."""
    if names_coercion(tokens):
        return False
    threats = [at for at, word in enumerate(tokens) if word.startswith(THREAT_VERB_STEMS)]
    if not threats:
        return _dismissal_named(tokens)
    return all(
        any(w.startswith(_DISMISSAL_STEMS) for w in tokens[at + 1 : at + 4]) for at in threats
    )


_LET_OUT_STEMS = ("выпуска", "выпуск", "пускают", "пускаюць", "vypuska")


def not_admitted(tokens: Sequence[str]) -> bool:
    """"не выпускают на работу / на смену", "не выпускаюць на працу": a negated letting-out verb
    with "на" and work right after it."""
    return any(
        tokens[at - 1] in NEGATORS
        and word.startswith(_LET_OUT_STEMS)
        and to_work(" ".join(tokens[at + 1 : at + 3]))
        for at, word in enumerate(tokens)
        if at
    )


def to_work(matched: str) -> bool:
    """Whether a movement phrase's match has "на работу" / "на працу" / "на смену" in its gap
    ("не выпускаюць на працу без медкніжкі"), and no negator after it."""
    words = matched.split()
    return any(
        w in _TO and words[at + 1].startswith(_WORK_STEMS) and words[at + 1] not in NEGATORS
        for at, w in enumerate(words[:-1])
    )
