"""The word lists of content/triage_frames.yaml that CONFIRM a danger no single phrase holds
(round 19): pay held to keep the worker, and a call from where someone is. Same kinds of entry
as the let-off lists (bot.content.models._triage_frames)."""

from __future__ import annotations

from bot.content.models._base import Strict
from bot.content.models._cue_lists import Stems, Words, confirms, let_off


class PayHeldWords(Strict):
    """Pay held so that the worker does not leave (bot.nlu.pay_held)."""

    pay_stems: Stems = confirms("pay, not a bonus: 'зарплат', 'wage'")
    hold_words: Words = confirms("holding the pay, said of someone else: 'держит', 'keeps'")
    self_words: Words = let_off("the writer holding their own money, before the verb: 'я', 'i'")
    purpose_words: Words = confirms("a purpose: 'чтобы', 'каб', 'so'")
    leave_stems: Stems = confirms("leaving, after the purpose and a negator: 'уех', 'leav'")
    stay_stems: Stems = confirms("staying, after the purpose: 'остал', 'stay'")
    until_words: Words = confirms("'until': 'до', 'да', 'till'")
    contract_stems: Stems = let_off(
        "a contract named: its clause held 'until' is asked about, not told: 'договор', 'contract'"
    )
    end_stems: Stems = confirms("after 'until': the season's end or a month: 'сезон', 'октябр'")


class RelayedCallWords(Strict):
    """A call from where someone is: a place after "from" counts after these
    (bot.core.countries)."""

    call_stems: Stems = confirms("calling or writing, before 'from': 'позвон', 'rang'")
