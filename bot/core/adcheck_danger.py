"""An ad's words or the person's own: whether a text that reads like a job ad, or that triage
calls at risk, gets the ad check, the at-risk path, or both (bot/core/adcheck_step.py asks).

A recruiter's ad may hold danger words of its own ("Паспорт будет у администратора", "we never
keep your passport"); a person's cry may quote an ad ("They took my passport, here is their
ad: ..."). What tells them apart is the checker's reading (`AdChecker.looks_like_ad`, `cries`,
`is_pasted_ad`), whether the text was forwarded, asked for with /checkad, or fired a danger
phrase (`by_phrase`); these functions put those together, and hold no state.
"""

from __future__ import annotations

from bot.core.adcheck import AdChecker


def too_short(checker: AdChecker, text: str) -> bool:
    """Fewer words than an ad has (`recognise.forwarded_min_words`): asked for again."""
    return len(text.split()) < checker.rules.recognise.forwarded_min_words


def asked_again(checker: AdChecker, text: str) -> bool:
    """Whether a text sent after /checkad is asked for again as too short: fewer words than an
    ad (`too_short`) and no red flag in it. A short post with one is checked as it is
    ("Devushki do 25 let, stroinye", "Srochno, ostalos 3 mesta": ad34c); "Работа" is asked
    for again."""
    return too_short(checker, text) and not checker.check(text).flags


def taken_as_asked_ad(checker: AdChecker, text: str, *, danger: bool) -> bool:
    """While an ad is asked for, whether `text` is the ad: every text is, except the person's
    own words ("меня заперли", a danger phrase: `danger`), unless it reads as a pasted ad."""
    return checker.is_pasted_ad(text) or not (danger or checker.cries(text))


def asked_ad_at_risk(checker: AdChecker, text: str, *, at_risk: bool, by_phrase: bool) -> bool:
    """Whether a text sent when an ad was asked for goes the at-risk path instead: triage
    calls it at risk, it is no ad pasted on request (`is_pasted_ad`: an ad that says "Паспорт
    будет у администратора" is not the person saying theirs was taken), and a danger phrase
    fired, it is as long as an ad, or it cries. A few words only the model found risky
    ("Работа", `by_phrase` False) with no words of a cry are too short for an ad instead."""
    return at_risk and not checker.is_pasted_ad(text) and (
        by_phrase or not too_short(checker, text) or checker.cries(text))


def ad_words(checker: AdChecker, text: str, *, forwarded: bool, asked: bool) -> bool:
    """Whether `text` is an ad's words, not the person's: pasted after /checkad (`asked`),
    forwarded, or typed, reading like an ad with no words of a cry."""
    if not checker.looks_like_ad(text, forwarded=forwarded or asked):
        return False
    return forwarded or not checker.cries(text)


def pasted_ad(checker: AdChecker, text: str) -> bool:
    """Whether a typed text (not forwarded) reads like an ad on its own (`looks_like_ad`, not
    the lenient forwarded reading) and has no words of the person about themselves (`cries`):
    its danger words are the ad's, not the person's situation ("Мы НЕ забираем паспорт", "no
    fees, we never keep your passport"; adcheck16), so it is offered its check instead of the
    emergency reply. "They took my passport, here is their ad: ..." cries, and goes the
    at-risk path."""
    return checker.looks_like_ad(text) and not checker.cries(text)


def ad_not_danger(checker: AdChecker, text: str, *, forwarded: bool, by_phrase: bool) -> bool:
    """Whether a text triage called at risk is offered its check alone: typed, a pasted ad
    (`pasted_ad`); forwarded, an ad with no words of a cry, when only the model saw a risk (no
    danger phrase: "Warehouse workers needed in Poland, 1200 EUR a month" read as withheld
    wages) and the ad's own check is not strong (break15). A forwarded danger phrase or a
    strong ad still gets the numbers first, then the offer."""
    if not forwarded:
        return pasted_ad(checker, text)
    if by_phrase:
        return False
    return (checker.looks_like_ad(text) and not checker.cries(text)
            and not checker.check(text).strong)


def offered_after_risk(checker: AdChecker, text: str, *, forwarded: bool, by_phrase: bool,
                       asked: bool) -> bool:
    """Whether the check is offered after the at-risk reply to `text`.

    A forwarded or pasted message may be a friend's or the person's own cry for help, so the
    numbers come first; when it reads like a recruiter's offer, the person can still have its
    red flags. A typed message with a danger phrase is offered the check when it has no words
    of a cry (`AdChecker.cries`: "меня", "помогите"), or when the person had asked for a check
    and it reads like a whole ad on its own (`asked`: /checkad, then a long ad with "I" in
    it); someone who wrote about themselves gets the at-risk path alone.
    """
    cry = checker.cries(text)
    # After /checkad, a cry is offered a check only when it is a whole ad on its own (an ad
    # with "I" in it): "Приехали по объявлению ..., живём взаперти" is the person's own, and
    # gets the at-risk reply alone (adcheck16).
    own = cry and not forwarded and not (asked and checker.looks_like_ad(text))
    if own and (by_phrase or asked):
        return False
    # Words in an ad's voice are read as leniently as a forwarded message: an ad of 24 words
    # with "Паспорт будет у администратора" is still offered its check.
    return checker.looks_like_ad(text, forwarded=forwarded or asked or not cry)
