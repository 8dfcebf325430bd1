"""The code word typed on another keyboard still raises the alarm (bot/core/letters.py):
Belarusian ў, і and the apostrophe forms fold as the ad check folds them, and the Latin letters
that look like Cyrillic ones (a Russian layout has no "і": "дранiкi" with the Latin "i") are
read as them, both when the word is set and when a message is checked; a hash made before
either folding keeps working."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable

import pytest

from bot.core.admodel import prepare
from bot.core.adtext import normalize
from bot.core.engine import DialogueEngine
from bot.core.letters import fold_letters, fold_lookalikes
from bot.core.session import Session
from bot.core.silent_alarm import SilentAlarmStep
from tests.helpers.chat import Chat, alerts, all_payloads

DRANIKI = "дран\u0456к\u0456"  # дранікі, as a Belarusian layout types it
DRANIKI_LATIN_I = "дран\u0069к\u0069"  # with the Latin "i", as a Russian layout types it


async def _set_word(chat: Chat, word: str, *, inside: bool = False) -> None:
    await chat.command("/start")
    await chat.command("/codeword")
    asked = await chat.say(word)
    assert "sa:in:no" in all_payloads(asked)
    await chat.press("sa:in:yes" if inside else "sa:in:no")


@pytest.mark.parametrize(("word", "typed"), [
    ("Поўня", "поуня"),  # ў typed as у on a Russian keyboard
    ("поуня", "Поўня"),  # and the other way round
    ("Белы іней", "белы иней"),  # і typed as и
    ("з'ява", "зъява"),  # the apostrophe as a Russian keyboard's ъ
    ("з’ява", "зʼява"),  # typographic and modifier apostrophes
    ("Ёлка", "елка"),
    (DRANIKI, "драники"),  # и for і
    (DRANIKI, DRANIKI_LATIN_I),  # the Latin "i" for і
    (DRANIKI_LATIN_I, DRANIKI),  # set with the Latin "i", typed with і
    ("pasta", "\u0440\u0430sta"),  # an English word typed with Cyrillic р and а
])
async def test_the_word_counts_on_either_keyboard(
    make_engine: Callable[..., DialogueEngine], word: str, typed: str,
) -> None:
    chat = Chat(make_engine(), language_code="be")
    await _set_word(chat, word)
    raised = await chat.say(typed)
    [alert] = alerts(raised)
    assert alert.silent and "silent-alarm" in alert.indicators


async def test_the_latin_i_counts_inside_a_sentence_when_chosen(
    make_engine: Callable[..., DialogueEngine],
) -> None:
    chat = Chat(make_engine(), language_code="be")
    await _set_word(chat, DRANIKI, inside=True)
    [alert] = alerts(await chat.say(f"я ела {DRANIKI_LATIN_I} ўчора"))
    assert alert.silent and "silent-alarm" in alert.indicators


async def test_other_words_still_do_not_count(make_engine: Callable[..., DialogueEngine]) -> None:
    chat = Chat(make_engine(), language_code="be")
    await _set_word(chat, "Поўня")
    assert alerts(await chat.say("поўнач")) == []
    assert alerts(await chat.say("пани")) == []
    assert alerts(await chat.say("poynia")) == []  # Latin letters that are no look-alikes


def test_a_word_of_cyrillic_letters_hashes_as_before() -> None:
    """The Latin look-alikes change nothing in a word of Cyrillic letters: its stored hash
    keeps matching with no migration (an English word's is migrated, test below)."""
    for text in ("Поўня", "з'ява", "Белы іней", "драники с грибами"):
        assert fold_lookalikes(text) == fold_letters(text)


def test_one_folding_for_the_code_word_and_the_ad_model() -> None:
    """Not a copy: the ad model reads the letters the code word is hashed from."""
    for text in ("Поўня", "з'ява зʼява", "Белы іней"):
        assert fold_letters(text) in prepare(normalize(text), cyrillic=False)


async def test_a_word_hashed_before_folding_keeps_working_and_is_hashed_again(
    make_engine: Callable[..., DialogueEngine],
) -> None:
    """A session saved by the previous release holds the hash of "поўня" as typed (ё as е
    only): writing it as set still raises the alarm, and the hash is then made again folded,
    so "поуня" counts from then on."""
    engine = make_engine()
    chat = Chat(engine, language_code="be", user_key="e" * 32)
    await chat.command("/start")
    session = await engine.store.load(chat.user_key) or Session()
    step = engine._alarm  # its key is the engine's (per process in tests)
    old = step.digest(chat.user_key, ["поўня"])
    session.alarm_hash = old
    await engine.store.save(chat.user_key, session)
    assert alerts(await chat.say("Поўня")) != []
    saved = await engine.store.load(chat.user_key)
    assert saved is not None and saved.alarm_hash != old
    assert saved.alarm_hash == step.digest(chat.user_key, ["поуня"])


async def test_an_english_word_hashed_before_the_lookalikes_keeps_working(
    make_engine: Callable[..., DialogueEngine],
) -> None:
    """A session saved before the Latin look-alikes were folded holds the hash of "pasta" in
    Latin letters: written so it still raises the alarm, and it is hashed again folded, so
    "раstа" with Cyrillic letters counts from then on."""
    engine = make_engine()
    chat = Chat(engine, language_code="en", user_key="f" * 32)
    await chat.command("/start")
    session = await engine.store.load(chat.user_key) or Session()
    step = engine._alarm
    session.alarm_hash = step.digest(chat.user_key, ["pasta"])
    await engine.store.save(chat.user_key, session)
    assert alerts(await chat.say("Pasta")) != []
    saved = await engine.store.load(chat.user_key)
    assert saved is not None
    assert saved.alarm_hash == step.digest(chat.user_key, [fold_lookalikes("pasta")])


def test_the_hash_is_an_hmac_of_the_folded_words() -> None:
    step = SilentAlarmStep("k" * 64)
    message = "u\x00поуня".encode()
    assert step.digest("u", ["поуня"]) == hmac.new(b"k" * 64, message, hashlib.sha256).hexdigest()
