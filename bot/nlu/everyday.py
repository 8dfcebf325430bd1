"""Everyday trouble told in the words of a danger (a fresh tester's false alarms, set 12).

Nine kinds of benign message carry the words of a risk:

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
* pay late and then paid in full ("задержали зарплату на неделю, но выплатили всё", a firm gone
  bankrupt that paid everything: `paid_in_full`); "выплатили всё, кроме сверхурочных" and "не
  выплатили все" stay at risk;
* a bonus cut by a management decision ("премию урезали по решению руководства, оклад платят,
  законно?": `bonus_cut`, round 32a): a contract question; the wages phrases do not fire and the
  wages evidence does not count. Base pay negated ("зарплату не платят"), months named or a
  coercive means keep it at risk;
* overtime asked about ahead of a job ("will they make me work overtime?": `hours_question`);
  "they make me work overtime and threaten me" stays at risk;
* a short plain statement of a job now ("я в Польше, работаю на ферме": `job_stated`): its
  deceptive-job evidence does not count; a deceit word, a wish to leave or a plight keeps it;
* small talk ("у нас тут ромашка цветёт", "the daisies are blooming here": `small_talk`, the
  classifier needs 0.95); a negator, a cry or a plight named keeps it with the model.

The words are content: `everyday` in content/triage_frames.yaml
(`bot.content.models.EverydayWords`); an `Everyday` receives them when the triage is built for
the content. Without them nothing is let off.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.nlu.coercion import Coercion
from bot.nlu.cue_words import has_cue, has_stem, phrases, stems, words
from bot.nlu.negation import NEGATORS

if TYPE_CHECKING:
    from bot.content.models import EverydayWords

# The evidence a cry about a nuisance carries from "помогите" alone (bot.core.triage drops it).
CRY_INDICATORS = frozenset({"emergency_now"})
# Small talk is a short remark: a long message about the weather may tell of anything else too.
SMALL_TALK_WORDS = 8
# How many words either side of a base pay word a negator negates it ("зарплату тоже не платят").
_BASE_PAY_REACH = 3


class Everyday:
    """The everyday frames (module doc) with the words of `words_` (None: nothing is let off)
    and the coercive means of `coercion`. Every method takes a cleaned message's tokens."""

    def __init__(
        self, words_: EverydayWords | None = None, coercion: Coercion | None = None
    ) -> None:
        w = words_
        self._coercion = coercion or Coercion()
        self._help = words(w.help_words if w else None)
        self._neighbour = stems(w.neighbour_stems if w else None)
        self._nuisance = stems(w.nuisance_stems if w else None)
        self._lock = stems(w.lock_stems if w else None)
        self._thing = stems(w.thing_stems if w else None)
        self._person = words(w.person_words if w else None)
        self._death = stems(w.death_stems if w else None)
        self._without = words(w.without_words if w else None)
        self._comfort = stems(w.comfort_stems if w else None)
        self._delay = stems(w.delay_stems if w else None)
        self._holiday = stems(w.holiday_stems if w else None)
        self._day = words(w.day_words if w else None)
        self._small = words(w.small_words if w else None)
        self._chronic = stems(w.chronic_stems if w else None)
        self._tax = stems(w.tax_stems if w else None)
        self._tax_words = words(w.tax_words if w else None)
        self._unpaid = tuple(" ".join(p) for p in phrases(w.unpaid_phrases if w else None))
        self._month = stems(w.month_stems if w else None)
        # Stems of a threat verb ("угрожа", "threat"): also read by bot.nlu.bystander and
        # bot.nlu.past_safe.
        self.threat_verbs = stems(w.threat_verb_stems if w else None)
        self._dismissal = stems(w.dismissal_stems if w else None)
        self._dismiss_verbs = stems(w.dismiss_verb_stems if w else None)
        self._fire = words(w.fire_words if w else None)
        self._fired = words(w.fired_words if w else None)
        self._to = words(w.to_words if w else None)
        self._work = stems(w.work_stems if w else None)
        self._let_out = stems(w.let_out_stems if w else None)
        self._paid_in_full = phrases(w.paid_in_full if w else None)
        self._still_owed = stems(w.still_owed_stems if w else None)
        self._overtime = stems(w.overtime_stems if w else None)
        self._ahead = words(w.ahead_words if w else None)
        self._nature = stems(w.nature_stems if w else None)
        self._plight = stems(w.plight_stems if w else None)
        self._work_now = stems(w.work_now_stems if w else None)
        self._work_now_phrases = phrases(w.work_now_phrases if w else None)
        self._deceit = stems(w.deceit_stems if w else None)
        self._bonus = stems(w.bonus_stems if w else None)
        self._decision = phrases(w.decision_phrases if w else None)
        self._base_pay = stems(w.base_pay_stems if w else None)

    def nuisance(self, tokens: Sequence[str]) -> bool:
        """A cry for help about a noisy neighbour: a help word, a neighbour and a nuisance."""
        return (
            any(word in self._help for word in tokens)
            and any(word.startswith(self._neighbour) for word in tokens)
            and any(word.startswith(self._nuisance) for word in tokens)
        )

    def locked_thing(self, tokens: Sequence[str]) -> bool:
        """A thing locked (a locker, a bike), and no person right after any lock verb."""
        thing = any(word.startswith(self._thing) for word in tokens)
        locks = [at for at, word in enumerate(tokens) if word.startswith(self._lock)]
        person = any(
            w in self._person for at in locks for w in tokens[max(0, at - 1) : at + 3]
        )
        return thing and bool(locks) and not person

    def hyperbole(self, tokens: Sequence[str]) -> bool:
        """Death "without" a comfort ("помру без интернета", "die without coffee")."""
        for at, word in enumerate(tokens):
            if not word.startswith(self._death):
                continue
            after = tokens[at + 1 : at + 4]
            for n, w in enumerate(after[:-1]):
                if w in self._without and after[n + 1].startswith(self._comfort):
                    return True
        return False

    def short_delay(self, tokens: Sequence[str]) -> bool:
        """A delay of pay for a holiday or of a few days, and nothing chronic ("always",
        months)."""
        if not any(word.startswith(self._delay) for word in tokens):
            return False
        if any(word.startswith(self._chronic) for word in tokens):
            return False
        holiday = any(word.startswith(self._holiday) for word in tokens)
        days = any(
            w in self._day and tokens[at - 1] in self._small for at, w in enumerate(tokens) if at
        )
        return holiday or days

    def paid_in_full(self, tokens: Sequence[str]) -> bool:
        """Pay late (or a firm bankrupt) and then paid in full ("задержали на неделю, но выплатили
        всё"): not with a negator just before, pay still owed, pay not paid at all, or a
        coercive means named."""
        found = any(
            tuple(tokens[at : at + len(cue)]) == cue and (at == 0 or tokens[at - 1] not in NEGATORS)
            for cue in self._paid_in_full for at in range(len(tokens) - len(cue) + 1)
        )  # fmt: skip
        if not found or any(word.startswith(self._still_owed) for word in tokens):
            return False
        text = " ".join(tokens)
        return not any(stem in text for stem in self._unpaid) and not self._coercion.named(tokens)

    def bonus_cut(self, tokens: Sequence[str]) -> bool:
        """A bonus cut or dropped by a management decision, asked about ("премию урезали по
        решению руководства, оклад платят, это законно?"): not with base pay negated near its
        word ("зарплату не платят"), months named, or a coercive means named."""
        if not (has_stem(tokens, self._bonus) and has_cue(tokens, self._decision)):
            return False
        for at, word in enumerate(tokens):
            near = tokens[max(0, at - _BASE_PAY_REACH) : at + _BASE_PAY_REACH + 1]
            if word.startswith(self._base_pay) and NEGATORS & set(near):
                return False  # "зарплату тоже не платят"
        return not has_stem(tokens, self._month) and not self._coercion.named(tokens)

    def hours_question(self, tokens: Sequence[str]) -> bool:
        """Overtime asked about ahead of a job ("will they make me work overtime?", "заставят ли
        работать сверхурочно?"): no threat verb and no coercive means named."""
        return (
            any(word.startswith(self._overtime) for word in tokens)
            and bool(self._ahead & set(tokens))
            and not any(word.startswith(self.threat_verbs) for word in tokens)
            and not self._coercion.named(tokens)
        )

    def small_talk(self, tokens: Sequence[str]) -> bool:
        """A short remark on nature or the weather ("у нас тут ромашка цветёт"): no negator, no
        cry, no plight named."""
        return (
            len(tokens) <= SMALL_TALK_WORDS
            and any(word.startswith(self._nature) for word in tokens)
            and not any(word in NEGATORS or word in self._help for word in tokens)
            and not any(word.startswith(self._plight) for word in tokens)
        )

    def job_stated(self, tokens: Sequence[str]) -> bool:
        """A short plain statement of a job now ("я в Польше, работаю на ферме"): no negator,
        cry, plight, deceit or wish to leave."""
        return (
            len(tokens) <= SMALL_TALK_WORDS
            and (any(word.startswith(self._work_now) for word in tokens)
                 or has_cue(tokens, self._work_now_phrases))
            and not any(word in NEGATORS or word in self._help for word in tokens)
            and not any(word.startswith(self._plight + self._deceit) for word in tokens)
        )  # fmt: skip

    def tax_question(self, tokens: Sequence[str]) -> bool:
        """Pay explained by taxes (gross and net, "на руки меньше, это налоги?"): the model reads
        wages withheld from pay words alone. Not when pay is not paid at all, for months, or a
        coercive means is named (bot.nlu.coercion)."""
        if not any(word.startswith(self._tax) or word in self._tax_words for word in tokens):
            return False
        text = " ".join(tokens)
        if any(stem in text for stem in self._unpaid) or self._coercion.named(tokens):
            return False
        return not any(word.startswith(self._month + self._chronic) for word in tokens)

    def delay_phrase(self, words_: Sequence[str]) -> bool:
        """Whether a danger phrase's words name a delay ("salary delayed", "задерживают
        зарплату")."""
        return any(word.startswith(self._delay) for word in words_)

    def threat_words(self, words_: Sequence[str]) -> bool:
        """Whether a danger phrase's words hold a threat verb ("угрожают", "threaten")."""
        return any(word.startswith(self.threat_verbs) for word in words_)

    def _dismissal_named(self, tokens: Sequence[str]) -> bool:
        """A dismissal verb ("уволит", "звольніць", "fire me"), with or without a threat verb."""
        fired = self._fired
        return any(
            word.startswith(self._dismiss_verbs)
            or (word in self._fire and tokens[at + 1 : at + 2] != [] and tokens[at + 1] in fired)
            for at, word in enumerate(tokens)
        )  # fmt: skip

    def dismissal_looms(self, tokens: Sequence[str]) -> bool:
        """A threat of dismissal, not of harm: every threat verb has a dismissal within the next
        three words ("мне угрожает увольнение", "threatened to fire me", "угрожают уволить",
        "пагражае звальненнем"), or there is no threat verb and a dismissal is named ("the boss
        said he'll fire me if I'm late again", "сказал, что уволит"); and the message names no
        coercive means (bot.nlu.coercion: "угрожают уволить и избить", "he'll tell the
        migration office", a debt, a passport, the family)."""
        if self._coercion.named(tokens):
            return False
        threats = [at for at, word in enumerate(tokens) if word.startswith(self.threat_verbs)]
        if not threats:
            return self._dismissal_named(tokens)
        return all(
            any(w.startswith(self._dismissal) for w in tokens[at + 1 : at + 4]) for at in threats
        )

    def not_admitted(self, tokens: Sequence[str]) -> bool:
        """"не выпускают на работу / на смену", "не выпускаюць на працу": a negated letting-out
        verb with "на" and work right after it."""
        return any(
            tokens[at - 1] in NEGATORS
            and word.startswith(self._let_out)
            and self.to_work(" ".join(tokens[at + 1 : at + 3]))
            for at, word in enumerate(tokens)
            if at
        )

    def to_work(self, matched: str) -> bool:
        """Whether a movement phrase's match has "на работу" / "на працу" / "на смену" in its
        gap ("не выпускаюць на працу без медкніжкі"), and no negator after it."""
        words_ = matched.split()
        return any(
            w in self._to and words_[at + 1].startswith(self._work)
            and words_[at + 1] not in NEGATORS
            for at, w in enumerate(words_[:-1])
        )  # fmt: skip
