"""A thing lent to a neighbour or a friend and not given back: what was taken decides.

"sosed zabral moyu drel i ne otdaet", "my neighbour borrowed my ladder and won't give it back",
"сябар узяў ровар і не вяртае": the words of a withheld passport ("забрал ... не отдаёт",
"won't give it back") about a drill, a ladder or a book. The model read them as documents
withheld (0.6-0.9) and "won't give it back" is a danger phrase.

`borrowed_thing` is true when the message names a lender's side (a borrowing verb, or a
neighbour, a friend, a flatmate or a colleague as the taker) and a thing not given back ("не
отдаёт", "won't give it back": without it the friend is the harmed one, "подруге не платят"),
names nothing a person is held by
(a passport, documents, an ID or a permit, a phone, money, wages, a bank card), and names no
employer, agency or landlord. Then the documents and wages phrases do not fire, and the
classifier's evidence for those two intents does not count (bot.core.triage): a threat or a
locked door in the same message still does. "сосед по комнате забрал мой паспорт", "a friend of
the boss took my phone", "the foreman borrowed my passport" stay at risk.

`held_deposit` (set 13): a landlord's deposit or rent not given back ("my landlord is holding my
deposit and won't give it back", "хозяин квартиры не возвращает залог") is a housing dispute,
not documents or wages withheld: a deposit or a landlord named, nothing a person is held by
(money aside: the deposit is money) and no employer, agency, workplace or dormitory.
"the employer holds my passport as a deposit", "хозяин квартиры забрал паспорт в залог" stay at
risk. `nothing_held` is any of the three.
"""

from __future__ import annotations

from collections.abc import Sequence

# The indicators a borrowed drill is mistaken for: their phrases do not fire on it, and the
# classifier's evidence for them does not count (bot.core.triage).
HELD_INDICATORS = frozenset({"risk_documents_withheld", "risk_wages_withheld"})

_BORROW_STEMS = ("borrow", "lent", "lend", "одолж", "позаимств", "пазыч", "адалжы",
                 "odolzh", "pozaimstv")  # fmt: skip
_TAKER_STEMS = ("сосед", "сусед", "подруг", "сябр", "сябар", "сяброўк", "коллег", "калег",
                "знаком", "neighbo", "friend", "flatmate", "roommate", "colleague", "sosed",
                "podrug", "kolleg", "znakom")  # fmt: skip
# "друг", not "другие" (others held: never a lender).
_FRIEND = frozenset("друг друга другу другом drug druga".split())
# Not given back: "не отдаёт", "не вяртае", "won't give it back", "hasn't returned it". Without it a
# friend is the harmed person ("подруге не платят", "my friend is kept in the house").
_RETURN_STEMS = ("отда", "возвра", "верн", "аддае", "аддаю", "аддаць", "вярта", "вярну", "return",
                 "otda", "vozvra", "vern")  # fmt: skip
_GIVE = frozenset("give gives giving gave".split())  # "won't give it back"
# What a person is held by: never a borrowed thing.
_HELD_STEMS = ("паспорт", "пашпарт", "документ", "дакумент", "удостовер", "пасведч", "виз", "віз",
               "карт", "телефон", "тэлефон", "мобил", "мабіл", "деньг", "денег", "грош", "зарплат",
               "заробак", "заробк", "зп", "passport", "document", "papers", "id", "permit", "visa",
               "card", "phone", "money", "cash", "wage", "salary", "pay", "pasport", "dokument",
               "telefon", "dengi", "deneg", "zarplat", "долг", "пазык", "debt", "loan", "owe",
               "евро", "еўра", "злот", "долар", "руб", "лір", "euro", "zl", "pln")  # fmt: skip
_EMPLOYER_STEMS = ("работодат", "начальн", "бригадир", "брыгадзір", "хозя", "гаспадар", "агент",
                   "агенц", "фирм", "фірм", "наймальн", "працадаў", "boss", "employer", "agenc",
                   "agent", "landlord", "foreman", "supervisor", "manager", "rabotodat",
                   "hozya", "brigadir", "nachalnik", "посредн", "пасрэдн", "gangmaster", "owner",
                   "владел", "уладальн")  # fmt: skip


# A debt owed TO the writer by a friend or a relative: "a friend owes me 500 euros", "брат
# должен мне 300 злотых", "сябар вінен мне грошы".
_OWE_STEMS = ("owe", "должен", "должна", "задолжал", "вінен", "вінна", "завінаваціў", "dolzhen",
              "dolzhna")  # fmt: skip
_KIN = frozenset("brother sister cousin uncle aunt брат сестра сястра дядя тётя тетя дзядзька "
                 "цётка brat sestra".split())  # fmt: skip
_TO_ME = frozenset("me мне mne".split())
# What a person is held by, except money itself (the debt is money).
_HELD_NOT_MONEY = ("паспорт", "пашпарт", "документ", "дакумент", "passport", "document", "papers",
                   "permit", "visa", "pasport", "dokument")  # fmt: skip
# The rest a person is held by that is not money: an ID, a card, a phone, wages.
_HELD_NOT_DEBT = ("удостовер", "пасведч", "виз", "віз", "карт", "телефон", "тэлефон", "мобил",
                  "мабіл", "зарплат", "заробак", "заробк", "зп", "id", "card", "phone", "wage",
                  "salary", "pay", "telefon", "zarplat")  # fmt: skip
# A flat's owner ("хозяин квартиры") is a landlord, not an employer, in a deposit dispute.
_OWNER_STEMS = ("хозя", "гаспадар", "owner", "владел", "уладальн", "hozya")


def private_debt(tokens: Sequence[str]) -> bool:
    """Whether cleaned `tokens` tell of money a friend, a neighbour or a relative owes the writer
    ("a friend owes me 500 euros"), with no employer, agency or landlord and no document named."""
    lender = any(w.startswith(_TAKER_STEMS) or w in _FRIEND or w in _KIN for w in tokens)
    owes_me = any(
        w.startswith(_OWE_STEMS) and _TO_ME & set(tokens[at + 1 : at + 3])
        for at, w in enumerate(tokens)
    )
    return (
        lender
        and owes_me
        and not any(w.startswith(_HELD_NOT_MONEY) for w in tokens)
        and not any(w.startswith(_EMPLOYER_STEMS) for w in tokens)
    )


def borrowed_thing(tokens: Sequence[str]) -> bool:
    """Whether cleaned `tokens` tell of a thing a neighbour or a friend took or borrowed (module
    doc)."""
    lent = any(w.startswith(_BORROW_STEMS + _TAKER_STEMS) or w in _FRIEND for w in tokens)
    return (
        lent
        and (
            any(w.startswith(_RETURN_STEMS) for w in tokens)
            or any(w == "back" and _GIVE & set(tokens[max(0, at - 3) : at])
                   for at, w in enumerate(tokens))
        )
        and not any(w.startswith(_HELD_STEMS) for w in tokens)
        and not any(w.startswith(_EMPLOYER_STEMS) for w in tokens)
    )


# A deposit, or a landlord (a flat's owner), that a housing dispute names.
_DEPOSIT_STEMS = ("deposit", "залог", "депозит", "кауц", "заклад", "kaucj", "kauc", "zalog",
                  "depozit")  # fmt: skip
_LANDLORD_STEMS = ("landlord", "landlady", "арендодат", "арандадаў", "орендодав", "wynajm",
                   "arendodat")  # fmt: skip
# Where work houses people, or who employs them: then a held deposit may hold a person.
_WORK_STEMS = ("работ", "прац", "job", "work", "завод", "ферм", "farm", "factory", "склад",
               "warehouse", "общежит", "общаг", "інтэрнат", "hostel", "dorm", "rabot", "smen",
               "смен", "змен", "firm", "company", "компан", "кампан", "contract", "договор",
               "контракт", "дамов", "кантракт", "dogovor", "kontrakt")  # fmt: skip


def held_deposit(tokens: Sequence[str]) -> bool:
    """Whether cleaned `tokens` tell of a landlord's deposit not given back (module doc)."""
    return (
        any(w.startswith(_DEPOSIT_STEMS + _LANDLORD_STEMS) for w in tokens)
        and not any(w.startswith(_HELD_NOT_MONEY + _HELD_NOT_DEBT) for w in tokens)
        and not any(
            w.startswith(_WORK_STEMS) or (w.startswith(_EMPLOYER_STEMS)
                                          and not w.startswith(_LANDLORD_STEMS + _OWNER_STEMS))
            for w in tokens
        )
    )  # fmt: skip


def nothing_held(tokens: Sequence[str]) -> bool:
    """A thing lent, a friend's debt or a landlord's deposit: no person is held by it."""
    return borrowed_thing(tokens) or private_debt(tokens) or held_deposit(tokens)
