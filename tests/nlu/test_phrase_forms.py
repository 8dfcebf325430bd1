"""A danger phrase's verb is caught in every form a person writes it (atrisk12).

content/danger_phrases.yaml had "меня закрывают" and "меня заперли" but not "меня закрыли":
"меня закрыли в комнате, какой номер полиции?" then read as a plain request for numbers. The
kind: a phrase naming the person ("меня", "нас", "мяне", "me", "us") with a verb in one form,
and a sibling form of the same verb (past or present, either aspect, singular or plural, the
other word order) missing. The test walks the phrase list with a table of verb families and
fails on the next such gap, whoever adds the phrase. The benign senses (a shop, a visa, sick
leave closed; a door or an account locked) stay out, checked on the other side.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.content.models import DangerPhrase
from bot.core.danger_phrases import DangerPhraseMatcher
from bot.core.triage import Triage
from bot.nlu.embedded import EmbeddedRecognizer
from tests.helpers.engine import shared_content

# The person a phrase names: a harm done to them.
PERSONS = {"ru": {"меня", "нас"}, "be": {"мяне", "нас"}, "en": {"me", "us"}}
# Forms of one verb (both aspects where a person uses both) that mean the same harm.
FAMILIES: dict[str, list[tuple[str, ...]]] = {
    "ru": [
        ("закрыли", "закрыл", "закрыла", "закрывают", "закрывает", "закрывали", "закрывал",
         "закрывала"),
        ("заперли", "запер", "заперла", "запирают", "запирает", "запирали", "запирал",
         "запирала"),
        ("бьют", "бьет", "били", "бил", "била"),
        ("избили", "избил", "избила", "избивают", "избивает", "избивали"),
        ("продали", "продал", "продала", "продают", "продает"),
    ],
    "be": [
        ("зачынілі", "зачыніў", "зачыніла", "зачыняюць", "зачыняе"),
        ("замкнулі", "замкнуў", "замкнула", "замыкаюць", "замыкае"),
        ("б'юць", "б'е", "білі", "біў", "біла"),
        ("збілі", "збіў", "збіла", "збіваюць", "збівае"),
        ("прадалі", "прадаў", "прадала", "прадаюць"),
    ],
    "en": [
        ("lock", "locks", "locked", "locking"),
        ("beat", "beats", "beating"),
        ("hit", "hits", "hitting"),
        ("sold", "sell", "sells", "selling"),
    ],
}  # fmt: skip


# Siblings a person writes in an everyday sense far more often than about themselves; each
# stays uncaught on purpose (and is checked to stay so below), with the reason.
EVERYDAY = {
    "they sell us": "goods: 'they sell us SIM cards at the station'",
    "they sells us": "goods, as 'they sell us'",
    "they selling us": "goods: 'they're selling us tickets'",
    **{f"{verb} {person} to": "a ticket: 'can you sell me a ticket to Warsaw?'"
       for verb in ("sell", "sells", "selling") for person in ("me", "us")},
    **{f"{verb} {person} into": "a joke or a threat: 'my friend jokes they'll sell me into "
       "slavery' (test_triage_lookalikes5)"
       for verb in ("sell", "sells", "selling") for person in ("me", "us")},
}


# Where a person says it happened: each sibling is checked as written with a place after it
# ("меня закрыли в комнате"). The closing verbs ("закрыли", "зачынілі") are phrases only with
# the place: bare, they are also "у меня закрыли визу", "у нас закрыли магазин".
PLACE = {"ru": "в комнате", "be": "ў пакоі", "en": "in the room"}


def _matches(word: str, form: str) -> bool:
    """Whether a phrase's word (maybe with `*`) covers the verb form."""
    return form.startswith(word[:-1]) if word.endswith("*") else word == form


def _siblings(language: str, phrase: str) -> Iterator[str]:
    """The phrase said with each sibling form of its verb, in both word orders when the verb
    stands next to the person ("меня закрыли", "закрыли меня"); `*` words as their stems."""
    words = phrase.split()
    persons = PERSONS[language]
    if not persons & set(words):
        return
    for at, word in enumerate(words):
        family = next((f for f in FAMILIES[language] if any(_matches(word, v) for v in f)), None)
        # English: the verb before its object ("locked me in"), not "keep me locked".
        verb = language != "en" or (words[at + 1:at + 2] and words[at + 1] in persons)
        if family is None or not verb:
            continue
        for form in family:
            said = [form if i == at else w.rstrip("*") for i, w in enumerate(words)]
            yield " ".join(said)
            if language == "en":  # English word order is fixed: "locked me", never "me locked"
                continue
            for near in (at - 1, at + 1):
                if 0 <= near < len(words) and words[near] in PERSONS[language]:
                    swapped = list(said)
                    swapped[at], swapped[near] = swapped[near], swapped[at]
                    yield " ".join(swapped)


def _phrases() -> list[tuple[str, DangerPhrase]]:
    phrases = shared_content().content.danger_phrases
    return [(language, p) for language, items in phrases.items() for p in items]


@pytest.mark.parametrize("language", ["ru", "be", "en"])
def test_every_form_of_a_danger_verb_said_of_the_person_is_caught(
    matcher: DangerPhraseMatcher, language: str
) -> None:
    # A phrase that counts only as the whole message (`alone`: "they sold me", "заперта") is a
    # state said on its own, not a verb in a sentence: its siblings are not asked for.
    missing = {
        sibling
        for lang, phrase in _phrases() if lang == language and not phrase.alone
        for sibling in _siblings(language, phrase.phrase)
        if sibling not in EVERYDAY and not matcher.find(f"{sibling} {PLACE[language]}")
    }
    assert not missing, sorted(missing)


def test_the_walk_finds_the_gap_the_lead_found() -> None:
    """The walk itself: the phrase that was there yields the form that was missing."""
    assert "меня закрыли" in set(_siblings("ru", "меня закрывают"))
    assert "закрыли меня" in set(_siblings("ru", "меня закрывают"))
    assert "they locked me" in set(_siblings("en", "they lock me"))
    assert "нас замкнулі" in set(_siblings("be", "нас замыкаюць"))


# Each addition, both sides: as people write it (with the words around it), and the benign
# senses of the same verbs.
AT_RISK = [
    "меня закрыли в комнате",
    "нас закрыли на складе и не выпускают",
    "закрыли меня в подвале",
    "хозяин меня закрыл",
    "нас запирали на ночь",
    "хозяйка меня заперла",
    "мяне зачынілі",
    "нас замкнулі",
    "мяне замкнуў гаспадар",
    "зачынілі нас у пакоі",
    "they locked me in the room",
    "they locked me",
    "they have locked us",
    "he locks me in every night",
    "I was locked in the basement",
    "меня били на стройке",
    "мяне білі",
    "меня продал знакомый",
]
BENIGN = [
    "закрыли магазин, где купить сим-карту?",
    "мне закрыли визу, что делать?",
    "закрыли больничный, когда выходить на работу?",
    "магазин был закрыт",
    "the shop was locked",
    "I was locked out of my account",
    "I locked my phone and forgot the code",
    "краму зачынілі ў восем",
    "я закрыл дверь на ключ",
    "they sell us SIM cards at the station",
    "can you sell me a ticket to Warsaw?",
    "I locked my bike outside the shop",
    "я закрыла окно, меня продуло",
]


@pytest.mark.parametrize("text", AT_RISK)
def test_a_sibling_form_in_a_message_is_at_risk(
    triage: Triage, model: EmbeddedRecognizer, text: str
) -> None:
    assert triage.assess(text, model.parse_sync(text)).at_risk


@pytest.mark.parametrize("text", BENIGN)
def test_the_benign_senses_of_the_same_verbs_stay_calm(
    matcher: DangerPhraseMatcher, text: str
) -> None:
    """No phrase fires (whether the model alone reads them as everyday is nlu's tables)."""
    assert not matcher.find(text), [m.phrase for m in matcher.find(text)]
