"""The sentence model's cue tokens ("_cue_neg_", "_cue_fees_") are found one pattern at a
time, stopping at the first match, instead of one alternation per cue (twice as fast at
start-up): the same tokens for the sentences the model learns from and for the sentences of
the development ads, so the model and every ad's flags are unchanged. (A third of the training
sentences: the alternations are the slow part of this test; all of them, and every set of
tests/data, were compared once when the change was made: README, "CI time, round 17".)"""

from __future__ import annotations

import re
from pathlib import Path

from bot.content.loader import ContentHolder
from bot.content.models import AdCheck
from bot.core.adcheck_eval import read_ads
from bot.core.admodel import SENTENCE_CHARS, Cues, training_sentences
from bot.core.adtext import (
    fold,
    fold_soft,
    in_cyrillic,
    normalize,
    reads_transliterated,
    sentence_spans,
    transliterated,
)

DEV_ADS = Path(__file__).resolve().parents[1] / "data" / "ads_dev.yaml"


def _alternations(rules: AdCheck) -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    """The cues as one alternation each (letters, transliterated), as they were built before."""
    negations = [*rules.negations_before.values(), *rules.negations_after.values()]
    cues = [("neg", [p for items in negations for p in items])]
    for flag in rules.flags:
        unless = [p for items in flag.unless.values() for p in items]
        unless += [p for s in flag.sentences for items in s.unless.values() for p in items]
        if unless:
            cues.append((flag.id, unless))
    return [
        (name,
         re.compile("|".join(f"(?:{fold(p)})" for p in patterns)),
         re.compile("|".join(f"(?:{fold_soft(p)})" for p in patterns)))
        for name, patterns in cues
    ]


def _plain_tokens(alternations: list[tuple[str, re.Pattern[str], re.Pattern[str]]], low: str,
                  *, cyrillic: bool) -> list[str]:
    return [f"_cue_{name}_" for name, letters, latin in alternations
            if (latin if cyrillic else letters).search(low)]


def _read(text: str, *, cyrillic: bool) -> str:
    low = normalize(text)
    return in_cyrillic(low) if cyrillic else low


def test_cue_tokens_are_those_of_one_alternation_per_cue(content_holder: ContentHolder) -> None:
    rules = content_holder.content.ad_check
    assert rules is not None
    cues, alternations = Cues(rules), _alternations(rules)
    assert cues.names() == [name for name, _, _ in alternations]
    lows = [  # what the model learns from, read as `prepare` reads it
        (_read(s.text, cyrillic=c), c)
        for s in training_sentences(rules)[::3]
        for c in [reads_transliterated(s.text) if s.latin is None else s.latin]
    ]
    for ad in read_ads(DEV_ADS):  # what it reads in an ad, as `AdSentenceModel.read` does
        cyrillic = transliterated(ad.text) is not None
        lows += [(_read(ad.text[s.start : s.end][:SENTENCE_CHARS], cyrillic=cyrillic), cyrillic)
                 for s in sentence_spans(ad.text)]
    differ = [(low, c) for low, c in lows
              if cues.tokens(low, cyrillic=c) != _plain_tokens(alternations, low, cyrillic=c)]
    assert differ == []
    cued = sum(bool(cues.tokens(low, cyrillic=c)) for low, c in lows)
    assert 0 < cued < len(lows)  # both kinds of sentence were compared
