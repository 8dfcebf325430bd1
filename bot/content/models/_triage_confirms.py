"""The word lists of content/triage_frames.yaml that CONFIRM a danger no single phrase holds
(round 19): pay held to keep the worker, and a call from where someone is. Same kinds of entry
as the let-off lists (bot.content.models._triage_frames)."""

from __future__ import annotations

from bot.content.models._base import Strict
from bot.content.models._cue_lists import Stems, Words, cues


class PayHeldWords(Strict):
    """Pay held so that the worker does not leave (bot.nlu.pay_held)."""

    pay_stems: Stems = cues("pay, not a bonus: 'зарплат', 'wage'", lets_off=False)
    hold_words: Words = cues(
        "holding the pay, said of someone else: 'держит', 'keeps'", lets_off=False
    )
    self_words: Words = cues("the writer holding their own money, before the verb: 'я', 'i'",
                             lets_off=True)  # fmt: skip
    purpose_words: Words = cues("a purpose: 'чтобы', 'каб', 'so'", lets_off=False)
    leave_stems: Stems = cues("leaving, after the purpose and a negator: 'уех', 'leav'",
                              lets_off=False)  # fmt: skip
    stay_stems: Stems = cues("staying, after the purpose: 'остал', 'stay'", lets_off=False)
    until_words: Words = cues("'until': 'до', 'да', 'till'", lets_off=False)
    contract_stems: Stems = cues("a contract named: its clause held 'until' is asked about, "
                                 "not told: 'договор', 'contract'", lets_off=True)
    end_stems: Stems = cues("after 'until': the season's end or a month: 'сезон', 'октябр'",
                            lets_off=False)  # fmt: skip


class RelayedCallWords(Strict):
    """A call from where someone is: a place after "from" counts after these
    (bot.core.countries)."""

    call_stems: Stems = cues("calling or writing, before 'from': 'позвон', 'rang'",
                             lets_off=False)  # fmt: skip
